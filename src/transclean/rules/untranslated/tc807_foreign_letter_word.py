"""TC807: foreign-letter-word."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.foreign import mostly_latin
from transclean.context import Context
from transclean.langdata import across_languages
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register


def _letter_words() -> dict[str, list[str]]:
    """Each one-letter function word of another script, with the languages that write it."""
    found: dict[str, list[str]] = {}
    for lang, words in across_languages("untranslated", "letter_words").items():
        for word in words:
            found.setdefault(word, []).append(lang)
    return found


_LETTER_WORDS = _letter_words()
#: one such letter alone between two words of Latin letters (two letters at least: "x η y" is a formula).
_LEFT_ALONE = regex.compile(
    r"(?<=\p{Latin}{2}[,;]? )(" + "|".join(map(regex.escape, _LETTER_WORDS)) + r")(?= \p{Latin}{2})"
)


@register
class ForeignLetterWord(Rule):
    """A one-letter function word of another script left between English words: "Yerevan և Baku".

    ## What it finds
    In a document whose letters are mostly Latin, a one-letter conjunction, preposition or article of
    another script (Armenian "և", Russian "и", "в", Ukrainian "і", Greek "ή" ...: ``[untranslated]
    letter_words`` of the language files) standing alone between two Latin words. TC802 leaves lone letters
    alone (a letter is often a symbol: "the π value"); these letters are words, never symbols.

    ## Why it matters
    Engines pass such words through: Armenian's "and" is one letter, a ligature, which machine-translated
    English from Armenian sites is full of. The reader meets a letter they cannot read in place of "and".

    ## Fix safety
    No fix: "и" is "and", but "в" is "in", "to" or "at" by its sentence.
    """

    code = "TC807"
    name = "foreign-letter-word"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ("en",)
    trigger = Trigger(strings=tuple(_LETTER_WORDS))
    must_fire = (
        Example("Talks between Yerevan ⟦և⟧ Baku resumed on Monday after a long pause.", language="en"),
        Example("The minister met farmers ⟦и⟧ traders at the market.", language="en"),
        Example("Voters may choose one party ⟦ή⟧ another in the second round.", language="en"),
    )
    must_not_fire = (
        Example("The π value and the η parameter were measured.", language="en"),
        Example("Министр и депутаты обсудили бюджет в понедельник.", language="en"),
        Example("The ratio x η y was fixed for the test.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        found = list(_LEFT_ALONE.finditer(text))
        if not found or not mostly_latin(text):
            return
        for m in found:
            languages = "/".join(_LETTER_WORDS[m[1]])
            yield self.finding(
                text, m.start(1), m.end(1), f"Word in {languages!r} left untranslated: {m[1]!r}", confidence=0.8
            )
