"""TC322: hyphen-joins-function-word."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation

#: the words of the kind, for the gate: every finding holds one glued to a hyphen
_WORDS: tuple[str, ...] = tuple(language_data("en")["punctuation"]["hyphen_unbound_words"])


@cache
def _pattern(lang: str) -> regex.Pattern[str]:
    """A hyphenated word standing alone (a space, a quote or a bracket around it, so no URL slug or file
    name) whose first or last part is one of ``lang``'s ``hyphen_unbound_words``, written in lower case."""
    words = alternation(language_data(lang)["punctuation"]["hyphen_unbound_words"], escape=True)
    token = r"\p{L}+(?:-\p{L}+)+"
    return regex.compile(
        rf"(?:(?<=^|[\s(\"“‘«])(?=(?:{words})-){token}|(?<=^|[\s(\"“‘«]){token}(?<=-(?:{words})))"
        rf"(?=[\s,;:!?)\"”’»]|[.](?:\s|$)|$)",
        regex.M,
    )


@register
class HyphenJoinsFunctionWord(Rule):
    """A hyphen gluing an article or conjunction to a word: "the Internet-the edition", "a branch - and-sour".

    ## What it finds
    In English text, a hyphenated word standing alone whose first or last part is a function word no
    English compound opens or ends with (``hyphen_unbound_words``: the, and, but, which, their ...). The same
    words inside a compound ("state-of-the-art", "sweet-and-sour") are English.

    ## Why it matters
    Translation systems write a dash of the source as a hyphen, or a detokeniser drops the space beside it:
    "the Internet-the edition" reads as one nonsense word where a dash or a space set two phrases apart.

    ## Fix safety
    Flag only: whether a space, a dash or a comma belongs there is the editor's choice.
    """

    code = "TC322"
    name = "hyphen-joins-function-word"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=tuple(f"-{word}" for word in _WORDS) + tuple(f"{word}-" for word in _WORDS))
    must_fire = (
        Example("Turchinov has informed the ⟦Internet-the⟧ edition Ukrainian Truth.", language="en"),
        Example("It has opened a new branch – ⟦and-sour⟧ mood, said Netanyahu.", language="en"),
    )
    must_not_fire = (
        Example("A state-of-the-art plant, a sweet-and-sour sauce and a his-and-hers set.", language="en"),
        Example("See https://example.com/news/internet-the-edition and the-end.html today.", language="en"),
        Example("A sit-in, a build-up and an either-or choice in Xi-an.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        for m in _pattern(ctx.language).finditer(text):
            word = m.group()
            yield self.finding(
                text, m.start(), m.end(), f"A hyphen glues a function word into {word!r}: a space or dash belongs there"
            )
