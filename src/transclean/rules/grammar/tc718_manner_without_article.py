"""TC718: manner-without-article."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation


@cache
def _pattern(lang: str) -> regex.Pattern[str] | None:
    """ "in" or "with", one or two lower-case words and a manner noun, on one line."""
    nouns = language_data(lang).get("grammar", {}).get("manner_nouns", ())
    if not nouns:
        return None
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'’-])(?<prep>[Ii]n|[Ww]ith)[ \t]+(?<words>\p{{Ll}}+(?:[ \t]+\p{{Ll}}+)?)[ \t]+"
        rf"(?<noun>{alternation(nouns)})(?![\p{{L}}\p{{N}}'’-])"
    )


@register
class MannerWithoutArticle(Rule):
    """A manner noun after a preposition without its article: "with selfless manner", "in timely manner".

    ## What it finds
    "in" or "with", one or two words and the singular noun "manner" with no article or determiner among
    them: "with selfless manner", "in timely manner". "in like manner", "in similar manner" stay; "fashion"
    is left out ("won in resounding fashion" is English). The nouns and the words allowed before them are
    per-language data (`[grammar] manner_nouns`, `bare_manner_words`, `noun_openers`).

    ## Why it matters
    Languages without articles (Turkish, Russian, Hindi and Bengali for these phrases) give the
    translation none to render; English says "in a timely manner".

    ## Fix safety
    None: "a" is the usual repair, but "the" or a possessive may be meant.
    """

    code = "TC718"
    name = "manner-without-article"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=("manner",))
    must_fire = (
        Example("All colleagues worked ⟦with selfless manner⟧ at the site.", language="en"),
        Example("The work must be done ⟦in timely manner⟧.", language="en"),
    )
    must_not_fire = (
        Example("It was done in a timely manner, in like manner; he won in resounding fashion.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        grammar = language_data(ctx.language)["grammar"]
        allowed = frozenset({*grammar.get("bare_manner_words", ()), *grammar.get("noun_openers", ())})
        text = ctx.text
        for m in pattern.finditer(text):
            if allowed.intersection(m.group("words").split()):
                continue
            yield self.finding(
                text, m.start("prep"), m.end("noun"),
                f"{m.group('noun')!r} needs an article after {m.group('prep')!r}",
                confidence=0.6,
            )  # fmt: skip
