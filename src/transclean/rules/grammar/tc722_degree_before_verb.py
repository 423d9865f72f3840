"""TC722: degree-before-verb."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.inflection import english_forms
from transclean.context import Context
from transclean.langdata import language_data, word_set
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: the word right before an offset, read back from it
_BEFORE = regex.compile(r"(?r)([\p{L}'’]+)[ \t]+\Z")


@cache
def _pattern(lang: str) -> regex.Pattern[str] | None:
    """A degree adverb and the lower-case word after it (the word before is read back by ``_BEFORE``)."""
    adverbs = language_data(lang).get("grammar", {}).get("degree_adverbs", ())
    if not adverbs:
        return None
    words = "|".join(sorted({*adverbs, *(a.capitalize() for a in adverbs)}))
    return regex.compile(rf"(?<![\p{{L}}'’-])(?<adverb>{words})[ \t]+(?<verb>\p{{Ll}}+)(?![\p{{L}}'’-])")


@register
class DegreeBeforeVerb(Rule):
    """A degree adverb before a verb: "Our people are very likes to eat pickles", "we very want peace".

    ## What it finds
    "very" (`[grammar] degree_adverbs`) before a third-person verb form that is no adjective, participle
    or "-ing" form ("very likes", "very wants"), unless a determiner stands before it ("the very needs of
    the poor"); and before a bare verb right after a subject pronoun ("we very want", "I very hope").
    Forms come from lemminflect's table (analysis/inflection.py); words that follow "very" as an
    adverb, adjective or noun ("very much", "very well", "the very top") are exempt (`degree_exempt`).

    ## Why it matters
    Russian "очень", Polish "bardzo", Czech "velmi", Hebrew "מאוד" modify verbs; English "very" does not
    ("like very much", "really want"), and a word-for-word translation keeps it before the verb.

    ## Fix safety
    None: "very much" after the object, "really" before the verb or another verb is the repair.
    """

    code = "TC722"
    name = "degree-before-verb"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=("very ", "Very "))
    must_fire = (
        Example("Our great people are ⟦very likes⟧ to eat pickles.", language="en"),
        Example("We ⟦very want⟧ peace in the region.", language="en"),
    )
    must_not_fire = (
        Example("These are the very needs of the poor, and she sings very well.", language="en"),
        Example("It was very much a success; we very often meet at the very top.", language="en"),
        Example("The talks were very tiring and very interesting, and he looked very tired.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        forms = english_forms()
        exempt = word_set(ctx.language, "grammar", "degree_exempt")
        determiners = word_set(ctx.language, "grammar", "noun_openers") | word_set(ctx.language, "lists", "determiners")
        subjects = word_set(ctx.language, "grammar", "numberless_subjects") | {"i", "you"}
        text = ctx.text
        for m in pattern.finditer(text):
            verb = m.group("verb")
            found = _BEFORE.search(text, max(0, m.start() - 30), m.start())
            before = found.group(1).lower() if found is not None else ""
            if verb in exempt or before in determiners or verb in forms.adjective or verb in forms.comparative:
                continue
            if verb in forms.participle or verb in forms.gerund or verb in forms.past:
                continue
            if not (verb in forms.third or (verb in forms.verb and before in subjects)):
                continue
            yield self.finding(
                text,
                m.start("adverb"),
                m.end("verb"),
                f"{m.group('adverb')!r} does not modify a verb in English: {verb!r} needs 'really' before it or "
                "'very much' after its object",
                confidence=0.6,
            )
