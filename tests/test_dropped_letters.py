"""Letters dropped without a trace (TC109), escaped letters (TC108), and '?' at a word's edges (TC103)."""

from __future__ import annotations

import transclean


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
