"""TC601: institution-for-title."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: "the spokeswoman of the Foreign Ministry, ": what precedes a title that belongs to someone else.
_OF_BEFORE = regex.compile(r"\bof\s+(?:the\s+)?(?:\p{Lu}\p{L}+\s+)*$")


@lru_cache(maxsize=4)
def _institution_then_name(lang: str) -> regex.Pattern[str]:
    """An institution with the title its head holds, then a comma or space: built once per language."""
    titles = language_data(lang).get("institution_titles", {})
    # "Ministry of Foreign Affairs, José Manuel Albares": a complement may follow the noun
    of = r"(?:\s+(?:of|for)\s+(?:the\s+)?\p{Lu}\p{L}+(?:\s+(?:and\s+)?\p{Lu}\p{L}+)*)?"
    return regex.compile(r"\b(" + "|".join(titles) + rf")\b{of},?\s+")


@register
class InstitutionForTitle(Rule):
    """An institution where a person's title belongs: "the Russian Foreign Ministry, Sergei Lavrov, called".

    ## What it finds
    A person's name after an institution noun, directly or after a comma; suggests the title (Ministry ->
    Minister, Presidency -> President, from the language file's ``institution_titles``).

    ## Why it matters
    Some languages name the office for its holder; translated word for word, the ministry becomes the
    person.

    ## Fix safety
    Unsafe: the title is inferred from the institution.
    """

    code = "TC601"
    name = "institution-for-title"
    category = Category.TITLE
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    must_fire = (
        Example("The Russian Foreign ⟦Ministry⟧, Sergei Lavrov, called for a ceasefire.", language="en"),
        Example("Italian Foreign ⟦Ministry⟧ Antonio Tajani arrived in Kyiv.", language="en"),
        Example("The Italian Foreign ⟦Ministry⟧ Marco Rossi arrived in Kyiv on Monday.", language="en"),
        Example("The ⟦Ministry⟧ of Foreign Affairs, José Manuel Albares, explained the deal.", language="en"),
    )
    must_not_fire = (
        Example("The Russian Foreign Ministry said on Friday that talks would resume.", language="en"),
        Example("The Foreign Ministry spokeswoman Maria Zakharova said so.", language="en"),
        Example("Foreign Minister Sergei Lavrov called for a ceasefire.", language="en"),
        Example("The spokeswoman of the Russian Foreign Ministry, Maria Zakharova, confirmed it.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        titles: dict[str, str] = language_data(ctx.language or "").get("institution_titles", {})
        if not titles:
            return
        text = ctx.text
        people = [m for m in ctx.mentions if m.kind == "person"]
        for m in _institution_then_name(ctx.language or "").finditer(text):
            if _OF_BEFORE.search(text[max(0, m.start() - 80) : m.start()]):
                continue  # "the spokeswoman of the Foreign Ministry, Maria Zakharova": she is the spokeswoman
            if any(p.start == m.end() for p in people):
                title = titles[m.group(1)]
                yield self.finding(
                    text,
                    m.start(1),
                    m.end(1),
                    f"{m.group(1)!r} before a person's name: the title is probably {title!r}",
                    suggestion=title,
                    title=f"Use {title!r}",
                    confidence=0.8,
                )
