"""TC224: excerpt-cut."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: the bracketed ellipsis a blog engine or a feed sets where it cut an excerpt, ending the line after a word
#: or a comma: "... he understands very well […]", "... up [...]", "... said [&hellip;]" (WordPress's
#: default "more" mark). After a full stop or inside a quotation it may be an editor's elision, not a cut.
_CUT = regex.compile(r"(?<=[\p{L}\p{N},;])[ \t]*\[(?:…|\.\.\.|&hellip;|&#8230;)\][ \t]*$")


@register
class ExcerptCut(Rule):
    """A paragraph cut off as a teaser with a bracketed ellipsis: "... he understands very well […]".

    ## What it finds
    A line that ends, after a word or a comma, in a bracketed ellipsis ("[…]", "[...]", "[&hellip;]"): the
    mark blog engines and feeds set where they cut an article to an excerpt. Mid-line and after a full
    stop the mark is an editor's elision inside a quotation and is left alone.

    ## Why it matters
    The paragraph is the opening of another article (a related-posts box or a feed item) or the page kept
    only the excerpt of this one: either way the text stops mid-sentence and the reader is missing the rest.

    ## Fix safety
    Flag only: whether the paragraph is another article's teaser, to be removed, or the truncated end of
    this one, to be completed from the source, cannot be told from the text.
    """

    code = "TC224"
    name = "excerpt-cut"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ()  # any document: the mark is typography
    must_fire = (
        Example("The talks went on.\n\nAccording to him, he understands very well ⟦[…]⟧\n"),
        Example("The economy is expected to grow by 5.9% this year, up ⟦[...]⟧\n\nThe talks went on."),
    )
    must_not_fire = (
        Example("He said that the minister [...] had liquidated the agency.\n"),
        Example("“We will not give up. […]”\n"),
        Example("We will not give up. […]\n"),
    )
    trigger = Trigger(strings=("[…]", "[...]", "[&hellip;]", "[&#8230;]"))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for line in ctx.chrome_lines:
            if not line.stripped.endswith("]"):
                continue  # the scan runs only on a line that ends as the mark does
            m = _CUT.search(line.text)
            if m is not None:
                lead = line.start + m.start() + len(m[0]) - len(m[0].lstrip(" \t"))
                yield self.finding(
                    text,
                    lead,
                    line.start + m.start() + len(m[0].rstrip(" \t")),
                    "Paragraph cut off as an excerpt",
                    confidence=0.8,
                )
