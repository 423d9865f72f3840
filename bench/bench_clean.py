"""Batch throughput: the default chain against ftfy alone, 1 vs 2 workers, and peak memory.

The corpus is built from real public text in ../shared/data (GAP's English Wikipedia paragraphs and
MT-GenEval's Spanish, French, Italian and Russian sentences, grouped into documents) with damage injected
into some documents: mojibake (UTF-8 read as cp1252), ad markers, letters lost to '?', doubled stops.

Run: .venv/bin/python bench/bench_clean.py [--mb 20]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

import ftfy

from common import shared


def documents() -> list[str]:
    lines = shared("data", "gap-coreference", "gap-test.tsv").read_text("utf-8").splitlines()[1:]
    docs = [line.split("\t")[1] for line in lines]
    for lang in ("es", "fr", "it", "ru"):
        path = shared("data", "mt-geneval", f"geneval-sentences-masculine-test.en_{lang}.{lang}")
        sentences = path.read_text("utf-8").splitlines()
        docs += [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return docs


def damage(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.1:
        return text.encode("utf-8").decode("cp1252", "replace")
    if roll < 0.2:
        return "Headline\n\n[ad_1]\n\n" + text + "\n\n[ad_2]"
    if roll < 0.3:
        return text.encode("latin-1", "replace").decode("latin-1")
    if roll < 0.4:
        return text.replace(". ", ". . ", 1)
    return text


def build(path: Path, megabytes: float) -> int:
    rng = random.Random(11)
    docs = documents()
    size = count = 0
    with path.open("w", encoding="utf-8") as handle:
        while size < megabytes * 1e6:
            text = damage(rng.choice(docs), rng)
            line = json.dumps({"id": count, "text": text}, ensure_ascii=False) + "\n"
            handle.write(line)
            size += len(line.encode("utf-8"))
            count += 1
    return count


def _ftfy_seconds(path: str) -> float:
    with Path(path).open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    start = time.perf_counter()
    for text in texts:
        ftfy.fix_text(text)
    return time.perf_counter() - start


def ftfy_alone(path: Path) -> float:
    """Seconds ftfy.fix_text takes over the corpus's texts, loaded in memory first. Run in a spawned process:
    a child forked from a parent holding 1 GB of texts would report that parent's memory as its peak RSS."""
    with get_context("spawn").Pool(1) as pool:
        return pool.apply(_ftfy_seconds, (str(path),))


# Runs a command and prints the peak RSS (KiB) of the largest process among its descendants: a fresh, small
# parent, so neither the benchmark's own memory nor its ftfy run counts.
_PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def clean(path: Path, outdir: Path, workers: int) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, the largest process) of `transclean clean`."""
    command = [sys.executable, "-m", "transclean", "clean", str(path), "-o", str(outdir), "-q"]
    command += ["--workers", str(workers), "--chunk-size", str(2 * 1024 * 1024)]
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", _PEAK_RSS, *command], check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    return elapsed, int(run.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = build(corpus, args.mb)
        mb = corpus.stat().st_size / 1e6
        t_ftfy = ftfy_alone(corpus)
        t1, rss1 = clean(corpus, Path(tmp) / "w1", 1)
        t2, rss2 = clean(corpus, Path(tmp) / "w2", 2)
        print(f"corpus: {n:,} documents, {mb:.1f} MB")
        print(f"ftfy.fix_text alone: {mb / t_ftfy:.2f} MB/s")
        print(f"transclean clean, 1 worker: {mb / t1:.2f} MB/s = {t_ftfy / t1:.2f}x ftfy alone; peak RSS {rss1:.0f} MB")
        print(f"transclean clean, 2 workers: {mb / t2:.2f} MB/s = {t1 / t2:.2f}x one worker; peak RSS {rss2:.0f} MB")


if __name__ == "__main__":
    main()
