"""TC322: hyphen-joins-function-word."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: the words of the kind, for the gate: every finding holds one glued to a hyphen
_WORDS: tuple[str, ...] = tuple(language_data("en")["punctuation"]["hyphen_unbound_words"])
# The scan opens on a hyphen between two letters and reads the hyphenated word around it in code: a pattern
# that opens on the words or on a lookbehind tries every position of the text and cost 4% of the full check.
_HYPHEN = regex.compile(r"(?<=\p{L})-(?=\p{L})")
_RUN_BEFORE = regex.compile(r"[\p{L}\p{M}-]+$")
_RUN_AFTER = regex.compile(r"[\p{L}\p{M}-]+")
#: what may stand before a hyphenated word standing alone (no URL slug or file name), and after it
_OPENERS = frozenset(' \t\n\u00a0("“‘«')
_CLOSERS = frozenset(' \t\n\u00a0,;:!?)"”’»')
#: how far back the hyphenated word's start is looked for
WORD_BACK = 80


@cache
def _unbound(lang: str) -> frozenset[str]:
    """``lang``'s function words that no compound opens or ends with."""
    return frozenset(language_data(lang)["punctuation"]["hyphen_unbound_words"])


def _standing_word(text: str, at: int) -> tuple[int, int] | None:
    """The span of the hyphenated word holding the hyphen at ``at`` when it stands alone between a space,
    bracket or quote and a space or sentence mark (a full stop only before a space or the end)."""
    before = _RUN_BEFORE.search(text, max(0, at - WORD_BACK), at)
    after = _RUN_AFTER.match(text, at)
    if before is None or after is None:
        return None
    start, end = before.start(), after.end()
    if start and text[start - 1] not in _OPENERS:
        return None
    stop = end < len(text) and text[end] == "." and (end + 1 == len(text) or text[end + 1].isspace())
    if end < len(text) and text[end] not in _CLOSERS and not stop:
        return None
    return start, end


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
        words = _unbound(ctx.language)
        text = ctx.text
        done = -1  # the end of the last word judged: a word of several hyphens is judged once
        for m in _HYPHEN.finditer(text):
            if m.start() < done:
                continue
            span = _standing_word(text, m.start())
            if span is None:
                continue
            done = span[1]
            word = text[span[0] : span[1]]
            parts = word.split("-")
            if parts[0] in words or parts[-1] in words:
                yield self.finding(
                    text,
                    span[0],
                    span[1],
                    f"A hyphen glues a function word into {word!r}: a space or dash belongs there",
                )
