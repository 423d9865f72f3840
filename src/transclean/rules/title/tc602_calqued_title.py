"""TC602: calqued-title."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.calques import calque_findings, calque_keys
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register


@register
class CalquedTitle(Rule):
    """A title translated word for word: "the head of the Ministry of Defence Name", "official representative".

    ## What it finds
    Titles and offices as machine translation renders them from the source language's wording, where
    English news uses another term: "the head of the Ministry of ..." before the minister's name, "the
    head of the Pentagon", "the head of the US Treasury", "the premier Meloni" (not where provinces or
    China have premiers), "the head of diplomacy", "the official representative of the Foreign Ministry"
    (its spokesperson), "the President of the Government" (Spain's prime minister), "vice-premier",
    "RA Prime Minister". The phrases, their source languages and the English term are data
    (``[calques] titles`` in the language file). A phrase that can be literal ("the head of the ministry")
    is reported at minor severity only when a person's name follows it, as info otherwise.

    ## Why it matters
    The calque reads as translated and can misname the office: an institution stands where its holder
    belongs, "the chapter of the region" is its head.

    ## Fix safety
    Unsafe: the English title depends on the office and the country (the suggestion names the term).
    """

    code = "TC602"
    name = "calqued-title"
    category = Category.TITLE
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    trigger = Trigger(strings=calque_keys("titles"))
    must_fire = (
        Example("The ⟦head of the Ministry of National Defence⟧ Jan Nowak visited the base.", language="en"),
        Example("The talks were held by the ⟦head of the Pentagon⟧ and his counterpart.", language="en"),
        Example("The ⟦official representative of the Russian Foreign Ministry⟧ commented on the visit.", language="en"),
        Example("The ⟦head of diplomacy⟧ will travel to Kyiv on Monday.", language="en"),
        Example("The ⟦President of the Government⟧, Pedro Sánchez, called an election.", language="en"),
        Example("The ⟦vice-premier⟧ met farmers in Warsaw.", language="en"),
        Example("The ⟦head of the US Treasury⟧ Janet Yellen arrived in Beijing.", language="en"),
    )
    must_not_fire = (
        Example("Defence Minister Jan Nowak visited the base.", language="en"),
        Example("The head of the ministry's press office declined to comment.", language="en"),
        Example("China's Vice Premier He Lifeng met the delegation in Beijing.", language="en"),
        Example("The head of the Central Bank Elvira Nabiullina spoke on Friday.", language="en"),
        Example("Foreign Ministry spokeswoman Maria Zakharova commented on the visit.", language="en"),
        Example("The premier Doug Ford of Ontario met the mayors.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from calque_findings(self, ctx, "titles")
