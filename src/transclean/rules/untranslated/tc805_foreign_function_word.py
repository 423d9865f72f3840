"""TC805: foreign-function-word."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from transclean.analysis.foreign import embedded_in, function_words
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register


@register
class ForeignFunctionWord(Rule):
    """A function word of another language left between English words: "the budget und the plan".

    ## What it finds
    One lower-case word of another language's function-word list (``[untranslated] function_words`` of
    its data file: "della", "und", "dla", "pentru"; never one English also writes, such as "con" or "die")
    with a plain English word on each side, the word at least two Zipf points commoner in its language
    than in English.

    ## Why it matters
    Engines leave short words they could not align (a preposition, a conjunction) in the source language;
    the sentence reads as garbled.

    ## Fix safety
    No fix: which English word is meant depends on the sentence.
    """

    code = "TC805"
    name = "foreign-function-word"
    category = Category.UNTRANSLATED
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ("en",)
    must_fire = (
        Example("The ministry said the budget ⟦und⟧ the plan would be published on Monday.", language="en"),
        Example("New rules ⟦dla⟧ small firms were adopted by the government.", language="en"),
    )
    must_not_fire = (
        Example("Planning to con a big sum of money from her, he lied.", language="en"),
        Example("He worked for the Bank für Gemeinwirtschaft in Hamburg.", language="en"),
        Example("Prices rose by five per cent in the year to March.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        lists = function_words()
        for start, end, count, languages, english_after in embedded_in(ctx):
            word = text[start:end]
            if count != 1 or not english_after:
                continue
            found = sorted(lang for lang in languages if word in lists[lang])
            if found:
                yield self.finding(
                    text,
                    start,
                    end,
                    f"Function word in {'/'.join(found)!r} left untranslated: {word!r}",
                    confidence=0.6,
                )
