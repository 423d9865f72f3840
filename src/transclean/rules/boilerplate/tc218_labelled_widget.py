"""TC218: labelled-widget."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import SENTENCE_END, all_languages, unbulleted, widget_language, words
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: "Tag Archives: Minister", "Author: REUTERS", "Erschienen in: Aktuelle Meldungen": a label, a colon, a value.
_LABELLED = regex.compile(r"(?P<label>[^:\n]{2,40}?)\s*:\s*(?P<value>\S[^\n]*)")
#: the value names a tag, a section or an author: a few words. A longer one is a sentence after a speaker's name.
VALUE_MAX_WORDS = 6


@register
class LabelledWidget(Rule):
    """A widget label with its value on one line at the page's edge: "Tag Archives: Minister", "Author: REUTERS".

    ## What it finds
    In the page header or footer (the lines before the first and after the last paragraph of running
    text), a line "label: value" whose label is made of widget words or a byline label of one language's
    `[chrome]` table (tag, archives, category, author, published in ...) and whose value is at most six
    words without a sentence end.

    ## Why it matters
    Archive and tag pages head the text with the archive's label, and article pages carry "Category:" or
    "Author:" fields; a scraper keeps them as text, and a translation engine renders them as a line of the
    article.

    ## Fix safety
    Safe: the line sits outside the article's prose, its label is a template word and its value a short
    name; a speaker's line ("Moderator: Good afternoon ...") has a label that is not a widget word.
    """

    code = "TC218"
    name = "labelled-widget"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the labels come from every language file
    must_fire = (
        Example(
            "⟦Tag Archives: Minister⟧\n\nThe minister said on Tuesday that the talks would continue next week.\n",
            fixed="The minister said on Tuesday that the talks would continue next week.\n",
        ),
        Example(
            "The minister said on Tuesday that the talks would go on.\n\n⟦Erschienen in: Aktuelle Meldungen⟧\n",
            fixed="The minister said on Tuesday that the talks would go on.\n",
        ),
    )
    must_not_fire = (
        Example("Moderator: Good afternoon.\n\nThe minister said on Tuesday that the talks would continue next week."),
        Example("Premier: customary world stats\n\nThe minister said on Tuesday that the talks would continue."),
        Example(
            "The minister said on Tuesday that the talks would continue next week.\n\n"
            "Comments: the union said it would read the proposal before the vote on Friday.\n"
        ),
    )
    trigger = Trigger(strings=(":",))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        paragraphs = ctx.paragraphs
        labels = all_languages("byline_labels")
        for i in sorted(ctx.edge_zone):
            start, end, line = paragraphs[i]
            m = _LABELLED.fullmatch(unbulleted(line).strip())
            if m is None or SENTENCE_END.search(m["value"]) or len(m["value"].split()) > VALUE_MAX_WORDS:
                continue
            label = m["label"]
            if " ".join(words(label)) not in labels and widget_language(label) is None:
                continue
            yield self.line_removal(
                text, start, end, f"Widget field {line.strip()!r} left by the site template",
                title="Remove the widget line", confidence=0.85,
            )  # fmt: skip
