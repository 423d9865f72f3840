"""Acronyms that translation systems confuse, and the organisation a context points to."""

from __future__ import annotations

import regex

from transclean.glossary import Concept, Glossary


def confusable_acronyms(a: str, b: str) -> bool:
    """Acronyms a translation system mixes up: same letters in another order, or one letter apart.

    >>> confusable_acronyms("OCSE", "OSCE"), confusable_acronyms("OECD", "OCSE"), confusable_acronyms("UN", "EU")
    (True, False, False)
    """
    if a == b or len(a) != len(b) or len(a) < 3:
        return False
    return sorted(a) == sorted(b) or sum(x != y for x, y in zip(a, b, strict=True)) == 1


def context_rival(text: str, glossary: Glossary, concept: Concept, form: str) -> tuple[Concept, set[str]] | None:
    """The organisation the context points to instead of ``concept`` when ``form`` names it: one whose
    acronym is confusable with ``form`` or with the concept's own acronyms, with at least two of its context
    words in the text and more than the concept has ("Vienna", "participating States" against "Paris"),
    unless the text also names the rival by its acronym. Returns it and the words found."""
    if not concept.context:
        return None
    lower = text.lower()

    def evidence(words: tuple[str, ...]) -> set[str]:
        return {w for w in words if regex.search(rf"\b{regex.escape(w.lower())}\b", lower)}

    mine = {form} | {a for forms in concept.acronyms.values() for a in forms}
    rivals = [
        c
        for c in glossary.concepts
        if c.id != concept.id
        and c.context
        and any(confusable_acronyms(a, b) for forms in c.acronyms.values() for a in forms for b in mine)
    ]
    if not rivals:
        return None
    words, rival = max(((evidence(c.context), c) for c in rivals), key=lambda x: len(x[0]))
    if len(words) < max(2, len(evidence(concept.context)) + 1):
        return None
    named = {a for forms in rival.acronyms.values() for a in forms} - {form}
    if any(regex.search(rf"\b{regex.escape(a)}\b", text) for a in named):
        return None  # the text names both ("The OECD said ... while the OSCE sent observers")
    return rival, words
