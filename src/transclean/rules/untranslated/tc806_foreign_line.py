"""TC806: foreign-line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from transclean.analysis.foreign import CAPITALISED, line_language
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: longer lines are TC801's, which judges sentences from 50 characters with a language identifier (a short
#: line gives it too little to be sure of, word frequencies are enough) ...
MAX_CHARS = 50
#: ... once their capitalised words are masked: a headline or caption of names and a few lower-case words
#: ("Szijjártó Péter szerint Magyar Péternek nem teszik fel ...") leaves TC801 too little, so a line up to this
#: long is judged here when under MAX_CHARS of it is left without its capitalised words.
MAX_NAMED_CHARS = 200


@register
class ForeignLine(Rule):
    """A short line left in another Latin-script language: "Lasciate un commento", "Bir yanıt yazın".

    ## What it finds
    A line under 50 characters in an English document with no plain English word, whose words are mostly
    (60%, two at least) common in one other language and much rarer in English, one of them a lower-case
    word of four letters or more (a line of capitalised words with particles is a name: "Politecnico di
    Torino"). A line up to 200 characters is judged so too when, its capitalised words (names) masked,
    under 50 characters are left: a headline or caption in the source language, mostly names, which is
    too little for TC801's language identifier.

    ## Why it matters
    Such lines are the source site's widgets and labels ("Read also", "Source", "Leave a comment") that the
    engine did not translate, or a heading it skipped: the reader cannot read them.

    ## Fix safety
    No fix: a label goes (the chrome rules decide), a heading needs translating.
    """

    code = "TC806"
    name = "foreign-line"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ("en",)
    must_fire = (
        Example("The talks ended late on Friday in Vienna.\n⟦Lasciate un commento⟧\n", language="en"),
        Example("The minister left the meeting early.\n\n⟦Szukaj nowych pracowników⟧\n", language="en"),
        Example(
            "The minister spoke on Monday.\n\n⟦Orbán Viktor szerint Brüsszel nem érti a magyar gazdák helyzetét⟧\n",
            language="en",
        ),
    )
    must_not_fire = (
        Example("The talks ended late on Friday in Vienna.\nLeave a comment\n", language="en"),
        Example("The rector spoke at the ceremony.\nPolitecnico di Torino\n", language="en"),
        Example("The coach praised the team.\nJuan Pablo Sorín\n", language="en"),
        Example(
            "The coach praised the team.\nJuan Pablo Sorín and Diego Forlán met Uruguay's Luis Suárez in Montevideo\n",
            language="en",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        for offset, line in ctx.lines:
            body = line.strip()
            if not body or len(body) >= MAX_NAMED_CHARS:
                continue
            if len(body) >= MAX_CHARS and len(CAPITALISED.sub("", body).strip()) >= MAX_CHARS:
                continue  # enough left without the names for TC801
            found = line_language(body)
            if found:
                start = offset + line.index(body)
                yield self.finding(
                    text,
                    start,
                    start + len(body),
                    f"Line in {found!r} left untranslated: {body!r}",
                    confidence=0.7,
                )
