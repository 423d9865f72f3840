"""Reading and writing text files: UTF-8 (or UTF-16/32 with a BOM) with precise errors, atomic writes."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from transclean.errors import E, TranscleanError

STDIN = "-"
#: Documents larger than this are refused with a clear error rather than processed in one piece.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
# Byte-order marks of the encodings read besides UTF-8, longest first (UTF-32-LE starts like UTF-16-LE).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_text(data: bytes, path: str) -> tuple[str, bytes, str]:
    """Decode a document: UTF-8, or UTF-16/32 when a byte-order mark says so. Returns (text, BOM, codec) so
    the output can be written back in the same encoding. Binary data and oversized files are errors.

    >>> decode_text("é".encode("utf-16"), "x.txt")[0]
    'é'
    """
    if len(data) > MAX_DOCUMENT_BYTES:
        raise TranscleanError(E.TOO_LARGE, path=path, size=len(data), limit=MAX_DOCUMENT_BYTES)
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), bom, codec
            except UnicodeDecodeError as exc:
                raise TranscleanError(
                    E.INVALID_UTF8, path=path, offset=exc.start + len(bom), line="?", reason=f"{exc.reason} in {codec}"
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise TranscleanError(E.BINARY, path=path, offset=nul)
    return decode_utf8(data, path), b"", "utf-8"


def encode_text(text: str, bom: bytes, codec: str) -> bytes:
    """The inverse of :func:`decode_text`."""
    return bom + text.encode(codec)


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


def read_document(path: str) -> tuple[str, bytes, str]:
    """Read a document (``-`` is standard input) without translating line breaks: (text, BOM, codec)."""
    if path == STDIN:
        return decode_text(sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1), "<stdin>")  # never more than the limit
    try:
        size = Path(path).stat().st_size
        if size > MAX_DOCUMENT_BYTES:  # refused before anything is read
            raise TranscleanError(E.TOO_LARGE, path=path, size=size, limit=MAX_DOCUMENT_BYTES)
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise TranscleanError(E.NOT_FOUND, path=path) from None
    except IsADirectoryError:
        raise TranscleanError(E.UNREADABLE, path=path, reason="a directory") from None
    except OSError as exc:
        raise TranscleanError(E.UNREADABLE, path=path, reason=exc.strerror or exc) from None
    return decode_text(data, path)


def read_text(path: str) -> str:
    """The text of a document (see :func:`read_document`)."""
    return read_document(path)[0]


def new_file_mode() -> int:
    """The mode ``open()`` gives a new file under the current umask (0o644 under umask 022).

    Read from /proc on Linux: ``os.umask`` can only be read by setting it, which races with other threads.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: str | os.PathLike[str], data: bytes, *, tmpdir: str | os.PathLike[str] | None = None) -> None:
    """Write ``data`` to a temporary file (beside ``path``, or in ``tmpdir`` on the same disk), then rename it
    into place. The file gets the mode of the file it replaces, else the umask's (mkstemp's own 0o600 would
    hide outputs from other users)."""
    import tempfile  # with random and shutil, 0.01 s of a start that writes nothing

    target = Path(path)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = new_file_mode()
    try:
        fd, tmp = tempfile.mkstemp(dir=tmpdir or target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise TranscleanError(E.UNWRITABLE, path=target, reason=exc.strerror or exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(tmp, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise TranscleanError(E.UNWRITABLE, path=target, reason=exc.strerror or exc) from None
