"""Time against document length: the full check (every default rule, what ``check`` and ``--mode flag`` run)
on one document of growing size, with ftfy.fix_text on the same text in the same run.

Kinds of document, each built by repeating its unit up to the size:
- ``news``: GAP's English Wikipedia paragraphs, a blank line apart (names, pronouns, quotations);
- ``long-line``: the same paragraphs joined by spaces into one line;
- ``ads``: ``"[ad_1]\\n"`` repeated, thousands of fixes in one document (their selection was quadratic);
- ``names``: sentences naming 20,000 distinct people (mention extraction and pairing were quadratic).

Linear time means each 4x longer document takes at most 4.5x the time (the "growth" column). Times are CPU
seconds of this process (check and ftfy alike), which a busy machine disturbs far less than wall time.

Steady state: before a kind's timed sizes, its warm-up checks OTHER text of the same kind (GAP's validation
paragraphs, other ad markers, other surnames), so models, tables and the process-wide word memos are loaded
but know no more of the smallest document than of the largest. Warmed up on the timed text itself (or, in
`make bench`, after the API benchmarks had read the same GAP paragraphs), the smallest document's words were
memoised and the first step read as growth. Each unit ends with its separator, so a repeated unit joins as
the kind does (a paragraph break, a space): no sentence fused at the seam.

Run: .venv/bin/python bench/bench_scaling.py [--sizes 0.1,0.4,1.6,6.4] [--kinds news,ads,names,long-line]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence

import ftfy

from common import gap_text
from transclean import Pipeline

FIRST_NAMES = ("Anna", "Peter", "Maria", "John", "Elena", "David", "Sofia", "Michael", "Laura", "Thomas")
SYLLABLES = ("ka", "lo", "ren", "vi", "stor", "mar", "tel", "ban", "dri", "os", "ul", "nek")


def _names(seed: int = 7) -> str:
    """20,000 sentences, each naming a different person with a made-up surname."""
    rng = random.Random(seed)
    sentences = []
    for i in range(20_000):
        surname = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        sentences.append(f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {surname} spoke to the committee on Monday.")
    return " ".join(sentences) + "\n"


UNITS: dict[str, Callable[[], str]] = {
    "news": lambda: gap_text() + "\n\n",
    "long-line": lambda: " ".join(gap_text().split("\n\n")) + " ",
    "ads": lambda: "[ad_1]\n",
    "names": _names,
}

#: Other text of each kind for the warm-up (about 0.1-0.25 MB each).
WARM_UPS: dict[str, Callable[[], str]] = {
    "news": lambda: gap_text("gap-validation.tsv") + "\n\n",
    "long-line": lambda: " ".join(gap_text("gap-validation.tsv").split("\n\n")) + " ",
    "ads": lambda: "".join(f"[ad_{i % 7 + 2}]\n" for i in range(14_000)),
    "names": lambda: _names(seed=8)[:100_000],
}


def document(kind: str, mb: float) -> str:
    """A document of ``mb`` megabytes (characters) made of the kind's unit, repeated and cut at a line."""
    unit = UNITS[kind]()
    size = int(mb * 1_000_000)
    text = unit * (size // len(unit) + 1)
    cut = text.rfind("\n", 0, size)
    return text[: cut + 1 if cut > size // 2 else size]


def warm_up(pipeline: Pipeline, kind: str) -> None:
    """Check other text of ``kind`` than the timed documents (see the module's docstring). The Italian
    sentence makes TC801 load langdetect (3-4 s); the news warm-up (0.2 MB) asks for enough words that the
    English word list is read whole (after Frequencies.LOAD_AFTER words), which a smaller one left inside
    the first, smallest timing."""
    pipeline.process(WARM_UPS[kind]() + "\nIl governo ha annunciato nuove misure per le famiglie.\n")


def timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process spent in ``fn``: the machine is shared, and wall time on a loaded machine
    measures the neighbours too (growth read from wall time swung between 3x and 5x run to run)."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def run(sizes: Sequence[float], kinds: Sequence[str]) -> list[str]:
    """The result table as Markdown lines: seconds, MB/s, ratio to ftfy and growth per size step."""
    pipeline = Pipeline()
    lines = [
        "| document | MB | check CPU s | ftfy CPU s | check / ftfy speed | growth for 4x |",
        "|---|---|---|---|---|---|",
    ]
    worst: tuple[float, str] = (0.0, "")
    for kind in kinds:
        warm_up(pipeline, kind)
        previous: tuple[float, float] | None = None
        for mb in sizes:
            text = document(kind, mb)
            ftfy_s = timed(lambda text=text: ftfy.fix_text(text))
            check_s = timed(lambda text=text: pipeline.process(text))
            growth = ""
            if previous is not None:
                # time ratio normalised to a 4x longer document, so steps other than 4x read the same
                size_ratio, time_ratio = len(text) / previous[0], check_s / previous[1]
                growth = f"{time_ratio * 4 / size_ratio:.2f}x"
                worst = max(
                    worst, (time_ratio * 4 / size_ratio, f"{kind}, {previous[0] / 1e6:.2f} -> {len(text) / 1e6:.2f} MB")
                )
            previous = (len(text), check_s)
            ratio = ftfy_s / check_s
            lines.append(f"| {kind} | {len(text) / 1e6:.2f} | {check_s:.2f} | {ftfy_s:.3f} | {ratio:.3f}x | {growth} |")
    if worst[1]:
        lines.append(f"\nlargest growth for a 4x longer document: {worst[0]:.2f}x ({worst[1]}; goal 4.5x, at most 5x)")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,0.4,1.6,6.4", help="document sizes in MB, comma-separated")
    parser.add_argument("--kinds", default=",".join(UNITS), help="document kinds, comma-separated")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    print("\n".join(run(sizes, args.kinds.split(","))))


if __name__ == "__main__":
    main()
