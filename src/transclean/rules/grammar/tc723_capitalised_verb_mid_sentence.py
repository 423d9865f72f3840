"""TC723: capitalised-verb-mid-sentence."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.anchored import Anchored
from transclean.analysis.inflection import english_forms
from transclean.context import Context
from transclean.langdata import word_set
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A title or a body noun, a space, a capitalised word and a lower-case one: "Deputy Prime Minister Mentioned
# the case", "the party Noted the establishment". The scan opens at the noun (an Aho-Corasick pass finds the
# openings); the verb and the words after it are judged in code.
_SHAPE = regex.compile(r"(\p{L}+) (\p{Lu}\p{Ll}{2,})(?= (\p{Ll}[^\n]{0,60}))")
_WORD = regex.compile(r"[\p{L}'’-]+")
#: how many words after the verb are read to tell a sentence from a title in capitals
WORDS_AFTER = 4


@cache
def _heads(lang: str) -> frozenset[str]:
    """The words a subject ends with before its verb: titles ("Minister", "Finance") and body nouns
    ("committee", "party"), in lower case and capitalised."""
    bodies = word_set(lang, "lists", "institution_nouns")
    return word_set(lang, "lists", "titles") | bodies | {word.capitalize() for word in bodies}


@cache
def _shapes(lang: str) -> Anchored:
    """:data:`_SHAPE` tried only where one of ``lang``'s subject heads and a space open it."""
    return Anchored(_SHAPE, (f"{word} " for word in _heads(lang)))


def _sentence_case(rest: str, function_words: frozenset[str]) -> bool:
    """Whether the words after the verb read as a sentence, not a title in capitals: every word up to the
    first content word (four letters or more, no function word) is in lower case, and there is one."""
    for m in _WORD.finditer(rest):
        word = m.group()
        if not word.islower():
            return False
        if len(word) >= 4 and word not in function_words:
            return True
        if m.start() > 40:
            break
    return False


@register
class CapitalisedVerbMidSentence(Rule):
    """A verb with a capital after its subject: "Deputy Prime Minister Mentioned the case", "the party Noted".

    ## What it finds
    In English text, a title or a body noun (`[lists] titles`, `institution_nouns`) followed by a capitalised
    verb form (a verb of saying from `[lists] reporting_verbs`, or a past or "-ing" form that English uses
    as no noun or adjective) and then words in lower case: "Strategy Committee Said in an interview",
    "Minister of Finance Discussing preparations", "the Chartthaipattana Party Gave an interview". A word
    the text capitalises elsewhere too is taken for a name ("Secretary Manning said"); a title in capitals
    ("Minister Announced Plans", "Prime Minister Meets the People programme") is left alone.

    ## Why it matters
    Thai and other languages written without capitals or sentence stops give the translation system
    chunks it capitalises one by one: the capital shows where a chunk began, mid-sentence. The reader sees
    a headline's capital inside a sentence.

    ## Fix safety
    None: lower-casing the verb is the usual repair, but the chunk may also have lost a comma or a subject.
    """

    code = "TC723"
    name = "capitalised-verb-mid-sentence"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=tuple(f"{word} " for word in sorted(_heads("en"))))  # the scan's openings
    must_fire = (
        Example("Mr. Wissanu, Deputy Prime ⟦Minister Mentioned⟧ the case of the first meeting.", language="en"),
        Example("The chairman of the Strategy ⟦Committee Said⟧ in an interview that work goes on.", language="en"),
        Example("He is the leader of the ⟦party Noted⟧ the establishment of a committee.", language="en"),
        Example("Mr. Warawut, leader of the Chartthaipattana ⟦Party Gave⟧ an interview on the case.", language="en"),
    )
    must_not_fire = (
        Example("Prime Minister Announced Plans for Budget\nThe minister said so.", language="en"),
        Example("He hosts the Prime Minister Meets the People programme on Fridays.", language="en"),
        Example("The scholar Edward Said argued that the Minister Said Jalili came.", language="en"),
        Example("The Minister said in an interview that the Committee Chairman agreed.", language="en"),
        Example("Navy Secretary Manning said on Monday that Manning would stay.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        forms = english_forms()
        reporting = word_set(ctx.language, "lists", "reporting_verbs")
        function_words = word_set(ctx.language, "function_words", "words")
        heads = _heads(ctx.language)
        text = ctx.text
        for m in _shapes(ctx.language).finditer(text):
            if m.group(1) not in heads:
                continue
            verb = m.group(2).lower()
            if verb not in reporting and (
                not (verb in forms.past or verb in forms.gerund)
                or verb in forms.noun
                or verb in forms.adjective
                or verb in forms.plural
            ):
                continue
            # A word the text writes with its capital elsewhere too is a name ("Secretary Manning said",
            # "Edward Said"); a chunk's capital is a one-off.
            if text.count(m.group(2)) > 1 or not _sentence_case(m.group(3), function_words):
                continue
            yield self.finding(text, m.start(), m.end(2), f"{m.group(2)!r} is a verb with a capital inside a sentence")
