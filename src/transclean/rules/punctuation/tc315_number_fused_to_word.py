"""TC315: number-fused-to-word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import AsciiGate, Example, Rule, Trigger, register

# A number glued to letters: "2022and", "11thParliament", and many that are right ("13th", "5km", "1990s").
# Which are years and ordinals glued to a word is judged in code: a `re` scan that opens on the digit is
# the whole cost (about 30 ms/MB, the rule's trigger too); lookbehinds and `regex` letter classes cost 3x.
_NUMBER_LETTERS = re.compile(r"(\d{1,4})(st|nd|rd|th)?([^\W\d_]+)")
#: what may stand before the number: a letter, digit or one of these makes it part of a code or address.
_GLUE = frozenset(".,/:_-")


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
    trigger = Trigger(pattern=_NUMBER_LETTERS, ascii=AsciiGate((b"0a", b"0A")))  # a digit before a letter
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
        text = ctx.text
        joiners: frozenset[str] | None = None  # the language is asked at the first year or ordinal glued to a word
        for m in _NUMBER_LETTERS.finditer(text):
            number, suffix, word = m.groups()
            before = text[m.start() - 1] if m.start() else " "
            if before.isalnum() or before in _GLUE:
                continue
            year = suffix is None and len(number) == 4 and 1800 <= int(number) <= 2099
            if not (year or (suffix and len(number) <= 3)):
                continue
            capitalised = len(word) >= 3 and word[0].isupper() and word[1:].islower()
            if joiners is None:
                if not (capitalised or word in _all_joiners()):
                    continue  # no language takes it: not worth a fastText call
                if ctx.language not in self.languages:
                    return
                data = language_data(ctx.language).get("punctuation") or language_data("en")["punctuation"]
                joiners = frozenset(data["joiners"])
            if not (word in joiners or capitalised):
                continue
            number += suffix or ""
            yield self.finding(
                text, m.start(), m.end(), f"No space between {number!r} and {word!r}",
                suggestion=f"{number} {word}", title="Insert the lost space",
            )  # fmt: skip


@cache
def _all_joiners() -> frozenset[str]:
    """The joiners of every language the rule knows: a word none has is taken in no language."""
    return frozenset().union(
        *(
            (language_data(lang).get("punctuation") or language_data("en")["punctuation"])["joiners"]
            for lang in NumberFusedToWord.languages
        )
    )
