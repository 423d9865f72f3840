"""TC101: mojibake."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.repair import line_repairs
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register


@register
class Mojibake(Rule):
    """Text decoded with the wrong code page (UTF-8 read as cp1252, cp1251, MacRoman, ...).

    ## What it finds
    Lines whose characters are the bytes of UTF-8 read in a legacy code page ("caffÃ¨", "РњРёРЅРёСЃС‚СЂ"),
    repaired with ftfy's encoding fixes only (its formatting fixes are TC102); UTF-8 read as cp1251 with its
    undefined byte dropped is decoded too, and so are a closing quote whose last byte cp1252 dropped ("â€"
    after "â€œ") and words of scripts ftfy does not take for mojibake (Armenian "Õ€Õ¡Õµ", Georgian, Hebrew,
    Thai, Indic, CJK), a letter whose byte was dropped becoming U+FFFD for TC103.

    ## Why it matters
    Mojibake makes names and words unreadable and unsearchable, and every later step (language ID,
    glossary matching, translation) sees garbage.

    ## Fix safety
    Safe: ftfy only re-decodes when the result is far less "bad" than the input, and its test suite of real
    cases passes.
    """

    code = "TC101"
    name = "mojibake"
    category = Category.ENCODING
    severity = Severity.MAJOR
    fix = Applicability.SAFE
    trigger = Trigger(non_ascii=True)  # mojibake is non-ASCII; line_repairs then pre-checks each line
    must_fire = (
        Example("Il caff⟦Ã¨⟧ di Maria", fixed="Il caffè di Maria"),
        Example("⟦Ð\x9fÑ\x80Ð¸Ð²ÐµÑ\x82, Ð¼Ð¸Ñ\x80⟧!", fixed="Привет, мир!"),
        Example("Cr⟦Ã¨me brÃ»lÃ©e at the cafÃ©⟧.", fixed="Crème brûlée at the café."),
        Example("⟦РњРёРЅРёСЃС‚СЂ РРІР°РЅРѕРІ⟧ заявил", fixed="Министр Иванов заявил"),
        Example("Prime Minister Nikol ⟦Õ“Õ¡Õ·Õ«Õ¶ÕµÕ¡Õ¶⟧ spoke.", fixed="Prime Minister Nikol Փաշինյան spoke."),
        Example("He said it was ⟦â€œhistoricâ€⟧ and left.", fixed="He said it was “historic” and left."),
    )
    must_not_fire = (
        Example("Il caffè di Maria costa 1,20 €."),
        Example("«Привет», — сказал он."),
        Example("He said “yes” and left… twice."),
        Example("ＣＪＫ全角テキストはそのままです。"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        for edits, repaired in line_repairs(ctx, "encoding"):
            yield self.finding(
                ctx.text,
                edits[0].start,
                edits[-1].end,
                "Mojibake: text decoded with the wrong code page",
                suggestion=repaired,
                edits=edits,
                title="Re-decode the text",
            )
