"""Throughput of the full check (every default rule: what ``check``, ``--mode flag`` and ``--annotate`` run)
against ftfy.fix_text on the same texts in the same run.

The texts are news-like articles of about 4 KB: GAP's English Wikipedia paragraphs and MT-GenEval's English
sentences, joined; every fifth article also appears damaged (apostrophes as cp1252 mojibake) and every
seventh with its accented and curly characters lost to '?', so the repair rules have work too. Time is
measured in steady state: one warm-up document first (models, tables and caches load once per process; that
one-time cost is printed separately, in wall time). The check and ftfy are timed in CPU seconds of this
process: the machine is shared, and wall time on a loaded machine measures the neighbours too (two
wall-time runs of the same code gave 0.047x and 0.063x).

The same documents then go through ``Pipeline.process_many`` (the same findings; the first pass runs rule by
rule over batches of documents), printed as a second ratio.

Run: .venv/bin/python bench/bench_check.py [--mb 3] [--profile N]   (--profile: cProfile, top N functions)
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Sequence

import ftfy

from common import gap_text, shared
from transclean import Pipeline

ARTICLE = 4000


def articles(mb: float) -> list[str]:
    """About ``mb`` megabytes of ~4 KB articles, the damaged copies included."""
    paragraphs = gap_text().split("\n\n")
    sentences = []
    for path in sorted(shared("data", "mt-geneval").glob("geneval-sentences-*-test.en_*.en")):
        sentences += path.read_text("utf-8").splitlines()
    # MT-GenEval sentences grouped five to a paragraph, interleaved with GAP paragraphs
    units = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    mixed = [p for pair in zip(paragraphs, units, strict=False) for p in pair]
    docs, current, size = [], [], 0
    for paragraph in mixed:
        current.append(paragraph)
        size += len(paragraph)
        if size >= ARTICLE:
            docs.append("\n\n".join(current) + "\n")
            current, size = [], 0
    out, total, i = [], 0, 0
    while total < mb * 1_000_000:
        doc = docs[i % len(docs)]
        out.append(doc)
        if i % 5 == 0:
            out.append(doc.replace("'", "\u2019").replace("\u2019", "\u00e2\u20ac\u2122"))
        if i % 7 == 0:
            out.append(doc.encode("ascii", "replace").decode("ascii"))
        total = sum(map(len, out))
        i += 1
    return out


def run(mb: float, profile: int = 0) -> list[str]:
    """Result lines: one-time load, then seconds and MB/s of ftfy and of the check, and their ratio."""
    docs = articles(mb)
    size = sum(map(len, docs)) / 1e6
    start = time.perf_counter()
    pipeline = Pipeline()
    # The warm-up loads what a text may need once per process: the damaged copies load the lexicon, the
    # Italian sentence langdetect (TC801 asks it only when fastText is unsure), the bracketed phrase the word
    # lists of every language TC803 compares; 30 articles ask for enough words that the English word list is
    # read whole (after Frequencies.LOAD_AFTER words, about 0.5 s), which fewer left inside the timing.
    pipeline.process(
        "".join(docs[:30]) + "Il governo ha annunciato nuove misure per le famiglie e le imprese.\n"
        "He spoke for the [ex-ministro da Saúde Eduardo] Pazuello.\n"
    )
    load = time.perf_counter() - start
    start = time.process_time()
    for doc in docs:
        ftfy.fix_text(doc)
    ftfy_s = time.process_time() - start
    profiler = cProfile.Profile() if profile else None
    start = time.process_time()
    if profiler:
        profiler.enable()
    for doc in docs:
        pipeline.process(doc)
    if profiler:
        profiler.disable()
    check_s = time.process_time() - start
    # The same documents through Pipeline.process_many: the first pass rule by rule over batches.
    start = time.process_time()
    for _ in pipeline.process_many(docs):
        pass
    many_s = time.process_time() - start
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(profile)
        stats.sort_stats("cumulative").print_stats(profile)
    return [
        f"full check on {len(docs)} articles, {size:.2f} MB (one-time load and warm-up: {load:.2f} s)",
        f"ftfy.fix_text  {ftfy_s:6.2f} CPU s  {size / ftfy_s:6.2f} MB/s",
        f"check          {check_s:6.2f} CPU s  {size / check_s:6.2f} MB/s",
        f"check / ftfy speed: {ftfy_s / check_s:.3f}x",
        f"process_many   {many_s:6.2f} CPU s  {size / many_s:6.2f} MB/s  {ftfy_s / many_s:.3f}x ftfy (batches)",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="megabytes of articles (default 3)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile the check, print top N")
    args = parser.parse_args(argv)
    print("\n".join(run(args.mb, args.profile)))


if __name__ == "__main__":
    main()
