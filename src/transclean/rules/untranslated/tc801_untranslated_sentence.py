"""TC801: untranslated-sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import regex

from transclean.analysis.foreign import CAPITALISED
from transclean.context import Context
from transclean.langdata import word_set
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: Sentences shorter than this are never judged: names, short quotes and slogans mislead language ID.
UNTRANSLATED_MIN_CHARS = 50

UNTRANSLATED_MIN_PROBABILITY = 0.95

#: a sentence this rich in the document language's function words is in that language (English: 30-50%).
FUNCTION_WORD_SHARE = 0.2

_QUOTED = regex.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"")
_LETTERS = regex.compile(r"\p{L}+")


@register
class UntranslatedSentence(Rule):
    """A sentence in another language than the document's, left untranslated.

    ## What it finds
    langdetect (seeded) on each sentence with at least 50 characters left once quotations, capitalised
    words (names) and glossary names are masked; fires when it is sure (probability >= 0.95) of a language
    other than the document's. Sentences with at least two of the document language's function words, and
    those fastText is sure are in the document's language, are skipped without running it.

    ## Why it matters
    A translation system that fails on a segment passes it through unchanged; the reader gets a passage
    they cannot read.

    ## Fix safety
    No fix: the sentence needs translating.
    """

    code = "TC801"
    name = "untranslated-sentence"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    fix = Applicability.NONE
    languages = ("en",)
    must_fire = (
        Example(
            "The talks ended late on Friday after two days of negotiations in Vienna. "
            "⟦Il governo ha annunciato nuove misure per sostenere le famiglie e le imprese.⟧",
            language="en",
        ),
    )
    must_not_fire = (
        Example(
            "The talks ended late on Friday. Mr Dvořák said: “Ano.” The delegates went home after the "
            "meeting in Vienna.",
            language="en",
        ),
        Example(
            "The motto of the city, “Fluctuat nec mergitur”, is written on its coat of arms and flags.", language="en"
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        lang = ctx.language
        words = word_set(lang or "", "function_words", "words")
        if not lang or not words:
            return  # only languages whose data file lists function words (English so far)
        text = ctx.text
        for a, b in ctx.sentences:
            sentence = text[a:b].strip()
            if len(sentence) < UNTRANSLATED_MIN_CHARS:
                continue
            names = tuple(m.text for m in ctx.matches_within(a, b))
            # The verdict depends on the sentence, its glossary names and the language only: kept in the
            # document's memo, a later pass over the fixed text asks nothing again for sentences no fix touched
            # (langdetect takes 3-10 ms a sentence).
            key = (self.code, sentence, names, lang)
            if key not in ctx.memo:
                ctx.memo[key] = _foreign(sentence, names, lang, words)
            found, probability = cast("tuple[str | None, float]", ctx.memo[key])
            if found:
                start = a + len(text[a:b]) - len(text[a:b].lstrip())
                yield self.finding(
                    text,
                    start,
                    start + len(sentence),
                    f"Sentence in {found!r} inside a {lang!r} document",
                    confidence=probability,
                )


def _foreign(sentence: str, names: tuple[str, ...], lang: str, words: frozenset[str]) -> tuple[str | None, float]:
    """The other language a sentence is surely in and langdetect's probability, or (None, 0.0)."""
    from transclean.lang import sentence_language, surely_in

    # lower-cased in one call: a word lowers alone as it does between spaces (final sigma included)
    tokens = " ".join(_LETTERS.findall(sentence)).lower().split(" ")
    if sum(map(words.__contains__, tokens)) >= max(2, FUNCTION_WORD_SHARE * len(tokens)):
        return None, 0.0  # enough of the document language's function words ("in" is German too)
    masked = _QUOTED.sub(" ", sentence)  # quoted words are meant to stay in their language
    masked = CAPITALISED.sub(" ", masked)  # names say nothing of the language
    for name in names:
        masked = masked.replace(name, " ")
    if len(masked.strip()) < UNTRANSLATED_MIN_CHARS:
        return None, 0.0
    if surely_in(masked, lang):
        return None, 0.0  # fastText is 80x faster than langdetect, which only confirms its other answers
    found, probability = sentence_language(masked)
    if found and found != lang and probability >= UNTRANSLATED_MIN_PROBABILITY:
        return found, probability
    return None, 0.0
