"""TC709: missing-of."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.anchored import Anchored
from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

# A lower-case word and up to two capitalised words, ending where the match may end (the institution word).
_BEFORE = regex.compile(r"(?<![\p{L}\p{N}'’-])(?<noun>\p{Ll}+)[ \t]+(?:\p{Lu}\p{Ll}+[ \t]+){0,2}\Z")


@cache
def _institutions(lang: str) -> tuple[Anchored, frozenset[str]]:
    """The institution words as one pattern (searched first: they are rare and capitalised; reading every
    lower-case word as a possible noun cost 2.4 s per MB), found from the words themselves
    (:class:`transclean.analysis.anchored.Anchored`: the scan tried the pattern's lookbehind at every
    position), and the member and person nouns that may stand before them."""
    data = language_data(lang)
    words = sorted(data["lists"]["institutions"], key=len, reverse=True)
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}'’-])(?:{'|'.join(words)})(?![\p{{L}}\p{{N}}'’-])")
    return Anchored(pattern, words), frozenset({*data["grammar"]["member_nouns"], *data["lists"]["person_nouns"]})


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
        institutions, nouns = _institutions(ctx.language)
        text = ctx.text
        for m in institutions.finditer(text):
            before = _BEFORE.search(text, max(0, m.start() - 80), m.start())
            if before is None or before.group("noun") not in nouns:
                continue
            name = text[before.end("noun") : m.end()].strip()
            yield self.finding(
                text, before.start(), m.end(), f"{before.group('noun')!r} needs 'of the' before {name!r}",
                confidence=0.6,
            )  # fmt: skip
