"""Issue 8: embedding — API, adapters, process pool, threads, SARIF, and the HTML report in Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import transclean
from conftest import EXAMPLES
from transclean import Pipeline

TEXTS = [
    "Il caffÃ¨ Ã¨ buono. . Poi uscì.",
    "Title\n\n[ad_1]\n\nBody text here.",
    "Antonín Dvo?ák wrote symphonies.",
    (EXAMPLES / "reference_article.txt").read_text("utf-8"),
]


def cli_fix(text: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "transclean", "fix", "--exit-zero", "-"],
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    return proc.stdout.decode("utf-8")


def _fix(text: str) -> str:
    return PIPELINE.process(text).text


PIPELINE = Pipeline()


def test_datasets_pandas_process_pool_and_threads_match_the_cli() -> None:
    datasets = pytest.importorskip("datasets")
    pandas = pytest.importorskip("pandas")
    from transclean.adapters import datasets_map, fix_dataframe

    expected = [cli_fix(t) for t in TEXTS]
    ds = datasets.Dataset.from_dict({"text": TEXTS, "id": list(range(len(TEXTS)))})
    assert list(ds.map(datasets_map(PIPELINE), batched=True, batch_size=2)["text"]) == expected
    frame = fix_dataframe(pandas.DataFrame({"text": TEXTS}), PIPELINE, annotate=True)
    assert list(frame["text"]) == expected
    assert json.loads(frame["transclean"][1])["findings"][0]["code"] == "TC201"
    with ProcessPoolExecutor(2) as pool:
        assert list(pool.map(_fix, TEXTS)) == expected
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(_fix, TEXTS * 3)) == expected * 3
    assert [transclean.fix(t) for t in TEXTS] == expected


def test_sarif_shape() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "transclean",
            "check",
            "--format",
            "sarif",
            str(EXAMPLES / "reference_article.txt"),
            str(EXAMPLES / "clean_article.txt"),
        ],
        capture_output=True,
        text=True,
    )
    log = json.loads(proc.stdout)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "transclean" and {r["id"] for r in driver["rules"]} >= {"TC201", "TC401", "TC501"}
    for result in run["results"]:
        assert {"ruleId", "message", "locations", "level"} <= result.keys() and result["message"]["text"]
        assert result["level"] in ("none", "note", "warning", "error")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert len(run["results"]) == len(transclean.check(TEXTS[3]))


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: `make test` installs Debian's chromium package")
        pytest.skip("chromium is not installed (`apt-get install chromium`)")
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


def test_html_report_renders_in_chromium(tmp_path: Path) -> None:
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
    findings = transclean.check(TEXTS[3])
    assert f"{len(findings)} findings" in dom
    for code in {f.code for f in findings}:
        assert f'data-code="{code}"' in dom
    assert dom.count('<li><a href="#f') == len(findings)
    assert "<del>" in dom and "<ins>" in dom
    shot = tmp_path / "report.png"
    _render(page, tmp_path / "p", f"--screenshot={shot}", "--window-size=1400,1800")
    assert shot.exists() and shot.stat().st_size > 20_000  # a rendered page, not a blank one


def test_corpus_report_renders_in_chromium(tmp_path: Path) -> None:
    _chromium()
    from transclean.batch import Options, clean

    clean([str(EXAMPLES / "corpus.jsonl")], tmp_path / "out", options=Options(annotate=True), report=True)
    dom = _render(tmp_path / "out" / "report.html", tmp_path / "p")
    stats = json.loads((tmp_path / "out" / "stats.json").read_text("utf-8"))
    for code in stats["findings_by_code"]:
        assert f'class="example" data-code="{code}"' in dom
    assert "<td>documents_in</td><td>10</td>" in dom


def test_readme_python_examples_run() -> None:
    """Every ```python block of the README runs as written."""
    import re

    readme = (EXAMPLES.parent / "README.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert len(blocks) >= 2
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
