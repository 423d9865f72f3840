"""TC704: opener-before-function-word."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.anchored import Anchored
from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import alternation


@cache
def _pairs(lang: str) -> Anchored | None:
    """An opener and a closed-class word after it, on one line, both whole words; the opener may be
    capitalised (a sentence's first word) but not the word after it ("The Who", "A To Z" are names), and a
    lone capital "A" is a label ("A to B"), so only a lower-case "a" counts. The opener starts the text or
    follows a space, an opening quote or bracket: after other signs it ends a damaged word ("Ellacur*a").
    Searched from the openers and the space or tab after them (:class:`transclean.analysis.anchored.Anchored`)."""
    grammar = language_data(lang).get("grammar", {})
    openers, after = grammar.get("noun_openers", ()), grammar.get("not_after_opener", ())
    if not openers or not after:
        return None
    capitalised = [word.capitalize() for word in openers if len(word) > 1]
    pattern = regex.compile(
        rf"(?<![^\s\"“‘(\[])({alternation([*openers, *capitalised])})"
        rf"[ \t]+({alternation(after)})(?![\p{{L}}\p{{N}}'’-])"
    )
    return Anchored(pattern, (word + space for word in (*openers, *capitalised) for space in " \t"))


@register
class OpenerBeforeFunctionWord(Rule):
    """An article or possessive followed by a word no noun phrase starts with: "the such reports", "of the to".

    ## What it finds
    An article or possessive determiner ("the", "a", "its", "their") directly followed, on the same line,
    by a preposition, an auxiliary, another determiner, a personal pronoun or a conjunction: "the spokesman
    said the such reports", "a part of the has been", "its the". The word lists are per-language data
    (`[grammar] noun_openers`, `not_after_opener`); words that are also nouns after an article ("the will",
    "a must", "the in crowd") are not listed.

    ## Why it matters
    English never puts these words after an article: a machine translation left a word out or in
    ("the such" for "such"), or a scraper cut a phrase.

    ## Fix safety
    None: the missing noun or the extra article cannot be told apart without the source.
    """

    code = "TC704"
    name = "opener-before-function-word"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    must_fire = (
        Example("The spokesman said ⟦the such⟧ reports are fake.", language="en"),
        Example("It is one of ⟦the to⟧ be decided later.", language="en"),
        Example("Part of ⟦the has⟧ been paid by the state.", language="en"),
        Example("⟦Their was⟧ no answer from the ministry.", language="en"),
    )
    must_not_fire = (
        Example("Such reports are fake, the spokesman said.", language="en"),
        Example("The will of the people and the might of the state.", language="en"),
        Example("The band The Who played from A to Z.", language="en"),
        Example("It was one of the\nto-do items, a to-do list.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pairs := _pairs(ctx.language)) is None:
            return
        text = ctx.text
        for m in pairs.finditer(text):
            if m.group(1).lower() == m.group(2):
                continue  # "the the": the same word twice is TC703's
            yield self.finding(
                text,
                m.start(),
                m.end(),
                f"{m.group(2)!r} cannot follow {m.group(1)!r}: a word is missing or one too many",
                confidence=0.7,
            )
