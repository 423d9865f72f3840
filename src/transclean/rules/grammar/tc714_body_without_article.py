"""TC714: body-without-article."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import alternation


@cache
def _pattern(lang: str) -> regex.Pattern[str] | None:
    """At a clause's start (a line's, a sentence's, or after a comma), one to three capitalised words (the
    first no article or determiner of `[lists] articles`) and a body noun, then a verb of saying or an
    auxiliary, in a sentence that ends on the same line (a line without its stop is a headline, which
    drops articles)."""
    data = language_data(lang)
    grammar, lists = data.get("grammar", {}), data.get("lists", {})
    bodies = grammar.get("article_bodies", ())
    verbs = {*lists.get("reporting_verbs", ()), *grammar.get("be_forms", ()), *grammar.get("modals", ())}
    verbs |= set(grammar.get("perfect_auxiliaries", ()))
    if not bodies or not verbs:
        return None
    body = alternation({*bodies, *(word.capitalize() for word in bodies)})
    verb = alternation(verbs)
    articles = alternation(lists.get("articles", ())) or "(?!)"
    return regex.compile(
        rf"(?:^|(?<=[.!?][\"”’]?[ \t]+|,[ \t]+))(?!(?:{articles})[ \t])"
        rf"(?<body>(?:\p{{Lu}}\p{{Ll}}+[ \t]+){{1,3}}(?:{body}))[ \t]+"
        rf"(?<verb>{verb})(?![\p{{L}}'’-])(?=[^\n]*[.!?])",
        regex.MULTILINE,
    )


@register
class BodyWithoutArticle(Rule):
    """A named body as a subject without "the": "Azerbaijani Foreign Ministry told APA", "Zionist regime is".

    ## What it finds
    At a sentence's or clause's start, one to three capitalised words and a noun for a body ("ministry",
    "government", "regime", "committee", "party": per-language data in `[grammar] article_bodies`), then
    a verb of saying or an auxiliary: "Azerbaijani Foreign Ministry told APA", "Zionist regime is a real
    threat". Not in a line without a sentence stop (headlines drop articles), and never for a body that
    stands alone as a name ("Parliament", "Congress").

    ## Why it matters
    Russian, Polish, Persian, Turkish and the other languages without articles give the machine
    translation no "the" to render; English names these bodies with it.

    ## Fix safety
    None: "the" is the usual repair, but a possessive or a name may have been lost instead.
    """

    code = "TC714"
    name = "body-without-article"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    must_fire = (
        Example("The meeting was held in Samarkand, ⟦Azerbaijani Foreign Ministry told⟧ APA.", language="en"),
        Example("They remained silent. ⟦Zionist regime is⟧ a real threat to peace.", language="en"),
    )
    must_not_fire = (
        Example(
            "In Samarkand, the Azerbaijani Foreign Ministry told APA. The Bolsonaro government has.", language="en"
        ),
        Example(
            "Russian Foreign Ministry says talks failed\nParliament said no. Foreign Ministry spokesman Ali said so.",
            language="en",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        text = ctx.text
        for m in pattern.finditer(text):
            yield self.finding(
                text, m.start("body"), m.end("verb"), f"{m.group('body')!r} needs 'the' before it", confidence=0.6
            )
