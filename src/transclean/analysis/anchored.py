"""Word-list patterns searched from their openings: one Aho-Corasick pass finds where a match can start, the
pattern is tried there only.

The grammar rules' patterns open with an alternation of words behind a lookbehind ("the|a|its" then a
space, "has|will|was|..." then a space). The regex engine tries such a pattern at every position of the
text, about 0.2 µs a character on the shared machine: 90-160 µs for a 500-character document, as much as
ftfy's whole repair of it, per rule. The words' openings are plain strings, found in one C pass (a few µs);
most documents hold a few, and trying the pattern at each costs a match call.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex


class Anchored:
    """``pattern`` with its matches found from ``openings``: literal strings one of which every match of the
    pattern starts with (at the match's start, not behind a lookbehind). :meth:`finditer` yields what
    ``pattern.finditer`` yields, in the same order."""

    def __init__(self, pattern: regex.Pattern[str], openings: Iterable[str]) -> None:
        import ahocorasick_rs  # at the first pattern built, not with the rules at import (5 ms)

        self.pattern = pattern
        strings = sorted(set(openings))
        # Standard kind: every occurrence, overlapping ones included ("a " inside "a the "), so that no
        # position where a match may start is missed.
        kind = ahocorasick_rs.MatchKind.Standard
        self._openings = ahocorasick_rs.AhoCorasick(strings, matchkind=kind) if strings else None

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """``pattern.finditer(text)``: the pattern tried at each opening in text order, from the end of the
        last match on (finditer's matches do not overlap). A match call sees the text before its position,
        so lookbehinds read what they read in a scan."""
        if self._openings is None:
            return
        end = 0
        for start in sorted({start for _, start, _ in self._openings.find_matches_as_indexes(text, overlapping=True)}):
            if start < end:
                continue
            m = self.pattern.match(text, start)
            if m is not None:
                yield m
                end = m.end()
