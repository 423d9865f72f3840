"""TC708: repeated-phrase."""

from __future__ import annotations

import operator
from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.inflection import english_forms
from transclean.context import Context
from transclean.langdata import language_data, word_set
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import alternation


@cache
def _patterns(lang: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A lower-case word, "and" and the same word ("support and support"); a phrase of two to six words
    that opens with a capital, a joiner and the same phrase ("Palacio Real of the Palacio Real")."""
    joiners = alternation(language_data(lang)["grammar"]["repeat_joiners"])
    # Both open at the space before the joiner, a literal the engine finds fast, and read the first copy
    # back in a lookbehind (opening at every letter cost 1.7 s per MB).
    edge, end = r"(?<![\p{L}\p{N}'’-])", r"(?![\p{L}\p{N}'’-])"
    word = regex.compile(rf"(?<={edge}(?<first>\p{{Ll}}{{3,}})) and (?<second>(?P=first)){end}")
    phrase = regex.compile(
        rf" (?:{joiners}) (?=\p{{Lu}})"  # the joiner and a capital first: a lookbehind at every space cost 0.5 s/MB
        rf"(?<={edge}(?<first>\p{{Lu}}[\p{{L}}'’-]*(?: [\p{{L}}'’-]+){{1,5}}),? (?:{joiners}) )"
        rf"(?<second>(?P=first)){end}"
    )
    return word, phrase


#: two lower-case words repeated at once ("were recorded were recorded"), opening at the space before them
_TWICE = regex.compile(r" (?<first>\p{Ll}+ \p{Ll}+) (?P=first)(?![\p{L}\p{N}'’-])")


def _pair_repeated(text: str) -> bool:
    """Whether two words come twice in a row anywhere: the gate of the scan above, which costs 0.2 s per MB
    (every space opens a match) against 0.03 s for comparing the text's space-separated tokens."""
    tokens = text.split()
    if not any(map(operator.eq, tokens, tokens[2:])):
        return False  # no token equals the one after next (most texts): compared in C, not in a generator
    return any(
        a == c and b == d.rstrip(",.;:!?")
        for a, b, c, d in zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False)
    )


#: the word before a repeat, read back from its first copy
_BEFORE = regex.compile(r"(?r)(?<![\p{L}\p{N}'’-])(\p{L}+) \Z")
#: a compound written in two words is one English knows at least this often ("grand mother": "grandmother")
COMPOUND_ZIPF = 2.5


@register
class RepeatedPhrase(Rule):
    """A word or name doubled around a joiner: "to support and support", "Palacio Real of the Palacio Real".

    ## What it finds
    A lower-case word repeated around "and", unless English repeats it so for emphasis ("again and
    again", "more and more", "years and years", "his and his": listed per language, comparatives and
    plural nouns, but not a list's last item: "imams, preachers and preachers"); a phrase of two to six
    words opening with a capital repeated around "of the", "of" or "and"; two lower-case words repeated at
    once ("were recorded were recorded"). The joiners and the emphatic repeats are per-language data
    (`[grammar] repeat_joiners`, `and_repeats`).

    ## Why it matters
    A translation that renders one source word twice, or a name and its translation merged, leaves the
    copy; the reader sees a stutter. TC703 finds a word doubled with nothing between.

    ## Fix safety
    None: which copy should stay, and whether a word was lost between them, is not known.
    """

    code = "TC708"
    name = "repeated-phrase"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    must_fire = (
        Example("The fund is used to ⟦support and support⟧ joint projects.", language="en"),
        Example("He met the king at the ⟦Palacio Real of the Palacio Real⟧ on Monday.", language="en"),
        Example("At least 15 strikes ⟦were recorded were recorded⟧ on TV towers.", language="en"),
        Example("The convoy of imams, ⟦preachers and preachers⟧ arrived.", language="en"),
    )
    must_not_fire = (
        Example("Prices rose again and again, more and more, for years and years.", language="en"),
        Example("Support and advice came from the Palacio Real and the Royal Palace.", language="en"),
        Example("Her grand mother and mother met them.", language="en"),
        Example("Ha ha ha ha, he laughed; strikes were recorded, recorded again.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        allowed = word_set(ctx.language, "grammar", "and_repeats")
        forms = english_forms()
        word, phrase = _patterns(ctx.language)
        text = ctx.text
        for m in word.finditer(text):
            repeated = m.group("first")
            if repeated in allowed or repeated in forms.comparative:
                continue
            listed = text[max(0, m.start("first") - 2) : m.start("first")] == ", "
            if repeated in forms.plural and repeated not in forms.noun and not listed:
                continue  # "years and years"; but "imams, preachers and preachers" doubles a list's item
            before = _BEFORE.search(text, max(0, m.start("first") - 30), m.start("first"))
            if before and zipf(before[1].lower() + repeated, ctx.language) >= COMPOUND_ZIPF:
                continue  # a compound written apart, then its head alone: "grand mother and mother"
            yield self.finding(text, m.start("first"), m.end(), f"{repeated!r} twice around 'and'", confidence=0.6)
        for m in phrase.finditer(text):
            yield self.finding(text, m.start("first"), m.end(), f"{m.group('first')!r} twice in a row", confidence=0.6)
        if _pair_repeated(text):
            for m in _TWICE.finditer(text):
                if len(set(m.group("first").split())) > 1:  # "ha ha ha ha" laughs; TC703 has "the the"
                    yield self.finding(
                        text, m.start("first"), m.end(), f"{m.group('first')!r} twice in a row", confidence=0.6
                    )
