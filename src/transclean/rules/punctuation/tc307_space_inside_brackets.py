"""TC307: space-inside-brackets."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A space between a sentence mark and a closing bracket: "the two letters? )", "I'll wrap it up. ]", where
# an interviewer's note or a caption was cut. A space inside brackets around words ("( Pauline Collins)")
# is as wrong but common in edited text (links removed from wiki pages): left to the editor's own checks.
_INSIDE = regex.compile(r"(?<=[.!?])[ \t]+(?=[)\]])")


@register
class SpaceInsideBrackets(Rule):
    """A space between a sentence mark and a closing bracket: "the two letters? )", "wrap it up. ]".

    ## What it finds
    Spaces after a full stop, question or exclamation mark and before a closing round or square bracket.

    ## Why it matters
    No style sets them; they come from HTML elements joined by a scraper (a caption in brackets, an
    interviewer's note) and show where text was cut.

    ## Fix safety
    Safe: the space is removed, the brackets and words stay.
    """

    code = "TC307"
    name = "space-inside-brackets"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    must_fire = (
        Example("[I'll wrap it up.⟦ ⟧] Thank you.", fixed="[I'll wrap it up.] Thank you."),
        Example("What are the two letters?⟦ ⟧) I'm not sure.", fixed="What are the two letters?) I'm not sure."),
    )
    must_not_fire = (
        Example("Hanoi (VNA) – The assembly met [in March]."),
        Example("Fill in the blank: ( ) or [ ]."),
        Example("Great news :) see you."),
        Example("The cast: Jane ( Alison Steadman) and Neal ( Colin Stinton )."),
    )
    trigger = Trigger(strings=(")", "]"))  # the space is before a closing bracket

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _INSIDE.finditer(text):
            yield self.finding(
                text, m.start(), m.end(), "Space inside a bracket", suggestion="", title="Remove the space"
            )
