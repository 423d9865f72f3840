"""Embedding: the API, the datasets and pandas adapters, process pools, threads and SARIF."""

from __future__ import annotations

import json
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


def test_datasets_map_fixes_single_rows_without_batched() -> None:
    """Without ``batched=True`` each call gets one row: its text stays a string (it became a list of characters)."""
    datasets = pytest.importorskip("datasets")
    from transclean.adapters import datasets_map

    ds = datasets.Dataset.from_dict({"text": TEXTS[:3], "id": [0, 1, 2]})
    single = ds.map(datasets_map(PIPELINE, annotate=True))
    batched = ds.map(datasets_map(PIPELINE, annotate=True), batched=True)
    assert single["text"] == batched["text"] == [cli_fix(t) for t in TEXTS[:3]]
    assert single["transclean"] == batched["transclean"]


def test_adapters_refuse_what_is_not_text() -> None:
    from transclean.adapters import datasets_map

    with pytest.raises(TypeError, match=r"'text' column holds int"):
        datasets_map(PIPELINE)({"text": 3})
    with pytest.raises(KeyError, match=r"no 'body' column.*text_column="):
        datasets_map(PIPELINE, text_column="body")({"text": ["a"]})


def test_missing_texts_are_kept() -> None:
    """A row without text (None, NaN) stays as it is, and its annotation is empty: no exception."""
    pandas = pytest.importorskip("pandas")
    from transclean.adapters import datasets_map, fix_dataframe

    frame = pandas.DataFrame({"text": [TEXTS[1], None, float("nan")], "id": [1, 2, 3]})
    fixed = fix_dataframe(frame, PIPELINE, annotate=True)
    assert list(fixed["id"]) == [1, 2, 3] and fixed["text"][0] == cli_fix(TEXTS[1])
    assert pandas.isna(fixed["text"][1]) and pandas.isna(fixed["text"][2])
    assert pandas.isna(fixed["transclean"][1]) and pandas.isna(fixed["transclean"][2])
    assert datasets_map(PIPELINE)({"text": [None, TEXTS[1]]})["text"] == [None, cli_fix(TEXTS[1])]


def test_one_annotation_shape_for_adapters_and_batch(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    from transclean.adapters import fix_dataframe
    from transclean.batch import Options, clean
    from transclean.report import annotation

    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps({"text": t}) + "\n" for t in TEXTS), "utf-8")
    clean([str(src)], tmp_path / "out", options=Options(annotate=True))
    batch = [
        json.loads(line)["transclean"] for line in (tmp_path / "out" / "c-00000.jsonl").read_text("utf-8").splitlines()
    ]
    frame = fix_dataframe(pandas.DataFrame({"text": TEXTS}), PIPELINE, annotate=True)
    api = [annotation(PIPELINE.process(t)) for t in TEXTS]
    assert [json.loads(a) for a in frame["transclean"]] == batch == api
    assert set(api[0]) == {"language", "changed", "edits", "findings"}
    assert {f["applied"] for f in api[3]["findings"]} == {True, False}  # safe fixes applied, unsafe ones not


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


def test_readme_python_examples_run() -> None:
    """Every ```python block of the README runs as written."""
    import re

    readme = (EXAMPLES.parent / "README.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert len(blocks) >= 2
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
