"""Patterns searched from their openings find what a scan of the whole text finds: the word-list patterns
of the grammar rules (:class:`transclean.analysis.anchored.Anchored`) and the punctuation patterns that open
at their literal and read the word before it back (TC305, TC309)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from test_properties import SETTINGS
from transclean.analysis.anchored import Anchored
from transclean.langdata import language_data
from transclean.rules.grammar import (
    tc704_opener_before_function_word,
    tc705_verb_form_after_auxiliary,
    tc707_pronoun_before_number,
    tc709_missing_of,
)
from transclean.rules.punctuation import tc305_full_stop_inside_sentence, tc309_missing_sentence_break

ANCHORED = {
    "TC704": tc704_opener_before_function_word._pairs("en"),
    "TC705": tc705_verb_form_after_auxiliary._pairs("en"),
    "TC707": tc707_pronoun_before_number._pattern("en"),
    "TC709": tc709_missing_of._institutions("en")[0],
}

_EN = language_data("en")
_WORDS = sorted(
    {
        word
        for lst in (*_EN["grammar"].values(), *_EN["lists"].values(), _EN["punctuation"]["sentence_openers"])
        if isinstance(lst, list)
        for word in lst
        if isinstance(word, str) and len(word) < 25
    }
)
#: the lists' words, in lower case and capitalised, glued or spaced by the signs the patterns test
PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.capitalize),
    st.sampled_from([" ", " ", "  ", "\t", "\n", ". ", ".", ",", "'", "’", "-", "’s ", "(", '"', "“", "13", "x"]),
    st.text(max_size=3),
)
TEXT = st.lists(PIECES, max_size=40).map("".join)

#: the patterns as they were, scanned from every position
_STOP_THEN_LOWER = regex.compile(r"(?<![\p{L}\p{N}.'’-])(\p{Ll}{2,}|\d{1,3})(\.) (\p{Ll}+(?:['’]\p{Ll}+)?)\b(?![-:/])")
_CONJUNCTION_FRAGMENT = regex.compile(r"(?<=\p{Ll}\.) ((?:And|Or) \p{Ll}+(?: \p{Ll}+)?\.)(?=\s|$)")
_SHAPE = regex.compile(r"(?<=\b\p{Ll}{2,}[’']?\p{Ll}*) (\p{Lu}\p{Ll}+)(?=[’']s\b|,| \p{Ll})")


def _spans(matches: object) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(len(m.groups()) + 1)) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", sorted(ANCHORED))
def test_anchored_examples(code: str) -> None:
    anchored = ANCHORED[code]
    for text in ("Part of the has been paid.", "It is one of the\tto be decided.", "they two have", "a the to"):
        assert _spans(anchored.finditer(text)) == _spans(anchored.pattern.finditer(text))


@SETTINGS
@given(TEXT, st.sampled_from(sorted(ANCHORED)))
def test_anchored_finds_what_a_scan_finds(text: str, code: str) -> None:
    anchored = ANCHORED[code]
    assert _spans(anchored.finditer(text)) == _spans(anchored.pattern.finditer(text))


def test_no_openings_no_matches() -> None:
    assert list(Anchored(regex.compile("a"), ()).finditer("a")) == []


def _stops_as_scanned(text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start(), m.end(), m.group(1), m.group(3)) for m in _STOP_THEN_LOWER.finditer(text)]


@pytest.mark.parametrize("text", ["one. two. three", "We must unite together. to get", "the 13. pension", "1234. x"])
def test_full_stop_from_the_stop_examples(text: str) -> None:
    found = [(m.start(1), m.end(), m.group(1), m.group(2)) for m in tc305_full_stop_inside_sentence._stops(text)]
    assert found == _stops_as_scanned(text)


@SETTINGS
@given(TEXT)
def test_punctuation_patterns_from_their_literal(text: str) -> None:
    found = [(m.start(1), m.end(), m.group(1), m.group(2)) for m in tc305_full_stop_inside_sentence._stops(text)]
    assert found == _stops_as_scanned(text)
    fragment = tc305_full_stop_inside_sentence._CONJUNCTION_FRAGMENT
    assert _spans(fragment.finditer(text)) == _spans(_CONJUNCTION_FRAGMENT.finditer(text))
    assert _spans(tc309_missing_sentence_break._SHAPE.finditer(text)) == _spans(_SHAPE.finditer(text))


@SETTINGS
@given(TEXT)
def test_sentence_openers_from_their_openings(text: str) -> None:
    """TC309 reports only the shapes whose word opens sentences: those found from the openers alone are the
    scan's, in order."""
    openers = set(_EN["punctuation"]["sentence_openers"])
    shape = tc309_missing_sentence_break._SHAPE
    scanned = [m for m in shape.finditer(text) if m.group(1) in openers]
    found = [m for m in tc309_missing_sentence_break._shapes("en").finditer(text) if m.group(1) in openers]
    assert _spans(found) == _spans(scanned)
