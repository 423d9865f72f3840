"""TC905: calque."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.calques import calque_findings, calque_keys
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register


@register
class Calque(Rule):
    """A phrase translated word for word where English news uses another: "on the eve", "in 2022 year".

    ## What it finds
    Time, number and institution phrases as machine translation renders them from the source language:
    "on the eve" without "of" (Russian "the day before"), "in 2022 year", "in the current year", "5 mln",
    a decimal comma before a unit ("2,5 million"), "two militaries" (soldiers), "law enforcement organs"
    (agencies), "the Executive has" (the government); Slavic criminal-procedure and reporting wording ("a
    criminal case was excited", "in attitude of him", "a measure of restraint", "a case on the fact of fraud",
    "operational-search measures", "reports with reference to" for citing, "militants were liquidated");
    "the popular have" (Spain's PP), "Kovid-19", "6 important contents" (Vietnamese: points); at info
    severity, local conventions: "5 thousand", "parliamentary club", Indonesia's "Minister of Religion".
    The phrases, their source languages and the English term are data (``[calques] terms`` in the language
    file), each with the context that makes it a calque.

    ## Why it matters
    Each reads as translated; a decimal comma is read as a thousands separator ("2,5 million"), and "on
    the eve" leaves the reader asking "the eve of what".

    ## Fix safety
    Unsafe: the suggestion is the usual English term; the sentence may need rewording around it.
    """

    code = "TC905"
    name = "calque"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    trigger = Trigger(strings=calque_keys("terms"))
    must_fire = (
        Example("⟦On the eve⟧, the minister said the talks had failed.", language="en"),
        Example("Exports grew in ⟦2022 year⟧ by a fifth.", language="en"),
        Example("Inflation reached ⟦3,7⟧% in March.", language="en"),
        Example("The budget adds ⟦5 mln⟧ euros for schools.", language="en"),
        Example("Two ⟦militaries⟧ were wounded in the attack.", language="en"),
        Example("The ⟦Executive⟧ has approved the decree.", language="en"),
        Example("A criminal case was ⟦excited⟧ against the mayor on Monday.", language="en"),
        Example("TASS reports ⟦with reference to⟧ the ministry that prices rose.", language="en"),
        Example("The court chose a ⟦measure of restraint⟧ in the form of house arrest.", language="en"),
        Example("Two militants were ⟦liquidated⟧ in the village.", language="en"),
    )
    must_not_fire = (
        Example("On the eve of the vote, the minister said the talks had failed.", language="en"),
        Example("Exports grew in 2022 by a fifth; the 2022 year-end figures follow.", language="en"),
        Example("Inflation reached 3.7% in March; 1,500 people marched.", language="en"),
        Example("NATO militaries train together.", language="en"),
        Example("The Northern Ireland Executive met. The Executive has approved the decree.", language="en"),
        Example("The fans were excited about the case.", language="en"),
        Example("He wrote to the council with reference to your letter.", language="en"),
        Example("The company was liquidated in 2019.", language="en"),
        Example("Polls show a shift in attitude towards migrants.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from calque_findings(self, ctx, "terms")
