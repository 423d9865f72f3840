"""TC226: phone-line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: an international phone number alone on a line: a plus, a country code and two to five more groups of
#: digits ("+359 2 9336 66", "+7 (495) 123-45-67", "+44 20 7946 0958").
_PHONE = regex.compile(r"\+\d{1,3}(?:[ \t.\-/]*\(?\d{1,5}\)?){2,5}")

#: the fewest digits of an international number (country code included): "+1 23" is a score or a count
PHONE_MIN_DIGITS = 7


@register
class PhoneLine(Rule):
    """A telephone number alone on a line, from the page's contact box: "+359 2 9336 66".

    ## What it finds
    A line that is only an international telephone number: a plus, a country code and two to five groups
    of digits (seven digits at least), spaced, dotted, dashed or bracketed. The shape is no language's, so
    the rule reads any document.

    ## Why it matters
    The number belongs to the site's footer or contact box (the newsroom's, the advertising desk's); the
    scraper left it between the paragraphs, where it says nothing about the story.

    ## Fix safety
    Flag only: a page's own contact details may be what the reader came for (trafilatura's main-text
    annotations keep one such line, a shop's number). A number inside a sentence ("call +44 20 7946 0958
    for details") is left alone.
    """

    code = "TC226"
    name = "phone-line"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ()  # any document: the number's shape is no language's
    must_fire = (
        Example("The talks went on.\n⟦+359 2 9336 66⟧\n"),
        Example("The talks went on.\n\n⟦+7 (495) 123-45-67⟧\n\nAbout us"),
    )
    must_not_fire = (
        Example("Call +44 20 7946 0958 for details.\n"),
        Example("The talks went on.\n+5 °C\n"),
        Example("The talks went on.\n+2.5%\n"),
    )
    trigger = Trigger(strings=("+",))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for line in ctx.chrome_lines:
            if (
                line.tokens <= 6
                and line.stripped[:1] == "+"
                and _PHONE.fullmatch(line.stripped)
                and sum(c.isdigit() for c in line.stripped) >= PHONE_MIN_DIGITS
            ):
                yield self.finding(
                    text, line.lead, line.lead + len(line.stripped), "Telephone number from a contact box",
                    confidence=0.8,
                )  # fmt: skip
