"""TC702: run-on-sentence."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.clauses import resumptive
from transclean.context import Context
from transclean.langdata import word_set
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: words (runs of non-space), searched from the end backwards.
_WORDS_BACKWARDS = regex.compile(r"(?r)\S+")


@cache
def _glue(lang: str) -> frozenset[str]:
    """Words after which a name with a title goes on the sentence (reporting verbs, function words, the
    language's clause glue): built once per language, not per document."""
    return (
        word_set(lang, "lists", "reporting_verbs")
        | word_set("en", "function_words", "words")
        | word_set(lang, "lists", "clause_glue")
    )


@register
class RunOnSentence(Rule):
    """Two sentences run together without a stop ("... border area Azerbaijani President Ilham Aliyev").

    ## What it finds
    A new clause that visibly starts mid-sentence: a titled name that a pronoun then repeats (the pro-drop
    pattern of TC701), directly after a lower-case word that is not a preposition, article or reporting
    verb ("... in the border area Azerbaijani President Ilham Aliyev on Friday he threatened ...").

    ## Why it matters
    Segments joined without their stop make one sentence of two, which a reader or a system then
    misparses.

    ## Fix safety
    Unsafe: suggests a full stop before the title.
    """

    code = "TC702"
    name = "run-on-sentence"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    must_fire = (
        Example(
            "Clashes continue in the border ⟦area Azerbaijani⟧ President Ilham Aliyev on Friday he threatened Armenia.",
            fixed="Clashes continue in the border area. Azerbaijani President Ilham Aliyev on Friday he threatened "
            "Armenia.",
            language="en",
        ),
    )
    must_not_fire = (
        Example("The talks were hosted by Azerbaijani President Ilham Aliyev on Friday.", language="en"),
        Example("President Ilham Aliyev on Friday he threatened Armenia.", language="en"),
        Example("Yesterday said Azerbaijani President Ilham Aliyev on Friday he would come.", language="en"),
        Example(
            "Talks resume on maritime borders\n\nTurkish President Recep Tayyip Erdogan on Monday he said so.",
            language="en",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        lang = ctx.language or ""
        titles = word_set(lang, "lists", "titles")
        for person, _ in resumptive(ctx):
            # the words before the name, last first: its titles, then the word before them (reading only
            # as far back as that: the whole text before each name was quadratic)
            title, previous = None, None
            for word in _WORDS_BACKWARDS.finditer(text, 0, person.start):
                if word.group() not in titles:
                    previous = word
                    break
                title = word
            if title is None or previous is None:
                continue  # no title before the name, or nothing before the titles
            if not previous.group().isalpha() or not previous.group().islower() or previous.group() in _glue(lang):
                continue
            if "\n" in text[previous.end() : title.start()]:
                continue  # a headline without a stop, then the article
            yield self.finding(
                text,
                previous.start(),
                title.end(),
                "Two sentences run together: a new subject starts without a full stop",
                suggestion=f"{previous.group()}. {title.group()}",
                edits=(Edit(previous.end(), title.start(), ". "),),
                title="Insert a full stop",
                confidence=0.6,
            )
