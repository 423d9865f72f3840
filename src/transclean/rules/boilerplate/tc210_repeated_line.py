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
#: a near copy is judged on lines of this many words at least: shorter ones differ in too few words to tell
#: a copy from a sentence of the same pattern ("The vote is today." / "The vote was today.").
NEAR_MIN_WORDS = 6
#: a near copy opens as the earlier line does (its first 32 characters, case aside: five words or so):
#: where a template prints a headline or caption again, it changes its end (a credit or a cut) and keeps its
#: start. The key is a slice, not the first words, so that a line costs one short copy.
NEAR_KEY_CHARS = 32
#: ... and the shorter line's words (counted with repeats) are nearly all in the longer one: "mostly the
#: same words", at most one word in ten differing ...
NEAR_SHARED = 0.9
#: ... and the shorter has most of the longer's length: a lead paragraph that opens with the headline's
#: words and goes on for a sentence is the article's text, not a copy.
NEAR_LENGTH = 0.75


@register
class RepeatedLine(Rule):
    """A line repeated word for word: a headline, teaser or caption the page template printed twice.

    ## What it finds
    A paragraph of at least four words whose words (case, bullets and dashes aside) repeat an earlier
    paragraph of the document exactly. The finding sits on the first copy; the fix removes the later ones.

    ## Why it matters
    Templates print the headline or a teaser again above the text, or a widget repeats it; the reader
    reads it twice and a translation doubles it.

    A later paragraph of at least six words that repeats an earlier one with small changes (a caption
    printed again with its credit run in, a teaser cut short) is flagged on the later copy: it opens with
    the same 32 characters, at least 90% of the shorter one's words are in the longer one, and the shorter
    has at least three quarters of the longer's words, and it does not end a sentence where the earlier
    line did not: a lead paragraph that opens with the headline's words and goes on ("..., said the
    minister.") is the article's text, not a copy.

    ## Fix safety
    Safe: the first copy stays, so nothing the reader needs goes; four words at least keep short labels
    of transcripts and galleries, which repeat by design, out of it. A near copy is only flagged: which
    of the two the reader needs (the caption or the paragraph) is a guess.
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
        Example(
            "Headline\n\nThe new Minister of Foreign Affairs and Cooperation applauds his predecessor, Jane Roe.\n"
            "⟦The new Minister of Foreign Affairs and Cooperation applauds his predecessor, Jane Roe.A. Pérez / "
            "Europa Press⟧\n\nThe minister spoke."
        ),
    )
    must_not_fire = (
        Example("[Anchor]\nGood evening.\n[Anchor]\nGood night."),
        Example("The vote is today.\n\nThe vote was yesterday.\n\nThe vote is tomorrow."),
        Example(
            "Lula promises to revoke the secrecy decrees\n\nLula promises to revoke the secrecy decrees of his "
            "predecessor if he wins the election in October, he said on Tuesday in an interview."
        ),
        Example("The price of petrol in Warsaw is 6.50 zloty.\nThe price of petrol in Krakow is 6.40 zloty."),
        Example(
            "The name of the party's new chairman to be announced today\n\n"
            "The name of the party's new chairman to be announced today, said Jane Roe."
        ),
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
        yield from self._near_copies(text, lines)
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

    def _near_copies(self, text: str, lines: list[Line]) -> Iterator[Finding]:
        """Later paragraphs that repeat an earlier one with small changes (see the class docstring), found by
        their first tokens so that only lines that open alike have their words compared."""
        opened: dict[str, Line] = {}
        for line in lines:
            if line.tokens < NEAR_MIN_WORDS:
                continue
            key = line.stripped[:NEAR_KEY_CHARS].lower()
            earlier = opened.setdefault(key, line)
            if earlier is line:
                continue
            before, after = words(unbulleted(earlier.text)), words(unbulleted(line.text))
            # word for word, the exact pass takes it; a headline's words made a sentence are the lead paragraph
            if after == before or (line.sentence_end and not earlier.sentence_end):
                continue
            short, long = sorted((before, after), key=len)
            shared = sum((Counter(short) & Counter(long)).values())
            if shared >= NEAR_SHARED * len(short) and len(short) >= NEAR_LENGTH * len(long):
                yield self.finding(
                    text,
                    line.lead,
                    line.lead + len(line.stripped),
                    "Line repeats an earlier line with small changes: a headline, teaser or caption printed again",
                    applicability=Applicability.NONE,
                    confidence=0.7,
                )
