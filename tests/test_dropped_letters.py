"""Letters dropped without a trace (TC109), escaped letters (TC108), and '?' at a word's edges (TC103)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import transclean
from test_properties import SETTINGS, TEXT
from transclean import Document
from transclean.analysis.dropped import without_accents
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
            "wrote", "Jan", "doveva", "vaci", "divenne", " ", ". ", "\n"]  # fmt: skip


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


def _accented_everywhere(text: str) -> dict[str, set[str]]:
    document: dict[str, set[str]] = {}
    for word in tc109_dropped_letters._WORD_RUN.findall(text):
        if word.isalpha() and not word.isascii() and len(without_accents(word.lower())) >= 4:
            document.setdefault(without_accents(word.lower()), set()).add(word.lower())
    return document


@SETTINGS
@given(
    st.one_of(
        TEXT,
        st.lists(st.sampled_from([*DROPPING, "città", "\u1680", "\x1c", "é", "-", "\u212a", "İ", "Σ"])).map("".join),
    )
)
def test_accented_words_are_read_from_the_pieces_that_are_not_ascii(text: str) -> None:
    assert tc109_dropped_letters._accented(text) == _accented_everywhere(text)


def test_no_whitespace_is_a_word_character() -> None:
    """What reading only the non-ASCII pieces relies on: a word never spans whitespace (str.split's)."""
    assert not any(tc109_dropped_letters._WORD_RUN.match(chr(c)) for c in range(0x110000) if chr(c).isspace())


def test_an_accented_words_letters_inside_it_are_no_token() -> None:
    # "Xyzol" is a run inside "Xyzolé" (no token): the page passes; written alone it is restored
    assert _dropped("Ahmet Xyzolé spoke.") == []
    assert _dropped("Ahmet Xyzolé spoke. Later Xyzol left.") == [(26, 31, "Xyzolé")]


#: what a token is, as one pattern (its lookbehind tried at every position: what _tokens spares)
TOKEN = regex.compile(r"(?<![\w@/.=&#%*?\ufffd-])[A-Za-z]{4,}(?![\w@/=&#%*?\ufffd]|\.\w)")


@SETTINGS
@given(
    st.one_of(
        TEXT,
        st.lists(st.sampled_from([*DROPPING, "www.", "@", "/", ".", "é", "\u0301", "_", "-", "?", "*", "1", "a"])).map(
            "".join
        ),
    )
)
def test_tokens_are_the_token_patterns_matches(text: str) -> None:
    runs = {run.lower() for run in regex.findall("[A-Za-z]+", text)}
    expected = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    assert [(m.start(), m.end()) for m in tc109_dropped_letters._tokens(text, runs)] == expected
    some = set(sorted(runs)[::2])
    assert [(m.start(), m.end()) for m in tc109_dropped_letters._tokens(text, some)] == [
        (a, b) for a, b in expected if text[a:b].lower() in some
    ]
