"""Issue 9: bad input gets a clear error or a rejected record; nothing reaches the network; a failing disk
leaves a resumable run."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, offline_env
from transclean.batch import clean
from transclean.batch import formats as batch_formats
from transclean.errors import TranscleanError


def run(*args: str, env: dict[str, str] | None = None, **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "transclean", *args], capture_output=True, env=env, **kw)  # type: ignore[call-overload]


def test_bad_documents_for_check_and_fix(tmp_path: Path) -> None:
    cases = {
        "empty.txt": (b"", 0, b""),
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", 2, b"looks binary (NUL byte at byte offset 8)"),
        "latin1.txt": (b"caf\xe9 au lait", 2, b"invalid UTF-8 at byte offset 3 (line 1)"),
        "dir": (None, 2, b"cannot read: a directory"),
    }
    for name, (data, code, message) in cases.items():
        path = tmp_path / name
        if data is None:
            path.mkdir()
        else:
            path.write_bytes(data)
        for command in ("check", "fix") if data is not None else ("fix",):  # `check` walks a directory
            proc = run(command, str(path))
            assert proc.returncode == code, (name, command, proc.stderr)
            assert message in proc.stderr


def test_utf16_with_bom_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Title\n\n[ad_1]\n\nBody.\n".encode("utf-16"))
    proc = run("fix", str(path))
    assert proc.returncode == 0 and proc.stdout == "Title\n\nBody.\n".encode("utf-16")


def test_oversized_document_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from transclean import files

    monkeypatch.setattr(files, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    with pytest.raises(TranscleanError, match="2000 bytes is over the 1000-byte limit"):
        files.read_document(str(path))


def test_oversized_jsonl_record_is_rejected_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_formats, "MAX_RECORD_BYTES", 100)
    src = tmp_path / "c.jsonl"
    src.write_text('{"text": "short"}\n{"text": "' + "y" * 5000 + '"}\n{"text": "after"}\n')
    report = clean([str(src)], tmp_path / "out")
    assert (report.stats.documents_in, report.stats.documents_out, report.stats.rejected) == (3, 2, 1)
    reject = json.loads((tmp_path / "out" / "rejects" / "c-00000.jsonl").read_text())
    assert reject["line"] == 2 and reject["reason"].startswith("record over 100 bytes")


def test_disk_full_is_a_clear_error_and_the_run_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"Text {i} . ."}) + "\n" for i in range(50)))
    reference = clean([str(src)], tmp_path / "ref", chunk_bytes=300)

    def full(self: object, record: object, text_field: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(batch_formats.ChunkWriter, "write", full)
        with pytest.raises(TranscleanError, match="No space left on device"):
            clean([str(src)], tmp_path / "out", chunk_bytes=300)
    assert not list((tmp_path / "out").glob("c-*.jsonl"))  # nothing half-written
    resumed = clean([str(src)], tmp_path / "out", chunk_bytes=300)
    assert resumed.stats.documents_out == reference.stats.documents_out == 50
    for path in (tmp_path / "ref").glob("c-*.jsonl"):
        assert (tmp_path / "out" / path.name).read_bytes() == path.read_bytes()


def test_no_network_access(tmp_path: Path) -> None:
    """Every command runs with sockets blocked (a sitecustomize makes any connection attempt fail loudly)."""
    env = offline_env(
        tmp_path, {**os.environ, "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache"))}
    )
    article = str(EXAMPLES / "reference_article.txt")
    commands = [
        ("check", article),
        ("fix", article),
        ("check", "--format", "sarif", article),
        ("clean", str(EXAMPLES / "corpus.jsonl"), "-o", str(tmp_path / "out"), "--workers", "2", "--annotate"),
        ("glossary", "check", *(str(p) for p in sorted((ROOT / "glossaries").glob("*.tsv")))),
        ("glossary", "show", "OSCE"),
    ]
    for command in commands:
        proc = run(*command, env=env)
        assert proc.returncode in (0, 1), (command, proc.stderr[-2000:])
        assert b"network access attempted" not in proc.stderr


def test_a_200_mb_single_line_file(tmp_path: Path) -> None:
    """A 200 MB file of one line: `check` refuses it before reading; `clean` rejects the record, reading it in
    1 MB pieces (never whole), and keeps the records around it."""
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        for _ in range(200):
            handle.write(b"x" * (1 << 20))
    proc = run("check", str(big))
    assert proc.returncode == 2 and b"209715200 bytes is over the 67108864-byte limit" in proc.stderr
    corpus = tmp_path / "c.jsonl"
    with corpus.open("wb") as handle:
        handle.write(b'{"text": "before"}\n{"text": "')
        for _ in range(200):
            handle.write(b"y" * (1 << 20))
        handle.write(b'"}\n{"text": "after"}\n')
    report = clean([str(corpus)], tmp_path / "out")
    assert (report.stats.documents_in, report.stats.documents_out, report.stats.rejected) == (3, 2, 1)
