"""Inline suppression for text formats that have comments: a comment line ``transclean: ignore TC401``
silences those codes (prefixes work; no code: every rule) in the paragraph that follows it.

Prose has no statement to hang a ``# noqa`` on, and a trailing marker inside a sentence would be read by
people and by translation engines; a comment line before a paragraph is invisible in the rendered text.
Plain ``.txt`` has no comment syntax, so it uses per-file ignores in the configuration instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

_CODES = r"transclean:[ \t]*ignore(?P<codes>(?:[ \t,]+[A-Za-z]+\d*)*)[ \t]*"
#: Comment line syntax by file suffix: HTML comments for markup, the comment forms of reST and TeX.
_COMMENT = {
    ".md": re.compile(rf"^[ \t]*<!--\s*{_CODES}-->[ \t]*$", re.M),
    ".rst": re.compile(rf"^\.\.[ \t]+{_CODES}$", re.M),
    ".tex": re.compile(rf"^[ \t]*%[ \t]*{_CODES}$", re.M),
}
for _suffix in (".markdown", ".html", ".htm", ".xhtml", ".xml"):
    _COMMENT[_suffix] = _COMMENT[".md"]
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n(?=[ \t]*\S)|\Z")


@dataclass(frozen=True)
class Suppression:
    """Codes (or prefixes; empty: all) silenced between two source offsets."""

    start: int
    end: int
    codes: tuple[str, ...]

    def covers(self, code: str, offset: int) -> bool:
        return self.start <= offset < self.end and (not self.codes or code.startswith(self.codes))


def suppressions(text: str, path: str | None) -> tuple[Suppression, ...]:
    """The suppressed regions of ``text``, by the comment syntax of ``path``'s suffix (none if it has none).

    >>> suppressions("<!-- transclean: ignore TC4 -->\\nShe said.\\n\\nNext.\\n", "a.md")
    (Suppression(start=32, end=43, codes=('TC4',)),)
    """
    pattern = _COMMENT.get(PurePath(path).suffix.lower()) if path else None
    if pattern is None:
        return ()
    found = []
    for match in pattern.finditer(text):
        start = match.end() + 1
        body = len(text) - len(text[start:].lstrip())
        end = _PARAGRAPH_END.search(text, body).end()  # type: ignore[union-attr]  # \Z always matches
        codes = tuple(code.upper() for code in re.split(r"[\s,]+", match["codes"]) if code)
        found.append(Suppression(start, end, codes))
    return tuple(found)


def is_suppressed(code: str, offset: int, regions: Sequence[Suppression]) -> bool:
    """Whether a finding of ``code`` at source ``offset`` falls in a region that silences it."""
    return any(region.covers(code, offset) for region in regions)
