"""Helpers shared by the benchmarks: locating ../shared, timing with repeats, printing a result table."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TRANSCLEAN_SHARED", ROOT.parent / "shared"))


def shared(*parts: str) -> Path:
    """A path under ../shared; exit with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        sys.exit(f"benchmark needs {path} (the shared evaluation data); set TRANSCLEAN_SHARED")
    return path


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs, in seconds (the least disturbed run on a noisy machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def gap_text(name: str = "gap-test.tsv") -> str:
    """English Wikipedia paragraphs from a file of the GAP coreference set (gap-test: about 1 MB)."""
    lines = shared("data", "gap-coreference", name).read_text("utf-8").splitlines()[1:]
    return "\n\n".join(line.split("\t")[1] for line in lines)
