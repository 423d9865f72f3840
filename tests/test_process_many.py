"""Pipeline.process_many gives each document what Pipeline.process gives it: the first pass run rule by
rule over a batch changes the order of the work, never the results."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transclean.pipeline as pipeline_module
from test_properties import SETTINGS
from transclean import Document, Pipeline
from transclean.rules import REGISTRY

ROOT = Path(__file__).resolve().parents[1]

#: every rule's examples and the shipped example files: texts that make most rules fire, a few in passes
TEXTS = [
    example.plain
    for cls in REGISTRY.values()
    for example in (*cls.must_fire, *cls.must_not_fire)
    if example.language in (None, "en")
] + [path.read_text("utf-8") for path in sorted((ROOT / "examples").glob("*.txt"))]


def _same(pipe: Pipeline, docs: list[Document | str], **options: bool) -> None:
    expected = [pipe.process(doc, **options) for doc in docs]
    assert list(pipe.process_many(docs, **options)) == expected


@pytest.mark.parametrize("options", [{}, {"fix": False}, {"findings": False}])
def test_many_documents_as_one_by_one(options: dict[str, bool], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline_module, "BATCH_DOCUMENTS", 7)  # batches that end inside the list
    _same(Pipeline(), TEXTS, **options)


def test_suppressions_and_languages_per_document() -> None:
    silenced = "<!-- transclean: ignore TC302 -->\nDone .\n\nDone .\n"
    docs: list[Document | str] = [
        Document(silenced, metadata={"path": "a.md"}),
        Document("Il governo ha annunciato nuove misure per le famiglie e le imprese .", language="it"),
        "Done .",
    ]
    _same(Pipeline(), docs)


def test_no_documents() -> None:
    assert list(Pipeline().process_many([])) == []


@SETTINGS
@given(st.lists(st.sampled_from(TEXTS), max_size=5), st.integers(1, 3))
def test_any_batch(texts: list[str], size: int) -> None:
    pipe = Pipeline()
    saved = pipeline_module.BATCH_DOCUMENTS
    pipeline_module.BATCH_DOCUMENTS = size  # a function-scoped monkeypatch does not reset between examples
    try:
        _same(pipe, list(texts))
    finally:
        pipeline_module.BATCH_DOCUMENTS = saved
