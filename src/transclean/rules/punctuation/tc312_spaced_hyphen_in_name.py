"""TC312: spaced-hyphen-in-name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A capitalised word, a hyphen glued to it, a space and a capitalised word: "Castilla- La Mancha",
# "Tajo- Segura". A lower-case word after the hyphen is a shared suffix ("pre- and post-war"); a hyphen
# spaced on both sides is a dash ("Paris - Berlin"); the other asymmetric form ("police -Polda") is TC310's.
# The scan opens on the literal "- " (a `regex` scan from every capital costs 30x); the words around it are
# read in code.
_HYPHEN_SPACE = re.compile(r"- (?=[^\W\d_])")
_NAME_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}-])\p{Lu}\p{Ll}+$")
_NAME_AFTER = regex.compile(r"\p{Lu}\p{Ll}+")
#: how far back the name before the hyphen is looked for
NAME_BACK = 40

#: a word before the hyphen this frequent in English (Zipf) is a common word, not a name: GAP's own slips
#: of the same shape ("a Canadian- British actress", "All- North Central") are edited text's typos, not a
#: translation system's, and stay out of the rule's count.
NAME_ZIPF = 4.0


@register
class SpacedHyphenInName(Rule):
    """A hyphen inside a compound name with a space after it: "Castilla- La Mancha", "Tajo- Segura".

    ## What it finds
    A hyphen glued to a capitalised name and spaced from the capitalised word after it, where the first word
    is no common English word and the second does not open sentences ("the January Uprising- Today we": a
    dash that lost its space, not a name). Where the document also writes the name whole ("Castilla-La
    Mancha"), the finding is minor; elsewhere it is reported at info severity: edited text has the same slip
    between two names ("(Alonso- Luque)": 2 of 2,454 GAP paragraphs), and GAP and MT-GenEval leave no room
    for more false flags.

    ## Why it matters
    Translation systems and scrapers split hyphenated place and family names at the hyphen ("Castilla-La
    Mancha", "Kornhauser-Duda"); the name no longer matches its other mentions or a glossary.

    ## Fix safety
    Safe where the document writes the name whole elsewhere. Otherwise suggested only (unsafe): a pair of
    names may want a dash ("Alonso–Luque") rather than a hyphen.
    """

    code = "TC312"
    name = "spaced-hyphen-in-name"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # a shape of names in any language (frequencies asked in English)
    trigger = Trigger(strings=("- ",))
    must_fire = (
        Example("The government of ⟦Castilla- ⟧La Mancha and the people of Castilla-La Mancha.",
                fixed="The government of Castilla-La Mancha and the people of Castilla-La Mancha."),
        Example("The water transfer ⟦Tajo- ⟧Segura was cut."),
    )  # fmt: skip
    must_not_fire = (
        Example("The pre- and post-war years in Bosnia-Herzegovina."),
        Example("The Paris - Berlin train and the Anglo-French talks."),
        Example("She is a Canadian- British actress."),
        Example("We paid tribute to the heroes of the January Uprising- Today we remember them.", language="en"),
        Example("The list:\n- One item\n- Another item"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        openers: frozenset[str] | None = None  # the language is asked at the first name pair (fastText)
        for m in _HYPHEN_SPACE.finditer(text):
            before = _NAME_BEFORE.search(text, max(0, m.start() - NAME_BACK), m.start())
            after = _NAME_AFTER.match(text, m.end())
            if before is None or after is None:
                continue
            name, following = before.group(), after.group()
            if zipf(name.lower(), "en") >= NAME_ZIPF:
                continue
            if openers is None:
                punctuation = language_data(ctx.language or "en").get("punctuation", {})
                openers = frozenset(punctuation.get("sentence_openers", ()))
            if following in openers:
                continue
            whole = f"{name}-{following}" in text  # the document writes the name whole elsewhere
            yield self.finding(
                text, before.start(), m.end(), f"A space after the hyphen of {name + '-'!r}",
                suggestion=f"{name}-", title="Remove the space",
                applicability=None if whole else Applicability.UNSAFE,
                severity=None if whole else Severity.INFO,
            )  # fmt: skip
