"""Corpus formats: planning chunks, reading records with their positions, writing outputs atomically.

JSONL (plain, .gz, .zst), Parquet and plain text (one document per file). A plain JSONL file is split into
byte ranges on line boundaries so one big file feeds every worker; a compressed file is one chunk (it
cannot be entered in the middle); a Parquet file has one chunk per row group.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from transclean.errors import E, TranscleanError

FORMATS = ("jsonl", "jsonl.gz", "jsonl.zst", "parquet", "txt")
DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024
#: A JSONL record longer than this is rejected without being read into memory whole.
MAX_RECORD_BYTES = 64 * 1024 * 1024


def detect_format(path: Path) -> str | None:
    """The format of a file from its name, or None."""
    name = path.name.lower()
    for fmt, suffixes in (
        ("jsonl.gz", (".jsonl.gz", ".json.gz")),
        ("jsonl.zst", (".jsonl.zst", ".json.zst", ".jsonl.zstd")),
        ("jsonl", (".jsonl", ".ndjson")),
        ("parquet", (".parquet",)),
        ("txt", (".txt",)),
    ):
        if name.endswith(suffixes):
            return fmt
    return None


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


def expand_inputs(inputs: list[str]) -> list[Path]:
    """Files named, found in directories (recursively), or matched by globs; sorted, deduplicated."""
    import glob

    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found += [p for p in sorted(path.rglob("*")) if p.is_file() and detect_format(p)]
        elif path.is_file():
            found.append(path)
        else:
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
            if not matches:
                raise TranscleanError(E.NOT_FOUND, path=item)
            found += [m for m in matches if m.is_file()]
    unique = list(dict.fromkeys(p.resolve() for p in found))
    for path in unique:
        if detect_format(path) is None:
            raise TranscleanError(E.UNKNOWN_FORMAT, path=path, formats=", ".join(FORMATS))
    return unique


def plan_chunks(paths: list[Path], chunk_bytes: int = DEFAULT_CHUNK_BYTES) -> list[Chunk]:
    """Split the inputs into chunks. Deterministic: the same inputs and chunk size give the same plan."""
    chunks: list[Chunk] = []
    stems: dict[str, int] = {}
    for path in paths:
        fmt = detect_format(path) or ""
        stem = path.name.split(".")[0]
        stems[stem] = stems.get(stem, 0) + 1
        if stems[stem] > 1:
            stem = f"{stem}_{stems[stem]}"
        if fmt == "jsonl":
            ranges = _line_ranges(path, chunk_bytes)
        elif fmt == "parquet":
            import pyarrow.parquet as pq

            groups = pq.ParquetFile(path).num_row_groups
            ranges = [(g, g + 1, 0) for g in range(groups)] or [(0, 0, 0)]
        else:
            ranges = [(0, path.stat().st_size, 1)]
        for i, (start, end, first_line) in enumerate(ranges):
            chunks.append(Chunk(str(path), fmt, i, start, end, first_line, f"{stem}-{i:05d}"))
    return chunks


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
    """Every record of a chunk, parsed, or with the reason it cannot be used."""
    if chunk.fmt == "parquet":
        yield from _parquet_records(chunk, text_field)
        return
    if chunk.fmt == "txt":
        from transclean.files import decode_text

        data = Path(chunk.path).read_bytes()
        try:
            yield Raw(1, {text_field: decode_text(data, chunk.path)[0]}, size=len(data))
        except TranscleanError as exc:
            yield Raw(1, None, str(exc).removeprefix(f"{chunk.path}: "), size=len(data))
        return
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
    except (EOFError, OSError, Exception) as exc:  # zstandard raises its own ZstdError
        if isinstance(exc, TranscleanError):
            raise
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
    """Writes one chunk's output records to a temporary file; ``commit`` renames it into place."""

    def __init__(self, target: Path, fmt: str) -> None:
        self.target, self.fmt = target, fmt
        self.tmp = target.with_name(f".{target.name}.tmp")
        self.rows: list[dict[str, Any]] = []
        self.handle: Any = None
        self.bytes = 0
        if fmt in ("jsonl", "jsonl.gz", "jsonl.zst", "txt"):
            raw = open(self.tmp, "wb")  # noqa: SIM115
            if fmt == "jsonl.gz":
                self.handle = gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)  # mtime 0: identical bytes every run
            elif fmt == "jsonl.zst":
                import zstandard

                self.handle = zstandard.ZstdCompressor().stream_writer(raw)
            else:
                self.handle = raw
            self._raw = raw

    def write(self, record: dict[str, Any], text_field: str) -> None:
        if self.fmt == "parquet":
            self.rows.append(record)
            return
        if self.fmt == "txt":
            data = record[text_field].encode("utf-8")
        else:
            import orjson

            data = orjson.dumps(record) + b"\n"
        self.bytes += len(data)
        self.handle.write(data)

    def commit(self) -> None:
        """Flush, fsync and rename into place."""
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(self.rows), self.tmp, compression="zstd")
            self.bytes = self.tmp.stat().st_size
        else:
            if self.fmt == "jsonl.gz":
                self.handle.close()  # writes the gzip trailer; the raw file stays open
            elif self.fmt == "jsonl.zst":
                import zstandard

                self.handle.flush(zstandard.FLUSH_FRAME)
            self._raw.flush()
            os.fsync(self._raw.fileno())
            self._raw.close()
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        if self.handle is not None and not self._raw.closed:
            self._raw.close()
        self.tmp.unlink(missing_ok=True)
