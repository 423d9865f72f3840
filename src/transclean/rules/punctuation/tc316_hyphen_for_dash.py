"""TC316: hyphen-for-dash."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from transclean.analysis.pronouns import pronoun_table
from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A hyphen glued between a word and a capitalised or lower-case word; the scan opens on the hyphen and the
# words around it are read in code.
_HYPHEN = re.compile(r"-(?=[^\W\d_])")
_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}-])\p{L}{3,}$")
_WORD_AFTER = regex.compile(r"(\p{L}+)(?![\p{L}\p{M}\p{N}-])( \p{Lu}\p{L}*)?")
#: how far back the word before the hyphen is looked for
WORD_BACK = 40


@register
class HyphenForDash(Rule):
    """A hyphen glued to both words where a spaced dash belongs: "specificities-she added", "Poland-Prime Minister".

    ## What it finds
    In English text, a hyphen between a word and a subject pronoun that ends the compound ("a thousand
    specificities-she added"; a pronoun doubled, "she-she", is a grammar slip), or between a word and a
    head-of-government title before a name ("a sovereign Poland-Prime Minister Morawiecki"). Titles that
    form compounds ("Vice-President", "ex-Prime Minister", listed per language as ``title_compounds``) are
    left alone.

    ## Why it matters
    Translation systems turn the dash that sets off "she added" or the speaker of a quotation into a
    hyphen; the reader sees one nonsense word made of the end of the quotation and its speaker.

    ## Fix safety
    Flag only: the dash may be an en dash, an em dash or a comma in the house style.
    """

    code = "TC316"
    name = "hyphen-for-dash"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(pattern=_HYPHEN)
    must_fire = (
        Example("It is based on the municipalities, custodians of a thousand ⟦specificities-she⟧ added.",
                language="en"),
        Example("We were inspired by the vision of a free and sovereign ⟦Poland-Prime⟧ Minister Kowalski said.",
                language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("The Vice-President met the ex-Prime Minister and the she-wolf.", language="en"),
        Example("A well-known he-man and a Franco-German deal.", language="en"),
        Example("The mayors are in the front line, she added she-she.", language="en"),
        Example("The Anglo-French accord and the Attorney-General.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        data = language_data(ctx.language)
        pronouns = {word for word, (_, role) in pronoun_table(ctx.language).items() if role == "subject"}
        titles = frozenset(data["punctuation"]["dash_titles"])
        compounds = frozenset(data["punctuation"]["title_compounds"])
        text = ctx.text
        for m in _HYPHEN.finditer(text):
            if not m.start() or not text[m.start() - 1].isalpha():
                continue
            before = _WORD_BEFORE.search(text, max(0, m.start() - WORD_BACK), m.start())
            after = _WORD_AFTER.match(text, m.end())
            if before is None or after is None:
                continue
            left, right, name = before.group(), after.group(1), after.group(2)
            pronoun = right in pronouns and left.islower() and left not in pronouns  # "she-she": a doubling
            title = right in titles and name is not None and left.lower() not in compounds
            if pronoun or title:
                yield self.finding(text, before.start(), m.end() + len(right),
                                   f"A hyphen joins {left!r} and {right!r}: a spaced dash belongs there")  # fmt: skip
