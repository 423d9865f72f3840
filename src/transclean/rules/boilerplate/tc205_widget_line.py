"""TC205: widget-line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from transclean.analysis.chrome import Line, ends_sentence, is_list_label, is_related_label, unbulleted, widget_language
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import block_removal

#: a headline in a list after a list label: one line, at most this long, not a paragraph of prose.
HEADLINE_MAX_CHARS = 250


def _headline(line: Line) -> bool:
    """A linked headline: short, and either no sentence end or a truncated one ("..", "…")."""
    if len(line.stripped) > HEADLINE_MAX_CHARS:
        return False
    return not line.sentence_end or line.stripped.endswith(("..", "…"))


@register
class WidgetLine(Rule):
    """A line of a site widget left in the text: "Leave a Reply", "0 Comments", "Share this:", "Read Entire Article".

    ## What it finds
    A line of at most ten words, with no sentence-final stop, whose every word is a widget word or a
    connecting word of one language's `[chrome]` table (comments, share, follow, read more, top news,
    print, font size ...), numbers aside, or that is a label heading a list of other articles ("You may
    also like", "Картина дня"). After a label that heads a list of other articles ("Top news",
    "More headlines"), the headline-shaped lines that follow go with it.

    ## Why it matters
    Widget labels are not part of the article: they break its flow, and a translation engine translates
    them into noise.

    ## Fix safety
    Safe: a line made only of widget words carries no content. A sentence that uses the words ("Read the
    comments below.") ends with a stop and is left alone; labels of related-article boxes followed by a
    headline are TC203's.
    """

    code = "TC205"
    name = "widget-line"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the widget words come from every language file
    must_fire = (
        Example(
            "The talks ended without a deal.\n\n⟦Leave a Reply⟧\n\nRescue teams arrived.",
            fixed="The talks ended without a deal.\n\nRescue teams arrived.",
        ),
        Example("The talks ended without a deal.\n⟦0 Comments⟧\n", fixed="The talks ended without a deal.\n"),
        Example("The minister spoke.\n⟦Lasa un comentariu⟧\n", fixed="The minister spoke.\n"),
        Example(
            "The minister spoke.\n\n⟦Top news\nFloods hit the north\nA new bridge opens..⟧\n",
            fixed="The minister spoke.\n",
        ),
        Example("⟦Font size settings⟧\n⟦Print⟧\nThe minister spoke.", fixed="The minister spoke."),
        Example("The minister spoke.\n⟦Follow us on Twitter @agency⟧\n", fixed="The minister spoke.\n"),
        Example("The minister spoke.\n\n⟦You may also like⟧\n", fixed="The minister spoke.\n"),
    )
    must_not_fire = (
        Example("Read the comments below.\n\nThe minister spoke."),
        Example("Share prices fell\n\nThe minister spoke."),
        Example("Comments on the budget\n\nThe minister said the budget was fair."),
        Example("Read also\n\nFloods hit the north\n\nThe minister spoke."),
        Example("The minister spoke.\n\nmore\nthan a thousand people came."),
        Example("Title\n\n[ad_1]\n\nThe minister spoke."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        lines = ctx.chrome_lines
        i = 0
        while i < len(lines):
            line = lines[i]
            end = line.end
            i += 1
            if line.sentence_end:
                continue  # its label ends in the same stop (a bullet is no stop): a sentence, not a widget
            label = unbulleted(line.text).strip().rstrip(":*").strip()
            if not label or "[" in label or ends_sentence(label):
                continue  # "[ad_1]" and other bracketed markers are TC201's
            if widget_language(label) is None and not is_list_label(label):
                continue  # a list label ("You may also like") is chrome whatever its words
            if is_related_label(label) and i < len(lines) and _headline(lines[i]):
                continue  # a related-article box: TC203 takes the label and its headline
            if _continues_sentence(lines, i):
                continue
            if is_list_label(label):
                while i < len(lines) and _headline(lines[i]) and not widget_language(lines[i].text):
                    end = lines[i].end
                    i += 1
            s, e, new = block_removal(text, line.start, end)
            yield self.finding(
                text,
                line.lead,
                end,
                f"Widget line {label!r} left by the site template",
                suggestion="",
                edits=(Edit(s, e, new),),
                title="Remove the widget line",
                confidence=0.9,
            )


def _continues_sentence(lines: list[Line], i: int) -> bool:
    """True when the paragraph at ``i`` starts in lower case: the line before it began its sentence."""
    return i < len(lines) and lines[i].stripped[:1].islower()
