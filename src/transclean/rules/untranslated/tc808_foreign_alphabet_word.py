"""TC808: foreign-alphabet-word."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import ClassVar

import regex

from transclean.context import Context
from transclean.langdata import across_languages, word_set
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: a word with the marks that join its parts ("Erdoğan'ın", "polsko-czeski"), not inside an address or a tag.
_TOKEN = regex.compile(r"(?<![\p{L}\p{N}'’@#/.-])\p{L}[\p{L}\p{M}'’-]*(?![\p{L}\p{N}'’-]|\.\p{L}|/)")
#: an English line holds at least this many times more other words than such words
WORDS_PER_FOREIGN = 3


@cache
def _letters() -> dict[str, tuple[str, ...]]:
    """Each lower-case letter of `[untranslated] letters`, with the languages that write it."""
    found: dict[str, list[str]] = {}
    for lang, letters in across_languages("untranslated", "letters").items():
        for letter in letters:
            found.setdefault(letter, []).append(lang)
    return {letter: tuple(langs) for letter, langs in found.items()}


@cache
def _has_letter() -> regex.Pattern[str]:
    return regex.compile(f"[{''.join(_letters())}]")


@register
class ForeignAlphabetWord(Rule):
    """A lower-case word in another Latin alphabet inside an English line: "zdjęcie - Mariusz Błaszczak".

    ## What it finds
    A word that starts in lower case and has no capital, with a letter of another Latin alphabet that no
    English word or common loanword writes ("ę", "ł", "ř", "ğ", "ı", "ə", "ő", "ț" ...: `[untranslated]
    letters` of the language files), in a line that is English: it holds an English function word and
    three times as many other words as such words. Names are capitalised ("Błaszczak", "Erdoğan'ın") and
    never judged; nor is a word inside a web or mail address, a hashtag, or a line of the source language
    (the chrome rules and TC806 judge those).

    ## Why it matters
    TC804 needs two foreign words in a row and TC805 a listed function word; a single noun or verb the
    engine passed through ("zdjęcie" for "photo", "mənbələrdən") is as unreadable, and its letters alone
    show it is no English word.

    ## Fix safety
    None: the translation is not in the text.
    """

    code = "TC808"
    name = "foreign-alphabet-word"
    category = Category.UNTRANSLATED
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ("en",)
    trigger = Trigger(strings=tuple(_letters()))
    must_fire = (
        Example("⟦zdjęcie⟧ - Mariusz Błaszczak – new Minister of National Defense", language="en"),
        Example("The minister said the ⟦değişiklik⟧ of the border rules will stay in place.", language="en"),
    )
    must_not_fire = (
        Example("Prime Minister Donald Tusk met Mariusz Błaszczak in Łódź on Monday.", language="en"),
        Example("President Erdoğan'ın visit was announced on twitter.com/tccb and #güvenlik.", language="en"),
        Example("Zdjęcie: rzecznik rządu Adam Szłapka / PAP", language="en"),
        Example("They ate phở and bánh mì in the café after the soirée.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        letters, has_letter = _letters(), _has_letter()
        function_words = word_set(ctx.language, "function_words", "words")
        text = ctx.text
        line_end = -1
        for m in has_letter.finditer(text):
            if m.start() < line_end:
                continue  # the line is judged
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.start())
            line_end = len(text) if line_end < 0 else line_end
            words = list(_TOKEN.finditer(text, line_start, line_end))
            foreign = [
                w
                for w in words
                if w.group()[0].islower() and not any(c.isupper() for c in w.group()) and has_letter.search(w.group())
            ]
            if not foreign or len(words) < (WORDS_PER_FOREIGN + 1) * len(foreign):
                continue
            if not any(w.group() in function_words for w in words):
                continue
            for w in foreign:
                langs = sorted({lang for c in w.group() for lang in letters.get(c, ())})
                yield self.finding(
                    text,
                    w.start(),
                    w.end(),
                    f"{w.group()!r} is written with letters of {', '.join(langs)}, not English: a word left "
                    "untranslated",
                    confidence=0.7,
                )
