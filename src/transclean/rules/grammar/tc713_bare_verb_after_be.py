"""TC713: bare-verb-after-be."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.inflection import EnglishForms, english_forms
from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation

# A "do" earlier in the sentence: "what he did was help the poor" is a cleft, where a bare verb is right.
_DO_BEFORE = regex.compile(r"(?<![\p{L}'’-])(?:do|does|did|done|doing)(?![\p{L}'’-])[^.!?\n]*\Z", regex.IGNORECASE)


@cache
def _pattern(lang: str) -> regex.Pattern[str] | None:
    """A lower-case form of "be", a lower-case word and an article or possessive after it, on one line."""
    grammar = language_data(lang).get("grammar", {})
    be, openers = grammar.get("be_forms", ()), grammar.get("noun_openers", ())
    if not be or not openers:
        return None
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'’-])(?<be>{alternation(be)})[ \t]+(?<word>\p{{Ll}}+)"
        rf"[ \t]+(?:{alternation(openers)})[ \t]"
    )


def _bare_verb(word: str, forms: EnglishForms, prepositions: frozenset[str]) -> bool:
    """Whether ``word`` can only be a bare verb here: a base verb that is no past form, participle, "-ing"
    form, adjective or adverb ("is open the", "was still the") nor a preposition ("is like the"). A base
    verb that is also a noun counts: a noun never takes an article after it ("is miss the")."""
    if word not in forms.verb or word in prepositions:
        return False
    return not (
        word in forms.past
        or word in forms.participle
        or word in forms.gerund
        or word in forms.adjective
        or word in forms.comparative
    )


@register
class BareVerbAfterBe(Rule):
    """A bare verb between a form of "be" and its object: "is miss the most important events".

    ## What it finds
    A form of "be", a word that is only a bare verb (by lemminflect's English forms: no past, participle,
    "-ing" form, adjective or adverb) and an article or possessive opening its object: "is miss the most
    important events", "were decide the matter". Not in a cleft after "do" ("what he did was help the
    poor"). The words are per-language data (`[grammar] be_forms`, `noun_openers`, `verb_prepositions`).

    ## Why it matters
    The article after the word shows it takes an object, so it is a verb, and English puts no bare verb
    after "be": a translation lost the tense ("misses") or a participle ("is missing").

    ## Fix safety
    None: the intended form ("misses", "is missing", "was missed") is not known.
    """

    code = "TC713"
    name = "bare-verb-after-be"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=(" the ", " a ", " its ", " their "))
    must_fire = (
        Example("The report ⟦is miss⟧ the most important events of the year.", language="en"),
        Example("The deputies ⟦were decide⟧ the matter on Monday.", language="en"),
    )
    must_not_fire = (
        Example("All he did was help the poor; it is like the old days.", language="en"),
        Example("The door is open the whole day, and he was still the leader.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        forms = english_forms()
        prepositions = frozenset(language_data(ctx.language)["grammar"].get("verb_prepositions", ()))
        text = ctx.text
        for m in pattern.finditer(text):
            if not _bare_verb(m.group("word"), forms, prepositions):
                continue
            if _DO_BEFORE.search(text, max(0, m.start() - 200), m.start()):
                continue
            yield self.finding(
                text, m.start("be"), m.end("word"),
                f"{m.group('be')!r} before the bare verb {m.group('word')!r}: a tense or participle is lost",
                confidence=0.6,
            )  # fmt: skip
