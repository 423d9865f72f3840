"""One text as the cheap per-document tests read it: the rules' gates (:class:`transclean.rules.base.GatePlan`)
and the rules that first ask what words a document has (TC109) share one :class:`Scan` per pass."""

from __future__ import annotations

from itertools import islice
from operator import eq

#: every byte to a space but the ASCII letters: a text's letter runs are then a ``split()`` at C speed
_ASCII_LETTERS_ONLY = bytes(c if 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A else 0x20 for c in range(256))


class Scan:
    """One text as the document gates read it: whether it is ASCII, its class strings and its ASCII words,
    each found once and shared by every rule's gate (the strings they look for are found for all rules at
    once by :class:`transclean.rules.base.GatePlan`)."""

    __slots__ = ("_classes", "_runs", "_words", "is_ascii", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.is_ascii = text.isascii()
        self._classes: dict[bytes, bytes] = {}
        self._runs: list[str] | None = None
        self._words: list[str] | None = None

    def holds(self, string: str) -> bool:
        """Whether the text holds ``string``."""
        return string in self.text

    def classes(self, table: bytes) -> bytes:
        """The (ASCII) text's bytes mapped through ``table``."""
        classes = self._classes.get(table)
        if classes is None:
            classes = self._classes[table] = self.text.encode("ascii").translate(table)
        return classes

    @property
    def ascii_runs(self) -> list[str]:
        """The text's maximal runs of ASCII letters as written, in order (what ``[A-Za-z]+`` finds; every other
        character, a non-ASCII letter too, separates them): read through a byte table and split, several
        times faster than the regex scan."""
        if self._runs is None:
            # a non-ASCII character becomes one '?', a separator
            letters = self.text.encode("ascii", "replace").translate(_ASCII_LETTERS_ONLY)
            self._runs = letters.decode("ascii").split()
        return self._runs

    @property
    def ascii_words(self) -> list[str]:
        """:attr:`ascii_runs` lower-cased (lowered at once: a ``lower()`` per run cost five times more)."""
        if self._words is None:
            self._words = " ".join(self.ascii_runs).lower().split()
        return self._words

    def repeats_a_word(self) -> bool:
        """Whether two :attr:`ascii_words` in a row are alike: what a word written twice ("the the", "the
        The") needs, read at C speed (the doubled-word pattern's backreference, 13 µs a document, is then
        tried on one document in ten)."""
        words = self.ascii_words
        return any(map(eq, words, islice(words, 1, None)))

    def ends_a_line_in(self, chars: str) -> bool:
        """Whether some line (split at '\\n', as ``$`` in a multi-line ``re`` pattern reads it) ends in one of
        ``chars``."""
        return any(line[-1:] in chars for line in self.text.split("\n") if line)
