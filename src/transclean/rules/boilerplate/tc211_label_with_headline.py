"""TC211: label-with-headline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import SENTENCE_END, all_languages
from transclean.context import Context
from transclean.langdata import across_languages
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import alternation

_LABELS = frozenset(
    {label for labels in across_languages("boilerplate", "related_labels").values() for label in labels}
    | set(all_languages("list_labels"))
)
#: a label at the start of a line, then a separator or straight a capital letter: "See also - ...", "See alsoThe".
_START = regex.compile(
    r"[ \t]*(?P<label>" + alternation(_LABELS, escape=True) + r")(?P<sep>\s*[:\-–—|»]\s*|(?=\p{Lu}))(?P<rest>\S.*)",
    regex.IGNORECASE,
)
#: the labels case-folded, for a test before the pattern, whose alternation of 135 labels costs 10 µs a line:
#: its case-insensitive match of a label folds the line's characters one by one as str.casefold does, but
#: for Turkish "İ" and "ı", which it pairs with "i" and "I" (tests/test_rule_gate.py checks every character
#: against the labels')


def fold(text: str) -> str:
    """``str.casefold`` with the Turkish dotted and dotless i read as "i", as the pattern pairs them."""
    return text.replace("İ", "i").casefold().replace("ı", "i")


_FOLDED = tuple(sorted({fold(label) for label in _LABELS}))
_LONGEST = max(map(len, _LABELS))


def may_open_with_label(line: str) -> bool:
    """Whether ``line`` can open with a label as ``_START`` reads one: its first characters, spaces and tabs
    aside, case-folded, begin with a case-folded label."""
    return fold(line.lstrip(" \t")[:_LONGEST]).startswith(_FOLDED)


@register
class LabelWithHeadline(Rule):
    """A related-article label run into the line after it: "See also - More weapons for Norway", "See alsoThe minister".

    ## What it finds
    A line that opens with a label of a related-article box or a headline list ("See also", "Read more",
    "Leggi anche", "Top news" ...) followed by a separator or directly by a capital letter.

    ## Why it matters
    The scraper lost the line break after the label: a headline of another article, or the label alone,
    now reads as part of the text.

    ## Fix safety
    Safe: a headline after the label (no sentence end) goes with it; before a sentence, only the label goes.
    """

    code = "TC211"
    name = "label-with-headline"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the labels come from every language file
    must_fire = (
        Example(
            "He spoke.\n\n⟦See also  - More weapons are needed from Norway⟧\n\nHe left.", fixed="He spoke.\n\nHe left."
        ),
        Example(
            "He spoke.\n⟦See also⟧The minister said the talks would go on.",
            fixed="He spoke.\nThe minister said the talks would go on.",
        ),
    )
    must_not_fire = (
        Example("See also the report of the commission, published on Monday."),
        Example("Related to the case: three men were arrested."),
        Example("Read also\n\nFloods hit the north"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for start, end, line in ctx.paragraphs:
            if not may_open_with_label(line):
                continue
            m = _START.fullmatch(line.rstrip())
            if m is None or (not m["sep"] and m["label"][-1].isupper()):
                continue
            if m["rest"][0].islower():
                continue
            if SENTENCE_END.search(m["rest"]) and m["sep"].strip():
                continue  # "Related: three men were arrested." is a sentence with a lead-in
            if SENTENCE_END.search(m["rest"]):
                yield self.finding(
                    text,
                    start + m.start("label"),
                    start + m.end("label"),
                    f"Label {m['label']!r} run into the sentence after it",
                    suggestion="",
                    title="Remove the label",
                    confidence=0.9,
                )
                continue
            yield self.line_removal(
                text,
                start,
                end,
                f"Label {m['label']!r} with another article's headline",
                title="Remove the line",
                confidence=0.9,
            )
