"""TC305: full-stop-inside-sentence."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.langdata import word_set
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

# A full stop after a lower-case word or a number, then a lower-case word: "together. to get rid", "the 13.
# pension". The word before holds no full stop of its own ("e.g.", "p.m.", "U.S." end abbreviations) and
# is no capitalised abbreviation ("Boston, Mass. against", "M. Phil. at"); the word after is no address
# ("http") or prefix ("al-Duri"). The pattern opens at the full stop and reads the word before it back in a
# lookbehind: opening at the word, it was tried at every letter of the text (160 µs for a 500-character
# document, 1 µs so); :func:`_stops` keeps the matches of a scan from the word (none overlaps the last).
_STOP_THEN_LOWER = regex.compile(
    r"\. (?=\p{Ll})(?<=(?<![\p{L}\p{N}.'’-])(\p{Ll}{2,}|\d{1,3})\. )(\p{Ll}+(?:['’]\p{Ll}+)?)\b(?![-:/])"
)

# A conjunction and a word or two made a sentence of their own: "strengthening its unity. And prosperity."
# (opening at the space, with the letter and full stop before it read back).
_CONJUNCTION_FRAGMENT = regex.compile(r" (?<=\p{Ll}\. )((?:And|Or) \p{Ll}+(?: \p{Ll}+)?\.)(?=\s|$)")


# A full stop after a capitalised word of six letters or more (no abbreviation: "Calif.", "Mass.", "Corp."
# are shorter; the list is asked too) and before a lower-case conjunction or relative pronoun: "the
# existence of Armenia. and Artsakh". Opens at the full stop; the word before is read back.
_NAME_STOP_GLUE = regex.compile(
    r"\. (?=and\b|or\b|but\b|which\b|who\b|whose\b)(?<=(?<![\p{L}\p{N}.'’-])(\p{Lu}\p{Ll}{5,})\. )(\p{Ll}+)\b(?![-:/])"
)


def _stops(text: str) -> Iterator[regex.Match[str]]:
    """The matches of :data:`_STOP_THEN_LOWER` a scan from the word before the stop finds: none starts
    (group 1) inside the last one (the word after a stop can be the word before the next: "one. two. three"
    is one finding)."""
    end = 0
    for m in _STOP_THEN_LOWER.finditer(text):
        if m.start(1) >= end:
            yield m
            end = m.end()


@register
class FullStopInsideSentence(Rule):
    """A full stop that splits one sentence in two: "We must all unite together. to get rid of it".

    ## What it finds
    A full stop followed by a lower-case word, where the word before is no abbreviation ("etc. and",
    "approx. five" are left alone), a number written as an ordinal the English way does not ("the 13.
    pension"); a capitalised word and a full stop before "and", "or", "but", "which", "who" ("the existence
    of Armenia. and Artsakh"); and a conjunction with a word or two that make a "sentence" of their own ("its
    unity. And prosperity.").

    ## Why it matters
    Translators that work sentence by sentence split a source sentence at a line break or an ordinal and
    translate the halves apart; the reader sees a sentence that stops mid-phrase.

    ## Fix safety
    Flag only: whether the full stop goes or the next word takes a capital depends on the source.
    """

    code = "TC305"
    name = "full-stop-inside-sentence"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    must_fire = (
        Example("We must all unite ⟦together. to⟧ get rid of them.", language="en"),
        Example("The government wants to cancel the ⟦13. pension⟧ next year.", language="en"),
        Example("He praised its strength and unity. ⟦And prosperity.⟧", language="en"),
        Example("It would threaten the existence of ⟦Armenia. and⟧ Artsakh.", language="en"),
    )
    must_not_fire = (
        Example("Bring tea, coffee, etc. and some bread.", language="en"),
        Example("It weighs approx. five tonnes, i.e. a lot, at 5 p.m. on Monday.", language="en"),
        Example("He was born in 1950 (d. 2001) in Paris.", language="en"),
        Example("1. the first item\n2. the second item", language="en"),
        Example("He left. And then he came back, and nobody asked why.", language="en"),
        Example(
            "He moved to Boston, Mass. and later to Sacramento, Calif. and Washington, D.C. and back.", language="en"
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        abbreviations = word_set(ctx.language, "punctuation", "abbreviations")
        for m in _stops(text):
            before, start = m.group(1), m.start(1)
            if before.lower() in abbreviations:
                continue
            if before.isdigit() and (start == 0 or text[start - 1] == "\n"):
                continue  # a numbered list
            yield self.finding(text, start, m.end(), f"Full stop inside a sentence, before {m.group(2)!r}")
        for m in _NAME_STOP_GLUE.finditer(text):
            if m.group(1).lower() not in abbreviations:
                yield self.finding(text, m.start(1), m.end(), f"Full stop inside a sentence, before {m.group(2)!r}")
        for m in _CONJUNCTION_FRAGMENT.finditer(text):
            yield self.finding(text, m.start(1), m.end(1), "A conjunction and a word make a sentence of their own")
