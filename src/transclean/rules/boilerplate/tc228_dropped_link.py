"""TC228: dropped-link."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

import regex

from transclean.analysis.chrome import Line, has_notice, vocabulary, widget_language
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import alternation

#: a link's label is short; a longer line that stops on "and" is a paragraph cut off, TC224's and the
#: reader's concern, not a label.
LABEL_MAX_WORDS = 14
#: the last word and what may follow it: a colon before the dropped address ("please advise us at:").
_LAST = regex.compile(r"(?P<word>[\p{L}']+)[ \t]*:?[ \t]*$")
#: a wh-word or relative: the clause strands its preposition at the end ("What the deal is about", "the
#: town he came from"), which English allows.
_STRANDED = regex.compile(r"(?i)(?<!\w)(?:what|who|whom|whose|which|where|that)(?!\w)")


@lru_cache(maxsize=1)
def _emptied() -> regex.Pattern[str]:
    """A lead word, its colon and at once a conjunction: the address between them was a link ("write to: or
    to the attention of", "at: and")."""
    leads = vocabulary("link_leads").get("en", frozenset())
    return regex.compile(r"(?i)(?<!\w)(?:" + alternation(leads, escape=True) + r")[ \t]*:[ \t]*(?:or|and)(?!\w)")


@register
class DroppedLink(Rule):
    """A line whose link the scraper dropped, left stopping on the word that led to it: "More about",
    "please advise us at: or".

    ## What it finds
    In an English document, a line of two to fourteen words, without a sentence end, whose last word is a
    preposition, article or conjunction that leads to a link (`[chrome] link_leads`: about, at, by, via,
    the, or ...), optionally with a colon, when the next line does not go on in lower case (a wrapped
    sentence); and inside any line, such a word with its colon followed at once by "or"/"and" ("write to:
    or to the Editor"): an address removed between them.

    ## Why it matters
    A page's "More about [topic]", "Powered by [logo]" or "contact us at: [address] or [address]" lose their
    link when the text is extracted; what is left is a label that says nothing, or a sentence with a hole,
    in the middle of the article.

    ## Fix safety
    Flag only, at info severity: the line may be a label to remove or a paragraph cut off that needs its end
    from the source, and on pages of sites never tuned on it found no annotated problem while adding three
    findings beyond the annotated ones (the held-out and fresh sets, scored once with it at minor).
    A clause that strands its preposition without a wh-word or relative ("The town he came from") alone on a
    line is taken too; as a line of its own it is rare in news.
    """

    code = "TC228"
    name = "dropped-link"
    category = Category.BOILERPLATE
    severity = Severity.INFO
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ("en",)
    must_fire = (
        Example("The talks ended.\n\n⟦Ads Block Detector Powered by⟧\n\nThe minister left.", language="en"),
        Example("The talks ended.\n\n⟦If these alerts are no longer wanted, please advise us at: or⟧\n", language="en"),
        Example("For an interview, please write ⟦to: or⟧ to the attention of the Editor.\n", language="en"),
    )
    must_not_fire = (
        Example("The talks ended.\n\nMore about the talks\n\nThe minister left.", language="en"),
        Example("The minister met the head of\nthe agency on Monday.\n", language="en"),
        Example("The talks ended.\n\nWhat the deal is about\n", language="en"),
        Example("The talks ended.\n\nabout\n", language="en"),
        Example(
            "The talks ended after the vote was taken and the delegates went home late on Friday night to\n",
            language="en",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        leads = vocabulary("link_leads").get("en", frozenset())
        text = ctx.text
        for line in ctx.chrome_lines:
            body = line.stripped
            if _dangling(body, line, leads) and not _wrapped(text, line.end):
                yield self.finding(
                    text,
                    line.lead,
                    line.lead + len(body),
                    "Line stops on a word that led to a link: the link was dropped, or the paragraph cut off",
                    confidence=0.6,
                )
            elif ":" in body and (emptied := _emptied().search(line.text)) is not None:
                yield self.finding(
                    text,
                    line.start + emptied.start(),
                    line.start + emptied.end(),
                    "An address or link was dropped here, leaving its lead word and a conjunction",
                    confidence=0.8,
                )


def _dangling(body: str, line: Line, leads: frozenset[str]) -> bool:
    """Whether the short line ``body`` stops on a lead word, and is neither a clause that strands its
    preposition ("What the deal is about") nor a widget line or notice."""
    if line.sentence_end or not 2 <= line.tokens <= LABEL_MAX_WORDS:
        return False
    last = _LAST.search(body)
    if last is None or last["word"].lower() not in leads or _STRANDED.search(body):
        return False
    return not (widget_language(body) or has_notice(body))  # TC205's and TC206's, with their fix


def _wrapped(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` goes on in the next line (a hard-wrapped sentence): it starts
    right after the line break with a lower-case letter."""
    return text[end : end + 1] == "\n" and text[end + 1 : end + 2].islower()
