"""TC321: guillemets-in-english."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A quotation in « » within one line (TC317 judges marks that do not pair), or in the reversed German and
# Danish style glued to its words (»Text«: a spaced "News » World « Back" is a breadcrumb). Its words are
# read in code.
_QUOTATION = regex.compile(r"«([^«»\n]{1,400})»|»(?=\S)([^«»\n]{1,400})(?<=\S)«")
# A word that opens in lower case: the quotation is words, not a name set off as Russian and Italian set off
# brands and parties ("«Gazprom»", "«Atameken»"; MT-GenEval's human English has the latter).
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’-])\p{Ll}")


@register
class GuillemetsInEnglish(Rule):
    """Guillemets quoting words in English text: 'called it «sour»', '«You are wimps», he said'.

    ## What it finds
    In English text, the first quotation set in « » (or in the reversed »German« style) that holds a word in
    lower case; the message counts the others. A name alone in guillemets («Gazprom», «Atameken») is left
    alone: the source languages set names of firms and parties off that way and human English copies it.

    ## Why it matters
    English quotes with “ ” or " ". Russian, Ukrainian, Armenian, Italian, French, Greek and Polish quote
    with guillemets (German and Danish with reversed ones), and machine translation keeps the source's
    marks: a page quoting so was translated and not edited. An editor marks the style once and changes
    every mark.

    ## Fix safety
    Flag only: changing the marks changes every quotation of the page, a house-style decision, and a page
    may quote a source-language title on purpose.
    """

    code = "TC321"
    name = "guillemets-in-english"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=("«",))  # every finding opens at a «
    must_fire = (
        Example("Netanyahu called the opposition ⟦«sour»⟧ and left. He said «we stay».", language="en"),
        Example("The headline read ⟦«You are the government wimps»⟧ on Monday.", language="en"),
        Example("The chancellor called it ⟦»a turning point«⟧ in Berlin.", language="en"),
    )
    must_not_fire = (
        Example("The deal with «Gazprom» and «Rosneft Oil» was signed.", language="en"),
        Example("He said “we stay” and left.", language="en"),
        Example("Home » News » World", language="en"),
        Example("Home » news and events « back", language="en"),
        Example("Il a dit «nous restons» et il est parti.", language="fr"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        quotations = [m for m in _QUOTATION.finditer(text) if _LOWER_WORD.search(m.group(1) or m.group(2))]
        if not quotations:
            return
        first, others = quotations[0], len(quotations) - 1
        more = f" ({others} more in the text)" if others else ""
        yield self.finding(
            text,
            first.start(),
            first.end(),
            f"Guillemets quote words in English text{more}: English quotes with “ ” or straight quotes",
        )
