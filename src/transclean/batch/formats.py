"""Corpus formats: planning chunks, reading records with their positions, writing outputs atomically.

JSONL (plain, .gz, .zst), Parquet and plain text (one document per file). A plain JSONL file is split into
byte ranges on line boundaries so one big file feeds every worker; a compressed file is one chunk (it
cannot be entered in the middle); a Parquet file has one chunk per row group.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from transclean.errors import E, TranscleanError

FORMATS = ("jsonl", "jsonl.gz", "jsonl.zst", "parquet", "txt")
DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024
#: A JSONL record longer than this is rejected without being read into memory whole.
MAX_RECORD_BYTES = 64 * 1024 * 1024


#: File name endings of each format, longest first within a format.
FORMAT_SUFFIXES = (
    ("jsonl.gz", (".jsonl.gz", ".json.gz")),
    ("jsonl.zst", (".jsonl.zst", ".json.zst", ".jsonl.zstd")),
    ("jsonl", (".jsonl", ".ndjson")),
    ("parquet", (".parquet",)),
    ("txt", (".txt",)),
)
SUFFIXES = tuple(suffix for _, suffixes in FORMAT_SUFFIXES for suffix in suffixes)


def detect_format(path: Path) -> str | None:
    """The format of a file from its name, or None."""
    name = path.name.lower()
    return next((fmt for fmt, suffixes in FORMAT_SUFFIXES if name.endswith(suffixes)), None)


@dataclass(frozen=True)
class Chunk:
    """A unit of work: a byte range of a JSONL file, a whole compressed file, a row group, or a text file."""

    path: str
    fmt: str
    index: int
    start: int  # byte offset (jsonl) or row group (parquet)
    end: int
    first_line: int  # 1-based line number of the chunk's first line (jsonl)
    name: str  # output base name, unique in the run

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def expand_inputs(inputs: list[str]) -> dict[Path, str]:
    """Files named, found in directories (recursively), or matched by globs, each with its output name: its
    path relative to the directory it was found in, else its file name. Sorted, deduplicated. A name that is
    no regular file (a FIFO, a dangling link, a link loop) is an error, never skipped in silence."""
    import glob

    found: dict[Path, str] = {}

    def add(path: Path, name: str) -> None:
        found.setdefault(path.resolve(), name)

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and detect_format(file):
                    add(file, file.relative_to(path).as_posix())
            continue
        matches = [path] if os.path.lexists(path) else sorted(Path(m) for m in glob.glob(item, recursive=True))
        if not matches:
            raise TranscleanError(E.NOT_FOUND, path=item)
        for match in matches:
            if not match.is_dir():
                _check_regular(match)
                add(match, match.name)
    for path in found:
        if detect_format(path) is None:
            raise TranscleanError(E.UNKNOWN_FORMAT, path=path, formats=", ".join(FORMATS))
    return found


def _check_regular(path: Path) -> None:
    """Raise a clear error unless ``path`` is (a link to) a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise TranscleanError(E.NOT_REGULAR, path=path, kind="a symbolic link loop") from None
        if exc.errno == errno.ENOENT:
            raise TranscleanError(E.NOT_REGULAR, path=path, kind="a dangling symbolic link") from None
        raise TranscleanError(E.UNREADABLE, path=path, reason=exc.strerror or exc) from None
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        raise TranscleanError(E.NOT_REGULAR, path=path, kind=kind)


def plan_chunks(inputs: dict[Path, str], chunk_bytes: int = DEFAULT_CHUNK_BYTES) -> list[Chunk]:
    """Split the inputs into chunks. Deterministic: the same inputs and chunk size give the same plan.

    A chunk's name is its input's relative name without the format suffix: ``sub/a`` for ``DIR/sub/a.txt``
    (one text file, one output ``sub/a.txt``), ``sub/c-00003`` for the fourth chunk of ``DIR/sub/c.jsonl``.
    A file that cannot be read is an error naming it, before any work starts."""
    chunks: list[Chunk] = []
    used: set[str] = set()
    for path, name in inputs.items():
        fmt = detect_format(path) or ""
        base = name[: len(name) - len(_suffix(name))]
        unique, n = base, 1
        while unique.lower() in used:  # a.jsonl and a.parquet, or two folders with a/b.txt
            n += 1
            unique = f"{base}_{n}"
        used.add(unique.lower())
        try:
            if fmt == "jsonl":
                ranges = _line_ranges(path, chunk_bytes)
            elif fmt == "parquet":
                ranges = _row_groups(path)
            else:
                with path.open("rb"):  # readable now, not only at its turn
                    ranges = [(0, path.stat().st_size, 1)]
        except OSError as exc:
            raise TranscleanError(E.UNREADABLE, path=path, reason=exc.strerror or exc) from None
        for i, (start, end, first_line) in enumerate(ranges):
            chunk_name = unique if fmt == "txt" else f"{unique}-{i:05d}"
            chunks.append(Chunk(str(path), fmt, i, start, end, first_line, chunk_name))
    return chunks


def _suffix(name: str) -> str:
    """The format suffix of a file name as written (``.jsonl.gz``, ``.txt``), or ''."""
    lower = name.lower()
    return next((name[len(name) - len(s) :] for s in SUFFIXES if lower.endswith(s)), "")


def _row_groups(path: Path) -> list[tuple[int, int, int]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        groups = pq.ParquetFile(path).num_row_groups
    except pa.ArrowException as exc:
        raise TranscleanError(E.UNREADABLE, path=path, reason=f"not a readable Parquet file: {exc}") from None
    return [(g, g + 1, 0) for g in range(groups)] or [(0, 0, 0)]


def _line_ranges(path: Path, chunk_bytes: int) -> list[tuple[int, int, int]]:
    """Byte ranges of about ``chunk_bytes`` that end on line boundaries, with each range's first line number."""
    size = path.stat().st_size
    ranges, start, line = [], 0, 1
    with path.open("rb") as handle:
        while start < size:
            handle.seek(min(start + chunk_bytes, size))
            handle.readline()  # move to the end of the line the cut fell in
            end = min(handle.tell(), size)
            ranges.append((start, end, line))
            handle.seek(start)
            remaining = end - start
            while remaining:  # count lines in blocks: memory stays flat, about 2 GB/s
                block = handle.read(min(remaining, 1 << 22))
                line += block.count(b"\n")
                remaining -= len(block)
            start = end
    return ranges or [(0, 0, 1)]


@dataclass
class Raw:
    """One input record: its parsed fields, or the reason it cannot be used, and where it came from."""

    line: int
    data: dict[str, Any] | None
    error: str | None = None
    raw: str = ""
    size: int = 0


def _open_binary(chunk: Chunk) -> BinaryIO:
    if chunk.fmt == "jsonl.gz":
        return gzip.open(chunk.path, "rb")  # type: ignore[return-value]
    if chunk.fmt == "jsonl.zst":
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(open(chunk.path, "rb"), read_across_frames=True)
    return open(chunk.path, "rb")


def _lines(chunk: Chunk) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, size) for the chunk's lines; a line over MAX_RECORD_BYTES is None (never held in
    memory whole). A truncated compressed file raises EOFError at its end."""
    with _open_binary(chunk) as handle:
        if chunk.fmt == "jsonl":
            handle.seek(chunk.start)
            remaining = chunk.end - chunk.start
            reader: Any = handle
        else:
            remaining = -1
            reader = io.BufferedReader(handle) if chunk.fmt == "jsonl.zst" else handle
        number = chunk.first_line
        while remaining != 0:
            line = reader.readline(MAX_RECORD_BYTES + 1)
            if not line:
                break
            size = len(line)
            if size > MAX_RECORD_BYTES and not line.endswith(b"\n"):
                while not line.endswith(b"\n"):  # skip the rest of the record in bounded reads
                    line = reader.readline(1 << 20)
                    size += len(line)
                    if not line:
                        break
                line = None
            if remaining > 0:
                remaining -= size
            yield number, line, size
            number += 1


def read_records(chunk: Chunk, text_field: str) -> Iterator[Raw]:
    """Every record of a chunk, parsed, or with the reason it cannot be used. Damaged data (a truncated or
    corrupt compressed stream) is a reject; a failing read (permission, I/O) is an error naming the input,
    so the chunk gets no marker and a rerun reads it again."""
    try:
        if chunk.fmt == "parquet":
            yield from _parquet_records(chunk, text_field)
        elif chunk.fmt == "txt":
            yield _text_record(chunk, text_field)
        else:
            yield from _jsonl_records(chunk, text_field)
    except OSError as exc:
        raise TranscleanError(E.UNREADABLE, path=chunk.path, reason=exc.strerror or exc) from None


def _text_record(chunk: Chunk, text_field: str) -> Raw:
    from transclean.files import decode_text

    data = Path(chunk.path).read_bytes()
    try:
        return Raw(1, {text_field: decode_text(data, chunk.path)[0]}, size=len(data))
    except TranscleanError as exc:
        return Raw(1, None, str(exc).removeprefix(f"{chunk.path}: "), size=len(data))


def _damage_errors(fmt: str) -> tuple[type[BaseException], ...]:
    """The exceptions that mean a compressed stream is damaged (as opposed to unreadable)."""
    if fmt == "jsonl.gz":
        return (EOFError, zlib.error, gzip.BadGzipFile)
    if fmt == "jsonl.zst":
        import zstandard

        return (zstandard.ZstdError,)
    return ()


def _jsonl_records(chunk: Chunk, text_field: str) -> Iterator[Raw]:
    import orjson

    number = chunk.first_line
    try:
        for number, line, size in _lines(chunk):
            if line is None:
                yield Raw(number, None, f"record over {MAX_RECORD_BYTES} bytes ({size} bytes), not read", size=size)
                continue
            stripped = line.strip()
            if not stripped:
                continue
            yield _parse_line(number, stripped, text_field, size, orjson)
    except _damage_errors(chunk.fmt) as exc:
        yield Raw(number + 1, None, f"truncated or corrupt compressed file after line {number}: {exc}")


def _parse_line(number: int, line: bytes, text_field: str, size: int, orjson: Any) -> Raw:
    raw = line.decode("utf-8", "replace")
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        reason = "invalid UTF-8" if "utf-8" in str(exc).lower() else f"malformed JSON: {exc}"
        return Raw(number, None, reason, raw, size)
    if not isinstance(data, dict):
        return Raw(number, None, f"not a JSON object but {type(data).__name__}", raw, size)
    if text_field not in data:
        return Raw(number, None, f"missing text field {text_field!r}", raw, size)
    if not isinstance(data[text_field], str):
        return Raw(
            number, None, f"text field {text_field!r} is {type(data[text_field]).__name__}, not a string", raw, size
        )
    return Raw(number, data, None, raw, size)


def _parquet_records(chunk: Chunk, text_field: str) -> Iterator[Raw]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(chunk.path)
    if parquet.num_row_groups == 0:
        return
    rows = parquet.read_row_group(chunk.start).to_pylist()
    for i, row in enumerate(rows):
        value = row.get(text_field)
        if not isinstance(value, str):
            reason = (
                f"missing text field {text_field!r}" if value is None else f"text field {text_field!r} is not a string"
            )
            yield Raw(i + 1, None, reason, str(row)[:1000])
        else:
            yield Raw(i + 1, row, None, size=len(value.encode("utf-8")))


class ChunkWriter:
    """Writes one chunk's output records to a temporary file; ``commit`` renames it into place.

    The temporary file ``tmp`` lives in the run's own folder, so two runs, or a dead run's stray process,
    never share a name. With ``keep_empty=False`` (rejects) nothing is created until a record is
    written, and a commit with no record leaves no file.
    """

    def __init__(self, target: Path, fmt: str, tmp: Path, *, keep_empty: bool = True) -> None:
        self.target, self.fmt, self.tmp = target, fmt, tmp
        self.rows: list[dict[str, Any]] = []
        self.handle: Any = None
        self._raw: Any = None
        self.bytes = 0
        self.records = 0
        if keep_empty:
            self._open()

    def _open(self) -> None:
        if self.fmt == "parquet":
            return
        self._raw = open(self.tmp, "wb")  # noqa: SIM115
        if self.fmt == "jsonl.gz":
            self.handle = gzip.GzipFile(fileobj=self._raw, mode="wb", mtime=0)  # mtime 0: same bytes every run
        elif self.fmt == "jsonl.zst":
            import zstandard

            self.handle = zstandard.ZstdCompressor().stream_writer(self._raw)
        else:
            self.handle = self._raw

    def write(self, record: dict[str, Any], text_field: str) -> None:
        self.records += 1
        if self.fmt == "parquet":
            self.rows.append(record)
            return
        if self._raw is None:
            self._open()
        if self.fmt == "txt":
            data = record[text_field].encode("utf-8")
        else:
            import orjson

            data = orjson.dumps(record) + b"\n"
        self.bytes += len(data)
        self.handle.write(data)

    def commit(self) -> Path | None:
        """Flush, fsync and rename into place; returns the file written (None: no record, none kept)."""
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(self.rows), self.tmp, compression="zstd")
            self.bytes = self.tmp.stat().st_size
        elif self._raw is None:
            return None
        else:
            if self.fmt == "jsonl.gz":
                self.handle.close()  # writes the gzip trailer; the raw file stays open
            elif self.fmt == "jsonl.zst":
                import zstandard

                self.handle.flush(zstandard.FLUSH_FRAME)
            self._raw.flush()
            os.fsync(self._raw.fileno())
            self._raw.close()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.tmp, self.target)
        return self.target

    def abort(self) -> None:
        """Drop the temporary file. Never raises: on a full disk closing flushes again and fails again."""
        if self._raw is not None:
            with contextlib.suppress(OSError):  # the descriptor is closed even when the final flush fails
                self._raw.close()
        self.tmp.unlink(missing_ok=True)


def count_records(path: Path, fmt: str) -> int:
    """Records in an output file (the final tally counts files, not only what the markers claim)."""
    if fmt == "txt":
        return 1
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    count = 0
    with _open_binary(Chunk(str(path), fmt, 0, 0, path.stat().st_size, 1, "")) as handle:
        while block := handle.read(1 << 22):
            count += block.count(b"\n")
    return count
