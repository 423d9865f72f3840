"""Reports: the HTML page of one article, the HTML summary of a corpus run, and what both show in Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from html import unescape
from pathlib import Path

import pytest

import transclean
from conftest import EXAMPLES
from transclean import Pipeline
from transclean.report_html import html_report

#: Its "He" is wrong (Meloni is a woman), and "He" first occurs inside "Helsinki", 12 words earlier.
MELONI = "Prime Minister Giorgia Meloni visited Helsinki on Tuesday. He promised more aid to Ukraine."
#: Safe fixes (spaces, a doubled stop, blank lines, a scraper line) and one unsafe fix (the pronoun).
ARTICLE = (
    "Meloni in Helsinki\n\n\n\n[ad_1]\n\n"
    "Prime Minister Giorgia Meloni visited Helsinki on Tuesday . . He promised more aid.\n"
    "The talks ended late.  Both sides left.\n"
)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: `make test` installs Debian's chromium package")
        pytest.skip("chromium is not installed (`make chromium`, or `apt-get install chromium`)")
    return found


def _render(page: Path, profile: Path, *extra: str) -> str:
    """Load a page in headless Chromium (flags that keep it off the network); its DOM, or what ``extra`` asks."""
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ]
    return subprocess.run(
        [_chromium(), *flags, *(extra or ("--dump-dom",)), page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout


def _visible(html: str) -> str:
    """The text a reader sees without hovering: tags and attributes (``title`` tooltips) removed."""
    return unescape(re.sub(r"<[^>]*>", "", re.sub(r"<style>.*?</style>", "", html, flags=re.S)))


def _pane(html: str, pane: str) -> str:
    match = re.search(rf'<pre id="{pane}"[^>]*>(.*?)</pre>', html, re.S)
    assert match, f"no {pane} pane"
    return match.group(1)


def _article_page() -> str:
    return html_report([("news/article.txt", Pipeline(language="en").process(ARTICLE))])


def test_article_report_shows_the_fixed_text_as_a_pane_of_its_own() -> None:
    result = Pipeline(language="en").process(ARTICLE)
    fixed = _pane(_article_page(), "fixed")
    assert "<del" not in fixed  # not a character diff: what was removed is shown in the original pane
    assert _visible(fixed) == result.text


def test_article_report_lists_position_safety_and_status_of_each_finding() -> None:
    html = _article_page()
    findings = Pipeline(language="en").process(ARTICLE).findings
    rows = re.findall(r'<tr class="finding[^"]*"[^>]*>(.*?)</tr>', html, re.S)
    assert len(rows) == len(findings)
    pronoun = next(_visible(r) for r in rows if "TC401" in r)
    assert "7:63" in pronoun and "unsafe" in pronoun and "not applied" in pronoun
    assert "'He' refers to 'Giorgia Meloni', who is female" in pronoun  # the explanation, without hovering
    ad = next(_visible(r) for r in rows if "TC201" in r)
    assert "5:1" in ad and "safe" in ad and "applied" in ad and "not applied" not in ad
    assert "1 not applied" in _visible(html) and f"{len(findings) - 1} applied" in _visible(html)


def test_article_report_makes_removed_blank_lines_and_spaces_visible() -> None:
    original = _visible(_pane(_article_page(), "original"))
    assert "↵\n↵\n" in original  # two of the four line breaks before [ad_1] go
    assert "Tuesday·.·." in original  # " . ." became "."
    assert "late.  Both" in original  # whitespace no fix touched reads as it is


def test_edit_spans_map_each_edit_through_the_others() -> None:
    """Grouped mapping gives what mapping each edit through every other one (the edit log's own maps) gives."""
    from transclean import EditLog
    from transclean.report import _shared_ends, edit_spans

    texts = [
        ARTICLE,
        MELONI,
        (EXAMPLES / "reference_article.txt").read_text("utf-8"),
        "Il caffÃ¨ Ã¨ buono . . Poi.\n" * 30,
    ]
    for text in texts:
        edits = Pipeline(unsafe_fixes=True).process(text).log.edits
        expected = []
        for i, e in enumerate(edits):
            head, tail = _shared_ends(e.old, e.new)
            before, after = EditLog(edits[:i]), EditLog(edits[i + 1 :])
            source = before.to_source(e.start + head), before.to_source(e.start + len(e.old) - tail)
            output = after.to_output(e.start + head), after.to_output(e.start + len(e.new) - tail)
            expected.append((e.code, *source, *output))
        assert sorted(edit_spans(EditLog(edits))) == sorted(expected)


def test_article_report_renders_in_chromium(tmp_path: Path) -> None:
    _chromium()
    page = tmp_path / "report.html"
    proc = subprocess.run(
        [sys.executable, "-m", "transclean", "check", "--format", "html", str(EXAMPLES / "reference_article.txt")],
        capture_output=True,
        check=False,
    )
    page.write_bytes(proc.stdout)
    html = proc.stdout.decode("utf-8")
    assert "<script" not in html and "http" not in html  # self-contained: no script, no external asset
    dom = _render(page, tmp_path / "p")
    text = (EXAMPLES / "reference_article.txt").read_text("utf-8")
    result = Pipeline().process(text)
    assert f"{len(result.findings)} findings" in dom
    for code in {f.code for f in result.findings}:
        assert f'data-code="{code}"' in dom
    assert len(re.findall(r'<tr class="finding', dom)) == len(result.findings)
    assert _visible(_pane(dom, "fixed")) == result.text
    shot = tmp_path / "report.png"
    _render(page, tmp_path / "p", f"--screenshot={shot}", "--window-size=1400,1800")
    assert shot.exists() and shot.stat().st_size > 20_000  # a rendered page, not a blank one
    if os.environ.get("TRANSCLEAN_KEEP_SCREENSHOTS"):  # to look at it: a path to copy the PNG to
        shutil.copy(shot, os.environ["TRANSCLEAN_KEEP_SCREENSHOTS"])


def _corpus_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, object]]:
    """A corpus run with --annotate and a report, from inside its folder (inputs given as absolute paths)."""
    from transclean.batch import Options, clean

    monkeypatch.chdir(tmp_path)
    src = tmp_path / "news" / "day1.jsonl"
    src.parent.mkdir()
    src.write_text(
        "\n".join(
            [
                json.dumps({"id": 1, "text": MELONI}),
                '{"id": 2, "text": "unterminated',
                json.dumps({"id": 3, "body": "no text field"}),
                json.dumps({"id": 4, "text": "Floods in Győr . . The port closed."}),
            ]
        )
        + "\n",
        "utf-8",
    )
    clean(
        [str(src)],
        tmp_path / "out",
        options=Options(annotate=True, config=transclean.Config(language="en")),
        report=True,
    )
    stats = json.loads((tmp_path / "out" / "stats.json").read_text("utf-8"))
    return (tmp_path / "out" / "report.html").read_text("utf-8"), stats


def test_corpus_report_highlights_a_finding_at_its_offset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html, _ = _corpus_run(tmp_path, monkeypatch)
    example = re.search(r'data-code="TC401".*?<pre>(.*?)</pre>', html, re.S)
    assert example and re.search(r"Tuesday\. <mark[^>]*>He</mark> promised", example.group(1))
    assert "<mark>He</mark>lsinki" not in example.group(1)


def test_corpus_report_of_stats_without_offsets_marks_nothing(tmp_path: Path) -> None:
    """Chunks done by an older version kept no offset in their example: shown unmarked, no error."""
    from transclean.batch.runner import Stats
    from transclean.report_html import corpus_report

    example = {"source": "a.jsonl", "line": 1, "message": "m", "before": "He. He", "text": "He", "fix": "unsafe"}
    stats = Stats(documents_in=1, documents_out=1, findings_by_code=Counter(TC401=1)).to_dict()
    html = corpus_report({**stats, "examples": {"TC401": example}}, tmp_path)
    assert "<pre>He. He</pre>" in html and "<mark>" not in html


def test_corpus_report_speaks_to_readers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html, stats = _corpus_run(tmp_path, monkeypatch)
    shown = _visible(html)
    assert "documents_in" not in shown and "bytes_out" not in shown
    assert "Records read" in shown and "Records rejected" in shown
    assert str(tmp_path) not in html  # paths relative to where the run was started
    assert "news/day1.jsonl" in shown
    assert stats["bytes_out"] > stats["bytes_in"]  # annotations make the output larger than the input ...
    assert "annotation" in shown  # ... and the report says so


def test_corpus_report_shows_examples_of_rejects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html, stats = _corpus_run(tmp_path, monkeypatch)
    section = _visible(re.search(r'<section id="rejects">(.*?)</section>', html, re.S).group(1))
    assert stats["rejected"] == 2
    assert "news/day1.jsonl:2" in section and '"unterminated' in section
    assert "news/day1.jsonl:3" in section and "no text field" in section


def test_corpus_report_renders_in_chromium(tmp_path: Path) -> None:
    _chromium()
    from transclean.batch import Options, clean

    clean([str(EXAMPLES / "corpus.jsonl")], tmp_path / "out", options=Options(annotate=True), report=True)
    dom = _render(tmp_path / "out" / "report.html", tmp_path / "p")
    stats = json.loads((tmp_path / "out" / "stats.json").read_text("utf-8"))
    for code in stats["findings_by_code"]:
        assert f'class="example" data-code="{code}"' in dom
    assert re.search(r"<td>Records read</td><td>10</td>", dom)
    shot = tmp_path / "corpus.png"
    _render(tmp_path / "out" / "report.html", tmp_path / "p", f"--screenshot={shot}", "--window-size=1400,1800")
    assert shot.exists() and shot.stat().st_size > 20_000
