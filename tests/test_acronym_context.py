"""The acronym context analysis: the word search and the rival index answer as the plain definitions do."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from transclean.analysis.acronyms import _has_word, _rivals, confusable_acronyms, context_rival
from transclean.glossary import Concept, Glossary, glossaries_for

# letters, digits, marks, punctuation and spaces: where word boundaries fall differently
_CHARS = st.sampled_from(list("ab AB1_-'.é\u0301ß\u00a0ИЖ国"))


@settings(max_examples=400, deadline=None)
@given(st.text(_CHARS, max_size=30), st.text(_CHARS, max_size=4))
def test_word_search_is_the_boundary_pattern(text: str, word: str) -> None:
    expected = regex.search(rf"\b{regex.escape(word)}\b", text) is not None
    assert _has_word(text, word) == expected


def _rivals_by_scan(glossary: Glossary, concept: Concept, mine: set[str]) -> list[Concept]:
    """Every concept compared with every form: the definition the index must agree with."""
    return [
        c
        for c in glossary.concepts
        if c.id != concept.id
        and c.context
        and any(confusable_acronyms(a, b) for forms in c.acronyms.values() for a in forms for b in mine)
    ]


def test_rival_index_finds_what_a_scan_finds() -> None:
    glossary = glossaries_for([])
    for concept in glossary.concepts:
        mine = {a for forms in concept.acronyms.values() for a in forms}
        for extra in ("OCSE", "NATO", "UNO", "XYZ"):
            assert _rivals(glossary, concept, mine | {extra}) == _rivals_by_scan(glossary, concept, mine | {extra})


def test_rival_from_context_words() -> None:
    glossary = glossaries_for([])
    oecd = next(c for c in glossary.concepts if c.id == "oecd")
    text = "The OCSE secretariat in Vienna sent election observers to the participating States."
    found = context_rival(text, glossary, oecd, "OCSE")
    assert found is not None and found[0].id == "osce"
    assert context_rival(text + " The OSCE agreed.", glossary, oecd, "OCSE") is None
