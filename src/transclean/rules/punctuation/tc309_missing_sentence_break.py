"""TC309: missing-sentence-break."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.anchored import Anchored
from transclean.context import Context
from transclean.langdata import word_set
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

# A lower-case word, a space, a capitalised word and then a lower-case word or a comma: the shape of a
# sentence that ends without its full stop ("demanding Recently, people"); a title in capitals ("read The
# New York Times") has a capital after it. It opens at the space and a capital, the word before read back
# in a lookbehind (a lookbehind first was tried at every position: 115 µs for a 500-character document).
_SHAPE = regex.compile(r" (?=\p{Lu})(?<=\b\p{Ll}{2,}[’']?\p{Ll}* )(\p{Lu}\p{Ll}+)(?=[’']s\b|,| \p{Ll})")


@cache
def _shapes(lang: str) -> Anchored:
    """:data:`_SHAPE` searched from a space and one of the language's sentence openers: only a match whose
    word is an opener is reported, and every such match starts so (the shape's one space opens it, so no
    other match hides one). The scan tried the shape at every space: 46 µs a 500-character document."""
    return Anchored(_SHAPE, (" " + word for word in _openers(lang)))


@cache
def _openers(lang: str) -> frozenset[str]:
    """``lang``'s sentence openers and the clause openers TC309 alone judges."""
    return word_set(lang, "punctuation", "sentence_openers") | word_set(lang, "punctuation", "clause_openers")


@register
class MissingSentenceBreak(Rule):
    """A sentence that runs into the next without a full stop: "the autumn will be demanding Recently, people".

    ## What it finds
    A word that opens sentences and takes no capital inside one ("The", "If", "However", "Recently", listed
    per language; and clause openers such as "To", "Or", "Which", that machine translation capitalises at
    the start of each chunk of Thai text), written with a capital after a lower-case word and before a
    lower-case word. After a word that introduces a title ("the album It's All About to Change",
    "published The proper lady") it opens the title and is left alone.

    ## Why it matters
    A scraper that joins a headline or a caption to the body, or a translator that drops a full stop, leaves
    two sentences run together; the reader has to find where one ends.

    ## Fix safety
    Flag only: the break may need a full stop, a line break or a colon.
    """

    code = "TC309"
    name = "missing-sentence-break"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en", "it", "es", "fr", "de", "pt", "ru", "pl", "cs", "tr")
    must_fire = (
        Example("The autumn will be demanding⟦ Recently⟧, people have started saving.", language="en"),
        Example("The fee is given by the officer⟦ If⟧ the service is late, he pays.", language="en"),
        Example("He was chairing the meeting⟦ To⟧ report drug problems to the police.", language="en"),
    )
    must_not_fire = (
        Example("He told The New York Times that the talks in The Hague failed.", language="en"),
        Example("She read the novel To the Lighthouse and the poem Which way home.", language="en"),
        Example("It was seen in May. He spoke in March and the film If Only was shown.", language="en"),
        Example("Er sagte, dass Die Zeit es druckte.", language="de"),
        Example("He recorded the album It's All About to Change for the programme Today in Parliament.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        openers = _openers(ctx.language)
        cues = word_set(ctx.language, "punctuation", "title_cues")
        text = ctx.text
        for m in _shapes(ctx.language).finditer(text):
            before = text[text.rfind(" ", 0, m.start()) + 1 : m.start()]
            if m.group(1) in openers and before not in cues:
                yield self.finding(
                    text, m.start(), m.end(1), f"{m.group(1)!r} opens a sentence: a full stop may be missing"
                )
