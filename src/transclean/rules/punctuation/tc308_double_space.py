"""TC308: double-space."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# Two spaces or more between two lower-case words inside a line: "to include  the refugees". After a full
# stop two spaces are an old typing habit, and in layout (tables, indents) they are deliberate.
_DOUBLE = regex.compile(r"(?<=\p{Ll}[,;]?) {2,}(?=\p{Ll})")


@register
class DoubleSpace(Rule):
    """Two spaces between two words inside a sentence: "to include  the refugees".

    ## What it finds
    A run of spaces between two lower-case words, with at most a comma or semicolon before it.

    ## Why it matters
    It marks a word the translator or the scraper dropped (a link's text, a name in an element that was
    removed): worth a look by the editor even when nothing is missing.

    ## Fix safety
    Safe: one space is kept. Spaces after a full stop and runs before a capital (columns, aligned text) are
    left alone.
    """

    code = "TC308"
    name = "double-space"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    must_fire = (Example("They want to include⟦  ⟧the refugees.", fixed="They want to include the refugees."),)
    must_not_fire = (Example("He left.  Then she came."), Example("Name    Age\nAnna    31"))
    trigger = Trigger(strings=("  ",))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _DOUBLE.finditer(text):
            yield self.finding(text, m.start(), m.end(), "Two spaces between words", suggestion=" ")
