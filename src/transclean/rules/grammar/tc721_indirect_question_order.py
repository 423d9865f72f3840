"""TC721: indirect-question-order."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation

#: a question word that may be the subject, an auxiliary that may be the verb, a pronoun that may be its
#: object: "who did it", "what has it" are subject questions in statement order.
_SUBJECT_WORDS = frozenset({"who", "what"})
_MAIN_VERBS = frozenset({"do", "does", "did", "has", "have", "had"})
_OBJECT_PRONOUNS = frozenset({"it", "you"})


@cache
def _pattern(lang: str) -> regex.Pattern[str] | None:
    """A question word after a head that takes an indirect question, then an auxiliary and a subject
    pronoun, one space between each (a comma or a colon makes it a direct question: "He asked: where are
    they?"). Opens at the question word and reads the head back in a lookbehind."""
    grammar = language_data(lang).get("grammar", {})
    if not grammar.get("question_heads"):
        return None

    def alternatives(words: list[str]) -> str:
        return alternation(words, escape=True)

    return regex.compile(
        rf"(?<=(?<![\p{{L}}'’-])(?:{alternatives(grammar['question_heads'])})[ \t]+)"
        rf"(?<word>{alternatives(grammar['question_words'])})[ \t]+"
        rf"(?<aux>{alternatives(grammar['question_auxiliaries'])})[ \t]+"
        rf"(?<subject>{alternatives(grammar['subject_pronouns'])})(?![\p{{L}}'’-])"
    )


@register
class IndirectQuestionOrder(Rule):
    """An indirect question in the order of a direct one: "nobody knows where are they today".

    ## What it finds
    After a word that takes an indirect question ("know", "ask", "wonder", "explain", "unclear",
    "sure" ...), a question word, an auxiliary and a subject pronoun in that order, with a single space
    between each: "knows where are they", "explained how can we", "unclear what did he". A comma or a
    colon before the question word makes it a direct question ("He asked: where are they?") and is left
    alone, as are subjects other than pronouns ("know what is the problem" is common and may be a
    subject question) and "who"/"what" + do/have + "it"/"you" ("knows who did it": a subject
    question). The words are per-language data (`[grammar] question_heads`, `question_words`,
    `question_auxiliaries`, `subject_pronouns`).

    ## Why it matters
    Russian, Ukrainian, Serbian, Albanian and the Romance languages keep the word order of the question
    in reported questions, and engines copy it; English puts the subject first ("where they are").

    ## Fix safety
    None as a fix: swapping the auxiliary and the subject is the usual repair ("where they are"), but
    "do"/"did" must then go and the verb take its tense.
    """

    code = "TC721"
    name = "indirect-question-order"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=("where ", "what ", "why ", "how ", "when ", "who ", "whom ", "whether "))
    must_fire = (
        Example("Nobody knows ⟦where are they⟧ today.", language="en"),
        Example("The minister explained ⟦how can we⟧ reach the target.", language="en"),
        Example("It is unclear ⟦what did he⟧ promise the voters.", language="en"),
    )
    must_not_fire = (
        Example("Nobody knows where they are today.", language="en"),
        Example("He asked: where are they? She asked, how can we help?", language="en"),
        Example("Where are they now? How can we know what is the problem?", language="en"),
        Example("Nobody knows who did it or what has you so worried.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        text = ctx.text
        for m in pattern.finditer(text):
            if (
                m.group("word") in _SUBJECT_WORDS
                and m.group("aux") in _MAIN_VERBS
                and m.group("subject") in _OBJECT_PRONOUNS
            ):
                continue  # "nobody knows who did it": the question word is the subject, "did" the verb
            yield self.finding(
                text,
                m.start("word"),
                m.end("subject"),
                f"an indirect question keeps the order of a statement: {m.group('word')!r} {m.group('subject')!r} "
                f"{m.group('aux')!r} ...",
                confidence=0.6,
            )
