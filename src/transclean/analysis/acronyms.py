"""Acronyms that translation systems confuse, and the organisation a context points to."""

from __future__ import annotations

from functools import lru_cache

from transclean.glossary import Concept, Glossary
from transclean.text import is_word_char


def confusable_acronyms(a: str, b: str) -> bool:
    """Acronyms a translation system mixes up: same letters in another order, or one letter apart.

    >>> confusable_acronyms("OCSE", "OSCE"), confusable_acronyms("OECD", "OCSE"), confusable_acronyms("UN", "EU")
    (True, False, False)
    """
    if a == b or len(a) != len(b) or len(a) < 3:
        return False
    return sorted(a) == sorted(b) or sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _confusion_keys(acronym: str) -> list[tuple[object, ...]]:
    """Keys two confusable acronyms of at least three letters share: their sorted letters (an anagram), or
    the letters left without position ``i`` (one letter apart, at ``i``)."""
    return [("sorted", "".join(sorted(acronym)))] + [
        ("without", i, acronym[:i] + acronym[i + 1 :]) for i in range(len(acronym))
    ]


@lru_cache(maxsize=8)
def _confusion_index(glossary: Glossary) -> dict[tuple[object, ...], list[tuple[int, Concept, str]]]:
    """The acronyms of the glossary's concepts that have context words, by :func:`_confusion_keys`, with
    the concept's place in the glossary. Comparing every acronym of every concept with the form took
    3,500 calls for a check of one article (about 10 ms of a cold check); built once per glossary."""
    index: dict[tuple[object, ...], list[tuple[int, Concept, str]]] = {}
    for position, concept in enumerate(glossary.concepts):
        if concept.context:
            for forms in concept.acronyms.values():
                for acronym in forms:
                    for key in _confusion_keys(acronym):
                        index.setdefault(key, []).append((position, concept, acronym))
    return index


def _rivals(glossary: Glossary, concept: Concept, mine: set[str]) -> list[Concept]:
    """The other concepts with context words that have an acronym confusable with one of ``mine``, in
    glossary order."""
    index = _confusion_index(glossary)
    found = {
        position: rival
        for b in mine
        if len(b) >= 3
        for key in _confusion_keys(b)
        for position, rival, a in index.get(key, ())
        if rival.id != concept.id and confusable_acronyms(a, b)
    }
    return [found[position] for position in sorted(found)]


def _has_word(text: str, word: str) -> bool:
    r"""Whether ``word`` occurs in ``text`` with a word boundary at both ends: what
    ``regex.search(rf"\b{regex.escape(word)}\b", text)`` finds, without compiling a pattern per word (about
    70 for one article, a new one for each glossary word: 0.5 ms each in a cold check)."""
    size, start = len(word), text.find(word)
    while start >= 0:
        if _boundary(text, start) and _boundary(text, start + size):
            return True
        start = text.find(word, start + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    r"""Whether ``regex``'s ``\b`` holds at ``i``: a word character on one side only."""
    return is_word_char(text[i - 1 : i] if i else "") != is_word_char(text[i : i + 1])


def context_rival(text: str, glossary: Glossary, concept: Concept, form: str) -> tuple[Concept, set[str]] | None:
    """The organisation the context points to instead of ``concept`` when ``form`` names it: one whose
    acronym is confusable with ``form`` or with the concept's own acronyms, with at least two of its context
    words in the text and more than the concept has ("Vienna", "participating States" against "Paris"),
    unless the text also names the rival by its acronym. Returns it and the words found."""
    if not concept.context:
        return None
    lower = text.lower()

    def evidence(words: tuple[str, ...]) -> set[str]:
        return {w for w in words if _has_word(lower, w.lower())}

    mine = {form} | {a for forms in concept.acronyms.values() for a in forms}
    rivals = _rivals(glossary, concept, mine)
    if not rivals:
        return None
    words, rival = max(((evidence(c.context), c) for c in rivals), key=lambda x: len(x[0]))
    if len(words) < max(2, len(evidence(concept.context)) + 1):
        return None
    named = {a for forms in rival.acronyms.values() for a in forms} - {form}
    if any(_has_word(text, a) for a in named):
        return None  # the text names both ("The OECD said ... while the OSCE sent observers")
    return rival, words
