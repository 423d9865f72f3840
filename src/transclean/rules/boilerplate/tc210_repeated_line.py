"""TC210: repeated-line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import ClassVar

from transclean.analysis.chrome import Line, unbulleted, word_signature, words
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import block_removal

#: a line needs this many words to count: short labels ("[Anchor]", "Photo: Akorda") repeat by design.
MIN_WORDS = 4


@register
class RepeatedLine(Rule):
    """A line repeated word for word: a headline, teaser or caption the page template printed twice.

    ## What it finds
    A paragraph of at least four words whose words (case, bullets and dashes aside) repeat an earlier
    paragraph of the document exactly. The finding sits on the first copy; the fix removes the later ones.

    ## Why it matters
    Templates print the headline or a teaser again above the text, or a widget repeats it; the reader
    reads it twice and a translation doubles it.

    ## Fix safety
    Safe: the first copy stays, so nothing the reader needs goes; four words at least keep short labels
    of transcripts and galleries, which repeat by design, out of it.
    """

    code = "TC210"
    name = "repeated-line"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any language: it compares the document with itself
    must_fire = (
        Example(
            "⟦R. FICO: TODAY REQUIRES A FEW COMMENTS:⟧\n\nR. FICO: TODAY REQUIRES A FEW COMMENTS:\n\nHe spoke.",
            fixed="R. FICO: TODAY REQUIRES A FEW COMMENTS:\n\nHe spoke.",
        ),
        Example(
            "⟦- Do not move the party across the border⟧\n\n– Do not move the party across the border\n\nHe said.",
            fixed="- Do not move the party across the border\n\nHe said.",
        ),
    )
    must_not_fire = (
        Example("[Anchor]\nGood evening.\n[Anchor]\nGood night."),
        Example("The vote is today.\n\nThe vote was yesterday.\n\nThe vote is tomorrow."),
    )
    trigger = Trigger(strings=("\n", "\r"))  # a document of one paragraph has no second copy

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        first: dict[str, Line] = {}
        copies: dict[str, list[tuple[int, int]]] = {}
        lines = ctx.chrome_lines
        bare = [unbulleted(line.text) for line in lines]
        signatures = [word_signature(b) for b in bare]
        shared = Counter(signatures)
        for line, unbulleted_text, signature in zip(lines, bare, signatures, strict=True):
            if shared[signature] < 2:
                continue  # no other line has its letters, so none has its words
            found = words(unbulleted_text)
            if len(found) < MIN_WORDS:
                continue
            key = " ".join(found)
            if key in first:
                copies.setdefault(key, []).append((line.start, line.end))
            else:
                first[key] = line
        for key, repeats in copies.items():
            line = first[key]
            edits: list[Edit] = []
            for s, e in repeats:
                edit = Edit(*block_removal(text, s, e))
                if edits and edit.start < edits[-1].end:  # the last copy's removal reaches back over the one before
                    edit = Edit(edits.pop().start, edit.end, edit.replacement)
                edits.append(edit)
            yield self.finding(
                text,
                line.lead,
                line.lead + len(line.stripped),
                f"Line repeated {len(repeats)} more time(s) further down",
                suggestion="",
                edits=tuple(edits),
                title="Remove the repeated copies",
                confidence=0.9,
            )
