"""TC102: ftfy-formatting."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.repair import line_repairs
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register


@register
class Formatting(Rule):
    """Typography that ftfy would normalise: curly quotes, full-width letters, ligatures, HTML entities.

    ## What it finds
    Characters that ftfy's formatting fixes change: curly quotes, full-width forms, ligatures, HTML entities.

    ## Why it matters
    Some pipelines want ftfy's full normalisation. Off by default: these characters are usually correct
    (curly quotes in edited prose, full-width forms in CJK text), and changing them alters text that was
    right. Select TC102 to get ftfy's full behaviour.

    ## Fix safety
    Safe in the sense that ftfy's output is well defined; select the rule only where that normalisation is
    wanted.
    """

    code = "TC102"
    name = "ftfy-formatting"
    category = Category.ENCODING
    severity = Severity.INFO
    fix = Applicability.SAFE
    default_enabled = False
    off_reason = "changes correct typography (curly quotes, CJK full-width forms)"
    must_fire = (
        Example("He said ⟦“yes”⟧.", fixed='He said "yes".'),
        Example("Fish &⟦amp;⟧ chips", fixed="Fish & chips"),
    )
    must_not_fire = (Example('He said "yes".'),)

    def check(self, ctx: Context) -> Iterator[Finding]:
        for edits, repaired in line_repairs(ctx, "formatting"):
            yield self.finding(
                ctx.text,
                edits[0].start,
                edits[-1].end,
                "Typography that ftfy normalises",
                suggestion=repaired,
                edits=edits,
                title="Normalise typography",
            )
