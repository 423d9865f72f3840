"""Letters dropped without a trace (TC109), escaped letters (TC108), and '?' at a word's edges (TC103)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transclean
from test_properties import SETTINGS
from transclean import Document
from transclean.context import Context
from transclean.rules.encoding import tc109_dropped_letters


def _codes(text: str, code: str) -> list[str]:
    return [text[f.start : f.end] for f in transclean.check(text) if f.code == code]


def test_dropped_letter_restored_from_the_documents_own_spelling() -> None:
    text = "Ahmet Davutoğlu met the press. Later Davutolu left for Ankara."
    assert transclean.fix(text) == "Ahmet Davutoğlu met the press. Later Davutoğlu left for Ankara."


def test_one_unknown_word_alone_is_a_name_not_damage() -> None:
    # Without the document's spelling, a lexicon word is read through a word only on a page with two.
    assert not _codes("The historian Jan Kozowski wrote the book.", "TC109")
    assert _codes("The historian Jan Kozowski wrote on Solidarno and its strikes.", "TC109") == [
        "Kozowski",
        "Solidarno",
    ]


def test_words_beside_a_damage_mark_are_not_read_as_dropped() -> None:
    # GAP writes a lost letter as '*': the rest of the word lost nothing.
    text = "Cuban competitor *ngel Matos met Marta Rodr*guez and Helena Sukov* in Madrid."
    assert not _codes(text, "TC109")


def test_escaped_letters_decoded_outside_addresses() -> None:
    assert transclean.fix("Get Vu%C4%8Di%C4%87 facts below.") == "Get Vučić facts below."
    url = "See https://sr.wikipedia.org/wiki/Vu%C4%8Di%C4%87 now."
    assert transclean.fix(url) == url


def test_lost_letter_at_a_word_start_and_before_a_question_mark() -> None:
    assert _codes("Mayor Dragan ?ubrinovac opened the bridge.", "TC103") == ["?ubrinovac"]
    assert transclean.fix("Is the match in Gda?sk? Nobody knows.") == "Is the match in Gdańsk? Nobody knows."


def test_questions_with_a_lost_space_are_not_lost_letters() -> None:
    for text in ("Why?The talks failed.", "He asked why?the envoy left.", "Was it Ana Brnabi? No, Ivica."):
        assert not _codes(text, "TC103")


def test_a_word_set_aside_as_barren_is_still_restored_from_the_documents_spelling() -> None:
    # "Xyzolu" alone fits no lexicon word: it is kept among the words that give nothing, but a document that
    # spells "Xyzoğlu" gives it a candidate all the same
    assert transclean.fix("Later Xyzolu left.") == "Later Xyzolu left."
    assert "xyzolu" in tc109_dropped_letters._barren
    assert transclean.fix("Ahmet Xyzoğlu spoke. Later Xyzolu left.") == "Ahmet Xyzoğlu spoke. Later Xyzoğlu left."


DROPPING = ["Erdoğan", "Erdoan", "Kozowski", "Solidarno", "Davutoğlu", "Davutolu", "Xyzolu", "Xyzoğlu", "the",
            "wrote", "Jan", " ", ". ", "\n"]  # fmt: skip


def _dropped(text: str) -> list[tuple[int, int, str | None]]:
    ctx = Context(Document(text, language="en"))
    return [(f.start, f.end, f.suggestion) for f in tc109_dropped_letters.DroppedLetters().check(ctx)]


@SETTINGS
@given(st.lists(st.sampled_from(DROPPING), max_size=14).map(" ".join))
def test_the_barren_words_skip_no_finding(text: str) -> None:
    with_memo = _dropped(text)  # the memo holds what earlier examples and this text's words taught it
    saved = set(tc109_dropped_letters._barren)
    tc109_dropped_letters._barren.clear()
    try:
        assert _dropped(text) == with_memo
    finally:
        tc109_dropped_letters._barren.update(saved)


def test_the_barren_words_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tc109_dropped_letters, "_barren", {"kept"})
    monkeypatch.setattr(tc109_dropped_letters, "BARREN_WORDS", 1)
    assert _dropped("The river and the house.") == []
    assert tc109_dropped_letters._barren == {"the", "river", "and", "house"}  # emptied first
