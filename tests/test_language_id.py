"""Sentence language identification: transclean's array form of langdetect's sampling loop gives exactly
langdetect's own answers (language and probability, bit for bit), which TC801 reports as its confidence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transclean.lang import _factory, sentence_language

SENTENCES = (
    "The committee will publish its report on the new bridge next spring.",
    "Il consiglio comunale ha approvato il bilancio dopo una lunga discussione.",
    "Die Stadtverwaltung hat gestern neue Regeln für den Verkehr vorgestellt.",
    "Le maire a présenté hier un nouveau plan pour les transports publics.",
    "El ayuntamiento aprobó ayer un plan para mejorar las calles del centro.",
    "Городской совет вчера утвердил новый план развития транспорта.",
    "The minister said: la riforma è necessaria, and left the room.",
    "Th? c?mmittee w?ll publ?sh ?ts r?port on the n?w br?dge.",
    "OK",
    "2024-05-01 12:00",
    "",
)


def _langdetect(text: str) -> tuple[str | None, float]:
    """langdetect's own Detector, as TC801 called it before."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()  # type: ignore[attr-defined]
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    return best.lang.split("-")[0], float(best.prob)


@pytest.mark.parametrize("text", SENTENCES)
def test_sentence_language_is_langdetects_answer(text: str) -> None:
    assert sentence_language(text) == _langdetect(text)


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_sentence_language_is_langdetects_answer_on_any_text(text: str) -> None:
    assert sentence_language(text) == _langdetect(text)
