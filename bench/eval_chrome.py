"""What `fix` removes as site chrome, measured on trafilatura's main-text annotations.

trafilatura's evaluation set (../shared/data/trafilatura-eval, 990 annotated pages) lists for each page
snippets that belong to the main text ("with") and snippets of its chrome ("without": menus, footers,
"Related Coverage", cookie banners). Two measurements, both with the boilerplate rules (TC2xx) only, so
that nothing but chrome removal changes the text:

- snippets: each page becomes a document of its main-text snippets, one per line, followed by its chrome
  snippets; a main-text line that `fix` removes or changes is a loss, a chrome line it removes is a catch;
- pages: the 10 pages whose HTML is copied, turned into text one block element per line; main-text
  snippets present before the fix and missing after it are losses.

Run: .venv/bin/python bench/eval_chrome.py
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

from common import shared
from transclean import Config, Pipeline

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header",
           "footer", "nav", "aside", "ul", "ol", "blockquote", "figcaption", "figure", "title", "dd", "dt"}  # fmt: skip
_SKIP = {"script", "style", "noscript", "svg"}


class _Text(HTMLParser):
    """The visible text of an HTML page, one block element per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(" ".join(data.split()) if data.strip() else "")

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line) + "\n"


def _pipeline() -> Pipeline:
    return Pipeline(Config(select=("TC2",)))


def snippets() -> None:
    data = json.loads(shared("data", "trafilatura-eval", "evaldata-full.json").read_text("utf-8"))
    pipeline = _pipeline()
    kept_total = lost = chrome_total = caught = 0
    losses: list[str] = []
    for entry in data.values():
        main = [" ".join(s.split()) for s in entry.get("with", []) if s.strip()]
        chrome = [" ".join(s.split()) for s in entry.get("without", []) if s.strip()]
        fixed = set(pipeline.process("\n".join(main + chrome) + "\n").text.splitlines())
        kept_total += len(main)
        chrome_total += len(chrome)
        for line in main:
            if line not in fixed:
                lost += 1
                losses.append(line)
        caught += sum(line not in fixed for line in chrome)
    print(f"snippets: main-text lines removed or changed {lost}/{kept_total} ({100 * lost / kept_total:.2f}%), "
          f"chrome lines removed {caught}/{chrome_total} ({100 * caught / chrome_total:.1f}%)")  # fmt: skip
    for line in losses[:20]:
        print(f"    lost: {line[:100]!r}")


def pages() -> None:
    subset = json.loads(shared("data", "trafilatura-eval", "evaldata-subset.json").read_text("utf-8"))
    folder = shared("data", "trafilatura-eval", "html")
    pipeline = _pipeline()
    present = lost = removed_lines = total_lines = 0
    for entry in subset.values():
        parser = _Text()
        parser.feed((folder / entry["file"]).read_text("utf-8", errors="replace"))
        text = parser.text()
        fixed = pipeline.process(text).text
        before, after = " ".join(text.split()), " ".join(fixed.split())
        total_lines += len(text.splitlines())
        removed_lines += len(text.splitlines()) - len(fixed.splitlines())
        for snippet in entry.get("with", []):
            snippet = " ".join(snippet.split())
            if snippet in before:
                present += 1
                if snippet not in after:
                    lost += 1
                    print(f"    lost on {entry['file']}: {snippet[:100]!r}")
    print(f"pages: {len(subset)} pages, lines removed {removed_lines}/{total_lines}, "
          f"main-text snippets lost {lost}/{present}")  # fmt: skip


if __name__ == "__main__":
    snippets()
    pages()
