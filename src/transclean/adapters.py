"""Adapters for data tools: HuggingFace ``datasets`` (``Dataset.map(batched=True)``) and pandas.

Both take a :class:`~transclean.Pipeline` (or options to build one), keep every other column, and add
nothing unless asked: ``annotate=True`` adds a ``transclean`` column with the findings as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from transclean.model import Document
from transclean.pipeline import Pipeline


def _annotation(result: Any) -> str:
    return json.dumps(
        {"changed": result.document.changed, "findings": [f.to_dict() for f in result.findings]}, ensure_ascii=False
    )


def datasets_map(
    pipeline: Pipeline | None = None, *, text_column: str = "text", annotate: bool = False, **options: Any
) -> Callable[[dict[str, list[Any]]], dict[str, list[Any]]]:
    """A function for ``Dataset.map(fn, batched=True)`` that fixes ``text_column`` in place.

    >>> fn = datasets_map(select=("TC2",))
    >>> fn({"text": ["Body.\\n\\n[ad_1]\\n"], "id": [1]})
    {'text': ['Body.\\n'], 'id': [1]}
    """
    pipe = pipeline or Pipeline(**options)

    def fix_batch(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        results = [pipe.process(Document(text)) for text in batch[text_column]]
        out = {**batch, text_column: [r.text for r in results]}
        if annotate:
            out["transclean"] = [_annotation(r) for r in results]
        return out

    return fix_batch


def fix_dataframe(
    frame: Any,
    pipeline: Pipeline | None = None,
    *,
    text_column: str = "text",
    annotate: bool = False,
    **options: Any,
) -> Any:
    """A copy of a pandas DataFrame with ``text_column`` fixed (and a ``transclean`` column if ``annotate``)."""
    pipe = pipeline or Pipeline(**options)
    results = [pipe.process(Document(text)) for text in frame[text_column]]
    out = frame.copy()
    out[text_column] = [r.text for r in results]
    if annotate:
        out["transclean"] = [_annotation(r) for r in results]
    return out
