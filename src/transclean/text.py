"""Small pure helpers over text: lines with offsets, line/column lookup, line-block removal, word alternations,
word characters."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import regex

_NEWLINE = regex.compile(r"\r\n|\r|\n")
_WORD_CHAR = regex.compile(r"\w")


@lru_cache(maxsize=4096)
def is_word_char(char: str) -> bool:
    r"""Whether ``char`` is one character of `regex`'s ``\w`` (an empty string is none): what its ``\b``
    reads on each side of a position. Kept per character: a `regex` match costs about 2 µs a call."""
    return _WORD_CHAR.fullmatch(char) is not None


def alternation(words: Iterable[str], *, escape: bool = False) -> str:
    """``words`` as a regex alternation, longest first (an alternation takes the first that matches: "of the"
    before "of"), ties in code-point order: the same pattern text in every process whatever order a set gave,
    so its compiled form is kept between runs (:mod:`transclean.cache`). ``escape``: the words are literal.

    >>> alternation({"of", "to", "of the"})
    'of the|of|to'
    """
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(map(regex.escape, ordered) if escape else ordered)


def lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, line)`` for every line, without its line break.

    >>> list(lines_with_offsets("a\\r\\nbc\\n"))
    [(0, 'a'), (3, 'bc'), (6, '')]
    """
    pos = 0
    if "\r" not in text:  # the common case: split on "\n" in C
        for line in text.split("\n"):
            yield pos, line
            pos += len(line) + 1
        return
    for m in _NEWLINE.finditer(text):
        yield pos, text[pos : m.start()]
        pos = m.end()
    yield pos, text[pos:]


def is_blank(line: str) -> bool:
    """Whether a line holds only whitespace."""
    return not line.strip()


class LineIndex:
    """Maps code-point offsets to 1-based line and column numbers.

    >>> LineIndex("ab\\ncd").position(4)
    (2, 2)
    """

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def block_removal(text: str, start: int, end: int) -> tuple[int, int, str]:
    """The edit removing whole lines ``text[start:end]`` together with the blank lines after them.

    ``start`` must be a line start. When only blank lines follow, the blank lines before the block go
    instead, so the text keeps its final line break. Returns ``(start, end, replacement)``.

    >>> block_removal("a\\n\\nX\\n\\nb", 3, 4)
    (3, 6, '')
    >>> block_removal("a\\n\\nX\\n", 3, 4)
    (1, 5, '\\n')
    """
    after = end
    while after < len(text):
        m = _NEWLINE.match(text, after)
        if m:
            after = m.end()
            continue
        nl = _NEWLINE.search(text, after)
        line_end = nl.start() if nl else len(text)
        if not is_blank(text[after:line_end]):
            return start, after, ""  # lines follow: take the block and the blank lines after it
        after = nl.end() if nl else len(text)
    # Nothing but blank lines follows: remove from the end of the previous content line instead.
    before = start
    while before > 0 and text[before - 1] in " \t\r\n":
        before -= 1
    final = _NEWLINE.search(text[end:])
    return before, len(text), final.group() if final and before > 0 else ""


class CharMap(dict[int, str]):
    """A ``str.translate`` table computed on demand: ``mapping(char)`` gives one character per character, so
    offsets survive the translation; each character is computed once, then looked up at C speed.

    >>> "Ab".translate(CharMap(str.lower))
    'ab'
    """

    def __init__(self, mapping: Callable[[str], str]) -> None:
        super().__init__()
        self.mapping = mapping

    def __missing__(self, code: int) -> str:
        value = self.mapping(chr(code))
        self[code] = value
        return value
