"""TC711: concessive-but."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation


@cache
def _pattern(lang: str) -> regex.Pattern[str] | None:
    """A concessive word opening a clause (at a line or sentence start, after "that" or an opening quote),
    its clause without other punctuation, then ", but". The clause is at most 150 characters: a longer
    one is more likely a list with its commas lost than one clause."""
    openers = language_data(lang).get("grammar", {}).get("concessive_openers", ())
    if not openers:
        return None
    forms = {*openers, *(word.capitalize() for word in openers)}
    words = alternation(forms)
    clause_start = r"(?:^|(?<=[.!?][\"”’]?[ \t]+|(?<![\p{L}'’-])that[ \t]+|[\"“‘(][ \t]*))"
    # Opens at ", but" and reads the clause back in a lookbehind: 20x faster than opening at every word.
    return regex.compile(
        rf",[ \t]+(?<but>but)(?![\p{{L}}'’-])(?<={clause_start}(?<opener>{words})(?![\p{{L}}'’-])"
        rf"[^,.;:!?\"“”\n]{{3,150}},[ \t]+but)",
        regex.MULTILINE,
    )


@register
class ConcessiveBut(Rule):
    """A concessive clause continued with ", but": "Although it rained, but we went", "whatever it may be, but".

    ## What it finds
    A clause opened by "although", "though", "even though", "even if", "whatever", "whoever" or "no
    matter" and, with no other punctuation between, ", but" opening the next clause. The openers are
    per-language data (`[grammar] concessive_openers`).

    ## Why it matters
    Chinese, Vietnamese, Bengali and Hindi mark a concession twice ("although ... but"); English marks it
    once, so a translation that keeps both reads broken.

    ## Fix safety
    None: dropping "but" is the usual repair, but the clause may have lost more than that.
    """

    code = "TC711"
    name = "concessive-but"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=(", but",))
    must_fire = (
        Example("⟦Although the talks failed, but⟧ both sides will meet again.", language="en"),
        Example("He said that ⟦whatever the religion may be, but⟧ the feast is for everyone.", language="en"),
    )
    must_not_fire = (
        Example("Although the talks failed, both sides will meet again, but not soon.", language="en"),
        Example("Despite the rain, but only after noon, the march went ahead.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        text = ctx.text
        for m in pattern.finditer(text):
            yield self.finding(
                text, m.start("opener"), m.end("but"),
                f"{m.group('opener')!r} and 'but' both mark the concession: one of them is enough",
                confidence=0.7,
            )  # fmt: skip
