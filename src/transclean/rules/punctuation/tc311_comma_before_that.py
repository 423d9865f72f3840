"""TC311: comma-before-that."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A comma and "that" opening a clause: "made it very clear, that Russia". Not "that is," (an aside), and not
# "that" with a noun and a comma after it ("he said, that evening, he"), where it is a determiner of an
# inserted phrase. The scan opens on the literal comma (a `regex` scan from every word cost 4x as much);
# the word before it is read back from there.
_COMMA_THAT = re.compile(r", that\b(?! is,| is to say)(?!\s+\w+,)")
_LAST_WORD = regex.compile(r"\p{L}+$")
#: how far back the word before the comma is looked for
WORD_BACK = 40


@register
class CommaBeforeThat(Rule):
    """A comma between a verb of saying or knowing and its "that" clause: "made it very clear, that Russia".

    ## What it finds
    A comma before "that" when the word before it takes a "that" clause (a reporting verb or a predicate
    such as "clear", "sure", "convinced", listed per language as ``that_heads`` beside the reporting verbs).
    Asides ("that is,") and an inserted "that evening," are left alone.

    ## Why it matters
    German, Russian, Polish and Czech set a comma before every "dass", "что", "że", "že" clause; translation
    systems carry it into English, where it cuts the clause from the verb that governs it.

    ## Fix safety
    Flag only: the comma may also end an inserted phrase the translation lost.
    """

    code = "TC311"
    name = "comma-before-that"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=(", that",))
    must_fire = (
        Example("I made it very ⟦clear, that⟧ the invasion was his alone.", language="en"),
        Example("The minister ⟦stressed, that⟧ the army keeps the country safe.", language="en"),
        Example("We are ⟦convinced, that⟧ the talks will succeed.", language="en"),
    )
    must_not_fire = (
        Example("He said, that evening, that he would resign.", language="en"),
        Example("It is a small step, that is, a beginning.", language="en"),
        Example("The army, that keeps us safe, needs money.", language="en"),
        Example("He said that the plan was clear and that it would work.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        data = language_data(ctx.language)
        heads = frozenset(data["punctuation"]["that_heads"]) | frozenset(data["lists"]["reporting_verbs"])
        text = ctx.text
        for m in _COMMA_THAT.finditer(text):
            word = _LAST_WORD.search(text, max(0, m.start() - WORD_BACK), m.start())
            if word is not None and word.group().lower() in heads:
                yield self.finding(
                    text, word.start(), m.end(), f"A comma between {word.group()!r} and the clause it governs"
                )
