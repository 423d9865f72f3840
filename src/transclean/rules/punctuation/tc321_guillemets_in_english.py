"""TC321: guillemets-in-english."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.langdata import word_set
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A quotation in « » within one line (TC317 judges marks that do not pair), or in the reversed German and
# Danish style glued to its words (»Text«: a spaced "News » World « Back" is a breadcrumb). Its words are
# read in code.
_QUOTATION = regex.compile(r"«([^«»\n]{1,400})»|»(?=\S)([^«»\n]{1,400})(?<=\S)«")
# A word that opens in lower case: the quotation is words, not a name set off as Russian and Italian set off
# brands and parties ("«Gazprom»", "«Atameken»"; MT-GenEval's human English has the latter).
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’-])\p{Ll}")
# A letter English does not write: a quotation holding one quotes the source language itself («La sequía no
# es una novedad», «Мы готовимся»), which keeps its own marks in English text.
_FOREIGN_LETTER = regex.compile(r"[^\P{L}A-Za-z]")
_WORD = regex.compile(r"[A-Za-z]+")
#: a quotation of this many words or more is English only if it holds one of English's function words
#: («Nous suivons la situation» has none)
ENGLISH_WORDS = 3


def _english_words(quoted: str, function_words: frozenset[str]) -> bool:
    """Whether a quotation holds English words in lower case: no letter English does not write, no French
    spacing inside the marks, and (from three words on) one of English's function words."""
    if not _LOWER_WORD.search(quoted) or _FOREIGN_LETTER.search(quoted) or quoted[0].isspace():
        return False
    words = _WORD.findall(quoted)
    return len(words) < ENGLISH_WORDS or any(word.lower() in function_words for word in words)


@register
class GuillemetsInEnglish(Rule):
    """Guillemets quoting words in English text: 'called it «sour»', '«You are wimps», he said'.

    ## What it finds
    In English text, the first quotation set in « » (or in the reversed »German« style) that holds a word in
    lower case; the message counts the others. A name alone in guillemets («Gazprom», «Atameken») is left
    alone: the source languages set names of firms and parties off that way and human English copies it. So
    is a quotation in another language («La sequía no es una novedad», « Nous suivons la situation »: a
    letter English does not write, French spacing, or three words and more with no English function word),
    which keeps its own marks.

    ## Why it matters
    English quotes with “ ” or " ". Russian, Ukrainian, Armenian, Italian, French, Greek and Polish quote
    with guillemets (German and Danish with reversed ones), and machine translation keeps the source's
    marks: a page quoting so was translated and not edited. An editor marks the style once and changes
    every mark.

    ## Fix safety
    Flag only: changing the marks changes every quotation of the page, a house-style decision, and a page
    may quote a source-language title on purpose.
    """

    code = "TC321"
    name = "guillemets-in-english"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=("«",))  # every finding opens at a «
    must_fire = (
        Example("Netanyahu called the opposition ⟦«sour»⟧ and left. He said «we stay».", language="en"),
        Example("The headline read ⟦«You are the government wimps»⟧ on Monday.", language="en"),
        Example("The chancellor called it ⟦»a turning point«⟧ in Berlin.", language="en"),
    )
    must_not_fire = (
        Example("The deal with «Gazprom» and «Rosneft Oil» was signed.", language="en"),
        Example("He said “we stay” and left.", language="en"),
        Example("Home » News » World", language="en"),
        Example("Home » news and events « back", language="en"),
        Example("Il a dit «nous restons» et il est parti.", language="fr"),
        Example(
            "«La sequía no es una novedad», explained the manager; «Мы готовимся к худшему», said one.", language="en"
        ),
        Example(
            "The minister told reporters: « Nous suivons la situation de près. » and «nous suivons la crise».",
            language="en",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        articles = word_set(ctx.language, "lists", "articles")  # "a", "this", "our" ...
        function_words = word_set(ctx.language, "function_words", "words") | {word.lower() for word in articles}
        quotations = [m for m in _QUOTATION.finditer(text) if _english_words(m.group(1) or m.group(2), function_words)]
        if not quotations:
            return
        first, others = quotations[0], len(quotations) - 1
        more = f" ({others} more in the text)" if others else ""
        yield self.finding(
            text,
            first.start(),
            first.end(),
            f"Guillemets quote words in English text{more}: English quotes with “ ” or straight quotes",
        )
