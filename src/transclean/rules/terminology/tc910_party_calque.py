"""TC910: party-calque."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.calques import calque_findings, calque_keys
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register


@register
class PartyCalque(Rule):
    """A political party's name translated word for word: "Go Italy" for Forza Italia, "YES" for ANO.

    ## What it finds
    Party names English news keeps in the original or writes in an established English form, rendered
    word for word by machine translation, in a text that names the party's country: "Go Italy" and "Italy
    Alive" (Forza Italia, Italia Viva), "We Can" capitalised inside a sentence (Podemos), "National
    Gathering" and "Unsubmissive France" (National Rally, France Unbowed), "YES" as a name (Czech ANO),
    "Think" as a name (Dutch DENK), "Is there such a people" (Bulgaria's There Is Such a People),
    "Together Democratic Party" and "Power of the People Party" (South Korea), "Happiness Party" (Turkey's
    Felicity Party). The names, their countries and the words that name each country are data (``[calques]
    parties`` and ``[countries]`` in the language file).

    ## Why it matters
    The reader takes the calque for a slogan or a word of the sentence ("the deputies of YES") and cannot
    look the party up.

    ## Fix safety
    Unsafe: the suggestion is the party's name in English news; the sentence may need rewording.
    """

    code = "TC910"
    name = "party-calque"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    trigger = Trigger(strings=calque_keys("parties"))
    must_fire = (
        Example("Berlusconi's ⟦Go Italy⟧ backed the Italian budget.", language="en"),
        Example("The deputies of ⟦YES⟧ walked out of the Czech chamber.", language="en"),
        Example("The leader of ⟦We Can⟧ criticised the Spanish government.", language="en"),
        Example("Seoul: the ⟦Together Democratic Party⟧ won the vote in South Korea.", language="en"),
    )
    must_not_fire = (
        Example("Fans chanted Go Italy! as the Italian team arrived.", language="en"),
        Example("Forza Italia backed the Italian budget.", language="en"),
        Example("He said yes, we can, and the Spanish crowd cheered.", language="en"),
        Example("The Democratic Party of Korea won the vote in Seoul.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from calque_findings(self, ctx, "parties")
