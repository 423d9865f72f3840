"""TC717: malformed-derivation."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.inflection import EnglishForms, english_forms
from transclean.context import Context
from transclean.langdata import language_data
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation

#: a stem this common at least (Zipf) is a word the reader knows, so the derived form is the translation's
STEM_ZIPF = 3.0


@cache
def _pattern(lang: str) -> regex.Pattern[str] | None:
    """A lower-case word of at least five letters before one of the suffixes."""
    suffixes = language_data(lang).get("grammar", {}).get("malformed_suffixes", {})
    if not suffixes:
        return None
    alternatives = alternation(suffixes)
    # Opens at the suffix and reads the stem back in a lookbehind: 3x faster than opening at every letter.
    return regex.compile(
        rf"(?<=(?<![\p{{L}}\p{{N}}'’-])(?<stem>\p{{Ll}}{{5,}}))(?<suffix>{alternatives})(?![\p{{L}}\p{{N}}'’-])"
    )


def _stems(stem: str, suffix: str) -> tuple[str, ...]:
    """The stem as written and, before "-ed", with the "e" the suffix swallows ("famous", "obstacle")."""
    return (stem, stem + "e") if suffix == "ed" and not stem.endswith("e") else (stem,)


def _malformed(stem: str, word_class: str, forms: EnglishForms, lang: str) -> bool:
    """Whether ``stem`` is a common word only of ``word_class``: an adjective that is no noun or verb
    ("famous"), a noun that is no adjective or verb ("obstacle"). Words of two classes take the suffix
    by the other one ("finaled" in sports, from the noun)."""
    if word_class == "adjective":
        only = stem in forms.adjective and stem not in forms.noun and stem not in forms.verb
    else:
        only = stem in forms.noun and stem not in forms.adjective and stem not in forms.verb
    return only and zipf(stem, lang) >= STEM_ZIPF


@register
class MalformedDerivation(Rule):
    """A word made with a suffix English never puts on its stem: "what famoused in the name", "obstacleful".

    ## What it finds
    A word the frequency list does not know, made of a common stem and a suffix that stem's class never
    takes: "-ed" on an adjective ("famoused"), "-ful" on a noun ("obstacleful"). The suffixes and classes
    are per-language data (`[grammar] malformed_suffixes`); the classes come from lemminflect's English
    forms, and a stem of two classes is never judged.

    ## Why it matters
    A translation from a language that makes verbs or adjectives by a suffix (Hungarian, Vietnamese,
    Turkish) coins an English form no reader knows: "famoused" for "made famous".

    ## Fix safety
    None: the intended word ("made famous", "fraught with obstacles") is a phrase the text does not give.
    """

    code = "TC717"
    name = "malformed-derivation"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=("ed", "ful"))
    must_fire = (
        Example("The investigation, what ⟦famoused⟧ in the name, has ended.", language="en"),
        Example("They removed difficult, ⟦obstacleful⟧ and prolonged projects.", language="en"),
    )
    must_not_fire = (
        Example("She has finaled four times, a famous and careful player, talented and skilled.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        classes: dict[str, str] = language_data(ctx.language)["grammar"]["malformed_suffixes"]
        forms = english_forms()
        text = ctx.text
        for m in pattern.finditer(text):
            suffix = m.group("suffix")
            stems = _stems(m.group("stem"), suffix)
            stem = next((s for s in stems if _malformed(s, classes[suffix], forms, ctx.language)), None)
            word = m.group("stem") + suffix
            if stem is not None and zipf(word, ctx.language) == 0:
                yield self.finding(
                    text, m.start("stem"), m.end(),
                    f"{word!r} is no English word: {suffix!r} makes no word of the {classes[suffix]} {stem!r}",
                    confidence=0.6,
                )  # fmt: skip
