"""CLI behaviour: formats, exit codes, errors, atomic output, diff, rule docs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DIRTY = "Title\n\n[ad_1]\n\nIl caffÃ¨ Ã¨ buono. . Poi uscì.\n"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "transclean", *args], input=stdin, capture_output=True, cwd=cwd)


def test_check_text_lines_and_exit_codes(tmp_path: Path) -> None:
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY, "utf-8")
    proc = run("check", str(dirty))
    assert proc.returncode == 1
    lines = proc.stdout.decode().splitlines()
    assert lines[0] == f"{dirty}:3:1: TC201 boilerplate Scraper marker line [safe-fix]"
    assert any(":5:8: TC101 encoding" in line for line in lines)
    assert run("check", "-", stdin=b"All good here.\n").returncode == 0


def test_check_json_lines_for_several_inputs(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DIRTY, "utf-8")
    b.write_text("Nothing to see.\n", "utf-8")
    proc = run("check", "--format", "json", str(a), str(b))
    objects = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["path"] for o in objects] == [str(a), str(b)]
    assert objects[1]["findings"] == []
    first = objects[0]["findings"][0]
    assert set(first) >= {"code", "category", "severity", "start", "end", "text", "message", "suggestion"}


def test_select_and_ignore() -> None:
    proc = run("check", "--select", "TC2", "-", stdin=DIRTY.encode())
    assert {line.split()[1] for line in proc.stdout.decode().splitlines()} == {"TC201"}
    assert run("check", "--ignore", "TC1,TC2,TC3", "-", stdin=DIRTY.encode()).returncode == 0
    bad = run("check", "--select", "XX1", "-", stdin=b"x")
    assert bad.returncode == 2 and b"unknown rule selector 'XX1'" in bad.stderr


def test_invalid_utf8_names_file_and_offset(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"line one\nline \xe9two\n")
    proc = run("check", str(bad))
    assert proc.returncode == 2
    assert f"{bad}: invalid UTF-8 at byte offset 14 (line 2)".encode() in proc.stderr
    missing = run("fix", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and b"no such file" in missing.stderr


def test_fix_to_file_diff_and_line_breaks(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(DIRTY.replace("\n", "\r\n").encode())
    out = tmp_path / "out.txt"
    assert run("fix", str(src), "-o", str(out)).returncode == 0
    assert out.read_bytes() == "Title\r\n\r\nIl caffè è buono. Poi uscì.\r\n".encode()
    assert {p.name for p in tmp_path.iterdir()} == {"in.txt", "out.txt"}  # no temporary file left
    diff = run("fix", "--diff", str(src)).stdout.decode()
    assert "-[ad_1]" in diff.replace("\r", "") and "+Il caffè è buono. Poi uscì." in diff.replace("\r", "")


def test_fix_reports_remaining_findings(tmp_path: Path) -> None:
    proc = run("fix", "-", stdin=b"He left., then came back.\n")
    assert proc.returncode == 1 and b"remaining:" in proc.stderr and b"TC301" in proc.stderr
    assert run("fix", "--exit-zero", "-", stdin=b"He left., then.\n").returncode == 0


def test_rule_docs_and_table() -> None:
    doc = run("rule", "TC203").stdout.decode()
    assert "related-article-box" in doc and "Fires on:" in doc and "Does not fire on:" in doc
    assert run("rule", "TC000").returncode == 2
    assert "| TC101 | mojibake |" in run("rules").stdout.decode()


def test_config_file_is_read_from_cwd(tmp_path: Path) -> None:
    (tmp_path / "transclean.toml").write_text('ignore = ["TC201"]\n')
    proc = run("check", "-", stdin=b"Body.\n\n[ad_1]\n", cwd=tmp_path)
    assert proc.returncode == 0


def test_import_stays_light() -> None:
    heavy = "('argostranslate', 'torch', 'langdetect', 'ftfy')"
    code = f"import sys, transclean; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
