"""TC201: scraper-marker."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A whole line of WordPress-style shortcodes: [ad_1], [/caption], [embed width="640"], [vc_row] ...
# Lower-case names only: "[Photo]" or "[Updated]" are editorial and stay.
_SHORTCODE = r"\[/?[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*(?:\s+[a-z_-]+(?:=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\]]+))?)*\s*/?\]"

_MARKER_LINE = regex.compile(rf"[ \t]*(?:{_SHORTCODE}[ \t]*)+")

# Inline, only names that are never prose: ad slots ("ad_1", "ads-2") and WordPress/Visual Composer
# shortcodes. "[sic]" or "[citation needed]" inside a sentence are editorial.
_INLINE_MARKER = regex.compile(
    r"[ \t]?\[/?(?:ads?[_-]?\d+|caption|embed|gallery|vc_[a-z_]+|et_pb_[a-z_]+|/?ad)(?:\s+[^\]\n]*)?\]"
)


@register
class ScraperMarker(Rule):
    """Scraper or CMS markers left in the text: `[ad_1]`, `[/caption]`, shortcode remnants.

    ## What it finds
    Lines made only of lower-case shortcodes, and inline ad slots and well-known CMS shortcodes.

    ## Why it matters
    Markers are no content: they end up in translations, corpora and search indexes.

    ## Fix safety
    Safe: a line made only of lower-case shortcodes carries no content, and inline removal is limited to
    ad slots and well-known CMS shortcode names.
    """

    code = "TC201"
    name = "scraper-marker"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    trigger = Trigger(strings=("[",))  # every marker has one
    must_fire = (
        Example("Headline\n\n⟦[ad_1]⟧\n\nBody text.", fixed="Headline\n\nBody text."),
        Example("Body text.\n\n⟦[ad_2]⟧\n", fixed="Body text.\n"),
        Example('⟦[caption id="attachment_7" align="alignleft"]⟧\nA photo.', fixed="A photo."),
        Example("The minister spoke.⟦ [ad_3]⟧ Then he left.", fixed="The minister spoke. Then he left."),
    )
    must_not_fire = (
        Example("He wrote that it [sic] was fine."),
        Example("[Updated]\nThe minister spoke."),
        Example("See note [1] and [citation needed]."),
        Example("arr[i] = x[0]"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for start, line in ctx.lines:
            if "[" not in line:
                continue  # every marker has one: most lines need no scan
            if line.strip() and _MARKER_LINE.fullmatch(line):
                yield self.line_removal(
                    text, start, start + len(line), "Scraper marker line", title="Remove the marker line"
                )
                continue
            for m in _INLINE_MARKER.finditer(line):
                yield self.finding(
                    text,
                    start + m.start(),
                    start + m.end(),
                    "Scraper marker inside the text",
                    suggestion="",
                    title="Remove the marker",
                )
