"""TC909: institution-calque."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.calques import calque_findings, calque_keys
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register


@register
class InstitutionCalque(Rule):
    """A country's institution named word for word: "Supreme Council" for Ukraine's Verkhovna Rada.

    ## What it finds
    Parliaments, courts, ombudsmen and police bodies as machine translation renders their names from the
    source language, in a text that names their country: "Supreme Council" (Ukraine), "Council of the
    Federation" (Russia's Federation Council), "Counting Chamber", "Russian Guard" (Rosgvardia), "Spokesman
    for Civil Rights" (Poland's ombudsman), "House of Representatives" or "House of Commons" for the Czech
    Chamber of Deputies (not where the text names a country whose house English calls so), "Second Chamber"
    (the Dutch House of Representatives), "National Audience" (Spain's National Court), "Defender of the
    People" (ombudsman), "Public Ministry" (prosecutors in Portugal, Brazil, Italy), "Finance Guard"
    (Guardia di Finanza), "carabineers", "Court of Accounts", "People's Representative Council" (Indonesia's
    DPR). At info severity, names a body has used itself ("Supreme Chamber of Control", "Ministry of Internal
    Affairs" for an interior ministry whose English name is "Interior"). The names, their countries and the
    words that name each country are data (``[calques] institutions`` and ``[countries]`` in the language
    file).

    ## Why it matters
    The reader cannot find the body under that name, and some calques name another body: the "House of
    Commons" is Britain's, the "Supreme Council" Kyrgyzstan's.

    ## Fix safety
    Unsafe: the suggestion is the body's English name; which one is meant can take the sentence to tell.
    """

    code = "TC909"
    name = "institution-calque"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    trigger = Trigger(strings=calque_keys("institutions"))
    must_fire = (
        Example("The ⟦Supreme Council⟧ of Ukraine passed the law; Kyiv welcomed it.", language="en"),
        Example("The Czech ⟦House of Representatives⟧ approved the budget in Prague.", language="en"),
        Example("Spain's ⟦National Audience⟧ summoned the minister.", language="en"),
        Example("The Polish ⟦Spokesman for Civil Rights⟧ asked the court to act.", language="en"),
        Example("The ⟦Council of the Federation⟧ approved the Russian budget.", language="en"),
    )
    must_not_fire = (
        Example("The Supreme Council of Kyrgyzstan passed the law.", language="en"),
        Example("The US House of Representatives met as the Czech premier visited Washington.", language="en"),
        Example("The House of Representatives passed the bill on Friday.", language="en"),
        Example("Ukraine's National Security and Defence Council met in Kyiv.", language="en"),
        Example("Romania's Public Ministry opened an inquiry into the Italian firm.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from calque_findings(self, ctx, "institutions")
