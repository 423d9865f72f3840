"""TC315: number-fused-to-word."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A year or an ordinal glued to the word after it: "in 2022and the", "the 11thParliament". Other numbers
# glue to units on purpose ("5km", "4to", "COVID-19"), so only these two kinds count; the word is a
# capitalised one or a short function word (checked against the language's joiners).
_FUSED = regex.compile(
    r"(?<![\p{L}\p{N}.,/:_-])(1[89]\d\d|20\d\d|\d{1,3}(?:st|nd|rd|th))(\p{Lu}\p{Ll}{2,}|\p{Ll}{1,4})(?![\p{L}\p{N}])"
)
_GATE = regex.compile(r"\d\p{L}")


@register
class NumberFusedToWord(Rule):
    """A year or an ordinal fused with the next word: "in 2022and the", "to join the 11thParliament".

    ## What it finds
    A year (1800-2099) or an ordinal ("11th") with no space before a capitalised word or a short function
    word of the language ("and", "the": the joiners TC304 splits at).

    ## Why it matters
    Scrapers that join lines and text wrapped in page layouts lose the space after a number; a reader, a
    search and a date parser all stumble on "2022and".

    ## Fix safety
    Safe: a year or an ordinal never takes a letter after it in running text, and the split point is the
    end of the number.
    """

    code = "TC315"
    name = "number-fused-to-word"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages = ("en", "it", "es", "fr", "de", "pt", "ru", "pl", "cs", "tr")
    trigger = Trigger(pattern=_GATE)
    must_fire = (
        Example("The budget was approved in ⟦2022and⟧ the government will implement it.", language="en",
                fixed="The budget was approved in 2022 and the government will implement it."),
        Example("They will join the ⟦11thParliament⟧ next week.", language="en",
                fixed="They will join the 11th Parliament next week."),
    )  # fmt: skip
    must_not_fire = (
        Example("A 5km run, a 4to volume, COVID-19 and the 1990s in 2022.", language="en"),
        Example("The 3rd and 4th rounds of the 2022 FIFA World Cup, at 10am.", language="en"),
        Example("See the file report_2022Final.pdf and www.example.com/2022News.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        data = language_data(ctx.language).get("punctuation") or language_data("en")["punctuation"]
        joiners = frozenset(data["joiners"])
        text = ctx.text
        for m in _FUSED.finditer(text):
            number, word = m.groups()
            if word.islower() and word not in joiners:
                continue
            yield self.finding(
                text, m.start(), m.end(), f"No space between {number!r} and {word!r}",
                suggestion=f"{number} {word}", title="Insert the lost space",
            )  # fmt: skip
