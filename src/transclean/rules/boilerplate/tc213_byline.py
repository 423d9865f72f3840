"""TC213: byline."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

import regex

from transclean.analysis.chrome import all_languages, press_words
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: a name has two to four words ("Bart Nijman", "Maria del Carmen Ruiz").
NAME_MIN_WORDS = 2
NAME_MAX_WORDS = 4

_NAME = regex.compile(r"\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}\.")
#: "Maria Rossi / ANSA": a name, then an agency after a slash. Not "Name (ABC)": that is how an organisation
#: is introduced with its acronym ("Der Handelsverband Deutschland (HDE)").
_AGENCY = regex.compile(r"(?P<name>[^/\n]+?)\s*/\s*\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)?")


def _person(part: str) -> bool:
    """Two to four capitalised name words and nothing else ("Bart Nijman", "J. Smith")."""
    tokens = part.split()
    return (
        NAME_MIN_WORDS <= len(tokens) <= NAME_MAX_WORDS
        and all(_NAME.fullmatch(t) for t in tokens)
        and not press_words(part)
    )


def byline(line: str) -> bool:
    """True when ``line`` is a byline: a byline label and a name ("By John Smith", "Column Bart Nijman",
    "Autor: Jan Novák"), or a name and an agency ("Maria Rossi / ANSA")."""
    stripped = line.strip().rstrip(".")
    lowered = stripped.lower()
    if lowered.startswith(_labels()):  # one C-level test first: most lines open with no label
        for label in all_languages("byline_labels"):
            if lowered.startswith(label) and len(stripped) > len(label) and not stripped[len(label)].isalnum():
                rest = stripped[len(label) :].lstrip(" :—–-")
                if stripped[0].isupper() and _person(rest):
                    return True
    m = _AGENCY.fullmatch(stripped) if "/" in stripped else None
    return m is not None and _person(m["name"])


@lru_cache(maxsize=1)
def _labels() -> tuple[str, ...]:
    """The byline labels of every language, for str.startswith."""
    return tuple(sorted(all_languages("byline_labels")))


@register
class Byline(Rule):
    """A byline left in the page header or footer: "By John Smith", "Column Bart Nijman", "Maria Rossi / ANSA".

    ## What it finds
    Before the article's first paragraph of running text or after its last, a line made of a byline label
    of any language with a `[chrome]` table ("By", "Column", "Autor:", "Par") and a name of two to four
    capitalised words, or of such a name and an agency after a slash ("/ ANSA").

    ## Why it matters
    The byline is the page's credit for the article, not its text; MT output keeps it as a stray heading.

    ## Fix safety
    Safe: the line holds a label and a name only, and only at the page's edges, where the article has
    not begun or has ended.
    """

    code = "TC213"
    name = "byline"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the labels come from every language file
    must_fire = (
        Example(
            "⟦Column Bart Nijman⟧\nThe prime minister said on Monday that the talks would go on.",
            fixed="The prime minister said on Monday that the talks would go on.",
        ),
        Example(
            "⟦By John Smith⟧\n\nThe prime minister said on Monday that the talks would go on.",
            fixed="The prime minister said on Monday that the talks would go on.",
        ),
        Example(
            "The prime minister said on Monday that the talks would go on.\n⟦Maria Rossi / ANSA⟧\n",
            fixed="The prime minister said on Monday that the talks would go on.\n",
        ),
    )
    must_not_fire = (
        Example("By the river\n\nThe prime minister said on Monday that the talks would go on."),
        Example(
            "The prime minister said on Monday that the talks would go on.\n\nBy John Smith\n\n"
            "The prime minister said on Monday that the talks would go on."
        ),
        Example("Der Handelsverband Deutschland (HDE)\n\nThe prime minister said on Monday that the talks went on."),
        Example("Text Messages\n\nThe prime minister said on Monday that the talks would go on."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        paragraphs = ctx.paragraphs
        for i in sorted(ctx.edge_zone):
            start, end, line = paragraphs[i]
            if not byline(line):
                continue
            yield self.line_removal(
                text, start, end, "Byline left by the page template", title="Remove the byline", confidence=0.85
            )
