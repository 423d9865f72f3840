"""Every speed figure of the project in one run, as ratios against ftfy on the same texts (`make bench`).

- API fix: `transclean.fix` (what `clean` applies) against `ftfy.fix_text`, per document, one core, in
  steady state (after a warm-up on other texts); a reused `Pipeline().process` (every rule, findings kept).
- Full check: `Pipeline().check` (every default rule: what `check`, `--mode flag` and `--annotate` run),
  per document, and the same documents through `Pipeline().process_many` (first pass rule by rule in batches).
- `clean`: the batch fix path per worker against ftfy alone, and the peak RSS of `clean --mode flag`.
- Cold `transclean check` of one article (a fresh process, median and best of 7 in wall time, median CPU
  time, with a user cache of its own written by a first run) and a bare interpreter start.
- Scaling: `bench/bench_scaling.py` (time against document length) in a process of its own, when present.

The texts are bench_clean.py's: GAP and MT-GenEval documents with damage injected into 40% of them. On a
busy machine trust the ratios more than the seconds; run it twice.

Run: .venv/bin/python bench/bench_all.py [--mb 2] [--check-mb 0.3] [--clean-mb 5] [--scaling-sizes 0.1,0.4,1.6]
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

import transclean
from bench_clean import build, clean, damage, documents, ftfy_alone
from common import ROOT
from transclean import Pipeline
from transclean.cache import cache_dir


def texts(megabytes: float, seed: int = 11) -> list[str]:
    """Damaged and clean documents, about ``megabytes`` of UTF-8 in all."""
    rng = random.Random(seed)
    docs, out, size = documents(), [], 0
    while size < megabytes * 1e6:
        out.append(damage(rng.choice(docs), rng))
        size += len(out[-1].encode("utf-8"))
    return out


def seconds(fn: Callable[[str], object], items: list[str]) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - start


def cold(command: list[str], repeat: int = 7, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Best and median wall time of a fresh process running ``command``, and its median CPU time (user and
    system): on a machine shared with other jobs the wall time measures them too, the CPU time less so."""
    times, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times), statistics.median(times), statistics.median(cpu)


def flag_rss(corpus: Path, outdir: Path) -> float:
    """Peak RSS (MB, the largest process) of `transclean clean --mode flag` with one worker."""
    from bench_clean import _PEAK_RSS

    command = [sys.executable, "-m", "transclean", "clean", str(corpus), "-o", str(outdir), "-q", "--mode", "flag"]
    command += ["--workers", "1", "--chunk-size", str(2 * 1024 * 1024)]
    run = subprocess.run([sys.executable, "-c", _PEAK_RSS, *command], check=True, capture_output=True, text=True)
    return int(run.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2, help="text for the API fix ratios")
    parser.add_argument("--check-mb", type=float, default=0.3, help="text for the full check ratio")
    parser.add_argument("--clean-mb", type=float, default=5, help="corpus for the clean ratios and flag-mode RSS")
    parser.add_argument("--scaling-sizes", default="0.1,0.4,1.6", help="document sizes (MB) for bench_scaling.py")
    args = parser.parse_args()

    items = texts(args.mb)
    mb = sum(len(t.encode("utf-8")) for t in items) / 1e6
    # Steady state: the cached Pipeline, glossaries, models and word lists are loaded on other texts first
    # (one-time costs are the cold check's figure below).
    pipeline = Pipeline()
    for text in texts(0.2, seed=99):
        for run in (ftfy.fix_text, transclean.fix, pipeline.process):
            run(text)
    t_ftfy = seconds(ftfy.fix_text, items)
    t_api = seconds(transclean.fix, items)
    t_process = seconds(pipeline.process, items)
    print(f"texts: {len(items):,} documents, {mb:.2f} MB; ftfy.fix_text {mb / t_ftfy:.2f} MB/s")
    print(f"API transclean.fix: {mb / t_api:.2f} MB/s = {t_ftfy / t_api:.2f}x ftfy (goal 1.0x, at least 0.8x)")
    print(f"reused Pipeline().process, findings kept: {t_ftfy / t_process:.2f}x ftfy")

    checked = texts(args.check_mb, seed=12)
    t_check = seconds(pipeline.check, checked)
    t_ftfy_check = seconds(ftfy.fix_text, checked)
    print(f"full check (Pipeline().check): {t_ftfy_check / t_check:.3f}x ftfy (goal 0.5x, at least 0.25x)")
    start = time.perf_counter()
    for _ in pipeline.process_many(checked):
        pass
    t_many = time.perf_counter() - start
    print(f"full check of the same documents in batches (Pipeline().process_many): {t_ftfy_check / t_many:.3f}x ftfy")

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        build(corpus, args.clean_mb)
        size = corpus.stat().st_size / 1e6
        t_alone = ftfy_alone(corpus)
        t_clean, rss = clean(corpus, Path(tmp) / "fix", 1)
        ratio = t_alone / t_clean
        print(f"clean, 1 worker ({size:.1f} MB, start-up included): {ratio:.2f}x ftfy; peak RSS {rss:.0f} MB")
        print(f"clean --mode flag peak RSS: {flag_rss(corpus, Path(tmp) / 'flag'):.0f} MB (goal 500 MB)")

    article = ROOT / "examples" / "reference_article.txt"
    # Bytecode compiled first, as `pip install` leaves it: with PYTHONDONTWRITEBYTECODE set (as on the
    # project's machines) an editable checkout would otherwise compile every module at each start (0.1 s).
    compileall.compile_dir(ROOT / "src" / "transclean", quiet=1)
    bare, _, _ = cold([sys.executable, "-c", "pass"])
    command = [sys.executable, "-m", "transclean", "check", str(article)]
    # A user cache of its own: the shared ~/.cache/transclean is rewritten by every checkout and version on
    # the machine, whose runs in between made some timed runs build caches again. It starts as links to the
    # shared files (building the word lists anew takes a minute); a first run replaces (never writes
    # through) the links to whatever it keeps differently.
    with tempfile.TemporaryDirectory() as cache:
        own = Path(cache) / "transclean"
        own.mkdir()
        for kept in cache_dir().glob("*"):
            (own / kept.name).symlink_to(kept)
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=env)
        first = time.perf_counter() - start
        best, median, cpu = cold(command, env=env)
    print(
        f"cold `transclean check` of one article: {median:.2f} s median, {best:.2f} s best of 7 "
        f"(goal 0.3 s, at most 0.5 s; CPU {cpu:.2f} s median); bare start {bare:.2f} s; first run {first:.1f} s"
    )

    # A process of its own: run here, the GAP paragraphs the API and check figures read above were memoised
    # (words, names), which warmed the smallest scaling document more than the larger ones.
    scaling = ROOT / "bench" / "bench_scaling.py"
    if scaling.exists():
        sys.stdout.flush()
        subprocess.run([sys.executable, str(scaling), "--sizes", args.scaling_sizes], check=False)
    else:
        print("scaling: bench/bench_scaling.py not present")


if __name__ == "__main__":
    main()
