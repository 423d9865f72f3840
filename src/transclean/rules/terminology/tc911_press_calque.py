"""TC911: press-calque."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.calques import calque_findings, calque_keys
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register


@register
class PressCalque(Rule):
    """A newspaper's or broadcaster's name translated word for word: "Ukrainian Truth", "the newspaper The Country".

    ## What it finds
    Titles of papers and broadcasters that English news keeps in the original, rendered word for word by
    machine translation, in a text that names their country: "Electoral Newspaper" (Gazeta Wyborcza),
    "Young Front" (Mladá fronta DNES), "PICTURE" and "South German Newspaper" (Bild, Süddeutsche Zeitung),
    "German Wave" (Deutsche Welle), "Evening Courier" and "24 Hour Sun" (Corriere della Sera, Il Sole 24
    Ore), "Ukrainian Truth" (Ukrainska Pravda), "Independent Newspaper" (Nezavisimaya Gazeta), "Sheet of
    São Paulo" (Folha), "Central Daily" (JoongAng Ilbo); and a title that is an ordinary word ("The
    Country", "The World", "Freedom") only right after "newspaper" or "daily". The names, their countries
    and the words that name each country are data (``[calques] press`` and ``[countries]`` in the language
    file).

    ## Why it matters
    A source the reader cannot identify is no source: "according to the newspaper The Country" does not say
    that El País reported it.

    ## Fix safety
    Unsafe: the suggestion lists the titles the phrase can stand for; the right one is a property of the source.
    """

    code = "TC911"
    name = "press-calque"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    trigger = Trigger(strings=calque_keys("press"))
    must_fire = (
        Example("The Kyiv minister told ⟦Ukrainian Truth⟧ that talks would resume.", language="en"),
        Example("According to the ⟦newspaper The Country⟧, the Spanish cabinet met.", language="en"),
        Example("The Polish daily ⟦Electoral Gazette⟧ reported the deal.", language="en"),
        Example("The German minister told ⟦PICTURE⟧ on Sunday that he would stay.", language="en"),
    )
    must_not_fire = (
        Example("The Kyiv minister told Ukrainska Pravda that talks would resume.", language="en"),
        Example("According to El País, the Spanish cabinet met.", language="en"),
        Example("The country's newspaper reported the deal in Warsaw.", language="en"),
        Example("The German minister put the picture on his page.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from calque_findings(self, ctx, "press")
