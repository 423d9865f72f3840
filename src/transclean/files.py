"""Reading and writing text files: strict UTF-8 with precise errors, atomic writes."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from transclean.errors import E, TranscleanError

STDIN = "-"


def decode_utf8(data: bytes, path: str) -> str:
    """Decode bytes as UTF-8; an error names the file, byte offset and line.

    >>> decode_utf8(b"ok\\n\\xff", "x.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    transclean.errors.TranscleanError: x.txt: invalid UTF-8 at byte offset 3 (line 2): invalid start byte...
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TranscleanError(E.INVALID_UTF8, path=path, offset=exc.start, line=line, reason=exc.reason) from None


def read_text(path: str) -> str:
    """Read a UTF-8 file (``-`` is standard input) without translating line breaks."""
    if path == STDIN:
        return decode_utf8(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise TranscleanError(E.NOT_FOUND, path=path) from None
    except OSError as exc:
        raise TranscleanError(E.UNREADABLE, path=path, reason=exc.strerror or exc) from None
    return decode_utf8(data, path)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise TranscleanError(E.UNWRITABLE, path=target, reason=exc.strerror or exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise TranscleanError(E.UNWRITABLE, path=target, reason=exc.strerror or exc) from None
