"""TC709: missing-of."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register


@cache
def _pattern(lang: str) -> regex.Pattern[str]:
    """A lower-case member or person noun, then up to two capitalised words and an institution word, with
    no article or preposition between: the noun stands before the institution it belongs to."""
    data = language_data(lang)
    nouns = {*data["grammar"]["member_nouns"], *data["lists"]["person_nouns"]}
    institutions = "|".join(sorted(data["lists"]["institutions"], key=len, reverse=True))
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'’-])(?<noun>{'|'.join(sorted(nouns, key=len, reverse=True))})[ \t]+"
        rf"(?<name>(?:\p{{Lu}}\p{{Ll}}+[ \t]+){{0,2}}(?:{institutions}))(?![\p{{L}}\p{{N}}'’-])"
    )


@register
class MissingOf(Rule):
    """A person noun run into the institution it belongs to: "citizens Russian Federation", "representative Ministry".

    ## What it finds
    A lower-case noun for people who belong somewhere ("citizens", "representative", "members",
    "spokesman", and the person nouns of `[lists] person_nouns`), then a named institution ("Russian
    Federation", "Ministry of Foreign Affairs": up to two capitalised words and an institution word of
    `[lists] institutions`) with no "of the" between. The nouns are per-language data (`[grammar]
    member_nouns`).

    ## Why it matters
    Languages that mark the genitive by a case ending (Russian, Polish, Czech, Turkish, Armenian) lose it
    in translation; English needs "of the".

    ## Fix safety
    None: "of", "of the" or a possessive may be the right repair.
    """

    code = "TC709"
    name = "missing-of"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    must_fire = (
        Example("Visas were refused to ⟦citizens Russian Federation⟧ last week.", language="en"),
        Example("The official ⟦representative Ministry⟧ of Foreign Affairs said so.", language="en"),
    )
    must_not_fire = (
        Example("Visas were refused to citizens of the Russian Federation.", language="en"),
        Example("The representative of the Ministry and Ministry officials met.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        for m in _pattern(ctx.language).finditer(text):
            yield self.finding(
                text, m.start(), m.end(), f"{m.group('noun')!r} needs 'of the' before {m.group('name')!r}",
                confidence=0.6,
            )  # fmt: skip
