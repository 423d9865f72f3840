"""TC318: spaced-compound-hyphen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import ClassVar

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A word, a hyphen or dash with a space before it (and one after, or the next word glued to it), and a word:
# "néo - nazi", "Anti – EU", "elle — même", "из - за", "anti -war". A hyphen glued on the left and spaced on
# the right is a suspended compound ("pre- and post-war", "ex- Collingwood skipper" in GAP) and is left alone.
# The scan opens on the space before the mark (a scan that opens on every word costs several times more);
# the words around it are read in code.
_MARK = re.compile(r" [-–—] ?(?=[^\W_])")
_WORD_AFTER = re.compile(r"[^\W_][\w'’]*(?![\w-])")
# The hyphens a document writes between two word characters ("Kornhauser-Duda"): their pairs are collected
# once per document that has a candidate (asking the whole text about each candidate would cost its length
# per dash), from a scan that opens on the literal hyphen.
_GLUED_HYPHEN = re.compile(r"-(?=\w)")
#: how far back the word before the mark is looked for: longer words are no prefixes nor compound parts
WORD_BACK = 30


@register
class SpacedCompoundHyphen(Rule):
    """A hyphenated compound split by spaces around its hyphen: "néo - nazi", "Anti – EU", "elle — même".

    ## What it finds
    A hyphen or dash with a space before it between two words that form a compound: the first is a prefix
    that never stands alone in the language ("anti", "néo", "экс", `[punctuation] hyphen_prefixes`), or the
    pair is a fixed compound of the language ("porte-parole", "peut-être", "из-за", "segunda-feira",
    `hyphen_compounds`), or the document writes the same pair joined elsewhere ("Kornhauser-Duda").

    ## Why it matters
    Translation systems and tokenisers put spaces around the hyphens of compounds (Russian and Vietnamese
    sources most often); the reader takes the mark for a dash and the compound for two phrases, and no
    glossary or name check matches it.

    ## Fix safety
    Safe: the spaces go and the hyphen stays (a dash becomes a hyphen). The prefixes are bound forms only
    ("post", "contre", "non" in French, Italian and Spanish stand alone and are not listed), the compounds
    are fixed, and a pair the document writes joined is that document's own spelling.
    """

    code = "TC318"
    name = "spaced-compound-hyphen"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ("en", "fr", "de", "es", "it", "pt", "ru", "pl", "cs", "tr")
    trigger = Trigger(strings=(" -", " –", " —"))
    must_fire = (
        Example("The ⟦Anti – EU⟧ protest grew.", fixed="The Anti-EU protest grew.", language="en"),
        Example("Le régime ⟦néo - nazi⟧ de Kiev.", fixed="Le régime néo-nazi de Kiev.", language="fr"),
        Example("La France ⟦elle — même⟧ est devenue un incubateur.", fixed="La France elle-même est devenue un "
                "incubateur.", language="fr"),
        Example("Он не приехал ⟦из - за⟧ погоды.", fixed="Он не приехал из-за погоды.", language="ru"),
        Example("Agata Kornhauser-Duda and Agata ⟦Kornhauser - Duda⟧ met them.",
                fixed="Agata Kornhauser-Duda and Agata Kornhauser-Duda met them.", language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("The pre- and post-war years; the ex- Collingwood skipper.", language="en"),
        Example("The Paris - Berlin train left - and the anti-war march began.", language="en"),
        Example("Il a dit non - et il est parti, post - scriptum.", language="fr"),
        Example("Это было давно - то есть вчера.", language="ru"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        spaced = [
            (start, m, after)
            for m in _MARK.finditer(text)
            if (start := _word_start(text, m.start())) is not None
            and (after := _WORD_AFTER.match(text, m.end())) is not None
        ]
        # Most spaced dashes are dashes ("Paris - Berlin"): the language (a fastText call, 0.3-1 ms) is asked
        # only once a pair could be a compound in some language the rule knows.
        if not spaced or not self._compounds(text, spaced, *_all_tables()):
            return
        lang = ctx.language or "en"
        if lang not in self.languages:
            return
        for start, m, after in self._compounds(text, spaced, *_tables(lang)):
            joined = f"{text[start : m.start()]}-{after.group()}"
            yield self.finding(
                text, start, after.end(), f"Spaces around the hyphen of the compound {joined!r}",
                suggestion=joined, title="Join the compound",
            )  # fmt: skip

    @staticmethod
    def _compounds(
        text: str,
        spaced: list[tuple[int, re.Match[str], re.Match[str]]],
        prefixes: frozenset[str],
        compounds: frozenset[str],
    ) -> list[tuple[int, re.Match[str], re.Match[str]]]:
        """The pairs of ``spaced`` that are compounds: a bound prefix first, a fixed compound, or a pair the
        document writes joined."""
        written: set[str] | None = None
        found = []
        for start, m, after in spaced:
            left = text[start : m.start()]
            joined = f"{left}-{after.group()}"
            if left.lower() not in prefixes and joined.lower() not in compounds:
                if written is None:
                    written = _joined_pairs(text)
                if joined not in written:
                    continue
            found.append((start, m, after))
        return found


def _joined_pairs(text: str) -> set[str]:
    """Every "word-word" pair the text writes with a hyphen between two word characters."""
    pairs = set()
    for m in _GLUED_HYPHEN.finditer(text):
        if m.start() == 0 or not text[m.start() - 1].isalnum():
            continue
        start = m.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’_"):
            start -= 1
        after = _WORD_AFTER.match(text, m.end())
        if after is not None:
            pairs.add(text[start : after.end()])
    return pairs


def _word_start(text: str, end: int) -> int | None:
    """Where the word that ends at ``end`` starts, when it is a word of letters (apostrophes inside) of at
    most WORD_BACK characters not glued to a hyphen before it."""
    start = end
    low = max(0, end - WORD_BACK)
    while start > low and (text[start - 1].isalnum() or text[start - 1] in "'’_"):
        start -= 1
    if (
        start == end
        or not text[start].isalpha()
        or (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'’_"))
    ):
        return None
    return start


@cache
def _all_tables() -> tuple[frozenset[str], frozenset[str]]:
    """The bound prefixes and the fixed compounds of every language the rule knows."""
    tables = [_tables(lang) for lang in SpacedCompoundHyphen.languages]
    return frozenset().union(*(p for p, _ in tables)), frozenset().union(*(c for _, c in tables))


@cache
def _tables(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The language's bound prefixes and fixed hyphenated compounds, lower case."""
    data = language_data(lang).get("punctuation", {})
    return (
        frozenset(p.lower() for p in data.get("hyphen_prefixes", ())),
        frozenset(c.lower() for c in data.get("hyphen_compounds", ())),
    )
