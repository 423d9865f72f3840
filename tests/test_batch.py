"""Batch cleaning: formats, rejects, counts, determinism across workers and engines, resume and what it checks,
file names and modes."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from transclean.batch import Options, clean
from transclean.errors import TranscleanError

DIRTY = [
    "Il caffÃ¨ Ã¨ buono. . Poi uscì.",
    "Title\n\n[ad_1]\n\nBody text here.",
    "Clean text.",
    "The talks failed , the envoy said.",
]


def corpus(path: Path, n: int = 40, broken: bool = True) -> Path:
    lines = [json.dumps({"id": i, "text": DIRTY[i % 4], "meta": {"n": i}}, ensure_ascii=False) for i in range(n)]
    if broken:
        lines[3] = '{"id": 3, "text": broken'
        lines[5] = '{"id": 5}'
        lines[7] = '{"id": 7, "text": 42}'
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def outputs(outdir: Path) -> dict[str, bytes]:
    """Every output and reject file's bytes (stats hold timings, so they are compared separately; the plan
    holds input paths; the lock and markers are bookkeeping)."""
    files = sorted(p for p in outdir.rglob("*") if p.is_file() and not p.relative_to(outdir).parts[0].startswith("."))
    return {str(p.relative_to(outdir)): p.read_bytes() for p in files if p.name not in ("stats.json", "plan.json")}


def run_cli(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "transclean", *args], capture_output=True, text=True, **kw)  # type: ignore[call-overload]


def test_jsonl_with_broken_lines(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c.jsonl")
    proc = run_cli("clean", str(src), "-o", str(tmp_path / "out"), "--id-field", "id")
    assert proc.returncode == 0, proc.stderr
    assert "40 records in = 37 out + 3 rejected + 0 dropped (ok)" in proc.stderr
    out = [json.loads(line) for line in (tmp_path / "out" / "c-00000.jsonl").read_text("utf-8").splitlines()]
    assert out[0] == {"id": 0, "text": "Il caffè è buono. Poi uscì.", "meta": {"n": 0}}
    assert out[1]["text"] == "Title\n\nBody text here." and out[2]["text"] == "Clean text."
    rejects = [json.loads(line) for line in (tmp_path / "out" / "rejects" / "c-00000.jsonl").read_text().splitlines()]
    assert [(r["line"], r["reason"].split(":")[0]) for r in rejects] == [
        (4, "malformed JSON"),
        (6, "missing text field 'text'"),
        (8, "text field 'text' is int, not a string"),
    ]
    assert all(r["source"] == str(src.resolve()) for r in rejects)
    stats = json.loads((tmp_path / "out" / "stats.json").read_text())
    assert (stats["documents_in"], stats["documents_out"], stats["rejected"]) == (40, 37, 3)
    assert stats["findings_by_code"]["TC201"] == 9 and stats["changed"] == 27


def test_same_output_whatever_the_workers_and_engine(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c.jsonl", n=200)
    options = Options()
    one = clean([str(src)], tmp_path / "one", options=options, workers=1, chunk_bytes=2000)
    two = clean([str(src)], tmp_path / "two", options=options, workers=2, chunk_bytes=2000)
    assert one.chunks == two.chunks > 4
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        clean(
            [str(src)],
            tmp_path / "dask",
            options=options,
            engine="dask",
            scheduler=cluster.scheduler_address,
            chunk_bytes=2000,
        )
    assert outputs(tmp_path / "one") == outputs(tmp_path / "dask")


def test_resume_refuses_other_settings_unless_overwrite(tmp_path: Path) -> None:
    """A rerun with other chunking, mode or inputs is refused with the difference named (it used to keep the
    fix-mode output and say "already done"); --overwrite redoes the folder."""
    src = corpus(tmp_path / "c.jsonl", n=100)
    first = clean([str(src)], tmp_path / "out", chunk_bytes=1500)
    again = clean([str(src)], tmp_path / "out", chunk_bytes=1500)
    assert again.skipped == again.chunks == first.chunks
    with pytest.raises(TranscleanError, match="chunk_bytes: was 1500, now 3000"):
        clean([str(src)], tmp_path / "out", chunk_bytes=3000)
    flag = Options(mode="flag")
    with pytest.raises(TranscleanError, match=r"mode: was 'fix', now 'flag'.*--overwrite"):
        clean([str(src)], tmp_path / "out", options=flag, chunk_bytes=1500)
    os.utime(src, ns=(0, 0))
    with pytest.raises(TranscleanError, match=f"input {src.resolve()} changed \\(modification time\\)"):
        clean([str(src)], tmp_path / "out", chunk_bytes=1500)
    redone = clean([str(src)], tmp_path / "out", options=flag, chunk_bytes=3000, overwrite=True)
    assert redone.skipped == 0
    clean([str(src)], tmp_path / "fresh", options=flag, chunk_bytes=3000)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "fresh")


def test_tally_counts_the_records_in_the_files(tmp_path: Path) -> None:
    """A marker whose files changed is not trusted: the chunk is redone. A marker that claims records its
    file does not hold is an error (a run used to print "(ok)" over empty outputs)."""
    src = corpus(tmp_path / "c.jsonl", n=100)
    clean([str(src)], tmp_path / "ref", chunk_bytes=1500)
    clean([str(src)], tmp_path / "out", chunk_bytes=1500)
    (tmp_path / "out" / "c-00001.jsonl").write_bytes(b"")
    resumed = clean([str(src)], tmp_path / "out", chunk_bytes=1500)
    assert resumed.skipped == resumed.chunks - 1
    assert outputs(tmp_path / "out") == outputs(tmp_path / "ref")
    marker = tmp_path / "out" / ".done" / "c-00001.json"
    data = json.loads(marker.read_text())
    n = data["documents_out"]
    marker.write_text(json.dumps({**data, "documents_in": data["documents_in"] + 5, "documents_out": n + 5}))
    with pytest.raises(TranscleanError, match=f"c-00001.jsonl: holds {n} records but its chunk marker says {n + 5}"):
        clean([str(src)], tmp_path / "out", chunk_bytes=1500)


def test_killed_run_resumes_to_identical_output(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c.jsonl", n=3000)
    clean([str(src)], tmp_path / "reference", chunk_bytes=2000)
    outdir = tmp_path / "killed"
    args = [sys.executable, "-m", "transclean", "clean", str(src), "-o", str(outdir), "--chunk-size", "2000", "-q"]
    proc = subprocess.Popen(args)
    # A generous deadline: on a loaded 2-core machine the start-up and first chunks can take far longer than usual.
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None and len(list((outdir / ".done").glob("*.json"))) < 3:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(list((outdir / ".done").glob("*.json")))
    total = len(json.loads((outdir / "plan.json").read_text())["chunks"])
    assert 0 < done < total, "the run should have been killed part-way"
    resumed = run_cli("clean", str(src), "-o", str(outdir), "--chunk-size", "2000")
    assert resumed.returncode == 0, resumed.stderr
    assert f"({done} already done)" in resumed.stderr
    assert outputs(outdir) == outputs(tmp_path / "reference")


def test_formats_parquet_zst_gz_txt(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    import zstandard

    rows = [{"id": i, "text": DIRTY[i % 4]} for i in range(10)]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "p.parquet", row_group_size=4)
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode() + b"\n"
    (tmp_path / "z.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    gz = gzip.compress(data)
    (tmp_path / "t.jsonl.gz").write_bytes(gz[: len(gz) // 2])  # truncated
    (tmp_path / "a.txt").write_text(DIRTY[1], "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    report = clean([str(tmp_path / "*.*")], tmp_path / "out")
    s = report.stats
    assert s.documents_in == s.documents_out + s.rejected
    out = tmp_path / "out"
    table = pq.read_table(out / "p-00000.parquet").to_pylist() + pq.read_table(out / "p-00001.parquet").to_pylist()
    assert table[1]["text"] == "Title\n\nBody text here."
    unz = zstandard.ZstdDecompressor().decompress((out / "z-00000.jsonl.zst").read_bytes(), max_output_size=1 << 20)
    assert json.loads(unz.splitlines()[0])["text"] == "Il caffè è buono. Poi uscì."
    assert (out / "a.txt").read_text("utf-8") == "Title\n\nBody text here."
    assert not (out / "bad.txt").exists()  # its one document is rejected
    assert sorted(p.name for p in (out / "rejects").iterdir()) == ["bad.jsonl", "t-00000.jsonl"]  # none empty
    reasons = [
        json.loads(line)["reason"] for p in (out / "rejects").glob("*.jsonl") for line in p.read_text().splitlines()
    ]
    assert any(r.startswith("truncated or corrupt compressed file") for r in reasons)
    assert any(r.startswith("invalid UTF-8 at byte offset 3") for r in reasons)


def test_modes_drop_and_flag(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c.jsonl", n=8, broken=False)
    (tmp_path / "c.jsonl").write_text(
        src.read_text() + json.dumps({"id": 8, "text": "Ilham Aliyev spoke. She left."}) + "\n"
    )
    kept = clean([str(src)], tmp_path / "keep", options=Options(mode="drop", config=_en()))
    assert kept.stats.dropped == 0  # one heuristic pronoun flag (confidence 0.8) drops no record by default
    assert not list((tmp_path / "keep" / "rejects").iterdir())
    options = Options(mode="drop", config=_en(), drop_confidence=0.8)
    dropped = clean([str(src)], tmp_path / "drop", options=options)
    assert dropped.stats.dropped == 1 and dropped.stats.adds_up
    reject = json.loads((tmp_path / "drop" / "rejects" / "c-00000.jsonl").read_text().splitlines()[0])
    assert reject["reason"] == "dropped: TC401 major" and reject["line"] == 9
    flagged = clean([str(src)], tmp_path / "flag", options=Options(mode="flag"))
    first = json.loads((tmp_path / "flag" / "c-00000.jsonl").read_text().splitlines()[0])
    assert first["text"] == DIRTY[0] and first["transclean"]["findings"][0]["code"] == "TC101"
    assert flagged.stats.changed == 0


def _en():
    from transclean import Config

    return Config(language="en")


def test_unwritable_output_and_unknown_format(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c.jsonl", n=3, broken=False)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = run_cli("clean", str(src), "-o", str(blocker / "out"))
    assert proc.returncode == 2 and "cannot write" in proc.stderr
    (tmp_path / "x.csv").write_text("a,b")
    proc = run_cli("clean", str(tmp_path / "x.csv"), "-o", str(tmp_path / "o"))
    assert proc.returncode == 2 and "unknown corpus format" in proc.stderr


def test_a_folder_of_text_files_keeps_its_relative_paths(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for name in ("a.txt", "sub/a.txt", "sub/deeper/b.txt"):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(DIRTY[1], "utf-8")
    clean([str(src)], tmp_path / "out")
    assert sorted(outputs(tmp_path / "out")) == ["a.txt", "profile.json.gz", "sub/a.txt", "sub/deeper/b.txt"]
    assert (tmp_path / "out" / "sub" / "deeper" / "b.txt").read_text("utf-8") == "Title\n\nBody text here."


def test_files_follow_the_umask_and_keep_an_existing_mode(tmp_path: Path) -> None:
    """Outputs, stats, plan, markers and reports, `fix -o` and `glossary convert` (all used to be 0o600)."""
    src = corpus(tmp_path / "c.jsonl", n=8)
    old = os.umask(0o022)
    try:
        clean([str(src)], tmp_path / "out", report=True)
        article = tmp_path / "a.txt"
        article.write_text(DIRTY[1])
        assert run_cli("fix", str(article), "-o", str(tmp_path / "fixed.txt")).returncode == 0
        glossary = tmp_path / "g.tsv"
        glossary.write_text("id\ten\tit\nc1\tChamber of Deputies\tCamera dei deputati\n")
        assert run_cli("glossary", "convert", str(glossary), str(tmp_path / "g.tbx")).returncode == 0
        (tmp_path / "kept.txt").write_text("x")
        (tmp_path / "kept.txt").chmod(0o640)
        assert run_cli("fix", str(article), "-o", str(tmp_path / "kept.txt")).returncode == 0
    finally:
        os.umask(old)
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"stats.json", "plan.json", "report.html", "c-00000.json", "c-00000.jsonl"}
    assert {str(p.relative_to(tmp_path)): oct(p.stat().st_mode & 0o777) for p in files} == {
        str(p.relative_to(tmp_path)): "0o644" for p in files
    }
    assert oct((tmp_path / "fixed.txt").stat().st_mode & 0o777) == "0o644"
    assert oct((tmp_path / "g.tbx").stat().st_mode & 0o777) == "0o644"
    assert oct((tmp_path / "kept.txt").stat().st_mode & 0o777) == "0o640"


def test_unknown_output_format_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c.jsonl", n=3, broken=False)
    proc = run_cli("clean", str(src), "-o", str(tmp_path / "out"), "--output-format", "csv")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "'csv' is not one of" in proc.stderr and "'jsonl.zst', 'parquet'" in proc.stderr
    assert not (tmp_path / "out").exists()
    with pytest.raises(TranscleanError, match=r"output_format: 'csv' is not one of jsonl, jsonl\.gz"):
        Options(output_format="csv")


def test_read_errors_are_errors_not_rejects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unreadable input stops the run (no marker, so a rerun reads it), while damage stays a reject; a
    name that is no regular file, or an unreadable Parquet file, is an error before any work."""
    from transclean.batch import formats

    rows = "".join(json.dumps({"id": i, "text": DIRTY[i % 4]}) + "\n" for i in range(50))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "z.jsonl.gz").write_bytes(gzip.compress(rows.encode()))
    opened = formats._open_binary

    def denied(chunk: formats.Chunk) -> object:
        if chunk.fmt == "jsonl.gz":
            raise PermissionError(13, "Permission denied", chunk.path)
        return opened(chunk)

    with monkeypatch.context() as patch:
        patch.setattr(formats, "_open_binary", denied)
        with pytest.raises(TranscleanError, match=r"z.jsonl.gz: cannot read: Permission denied"):
            clean([str(tmp_path / "in")], tmp_path / "out")
    assert not list((tmp_path / "out" / ".done").iterdir())
    assert clean([str(tmp_path / "in")], tmp_path / "out").stats.documents_out == 50
    os.mkfifo(tmp_path / "fifo.jsonl")
    (tmp_path / "dangling.jsonl").symlink_to(tmp_path / "missing.jsonl")
    (tmp_path / "loop.jsonl").symlink_to(tmp_path / "loop.jsonl")
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    for name, message in (
        ("fifo.jsonl", r"not a regular file \(a FIFO\)"),
        ("dangling.jsonl", r"not a regular file \(a dangling symbolic link\)"),
        ("loop.jsonl", r"not a regular file \(a symbolic link loop\)"),
        ("bad.parquet", "cannot read: not a readable Parquet file"),
    ):
        with pytest.raises(TranscleanError, match=message):
            clean([str(tmp_path / name)], tmp_path / "never")
    assert not (tmp_path / "never").exists()
