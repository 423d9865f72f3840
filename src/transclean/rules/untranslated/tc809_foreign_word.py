"""TC809: foreign-word."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from transclean.analysis.foreign import embedded_in, function_words
from transclean.context import Context
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: shorter words are too often abbreviations, interjections or typos
MIN_LETTERS = 4


@register
class ForeignWord(Rule):
    """One lower-case word of another language that English never writes: "the algon that the petista did".

    ## What it finds
    A single lower-case word of four letters or more, common in one of the languages of
    `analysis/foreign.py` (Italian, Spanish, French, German, Portuguese, Polish, Czech, Turkish, Romanian,
    Dutch, Serbo-Croatian, Hungarian, Swedish, Indonesian) and absent from English's frequency list
    altogether, standing in an English sentence under the conditions TC804 uses (a plain English word
    before it, no capitalised word after it, outside quotation marks, not glossed in brackets). Function
    words are TC805's; runs of two words or more TC804's.

    ## Why it matters
    Engines pass through words they have no entry for: a party member's nickname ("petista"), an inflected
    noun, a term of the source's administration. TC804 needs two such words in a row; one alone is as
    unreadable when English has never written it.

    Reported at info severity: a single word may be a writer's coinage or misspelling that another
    language happens to write ("publicate").

    ## Fix safety
    None: the translation is not in the text.
    """

    code = "TC809"
    name = "foreign-word"
    category = Category.UNTRANSLATED
    # Info: one word may be a coinage or misspelling another language happens to write ("Many press
    # publicate their reports", a non-native writer's English, is Romanian's "publicate").
    severity = Severity.INFO
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ("en",)
    must_fire = (
        Example("That is, by the President or the decree that the ⟦petista⟧ signed after the message.", language="en"),
    )
    must_not_fire = (
        Example("They ate a fiesta meal at the villa, and the aficionados cheered.", language="en"),
        Example("The capo di tutti capi (boss of bosses) was arrested; “petista” is a word.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        lists = function_words()
        for start, end, count, languages, _ in embedded_in(ctx):
            word = text[start:end]
            if count != 1 or len(word) < MIN_LETTERS or zipf(word, "en") > 0:
                continue
            if any(word in lists[lang] for lang in languages):
                continue  # TC805's
            yield self.finding(
                text,
                start,
                end,
                f"{word!r} is a word of {'/'.join(sorted(languages))}, never written in English: left untranslated",
                confidence=0.6,
            )
