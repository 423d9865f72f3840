"""Who the pronoun rules take for a person, and how far an institution's pronoun carries."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from test_properties import SETTINGS
from transclean import Document, Pipeline
from transclean.context import Context
from transclean.langdata import language_data
from transclean.rules.pronoun import tc401_pronoun_gender


def _people(text: str) -> dict[str, str | None]:
    ctx = Context(Document(text, language="en"))
    return {m.text: m.gender for m in ctx.mentions if m.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("President Recep Tayyip Erdogan spoke.", "Recep Tayyip Erdogan", "male"),
        ("Isabel spoke on Monday.", "Isabel", "female"),
    ],
)
def test_person_gender(text: str, name: str, gender: str | None) -> None:
    assert _people(text)[name] == gender


@pytest.mark.parametrize("word", ["Iran", "Yemenis", "Norwegians", "Americans"])
def test_countries_and_peoples_are_no_persons(word: str) -> None:
    assert word not in _people(f"The council condemned {word} on Monday.")


@pytest.mark.parametrize("word", ["Harris", "Ellis", "Davis"])
def test_surnames_like_plurals_stay_persons(word: str) -> None:
    assert word in _people(f"The council thanked {word} on Monday.")


def test_institution_pronoun_carries_until_a_person_is_named() -> None:
    text = "The Council met on Monday. He said so. He added more. Anna Berg spoke. He left."
    findings = Pipeline(select=("TC402",), language="en").check(Document(text, language="en")).findings
    assert [f.start for f in findings] == [text.index("He said"), text.index("He added")]


_NOUNS = sorted({*language_data("en")["gendered_nouns"], *language_data("en")["lists"]["person_nouns"]})
_NOUN_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_NOUNS),
        st.sampled_from(_NOUNS).map(str.capitalize),
        st.sampled_from([" ", "  ", ".", "-", "'", "İ", "ß", "\u212a", "x", "\n", "1", "ΣΑΣ", "é"]),
        st.text(max_size=3),
    ),
    max_size=15,
).map("".join)


def _first_nouns_word_by_word(text: str) -> dict[str, int]:
    nouns = tc401_pronoun_gender._nouns("en")[0]
    first: dict[str, int] = {}
    for word in regex.finditer(r"\p{L}+", text):
        if word.group().lower() in nouns:
            first.setdefault(nouns[word.group().lower()], word.start())
    return first


@SETTINGS
@given(_NOUN_TEXT)
def test_first_nouns_found_from_the_nouns_are_the_words_read_one_by_one(text: str) -> None:
    assert tc401_pronoun_gender._first_nouns(text, "en") == _first_nouns_word_by_word(text)


def test_lower_casing_to_one_character_keeps_a_letter_a_letter() -> None:
    # what lets TC401 read the words of a lower-cased text at the text's own offsets
    letter = regex.compile(r"\p{L}")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lower = char.lower()
        if lower != char and len(lower) == 1:
            assert bool(letter.match(char)) == bool(letter.match(lower)), hex(code)
