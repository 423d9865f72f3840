"""TC802: foreign-script."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.foreign import mostly_latin
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: a run needs this many letters: a lone Greek letter is a symbol ("the π value", "α-synuclein").
MIN_LETTERS = 2

_LETTER = regex.compile(r"\p{L}")
#: a run of words in a script other than Latin, with the spaces, digits and punctuation between them.
_RUN = regex.compile(
    r"[^\p{Latin}\p{Common}\p{Inherited}\s]+(?:[\s\p{Common}\p{Inherited}]+[^\p{Latin}\p{Common}\p{Inherited}\s]+)*"
)
#: a quotation keeps its own language on purpose: «Мы готовимся к худшему», said the captain.
_QUOTED = regex.compile(r"«[^»\n]*»|“[^”\n]*”|„[^“”\n]*[“”]|\"[^\"\n]*\"")
#: a gloss in brackets right after a Latin word: "Moscow (Москва)" gives the original spelling on purpose.
_GLOSS_BEFORE = regex.compile(r"\p{Latin}[\p{Latin}'’.-]*\s*[(\[]\s*$")


@register
class ForeignScript(Rule):
    """Words in another script inside Latin-script text: "the Министр of Finance", "Unity🕛 χρόνος ανάγνωσης".

    ## What it finds
    In a document whose letters are at least 60% Latin, every run of at least two letters in another
    script (Cyrillic, Greek, Armenian, Georgian, Arabic, Hebrew, Chinese, Japanese, Korean ...), with the
    spaces and punctuation between its words. A quotation («Мы готовимся к худшему», said the captain)
    and a gloss in brackets after a Latin word ("Moscow (Москва)") are left alone.

    ## Why it matters
    The engine left those words untranslated (or the scraper kept a widget of the source site): an
    English reader cannot read them.

    ## Fix safety
    No fix: the words need translating, or removing when they are chrome, which other rules decide.
    """

    code = "TC802"
    name = "foreign-script"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ("en", "it", "es", "fr", "de", "pt", "pl", "cs", "tr", "ro")
    must_fire = (
        Example("The ⟦Министр⟧ of Finance said the budget was balanced and the deficit would shrink."),
        Example(
            "Unity is a national duty🕛 ⟦χρόνος ανάγνωσης: 2 λεπτά⟧ ┋\nThe prime minister will meet the president."
        ),
        Example("The party won the vote after a long campaign in the north.\n⟦Ιράν: Η Τεχεράνη αποκάλυψε⟧\n"),
    )
    must_not_fire = (
        Example("The capital, Moscow (Москва), has twelve million people and many old churches."),
        Example("«Мы готовимся к худшему», said one of the captains on the river near the city of Kyiv."),
        Example("The π value and the α-synuclein protein were measured in the laboratory."),
        Example("Правительство объявило новые меры для поддержки семей и предприятий в понедельник."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        # The runs first: most documents have none (an ASCII text cannot), and then the two passes that
        # count the letters of the whole text are not needed.
        runs = [] if text.isascii() else [m for m in _RUN.finditer(text) if len(_LETTER.findall(m[0])) >= MIN_LETTERS]
        if not runs:
            return
        if not mostly_latin(text):
            return
        quoted = [q.span() for q in _QUOTED.finditer(text)]
        for m in runs:
            if any(a < m.start() and m.end() < b for a, b in quoted):
                continue
            if _GLOSS_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue
            yield self.finding(
                text,
                m.start(),
                m.end(),
                f"Words in another script: {m[0][:40]!r}",
                confidence=0.9,
            )
