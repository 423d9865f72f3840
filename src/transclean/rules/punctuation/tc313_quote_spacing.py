"""TC313: quote-spacing."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# An opening curly quote with a space after it, closed later on its line: "said “ we will act now”".
_OPENING_SPACED = regex.compile(r"“( +)(?=\p{L}[^“”\n]*”)")
# A straight quote with a space before it and a sentence mark after it, closing a quotation the line
# opened: 'improving right now ", said'. (French spacing '" Aujourd'hui "' is another language's rule.)
# The spaces and the word before it are read back in code: a scan that opens on the literal mark is 50x
# cheaper than one that opens on a space or a lookbehind.
_CLOSING_STRAIGHT = re.compile(r'"(?=[,.;:!?](?:\s|$))', re.M)
# Two apostrophes closing a quotation a curly quote opened: '“ Soloviev Live '' said', a tokeniser's
# closing quote (`` ... '' in Penn Treebank text, where the opening mark is `` and the rule stays quiet).
_APOSTROPHES = re.compile(r"''(?!')")
# A line's straight double quotes, read in pairs (any language): a quotation whose one mark is spaced inside
# and the other glued ('állítólag " békés gyárat."', '"Fujian. " The ceremony') lost or gained a space on
# one side. French spacing sets both marks spaced alike ('" Aujourd'hui au Parlement "') and stays.
_STRAIGHT = re.compile('"')
_INCH = re.compile(r'\d"')


@register
class QuoteSpacing(Rule):
    """A quote mark spaced on the wrong side: "said “ we will act”", 'right now ", said', "“ Live '' said".

    ## What it finds
    In any language, a pair of straight double quotes on a line (an even number of them, no inch marks)
    whose one mark is spaced inside the quotation while the other is glued to it ('" békés gyárat."',
    '"Fujian. " The'). In English text also: an opening curly quote followed by a space, when its closing
    quote follows on the same line; a straight quote that closes a quotation (a sentence mark after it, an
    odd number of straight quotes before it on the line) with a space before it; two apostrophes closing a
    quotation that a curly quote opened.

    ## Why it matters
    Tokenised translation output puts spaces around every mark and detokenisers restore them on the wrong
    side; the reader cannot see where the quotation starts or ends.

    ## Fix safety
    Safe for the spaces: English sets no space inside quote marks, and the mark's role is sure from its
    pair. Replacing two apostrophes by a closing quote is suggested only (unsafe): they may stand for a
    mark of another kind.
    """

    code = "TC313"
    name = "quote-spacing"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages = ()  # the pairs of straight quotes in any language; the curly and apostrophe kinds in English
    trigger = Trigger(strings=("“ ", ' "', "''", '" '))
    must_fire = (
        Example("The minister said ⟦“ ⟧we will act now” and left.", language="en",
                fixed="The minister said “we will act now” and left."),
        Example('He said "relations are improving right now⟦ "⟧, said the president.',
                fixed='He said "relations are improving right now", said the president.', language="en"),
        Example("He spoke on the channel “Morning Live⟦ ''⟧ said the ambassador.", language="en"),
        Example('Lavrovot, hogy megtámadott egy állítólag ⟦" ⟧békés elektronikai gyárat."', language="hu",
                fixed='Lavrovot, hogy megtámadott egy állítólag "békés elektronikai gyárat."'),
        Example('China commissioned its third aircraft carrier, "Fujian.⟦ "⟧ The ceremony was held.', language="en",
                fixed='China commissioned its third aircraft carrier, "Fujian." The ceremony was held.'),
    )  # fmt: skip
    must_not_fire = (
        Example("“We will see,” he said. “Not today.”", language="en"),
        Example('He said "no". She said "yes", and they left.', language="en"),
        Example("He moved to Nashville, `` Music City '' , to play music.", language="en"),
        Example("The board measured 5' 11\" by 3' 2\".", language="en"),
        Example('Il parle pour le programme " Aujourd\'hui au Parlement ".', language="fr"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        # The language is asked only of a text with an English finding: the trigger's ' "' fires on a quarter
        # of clean documents, the scans find nothing in nearly all of them, and fastText costs more than them.
        english = list(self._english(text))
        if english and ctx.language != "en":
            english = []
        yield from english
        taken = {(f.start, f.end) for f in english}
        if '"' in text:
            for finding in self._pairs(ctx):
                if (finding.start, finding.end) not in taken:
                    yield finding

    def _pairs(self, ctx: Context) -> Iterator[Finding]:
        """Straight quote pairs spaced inside on one side only, line by line."""
        text = ctx.text
        for start, _end, line in ctx.paragraphs:
            count = line.count('"')
            if count < 2 or count % 2 or _INCH.search(line):
                continue
            marks = [m.start() for m in _STRAIGHT.finditer(line)]
            for opening, closing in zip(marks[::2], marks[1::2], strict=True):
                if closing - opening < 3:
                    continue
                open_spaced = line[opening + 1] == " "
                close_spaced = line[closing - 1] == " "
                if open_spaced == close_spaced:
                    continue
                if open_spaced and (opening == 0 or line[opening - 1] == " "):
                    at = start + opening
                    yield self.finding(text, at, _spaces_after(text, at + 1), "Space after an opening quote",
                                       suggestion='"', title="Remove the space")  # fmt: skip
                elif close_spaced and (closing + 1 == len(line) or not line[closing + 1].isalnum()):
                    at = start + closing
                    yield self.finding(text, _spaces_before(text, at), at + 1, "Space before a closing quote",
                                       suggestion='"', title="Remove the space")  # fmt: skip

    def _english(self, text: str) -> Iterator[Finding]:
        """The English kinds: curly quotes spaced inside, a closing straight quote spaced before its sentence
        mark, two apostrophes closing a curly quotation."""
        for m in _OPENING_SPACED.finditer(text):
            yield self.finding(text, m.start(), m.end(), "Space after an opening quote", suggestion="“",
                               title="Remove the space")  # fmt: skip
        for m in _CLOSING_STRAIGHT.finditer(text):
            start = _spaces_before(text, m.start())
            before = text[max(0, start - 2) : start]
            if start == m.start() or not (before[-1:].isalpha() or (before[-1:] in ".!?" and before[:1].isalpha())):
                continue  # a closing quote spaced from a word, or from a word and its sentence mark
            line_start = text.rfind("\n", 0, start) + 1
            if text.count('"', line_start, start) % 2 == 1:
                yield self.finding(text, start, m.end(), "Space before a closing quote", suggestion='"',
                                   title="Remove the space")  # fmt: skip
        for m in _APOSTROPHES.finditer(text):
            start = _spaces_before(text, m.start())
            line_start = text.rfind("\n", 0, start) + 1
            if start == line_start or text[start - 1].isspace() or text[start - 1] == "'":
                continue
            if text.rfind("“", line_start, start) <= text.rfind("”", line_start, start):
                continue  # no curly quotation open before it on the line
            yield self.finding(
                text, start, m.end(), "Two apostrophes close a quotation", suggestion="”",
                title="Replace with a closing quote", applicability=Applicability.UNSAFE,
            )  # fmt: skip


def _spaces_after(text: str, at: int) -> int:
    """Where the run of spaces that starts at ``at`` ends."""
    end = at
    while end < len(text) and text[end] == " ":
        end += 1
    return end


def _spaces_before(text: str, at: int) -> int:
    """Where the run of spaces that ends at ``at`` starts."""
    start = at
    while start and text[start - 1] == " ":
        start -= 1
    return start
