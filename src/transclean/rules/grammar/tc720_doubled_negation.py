"""TC720: doubled-negation."""

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
    """A negated auxiliary, read back to a negative word opening its clause (at a line or sentence start,
    after a comma, "that", "and", "but" or an opening quote) or to an until-word, with at most six words
    between and none of them punctuation or a word opening a clause of its own."""
    grammar = language_data(lang).get("grammar", {})
    if not grammar.get("negated_auxiliaries"):
        return None

    def alternatives(words: list[str]) -> str:
        forms = {*words, *(word.capitalize() for word in words)}
        forms |= {form.replace("'", "’") for form in forms}
        return alternation(forms, escape=True)

    clause_words = alternatives(grammar["clause_words"])
    between = rf"(?:[ \t]+(?!(?:{clause_words})(?![\p{{L}}'’-]))[\p{{L}}\p{{N}}'’-]+){{0,6}}"
    opener = r"(?:^|(?<=[.!?:;,][\"”’]?[ \t]+|(?<![\p{L}'’-])(?:that|and|but)[ \t]+|[\"“‘(][ \t]*))"
    negative = rf"{opener}(?<word>{alternatives(grammar['negative_openers'])})"
    until = rf"(?<![\p{{L}}'’-])(?<word>{alternatives(grammar['limit_conjunctions'])})"
    # Opens at "not" or "n't" (every negated auxiliary ends in one) and reads the auxiliary and the clause
    # back in a lookbehind: opening at the auxiliaries' alternation cost 3% of the full check, this 0.1%.
    return regex.compile(
        rf"(?:not|n['’]t)(?![\p{{L}}'’-])(?<=(?:{negative}|{until}){between}[ \t]+"
        rf"(?<aux>(?<![\p{{L}}'’-])(?:{alternatives(grammar['negated_auxiliaries'])})))",
        regex.MULTILINE,
    )


@register
class DoubledNegation(Rule):
    """A negation English writes once, written twice: "neither of these conditions is not acceptable".

    ## What it finds
    A negated auxiliary ("is not", "didn't", "cannot" ...) within six words of a negative word that
    opens its clause ("neither", "nobody", "nothing", "none", "no one", "never"), or of "until"/"till"
    ("It won't be lifted till the situation isn't calmed"). Not when a word that opens a clause of its
    own stands between ("Nobody who has not voted may", "until he says that he does not"), nor across
    punctuation. The words are per-language data (`[grammar] negative_openers`, `limit_conjunctions`,
    `negated_auxiliaries`, `clause_words`).

    ## Why it matters
    Russian, Ukrainian, Polish, Czech and Serbian negate the verb after "nobody" and "neither" (negative
    concord), and they, Italian and French negate the verb of an until-clause ("poka ne", "finché non");
    translated word for word, English says the opposite: "neither condition is not acceptable" means
    both are.

    ## Fix safety
    None: which negation to drop depends on the meaning, and "until ... not" may have to become
    "while ... not" or "before".
    """

    code = "TC720"
    name = "doubled-negation"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=(" not", "n't", "n’t", "cannot"))
    must_fire = (
        Example("Anyone can see that ⟦neither one of these conditions is not⟧ acceptable.", language="en"),
        Example("It won't be lifted ⟦till the situation isn’t⟧ calmed.", language="en"),
        Example("⟦Nobody did not⟧ come to the meeting.", language="en"),
    )
    must_not_fire = (
        Example("Nobody who has not voted may complain, and nothing else is known.", language="en"),
        Example("Neither of them came. They did not call either.", language="en"),
        Example("Wait until he says that he does not agree; never again, she did not say.", language="en"),
        Example("The talks lasted until Friday. Officials would not comment.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        text = ctx.text
        for m in pattern.finditer(text):
            yield self.finding(
                text,
                m.start("word"),
                m.end("aux"),
                f"{m.group('word')!r} already negates the clause: {m.group('aux')!r} negates it again, and "
                "English then says the opposite",
                confidence=0.6,
            )
