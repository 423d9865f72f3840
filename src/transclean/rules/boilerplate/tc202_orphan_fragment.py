"""TC202: orphan-fragment."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

_FRAGMENT = regex.compile(r"\s*\p{Ll}{1,4}\s*")

_SENTENCE_END = regex.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")


@register
class OrphanFragment(Rule):
    """A stray word fragment alone on a line between paragraphs ("rep"), left by a scraper.

    ## What it finds
    A paragraph of one to four lower-case letters, with no punctuation, that follows a paragraph of prose
    ending a sentence.

    ## Why it matters
    The fragment is the remnant of a cut element (a caption, a button); it breaks the text and its
    translation.

    ## Fix safety
    Safe under those limits: lower-case single short tokens are not headings, list items sit among other
    short lines, and a one-word reply carries punctuation.
    """

    code = "TC202"
    name = "orphan-fragment"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    trigger = Trigger(strings=("\n", "\r"))  # a second paragraph; a regex for the fragment line cost more
    must_fire = (
        Example(
            "The army said it had destroyed twelve batteries and two drones.\n\n⟦rep⟧\n\nLater that day, talks began.",
            fixed="The army said it had destroyed twelve batteries and two drones.\n\nLater that day, talks began.",
        ),
    )
    must_not_fire = (
        Example("Shopping list:\n\neggs\n\nmilk\n\nflour"),
        Example("She asked whether he would come back tomorrow.\n\nYes.\n\nThen she left."),
        Example("The list of options is long and it goes on for pages.\n\nOK\n\nAnother line."),
        Example("Short.\n\nrep\n\nNext."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for prev, line in itertools.pairwise(ctx.chrome_lines):
            if len(line.stripped) > 4:
                continue  # a fragment is one to four letters
            if _FRAGMENT.fullmatch(line.text) and len(prev.stripped) >= 40 and _SENTENCE_END.search(prev.text):
                yield self.line_removal(
                    text,
                    line.start,
                    line.end,
                    f"Stray fragment {line.stripped!r} between paragraphs",
                    title="Remove the fragment",
                    confidence=0.9,
                )
