"""Bad input gets a clear error or a rejected record; nothing reaches the network; a run stopped in any way
(kill -9 of the parent or a worker, SIGTERM, Ctrl-C, a full disk, a second run on its folder) leaves no
process behind and resumes to identical output."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
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


# --- A batch run stops as a whole and resumes to identical output (docs/reliability.md) ---------------

KILL_RECORDS = 1500  # about 40 chunks of 2,000 bytes: a run lasts a few seconds, long enough to stop mid-way
SENTENCES = ["Il caffÃ¨ Ã¨ buono. . Poi uscì.", "Title\n\n[ad_1]\n\nBody text here.", "Clean text."]


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A corpus and the outputs of one uninterrupted run over it."""
    folder = tmp_path_factory.mktemp("kill")
    src = folder / "c.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "text": SENTENCES[i % 3]}, ensure_ascii=False) + "\n" for i in range(KILL_RECORDS))
    )
    clean([str(src)], folder / "reference", chunk_bytes=2000)
    return src, outputs(folder / "reference")


def outputs(outdir: Path) -> dict[str, bytes]:
    """Output and reject files (not the bookkeeping: lock, markers, temporary files, plan, timed stats)."""
    files = [p for p in outdir.rglob("*") if p.is_file() and not p.relative_to(outdir).parts[0].startswith(".")]
    return {str(p.relative_to(outdir)): p.read_bytes() for p in files if p.name not in ("stats.json", "plan.json")}


def clean_args(src: Path, outdir: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "transclean", "clean", str(src), "-o", str(outdir), "--chunk-size", "2000", *extra]


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (read from /proc before a kill: orphans are re-parented after it)."""
    children: dict[int, list[int]] = {}
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat_file.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    """The processes of ``pids`` still running (a zombie is dead)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.add(pid)
    return running


def start_and_wait(
    src: Path, outdir: Path, *extra: str, markers: int = 2, marker_glob: str = ".done/*.json"
) -> tuple[subprocess.Popen[bytes], set[int]]:
    """Start a 2-worker run in its own process group; return once ``markers`` chunks are done (cleaned, or
    with ``marker_glob=".learn/*.done"`` learnt), with its processes."""
    proc = subprocess.Popen(
        clean_args(src, outdir, "--workers", "2", "-q", *extra), start_new_session=True, stderr=subprocess.PIPE
    )
    deadline = time.time() + 60
    while time.time() < deadline and len(list(outdir.glob(marker_glob))) < markers:
        time.sleep(0.02)
    pids = descendants(proc.pid)
    assert len(pids) >= 2, "the pool's workers should be running"
    return proc, pids


def resumes_identically(src: Path, outdir: Path, reference: dict[str, bytes]) -> None:
    proc = subprocess.run(clean_args(src, outdir), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert f"{KILL_RECORDS} records in = {KILL_RECORDS} out + 0 rejected + 0 dropped (ok)" in proc.stderr
    assert outputs(outdir) == reference
    assert not list((outdir / ".tmp").iterdir())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc")
def test_killing_the_parent_kills_the_workers(tmp_path: Path, kill_corpus: tuple[Path, dict[str, bytes]]) -> None:
    """kill -9 of the parent: no worker is alive 3 s later (they used to finish chunks as orphans)."""
    src, reference = kill_corpus
    proc, pids = start_and_wait(src, tmp_path / "out")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(3)
    assert not alive(pids)
    resumes_identically(src, tmp_path / "out", reference)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc")
def test_killing_the_learning_pass_resumes_identically(
    tmp_path: Path, kill_corpus: tuple[Path, dict[str, bytes]]
) -> None:
    """kill -9 while the corpus profile is learnt: no worker survives, the rerun learns the chunks left and
    the output, profile included, is identical."""
    src, reference = kill_corpus
    proc, pids = start_and_wait(src, tmp_path / "out", marker_glob=".learn/*.done")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (tmp_path / "out" / "profile.json.gz").exists(), "killed after the learning pass: too late"
    time.sleep(3)
    assert not alive(pids)
    resumes_identically(src, tmp_path / "out", reference)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc")
def test_a_killed_worker_stops_the_run_with_a_clear_error(
    tmp_path: Path, kill_corpus: tuple[Path, dict[str, bytes]]
) -> None:
    src, reference = kill_corpus
    proc, pids = start_and_wait(src, tmp_path / "out")
    os.kill(max(pids), signal.SIGKILL)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 2, stderr
    assert b"a worker process died (pid" in stderr and b"killed by SIGKILL" in stderr
    assert b"rerun the same command to resume" in stderr and b"Traceback" not in stderr
    time.sleep(0.5)
    assert not alive(pids)
    resumes_identically(src, tmp_path / "out", reference)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc")
@pytest.mark.parametrize(("signals", "status"), [((signal.SIGTERM,), 143), ((signal.SIGINT, signal.SIGINT), 130)])
def test_sigterm_and_ctrl_c_stop_the_run_and_it_resumes(
    tmp_path: Path, kill_corpus: tuple[Path, dict[str, bytes]], signals: tuple[int, ...], status: int
) -> None:
    """SIGTERM to the parent, or Ctrl-C twice (SIGINT to the whole process group, as a terminal sends it):
    the run stops within seconds, removes its temporary files, says how to resume, exits 143 or 130."""
    src, reference = kill_corpus
    outdir = tmp_path / "out"
    proc, pids = start_and_wait(src, outdir)
    started = time.time()
    for i, signum in enumerate(signals):
        if signum == signal.SIGINT:
            os.killpg(proc.pid, signum)
        else:
            os.kill(proc.pid, signum)
        if i < len(signals) - 1:
            time.sleep(0.3)
    _, stderr = proc.communicate(timeout=30)
    assert time.time() - started < 10
    assert proc.returncode == status, stderr
    assert b"chunks are done and kept" in stderr and b"run the same command again to resume" in stderr
    assert b"Traceback" not in stderr
    assert not alive(pids)
    assert not list((outdir / ".tmp").iterdir())
    done = len(list((outdir / ".done").glob("*.json")))
    assert 0 < done < len(json.loads((outdir / "plan.json").read_text())["chunks"]), "stopped mid-way"
    resumes_identically(src, outdir, reference)


def test_one_run_per_output_folder(tmp_path: Path, kill_corpus: tuple[Path, dict[str, bytes]]) -> None:
    """A second run on a folder in use is refused, naming the first; once the first is killed, the kernel
    releases its lock and the next run resumes."""
    src, reference = kill_corpus
    outdir = tmp_path / "out"
    first, _ = start_and_wait(src, outdir, markers=1)
    with pytest.raises(TranscleanError, match=rf"is in use by another run \(pid {first.pid}, started"):
        clean([str(src)], outdir, chunk_bytes=2000)  # in-process: a CLI would start after the first ended
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    resumes_identically(src, outdir, reference)


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare(1) to mount a small tmpfs")
def test_a_full_disk_is_a_clear_error_and_the_run_resumes(
    tmp_path: Path, kill_corpus: tuple[Path, dict[str, bytes]]
) -> None:
    """On a real 1 MB tmpfs filled up (in a private mount namespace): exit 2 "No space left on device", no
    temporary file left; with space freed the rerun completes to the reference output."""
    src, reference = kill_corpus
    disk = tmp_path / "disk"
    disk.mkdir()
    run = " ".join(clean_args(src, disk / "out", "-q"))
    script = (
        f"mount -t tmpfs -o size=1m tmpfs {disk} || exit 77\n"
        f"head -c 800000 /dev/zero > {disk}/filler\n"
        f"{run} 2> {tmp_path}/full.err; echo $? > {tmp_path}/full.status\n"
        f"ls -A {disk}/out/.tmp > {tmp_path}/full.tmp\n"
        f"rm {disk}/filler\n"
        f"{run} && cp -r {disk}/out {tmp_path}/copy\n"
    )
    proc = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True)
    if proc.returncode == 77:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "full.status").read_text().strip() == "2"
    error = (tmp_path / "full.err").read_text()
    assert "No space left on device" in error and "Traceback" not in error
    assert (tmp_path / "full.tmp").read_text() == ""
    assert outputs(tmp_path / "copy") == reference
