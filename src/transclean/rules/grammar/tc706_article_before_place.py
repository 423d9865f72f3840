"""TC706: article-before-place."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.analysis.inflection import english_forms
from transclean.context import Context
from transclean.langdata import word_set
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.places import places
from transclean.rules.base import Example, Rule, Trigger, register

# "the" and a capitalised word in the possessive: "the Romania's stance".
_THE_POSSESSIVE = regex.compile(r"(?<![\p{L}\p{N}'’-])([Tt]he)[ \t]+(\p{Lu}\p{Ll}+)['’]s(?![\p{L}\p{N}])")


@register
class ArticleBeforePlace(Rule):
    """ "The" before a place name that takes no article, in the possessive: "the Romania's stance".

    ## What it finds
    "the" directly before a country's or city's name with "'s" ("on the Romania's stance", "the Moscow's
    reply"). Names English writes with "the" are per-language data (`[grammar] article_places`: "the
    Netherlands'", "the Kremlin's"); names that are also English words ("Nice", "Split", "Turkey") are
    never judged, since "the nice's" may be anything. The places are the shipped GeoNames list.

    ## Why it matters
    Languages without articles leave the translation guessing where "the" goes; "the Romania's" is a
    telltale machine-translation slip.

    ## Fix safety
    Unsafe: drops "the", which is right unless the place list lacks a name English writes with "the".
    """

    code = "TC706"
    name = "article-before-place"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    must_fire = (
        Example("They share the same opinion on ⟦the Romania⟧'s stance.", fixed="They share the same opinion on "
                "Romania's stance.", language="en"),
        Example("⟦The Moscow⟧'s reply came on Friday.", fixed="Moscow's reply came on Friday.", language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("The Netherlands' position and the Kremlin's reply differ.", language="en"),
        Example("Romania's stance and the Moscow office's reply.", language="en"),
    )
    trigger = Trigger(pattern=_THE_POSSESSIVE)

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        with_article = word_set(ctx.language, "grammar", "article_places")
        forms, known = english_forms(), places()
        text = ctx.text
        for m in _THE_POSSESSIVE.finditer(text):
            name = m.group(2)
            if name not in known or name in with_article:
                continue
            lower = name.lower()
            if lower in forms.noun or lower in forms.adjective or lower in forms.verb or lower in forms.plural:
                continue
            yield self.finding(
                text,
                m.start(1),
                m.end(2),
                f"{name!r} takes no article in English",
                suggestion=name,
                edits=(Edit(m.start(1), m.start(2), ""),),
                title="Remove the article",
                confidence=0.8,
            )
