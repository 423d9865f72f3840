"""TC707: pronoun-before-number."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.anchored import Anchored
from transclean.analysis.inflection import english_forms
from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import alternation


@cache
def _pattern(lang: str) -> Anchored:
    """A subject pronoun, a number (digits or a number word) and the lower-case word after it, on one line;
    searched from the pronouns and the space or tab after them (:class:`transclean.analysis.anchored.Anchored`)."""
    grammar = language_data(lang)["grammar"]
    subjects = grammar["numberless_subjects"]
    pronouns = sorted({*subjects, *(word.capitalize() for word in subjects)})
    numbers = alternation(grammar["number_words"])
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'’-])(?<pronoun>{'|'.join(pronouns)})[ \t]+(?<number>\p{{N}}+|{numbers})[ \t]+"
        rf"(?<word>\p{{Ll}}+)(?![\p{{L}}\p{{N}}'’-])"
    )
    return Anchored(pattern, (word + space for word in pronouns for space in " \t"))


@register
class PronounBeforeNumber(Rule):
    """A number between a subject pronoun and its verb: "they two have the same opinion", "we 2045 be able".

    ## What it finds
    A subject pronoun ("he", "she", "we", "they"), then a number in digits or words, then a verb ("they two
    have", "we 2045 be able to"). The pronouns and number words are per-language data (`[grammar]
    numberless_subjects`, `number_words`); the verb is told by lemminflect's English forms.

    ## Why it matters
    Languages that say "the two of them" or put the year before the verb leave the number in a slot English
    has no room for; the sentence reads broken.

    ## Fix safety
    None: the number belongs elsewhere ("both of them", "by 2045"), which the text does not say.
    """

    code = "TC707"
    name = "pronoun-before-number"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    must_fire = (
        Example("He said that ⟦they two⟧ have the same opinion.", language="en"),
        Example("The aim is that ⟦we 2045⟧ be able to operate alone.", language="en"),
    )
    must_not_fire = (
        Example("You two have the same opinion; the two of them agree.", language="en"),
        Example("By 2045 we will be able to operate; they won 2 games.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        forms, grammar = english_forms(), language_data(ctx.language)["grammar"]
        auxiliaries = {*grammar["modals"], *grammar["perfect_auxiliaries"], *grammar["be_forms"]}
        text = ctx.text
        for m in _pattern(ctx.language).finditer(text):
            word = m.group("word")
            if word in forms.verb or word in forms.past or word in forms.third or word in auxiliaries:
                yield self.finding(
                    text, m.start("pronoun"), m.end("number"),
                    f"{m.group('number')!r} stands between the subject {m.group('pronoun')!r} and its verb",
                    confidence=0.7,
                )  # fmt: skip
