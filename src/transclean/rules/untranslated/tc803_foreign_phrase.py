"""TC803: foreign-phrase."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.context import Context
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: an editorial insertion in square brackets: "[ex-ministro da Saúde Eduardo]".
_BRACKETS = regex.compile(r"\[([^\[\]\n]{5,200})\]")
_WORD = regex.compile(r"\p{L}+")
#: Latin-script languages a phrase may be left in (wordfreq lists).
SOURCE_LANGUAGES = ("pt", "es", "it", "fr", "de", "pl", "cs", "tr", "ro", "nl", "sh", "hu", "sv")
#: a word belongs to a language when it is this frequent there (Zipf) ...
FOREIGN_ZIPF = 3.0
#: ... and this much more frequent there than in the document's language.
MARGIN = 1.5
#: a phrase needs this many such words, and they must be at least half of its words.
MIN_FOREIGN_WORDS = 3


def foreign_language(phrase: str, lang: str) -> str | None:
    """The language most of ``phrase``'s words belong to, when it is clearly not ``lang``.

    >>> foreign_language("supostos integrantes do gabinete do ódio", "en")
    'pt'
    >>> foreign_language("the former health minister Eduardo", "en")
    """
    found = [w.lower() for w in _WORD.findall(phrase)]
    best, best_count = None, 0
    for other in SOURCE_LANGUAGES:
        count = sum(zipf(w, other) >= FOREIGN_ZIPF and zipf(w, other) - zipf(w, lang) >= MARGIN for w in found)
        if count > best_count:
            best, best_count = other, count
    if best_count >= MIN_FOREIGN_WORDS and 2 * best_count >= len(found):
        return best
    return None


@register
class ForeignPhrase(Rule):
    """A phrase left in the source language inside the text: "for the [ex-ministro da Saúde Eduardo] Pazuello".

    ## What it finds
    An editorial insertion in square brackets in which at least three words, and at least half of all its
    words, are frequent in one other Latin-script language (Portuguese, Spanish, Italian, French, German,
    Polish, Czech, Turkish, Romanian ...) and much rarer in the document's language.

    ## Why it matters
    The engine translated the sentence around the insertion but not the insertion itself: the reader
    misses what the editor added to explain the quote.

    ## Fix safety
    No fix: the phrase needs translating.
    """

    code = "TC803"
    name = "foreign-phrase"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ("en",)
    must_fire = (
        Example("Secrecy for the friends, for the [⟦ex-ministro da Saúde Eduardo⟧] Pazuello, he said.", language="en"),
        Example("“We did not identify [⟦supostos integrantes do ‘gabinete do ódio’⟧]”, he said.", language="en"),
    )
    must_not_fire = (
        Example("Secrecy for the friends, for the [former health minister Eduardo] Pazuello.", language="en"),
        Example("The [São Paulo] governor spoke.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        lang = ctx.language
        if lang not in self.languages:
            return
        text = ctx.text
        for m in _BRACKETS.finditer(text):
            found = foreign_language(m[1], lang)
            if found:
                yield self.finding(
                    text,
                    m.start(1),
                    m.end(1),
                    f"Phrase in {found!r} left untranslated",
                    confidence=0.8,
                )
