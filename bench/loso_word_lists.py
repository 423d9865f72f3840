"""Leave one site out for the word-list chrome rules, beside TC217's learned model, on annotated pages.

Usage: loso_word_lists.py FOLDER

The word-list rules (TC203-TC216) read their words from the ``[chrome]`` and ``[boilerplate]`` tables of the
language files. To score a site as if it had never been seen, every entry of those tables that occurs in
that site's annotated chrome and in no other site's is removed (the measure of docs/evaluation-real-pages.md:
pessimistic, as it also drops general words only one dev site happens to use, and blind to the regular
expressions in rule code), and the site's pages are checked again, TC217 aside. Each site runs in its own
process: the language files are parsed once per process, and rule modules derive tables from them at import.
The model's side is bench/train_line_model.py's leave one site out at the threshold of the shipped model.
Printed: boilerplate problems flagged by the word lists fitted and left out, by the model left out, and by both.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
TABLES = ("chrome", "boilerplate")


def _chrome_text(folder: Path) -> dict[str, str]:
    """The annotated chrome of each site, lower-cased, one string per site."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted(folder.glob("*.expect.json")):
        expect = json.loads(path.read_text("utf-8"))
        site = expect.get("site") or path.name.split("_")[0]
        found[site] += [p["text"].lower() for p in expect["must_flag"] if "boilerplate" in p["category"]]
    return {site: "\n".join(texts) for site, texts in found.items()}


def _occurs(entry: str, text: str) -> bool:
    return bool(regex.search(r"(?<!\w)" + regex.escape(entry.lower().replace("’", "'")) + r"(?!\w)", text))


def _filter(value: object, keep: object) -> object:
    """``value`` (a table, list or string of a language file) without the entries ``keep`` refuses."""
    if isinstance(value, dict):
        return {k: _filter(v, keep) for k, v in value.items()}
    if isinstance(value, list):
        return [v for v in value if not isinstance(v, str) or keep(v)]  # type: ignore[operator]
    return value


def site_findings(folder: Path, site: str) -> dict[str, list[tuple[int, int, str]]]:
    """Findings on ``site``'s pages with the entries only that site's chrome shows removed (run in a fresh
    process: the patch must precede the first language file read)."""
    import tomllib

    texts = _chrome_text(folder)
    own = texts.get(site, "")
    others = "\n".join(t for s, t in texts.items() if s != site)

    def keep(entry: str) -> bool:
        folded = entry.lower().replace("’", "'")
        return not (_occurs(folded, own) and not _occurs(folded, others))

    loads = tomllib.loads

    def ablated(text: str, **kwargs: object) -> dict:
        data = loads(text, **kwargs)
        return {k: _filter(v, keep) if k in TABLES else v for k, v in data.items()}

    tomllib.loads = ablated  # type: ignore[assignment]
    # The parsed language files are kept in the user cache (transclean.cache.kept), which would skip the
    # patched parser and serve the full tables: this process reads them from an empty cache of its own.
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="loso-")
    from transclean import Config, Pipeline

    pipe = Pipeline(Config(ignore=("TC217",)))
    found = {}
    for path in sorted(folder.glob("*.expect.json")):
        expect = json.loads(path.read_text("utf-8"))
        if (expect.get("site") or path.name.split("_")[0]) == site:
            result = pipe.process((folder / expect["input"]).read_text("utf-8"))
            found[path.name.removesuffix(".expect.json")] = [
                (f.start, f.end, f.category.value) for f in result.findings
            ]
    return found


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    if len(argv) == 3 and argv[1] == "--site":
        print(json.dumps(site_findings(folder, argv[2])))
        return 0
    sys.path.insert(0, str(HERE))
    from train_line_model import leave_one_site_out, load, rule_spans, score
    from transclean.analysis.lines import line_model

    pages = load(folder)
    left_out: dict[str, list[tuple[int, int, str]]] = {}
    for site in sorted({p.site for p in pages}):
        out = subprocess.run(
            [sys.executable, __file__, str(folder), "--site", site], capture_output=True, text=True, check=True
        )
        left_out.update({k: [tuple(f) for f in v] for k, v in json.loads(out.stdout).items()})
    fitted = rule_spans(pages)
    threshold = line_model()["threshold"]
    cv = leave_one_site_out(pages)
    none = {p.name: [0.0] * len(p.rows) for p in pages}
    print("word lists, fitted:       ", score(pages, none, 2.0, fitted)["with_rules"])
    print("word lists, site left out:", score(pages, none, 2.0, left_out)["with_rules"])
    print("model, site left out:     ", score(pages, cv, threshold)["flagged"])
    print("both, site left out:      ", score(pages, cv, threshold, left_out)["with_rules"])
    print("model left out + word lists fitted:", score(pages, cv, threshold, fitted)["with_rules"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
