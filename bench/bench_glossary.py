"""Glossary matching throughput with a 100k-term glossary, and load time.

Run: .venv/bin/python bench/bench_glossary.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from wordfreq import top_n_list

from common import best_of, gap_text
from transclean.glossary import Glossary, fold, load_glossary


def build_terms(n: int = 100_000) -> list[tuple[str, str]]:
    """(en, de) term pairs: two- and three-word names from real word lists, plus single rare words."""
    rng = random.Random(7)
    words = [w for w in top_n_list("en", 60_000) if w.isalpha() and len(w) > 3][5_000:]
    german = [w for w in top_n_list("de", 60_000) if w.isalpha() and len(w) > 3][5_000:]
    terms: set[tuple[str, str]] = set()
    while len(terms) < n:
        k = rng.choice((1, 2, 2, 3))
        en = " ".join(rng.choice(words).capitalize() for _ in range(k))
        de = " ".join(rng.choice(german).capitalize() for _ in range(k))
        terms.add((en, de))
    return sorted(terms)


def main() -> None:
    terms = build_terms()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.tsv"
        rows = ["id\ttype\ten\tde"] + [f"t{i}\tterm\t{en}\t{de}" for i, (en, de) in enumerate(terms)]
        path.write_text("\n".join(rows) + "\n", "utf-8")
        start = time.perf_counter()
        glossary = load_glossary(path)
        parse_s = time.perf_counter() - start
        start = time.perf_counter()
        glossary.match("warm up")  # builds the automaton
        build_s = time.perf_counter() - start
    text = gap_text()
    mb = len(text.encode("utf-8")) / 1e6
    match_s = best_of(lambda: glossary.match(text))
    fold_s = best_of(lambda: fold(text))
    found = len(glossary.match(text))
    empty_s = best_of(lambda: Glossary().match(text))
    print(f"glossary: {len(terms):,} concepts, {2 * len(terms):,} forms")
    print(f"load: parse+validate {parse_s:.2f} s, automaton build {build_s:.2f} s")
    print(f"text: {mb:.2f} MB of GAP paragraphs, {found:,} matches")
    print(f"match: {mb / match_s:.1f} MB/s (of which case/diacritic folding {mb / fold_s:.1f} MB/s)")
    print(f"empty glossary: {mb / empty_s:.0f} MB/s")


if __name__ == "__main__":
    main()
