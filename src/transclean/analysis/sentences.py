"""Sentences and quotations: where a sentence starts and ends, and which sentences a pronoun's
referents may stand in."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

import regex

from transclean.langdata import language_data

if TYPE_CHECKING:
    from transclean.context import Context


_SENTENCE_END = regex.compile(r"(?<=[.!?…][\"'”’»)]*)\s+(?=[\"'“‘«(¿¡]?[\p{Lu}\d])|\n\s*\n|\n(?=\S)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a stop followed by a capital, a blank line, or a new line. A stop after an abbreviation
    of the English data file ends no sentence (English serves every language until splitting is per language).

    >>> text = "Mr. Smith left. She stayed.\\nNew line"
    >>> [text[a:b] for a, b in sentences(text)]
    ['Mr. Smith left.', 'She stayed.', 'New line']
    """
    abbreviations = tuple(f"{a}." for a in language_data("en")["abbreviations"]["not_sentence_ends"])
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text.endswith(abbreviations, 0, m.start()):
            continue  # an abbreviation, not the end of a sentence
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_QUOTES = regex.compile(r"[“\"«][^”\"»\n]*[”\"»]|``[^\n]*?''")  # ``...'': tokenised corpora

#: sentences before the pronoun's own that hold its possible referents.
WINDOW_SENTENCES = 2


def sentence_index(ctx: Context, start: int) -> int:
    """Index of the sentence holding offset ``start`` (or the stop or space just after it); the last one
    when none does. Sentences are sorted and at least one character apart, so bisection finds it."""
    spans = ctx.sentences
    i = bisect_right(ctx.sentence_starts, start) - 1
    return i if i >= 0 and start < spans[i][1] + 1 else len(spans) - 1


def first_sentence_start(ctx: Context, start: int) -> int:
    """Start of the first sentence of the window that ends at ``start``."""
    return ctx.sentences[max(0, sentence_index(ctx, start) - WINDOW_SENTENCES)][0]


def opens_sentence(text: str, start: int) -> bool:
    # steps back over the opening punctuation instead of stripping a copy of text[:start] (quadratic)
    i = start
    while i and text[i - 1] in " \t\"'“‘«(":
        i -= 1
    return not i or text[i - 1] in ".!?\n:;"


#: a quotation counts only if it closes within this many characters after the offset asked about.
QUOTE_REACH = 200


def quotations(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the quotations of the text, in order. A quotation never spans a line break, so
    one scan of the text finds what a scan of each line would."""
    spans = [m.span() for m in _QUOTES.finditer(text)]
    return [a for a, _ in spans], [b for _, b in spans]


def in_quotes(ctx: Context, start: int) -> bool:
    """Whether offset ``start`` lies inside a quotation of its line that closes within QUOTE_REACH
    characters: one bisection in the document's quotations (scanning the line per pronoun was quadratic
    on a long line)."""
    starts, ends = ctx.quotations
    i = bisect_left(starts, start) - 1
    if i < 0 or ends[i] <= start:
        return False
    if ends[i] <= start + QUOTE_REACH:
        return True
    # A quotation closing past the reach does not count, but scanning the line only up to the reach, the
    # text after its opening quote may hold a shorter one around ``start``: only a ``...'' pair, as the
    # quotation holds no closing quote (unless it is one itself, which may hold anything).
    text, a = ctx.text, starts[i]
    if text[a] != "`" and text.find("``", a + 1, start + 1) < 0:
        return False
    return any(m.start() < start < m.end() for m in _QUOTES.finditer(text, a + 1, start + QUOTE_REACH))
