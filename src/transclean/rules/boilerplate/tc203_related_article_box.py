"""TC203: related-article-box."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.langdata import across_languages
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import block_removal

_LABEL = regex.compile(
    r"\s*(?:"
    + "|".join(regex.escape(x) for labels in across_languages("boilerplate", "related_labels").values() for x in labels)
    + r")\s*:?\s*",
    regex.IGNORECASE,
)

# A linked headline: one line, no sentence-final stop, not too long.
_HEADLINE = regex.compile(r"\s*\S.{0,200}?(?<![.!?…:;])\s*")


@register
class RelatedArticleBox(Rule):
    """A related-article box: a label line ("Deepening", "Read also", "Leggi anche", ...) and the headline after it.

    ## What it finds
    A label of the language files (``data/lang/<code>.toml``, ``related_labels``) alone on its line, followed
    by a headline-shaped line (no sentence-final stop).

    ## Why it matters
    The headline belongs to another article: left in, it reads as a sentence of this one.

    ## Fix safety
    Safe: a label used in a sentence or followed by prose is left alone.
    """

    code = "TC203"
    name = "related-article-box"
    category = Category.BOILERPLATE
    severity = Severity.MAJOR
    fix = Applicability.SAFE
    # A label line and a headline line: two paragraphs. Searching the labels anywhere (case-insensitive
    # alternation) cost 15x more than checking each paragraph's start.
    trigger = Trigger(strings=("\n", "\r"))
    languages = ("de", "en", "es", "fr", "it", "pt", "ru")
    must_fire = (
        Example(
            "The talks ended without a deal.\n\n⟦Read also\n\nFloods hit the north⟧\n\nRescue teams arrived.",
            fixed="The talks ended without a deal.\n\nRescue teams arrived.",
        ),
        Example(
            "Il vertice è finito.\n\n⟦Leggi anche:\nLe elezioni in Francia⟧\n\nIl giorno dopo.",
            fixed="Il vertice è finito.\n\nIl giorno dopo.",
            language="it",
        ),
    )
    must_not_fire = (
        Example("Read also the second chapter before the exam."),
        Example("Related\n\nThe two cases are related, the police said."),
        Example("Deepening the crisis, the ministry resigned.\n\nNext paragraph."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        paragraphs = ctx.paragraphs
        for (start, _, line), nxt in itertools.pairwise(paragraphs):
            if _LABEL.fullmatch(line) and _HEADLINE.fullmatch(nxt[2]):
                s, e, new = block_removal(text, start, nxt[1])
                yield self.finding(
                    text,
                    start,
                    nxt[1],
                    f"Related-article box {line.strip()!r} with a headline from another article",
                    suggestion="",
                    edits=(Edit(s, e, new),),
                    title="Remove the box",
                    confidence=0.9,
                )
