"""The output folder of a batch run: its lock, its plan, its chunk markers and the final tally.

One run at a time holds ``OUTDIR/.lock`` (``flock``: the kernel releases it when the process and the
workers it forked are gone, however they die). Temporary files live in ``OUTDIR/.tmp/<run id>/``, so no
two runs share a name and no user file is ever taken for a leftover. ``plan.json`` records everything that
shapes the output; a rerun with anything different is refused with the difference named, or, with
``overwrite``, the folder's previous outputs are removed first.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from transclean.batch.formats import Chunk, count_records
from transclean.errors import E, TranscleanError
from transclean.files import write_atomic

#: Differences named in a refusal; more are summarised as a count.
SHOWN_DIFFERENCES = 3


class OutputFolder:
    """A locked output folder for one run (a context manager): ``tmpdir`` is this run's temporary folder,
    removed on exit together with anything a stopped worker left in it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.run_id = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.tmpdir = path / ".tmp" / self.run_id
        self._lock: int | None = None

    def __enter__(self) -> OutputFolder:
        try:
            for sub in ("rejects", ".done", ".tmp"):
                (self.path / sub).mkdir(parents=True, exist_ok=True)
            self._lock = os.open(self.path / ".lock", os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise TranscleanError(E.UNWRITABLE, path=self.path, reason=exc.strerror or exc) from None
        if not _try_lock(self._lock):
            holder = os.pread(self._lock, 1000, 0).decode("utf-8", "replace").strip() or "unknown process"
            os.close(self._lock)
            self._lock = None
            raise TranscleanError(E.OUTDIR_IN_USE, outdir=self.path, holder=holder)
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        with contextlib.suppress(OSError):  # who holds the lock is information only (and a full disk refuses it)
            os.ftruncate(self._lock, 0)
            os.pwrite(self._lock, f"pid {os.getpid()}, started {started}, run {self.run_id}\n".encode(), 0)
        for stale in (self.path / ".tmp").iterdir():  # we hold the lock: every other run is over
            shutil.rmtree(stale, ignore_errors=True)
        try:
            self.tmpdir.mkdir()
        except OSError as exc:
            self.__exit__()
            raise TranscleanError(E.UNWRITABLE, path=self.tmpdir, reason=exc.strerror or exc) from None
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.tmpdir, ignore_errors=True)
        if self._lock is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._lock, 0)  # names no run once this one is over
            os.close(self._lock)  # releases the lock (workers, all stopped by now, held it too)
            self._lock = None

    def check_plan(self, plan: dict[str, Any], *, overwrite: bool) -> None:
        """Refuse a plan that differs from the folder's (naming the differences), or, with ``overwrite``,
        remove the previous run's outputs, rejects, markers and stats; then record the plan."""
        path = self.path / "plan.json"
        if path.exists():
            try:
                old = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError) as exc:
                raise TranscleanError(E.UNREADABLE, path=path, reason=exc) from None
            if overwrite:
                self._remove_outputs(old)
            elif differences := plan_differences(old, plan):
                shown = "; ".join(differences[:SHOWN_DIFFERENCES])
                more = len(differences) - SHOWN_DIFFERENCES
                reason = shown + (f"; and {more} more" if more > 0 else "")
                raise TranscleanError(E.PLAN_MISMATCH, outdir=self.path, reason=reason)
        elif overwrite:
            self._remove_outputs({})
        write_atomic(path, json.dumps(plan, indent=1, ensure_ascii=False).encode(), tmpdir=self.tmpdir)

    def _remove_outputs(self, old_plan: dict[str, Any]) -> None:
        for entry in old_plan.get("chunks", []):
            (self.path / entry["output"]).unlink(missing_ok=True)
        for sub in ("rejects", ".done"):
            shutil.rmtree(self.path / sub, ignore_errors=True)
            (self.path / sub).mkdir()
        for name in ("stats.json", "report.html", "plan.json"):
            (self.path / name).unlink(missing_ok=True)

    def marker(self, chunk: Chunk) -> Path:
        return self.path / ".done" / f"{chunk.name}.json"

    def done(self, chunk: Chunk) -> bool:
        """Whether a chunk is complete: its marker exists and the files it lists have the sizes it records.
        A marker that does not match its files is removed, and the chunk is redone."""
        marker = self.marker(chunk)
        try:
            files = json.loads(marker.read_text("utf-8"))["files"]
        except FileNotFoundError:
            return False
        except (OSError, ValueError, KeyError):
            marker.unlink(missing_ok=True)
            return False
        for name, size in files.items():
            try:
                if (self.path / name).stat().st_size == size:
                    continue
            except OSError:
                pass
            marker.unlink(missing_ok=True)
            return False
        return True

    def tally(self, chunk: Chunk, marker: dict[str, Any], output_format: str) -> None:
        """Count the records in a chunk's files and compare them with its marker."""
        expected = {"output": marker["documents_out"], "rejects": marker["rejected"] + marker["dropped"]}
        for name in marker["files"]:
            kind = "rejects" if name.startswith("rejects/") else "output"
            path = self.path / name
            found = count_records(path, "jsonl" if kind == "rejects" else output_format)
            if found != expected[kind]:
                raise TranscleanError(
                    E.OUTPUT_MISMATCH, path=path, found=found, expected=expected[kind], marker=self.marker(chunk)
                )
            expected[kind] = 0
        for kind, count in expected.items():
            if count:  # records claimed, but no file
                raise TranscleanError(
                    E.OUTPUT_MISMATCH, path=f"{chunk.name} ({kind})", found=0, expected=count, marker=self.marker(chunk)
                )


def plan_differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What differs between two plans, in words: ``mode: was 'fix', now 'flag'``."""
    differences = []
    old_inputs = {i["path"]: i for i in old.get("inputs", [])}
    new_inputs = {i["path"]: i for i in new["inputs"]}
    for path in sorted(old_inputs.keys() - new_inputs.keys()):
        differences.append(f"input {path} is no longer given")
    for path in sorted(new_inputs.keys() - old_inputs.keys()):
        differences.append(f"input {path} is new")
    for path in sorted(old_inputs.keys() & new_inputs.keys()):
        for key in ("size", "mtime_ns"):
            if old_inputs[path][key] != new_inputs[path][key]:
                what = "size" if key == "size" else "modification time"
                differences.append(f"input {path} changed ({what})")
                break
    for key in sorted(new["options"].keys() | old.get("options", {}).keys()):
        was, now = old.get("options", {}).get(key), new["options"].get(key)
        if was != now:
            differences.append(f"{key}: was {was!r}, now {now!r}")
    for key in ("version", "chunk_bytes"):
        if old.get(key) != new[key]:
            differences.append(f"{key}: was {old.get(key)!r}, now {new[key]!r}")
    return differences


def _try_lock(fd: int) -> bool:
    """Take an exclusive lock on ``fd`` without waiting."""
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
