"""TC307: space-inside-brackets."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

# A space after an opening bracket or before a closing one, beside a word or a sentence mark:
# "( VNA )", "the two letters? )", "I'll wrap it up. ]". An empty pair "( )" and a smiley are left alone.
_INSIDE = regex.compile(r"(?<=[(\[])[ \t]+(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.,!?;:\"”’])[ \t]+(?=[)\]])")


@register
class SpaceInsideBrackets(Rule):
    """A space just inside a bracket: "( VNA )", "the two letters? )".

    ## What it finds
    Spaces after an opening round or square bracket or before a closing one.

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
        Example("Hanoi (⟦ ⟧VNA⟦ ⟧) – The assembly met.", fixed="Hanoi (VNA) – The assembly met."),
        Example("What are the two letters?⟦ ⟧) I'm not sure.", fixed="What are the two letters?) I'm not sure."),
    )
    must_not_fire = (
        Example("Hanoi (VNA) – The assembly met [in March]."),
        Example("Fill in the blank: ( ) or [ ]."),
        Example("Great news :) see you."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _INSIDE.finditer(text):
            yield self.finding(
                text, m.start(), m.end(), "Space inside a bracket", suggestion="", title="Remove the space"
            )
