"""TC715: relative-without-subject."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.inflection import english_forms
from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation


@cache
def _pattern(lang: str) -> regex.Pattern[str] | None:
    """A preposition, "which", an optional "-ly" adverb and the lower-case word after them, on one line."""
    prepositions = language_data(lang).get("grammar", {}).get("relative_prepositions", ())
    if not prepositions:
        return None
    alternatives = alternation(prepositions)
    # Opens at " which" and reads the preposition back in a lookbehind, not at every word.
    return regex.compile(
        rf"[ \t]which(?<=(?<![\p{{L}}\p{{N}}'’-])(?<prep>{alternatives})[ \t]+which)"
        rf"[ \t]+(?:\p{{Ll}}+ly[ \t]+)?(?<verb>\p{{Ll}}+)(?![\p{{L}}\p{{N}}'’-])"
    )


@register
class RelativeWithoutSubject(Rule):
    """A relative clause after "in which" that opens with its verb: "a report, in which clearly analyze the causes".

    ## What it finds
    "in which", "by which", "with which", "through which" or "during which", then (after an optional
    "-ly" adverb) a present verb that is no noun, adjective or past form: "in which clearly analyze the
    causes". The prepositions are per-language data (`[grammar] relative_prepositions`); "of which" is
    left out ("both of which resulted" is a subject), and past forms too ("in which lived a hermit"
    inverts).

    ## Why it matters
    Vietnamese, Chinese and the pro-drop languages leave the subject out of such clauses ("trong đó phân
    tích rõ"); English needs one ("in which it clearly analyses").

    ## Fix safety
    None: the subject is not in the text.
    """

    code = "TC715"
    name = "relative-without-subject"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=(" which ",))
    must_fire = (Example("He sent a report, ⟦in which clearly analyze⟧ the causes of delays.", language="en"),)
    must_not_fire = (
        Example("A report in which he clearly analyzes the causes, both of which resulted in delays.", language="en"),
        Example("The cave in which lived a hermit; the way in which prices rise.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        forms = english_forms()
        grammar = language_data(ctx.language)["grammar"]
        auxiliaries = {*grammar["modals"], *grammar["perfect_auxiliaries"], *grammar["be_forms"]}
        text = ctx.text
        for m in pattern.finditer(text):
            verb = m.group("verb")
            if not (verb in forms.verb or verb in forms.third) or verb in auxiliaries:
                continue
            if verb in forms.noun or verb in forms.adjective or verb in forms.plural or verb in forms.past:
                continue
            yield self.finding(
                text, m.start("prep"), m.end("verb"),
                f"the clause after '{m.group('prep')} which' has no subject before {verb!r}",
                confidence=0.6,
            )  # fmt: skip
