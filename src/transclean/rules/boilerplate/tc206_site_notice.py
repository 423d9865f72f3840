"""TC206: site-notice."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from transclean.analysis.chrome import has_notice
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: a notice is a line or two of template text; a longer paragraph is an article that quotes one.
NOTICE_MAX_CHARS = 400


@register
class SiteNotice(Rule):
    """A site notice left in the text: comment-form help, copyright or reuse terms, a newsletter call.

    ## What it finds
    A paragraph of at most 400 characters that carries a phrase only such notices use, in any language
    with a `[chrome]` table: "Your email address will not be published", "Required fields are marked *",
    "All rights reserved", "This message was taken from this source and rewritten by artificial
    intelligence", "Ваш e-mail не будет опубликован".

    ## Why it matters
    The notice belongs to the page, not to the article; left in, it is read and translated as content.

    ## Fix safety
    Safe: the phrases are the template's own wording, which an article does not use for its content;
    the whole paragraph goes, and only when it is short.
    """

    code = "TC206"
    name = "site-notice"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the phrases come from every language file
    must_fire = (
        Example(
            "The talks ended.\n\n⟦Your email address will not be published. Required fields are marked *⟧\n",
            fixed="The talks ended.\n",
        ),
        Example(
            "The talks ended.\n⟦© 2024 Daily Courier. All rights reserved.⟧\nNext story",
            fixed="The talks ended.\nNext story",
        ),
        Example("Il vertice è finito.\n⟦Riproduzione riservata⟧\n", fixed="Il vertice è finito.\n", language="it"),
    )
    must_not_fire = (
        Example("The report will not be published until June, the ministry said."),
        Example("The court said the company reserves the right to appeal."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for start, end, line in ctx.paragraphs:
            if len(line.strip()) > NOTICE_MAX_CHARS or not has_notice(line):
                continue
            yield self.line_removal(
                text, start, end, "Site notice left by the page template", title="Remove the notice", confidence=0.9
            )
