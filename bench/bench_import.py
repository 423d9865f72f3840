"""How long `import transclean` takes (goal: under 150 ms), against a bare interpreter start, same run.

Run: .venv/bin/python bench/bench_import.py
"""

from __future__ import annotations

import subprocess
import sys
import time


def best(code: str, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    bare = best("pass")
    full = best("import transclean")
    pipeline = best("import transclean; transclean.Pipeline()")
    print(f"interpreter start: {bare * 1000:.0f} ms")
    print(f"import transclean: +{(full - bare) * 1000:.0f} ms")
    print(f"import + Pipeline(): +{(pipeline - bare) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
