"""TC705: verb-form-after-auxiliary."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from transclean.analysis.anchored import Anchored
from transclean.analysis.inflection import EnglishForms, english_forms
from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import alternation


@cache
def _pairs(lang: str) -> Anchored:
    """A lower-case auxiliary and the lower-case word after it on the same line, not after an article or
    possessive (the nouns "the will of", "a must"). A capitalised "Will" or "May" is a name. Searched from
    the auxiliaries and the space or tab after them (:class:`transclean.analysis.anchored.Anchored`)."""
    grammar = language_data(lang).get("grammar", {})
    words = {*grammar["modals"], *grammar["perfect_auxiliaries"], *grammar["be_forms"], "to"}
    alternatives = alternation(words)
    openers = "|".join(sorted({*grammar["noun_openers"], *(w.capitalize() for w in grammar["noun_openers"])}))
    pattern = regex.compile(
        rf"(?<!(?<![\p{{L}}'’-])(?:{openers})[ \t]+)(?<![\p{{L}}\p{{N}}'’-])(?<aux>{alternatives})[ \t]+"
        rf"(?<word>\p{{Ll}}+)(?![\p{{L}}\p{{N}}'’-])"
    )
    return Anchored(pattern, (word + space for word in words for space in " \t"))


@lru_cache(maxsize=65536)
def _problem(lang: str, auxiliary: str, word: str) -> str | None:
    """:func:`_wrong_form` of a pair in ``lang``, memoised: a pair asks up to eight bisections of the word-form
    table (half of the rule's time), and "has been", "will be" recur in every document."""
    return _wrong_form(auxiliary, word, english_forms(), language_data(lang)["grammar"])


def _wrong_form(auxiliary: str, word: str, forms: EnglishForms, grammar: dict[str, list[str]]) -> str | None:
    """What is wrong with ``word`` after ``auxiliary``, or None. A word that can also be a noun or an
    adjective is never judged ("has support", "is miss", "will needed"), nor a base verb that is also a
    participle ("have put", "has come"), since the lexicon cannot tell its reading."""
    if word in forms.noun or word in forms.adjective or word in forms.plural:
        return None
    if auxiliary in grammar["modals"] or auxiliary == "to":
        if word in forms.verb:
            return None
        if auxiliary == "to":
            # "to" is a preposition too: "to increased demand", "committed to helping"; only a past form
            # that is no participle ("to went") or a third-person form ("to condemns") is impossible.
            wrong = (word in forms.past and word not in forms.participle) or word in forms.third
        else:
            wrong = word in forms.past or word in forms.participle or word in forms.third or word in forms.gerund
        return f"{auxiliary!r} takes a bare verb, not {word!r}" if wrong else None
    if auxiliary in grammar["perfect_auxiliaries"]:
        if word in forms.verb and word not in forms.participle and word not in forms.past:
            return f"{auxiliary!r} takes a participle, not the bare verb {word!r}"
        return None
    # A form of "be": never an irregular past that is no participle ("was took"). A bare verb after it is
    # not judged: the table lacks most adjectives without degrees ("was complete"), and regular pasts
    # stand for participles it spells otherwise ("learned"/"learnt").
    if word in forms.past and word not in forms.participle and word not in forms.verb and not word.endswith("ed"):
        return f"{auxiliary!r} cannot take the past form {word!r}: a participle is expected"
    return None


@register
class VerbFormAfterAuxiliary(Rule):
    """A verb in the wrong form after an auxiliary: "have intensify", "will announced", "to went".

    ## What it finds
    After a modal or "do" (or "to"), a word that is only ever a past, participle, "-s" or "-ing" verb
    form ("will announced", "did received", "to went"); after "have", "has", "had" a bare verb that is
    never a participle ("have intensify"); after a form of "be" a bare verb or a past-only form ("were
    decide", "was took"). The auxiliaries are per-language data (`[grammar] modals`, `perfect_auxiliaries`,
    `be_forms`); the verb forms come from lemminflect's English inflection table. Words that can be nouns
    or adjectives are never judged, and "will", "can", "must", "may", "might" after an article or
    possessive are nouns.

    ## Why it matters
    Machine translation from languages that mark tense elsewhere, or that have no infinitive marker,
    leaves the wrong form; the sentence reads broken.

    ## Fix safety
    None: the intended tense is not known.
    """

    code = "TC705"
    name = "verb-form-after-auxiliary"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    must_fire = (
        Example("Both sides ⟦have intensify⟧ their attacks on the city.", language="en"),
        Example("The ministry ⟦will announced⟧ the results on Monday.", language="en"),
        Example("The court ⟦did received⟧ the appeal.", language="en"),
        Example("The plan ⟦was took⟧ to parliament.", language="en"),
    )
    must_not_fire = (
        Example("Both sides have intensified their attacks; the party has support in the city.", language="en"),
        Example("The will expressed by voters was clear, and they have put it to the test.", language="en"),
        Example("He is committed to helping, due to increased demand; the plan was taken.", language="en"),
        Example("The results will be announced on Monday, and she did well.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        for m in _pairs(ctx.language).finditer(text):
            if (problem := _problem(ctx.language, m.group("aux"), m.group("word"))) is not None:
                yield self.finding(text, m.start("aux"), m.end("word"), problem, confidence=0.7)
