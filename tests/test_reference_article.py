"""The reference article and a clean article, end to end through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES

REFERENCE = EXAMPLES / "reference_article.txt"
CLEAN = EXAMPLES / "clean_article.txt"
DEBRIS = ["[ad_1]", "[ad_2]", "rep", "Deepening", "Armenia and Azerbaijan, the hidden conflict", ". ."]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "transclean", *args], input=stdin, capture_output=True)


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def test_check_reports_the_scraper_debris() -> None:
    proc = run("check", "--format", "json", str(REFERENCE))
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    source = REFERENCE.read_text("utf-8")
    assert report["language"] == "en"
    by_code: dict[str, list[str]] = {}
    for f in report["findings"]:
        assert source[f["start"] : f["end"]] == f["text"]
        by_code.setdefault(f["code"], []).append(f["text"])
    assert by_code["TC201"] == ["[ad_1]", "[ad_2]"]
    assert by_code["TC202"] == ["rep"]
    assert by_code["TC203"][0].startswith("Deepening\n\nArmenia and Azerbaijan")
    assert by_code["TC301"] == [". ."]


def test_fix_removes_debris_and_keeps_every_other_paragraph() -> None:
    source = REFERENCE.read_text("utf-8")
    proc = run("fix", str(REFERENCE))
    assert proc.returncode == 1, proc.stderr  # the translation errors remain: their fixes are unsafe
    remaining = {line.split()[2] for line in proc.stderr.decode().splitlines() if line.startswith("remaining:")}
    assert remaining == {"TC401", "TC402", "TC501", "TC601", "TC701", "TC702"}
    fixed = proc.stdout.decode("utf-8")
    for debris in ("[ad_1]", "[ad_2]", "\nrep\n", "Deepening", "the hidden conflict", ". ."):
        assert debris not in fixed
    removed = {
        "[ad_1]",
        "[ad_2]",
        "rep",
        "Deepening",
        "Armenia and Azerbaijan, the hidden conflict that can ignite the Moscow-Ankara tension",
    }
    kept = [p for p in paragraphs(source) if p not in removed]
    doubled = [p for p in kept if ". ." in p]
    assert len(doubled) == 1
    repairs = {"army. . Both": "army. Both", "Nagorno Karabakh": "Nagorno-Karabakh", "Viktorovi?": "Viktorovich"}
    expected = kept
    for old, new in repairs.items():
        expected = [p.replace(old, new) for p in expected]
    assert paragraphs(fixed) == expected
    assert "\n\n\n" not in fixed


def test_clean_article_is_left_byte_identical() -> None:
    source = CLEAN.read_bytes()
    check = run("check", str(CLEAN))
    assert check.returncode == 0 and check.stdout == b"All checks passed!\n"
    fix = run("fix", str(CLEAN))
    assert fix.returncode == 0 and fix.stdout == source
