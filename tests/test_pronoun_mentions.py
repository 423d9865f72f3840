"""Who the pronoun rules take for a person, and how far an institution's pronoun carries."""

from __future__ import annotations

import pytest

from transclean import Document, Pipeline
from transclean.context import Context


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
