"""Adapters for data tools: HuggingFace ``datasets`` (``Dataset.map``) and pandas.

Both take a :class:`~transclean.Pipeline` (or options to build one), keep every other column, and add
nothing unless asked: ``annotate=True`` adds a ``transclean`` column holding :func:`transclean.report.annotation`
as JSON (a string: an Arrow column needs one type, and findings vary from row to row). A missing text
(None, NaN) is kept as it is, with no annotation.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from transclean.model import Document
from transclean.pipeline import Pipeline
from transclean.report import annotation


def _fix(pipe: Pipeline, value: Any, column: str, missing: Callable[[Any], bool]) -> tuple[Any, str | None]:
    """A text fixed, with its annotation as JSON; a missing text as it is, with none."""
    if isinstance(value, str):
        result = pipe.process(Document(value))
        return result.text, json.dumps(annotation(result), ensure_ascii=False)
    if missing(value):
        return value, None
    raise TypeError(f"the {column!r} column holds {type(value).__name__} ({value!r:.40}), not text")


def _column(columns: Any, column: str) -> None:
    if column not in columns:
        raise KeyError(f"no {column!r} column (columns: {', '.join(map(str, columns))}); pass text_column=...")


def datasets_map(
    pipeline: Pipeline | None = None, *, text_column: str = "text", annotate: bool = False, **options: Any
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A function for ``Dataset.map(fn)`` that fixes ``text_column`` in place, with or without ``batched=True``.

    >>> fn = datasets_map(select=("TC2",))
    >>> fn({"text": ["Body.\\n\\n[ad_1]\\n"], "id": [1]})
    {'text': ['Body.\\n'], 'id': [1]}
    >>> fn({"text": "Body.\\n\\n[ad_1]\\n", "id": 1})
    {'text': 'Body.\\n', 'id': 1}
    """
    pipe = pipeline or Pipeline(**options)

    def missing(value: Any) -> bool:
        return value is None  # Arrow hands a null as None

    def fix_rows(rows: dict[str, Any]) -> dict[str, Any]:
        _column(rows, text_column)
        value = rows[text_column]
        # batched=True passes a list per column; without it, one row: a str (iterating it would fix characters).
        if isinstance(value, list):
            pairs = [_fix(pipe, v, text_column, missing) for v in value]
            text, note = [p[0] for p in pairs], [p[1] for p in pairs]
        else:
            text, note = _fix(pipe, value, text_column, missing)
        return {**rows, text_column: text, **({"transclean": note} if annotate else {})}

    return fix_rows


def fix_dataframe(
    frame: Any,
    pipeline: Pipeline | None = None,
    *,
    text_column: str = "text",
    annotate: bool = False,
    **options: Any,
) -> Any:
    """A copy of a pandas DataFrame with ``text_column`` fixed (and a ``transclean`` column if ``annotate``)."""
    import pandas

    def missing(value: Any) -> bool:
        return value is None or (pandas.api.types.is_scalar(value) and bool(pandas.isna(value)))

    _column(frame.columns, text_column)
    pipe = pipeline or Pipeline(**options)
    pairs = [_fix(pipe, value, text_column, missing) for value in frame[text_column]]
    out = frame.copy()
    out[text_column] = [p[0] for p in pairs]
    if annotate:
        out["transclean"] = [p[1] for p in pairs]
    return out
