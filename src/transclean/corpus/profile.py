"""The corpus profile: what a first pass over a corpus learns for the cleaning pass.

- **Spellings**: per language (when records carry it), how often each word with a non-ASCII letter is
  written intact ("Tomás" 41, "Tomàs" 2). A letter lost to '?' elsewhere in the corpus is then read from
  the corpus, not guessed from lexicons. ASCII words are left out: a lost letter is never ASCII, and
  capitalised ASCII words (every sentence start) would crowd the bounded table.
- **Lines**: per group (a site), in how many documents each normalised line occurs, and how many documents
  the group has. A line printed under most of a site's articles is its template.

Both are :class:`~transclean.corpus.sketch.FrequentItems` tables, so memory is bounded whatever the corpus
size, and profiles of chunks merge by addition. Saved as gzipped JSON written deterministically (sorted
keys, no timestamp): the same corpus gives the same bytes, whatever the number of workers.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from transclean.corpus.sketch import FrequentItems
from transclean.errors import E, TranscleanError
from transclean.text import lines_with_offsets

FORMAT = "transclean-corpus-profile"
VERSION = 1
#: spellings kept per language. A spelling written more than total/(capacity+1) times (total: accented
#: words seen in that language) is always kept; 65,536 entries cost about 8 MB.
SPELLING_CAPACITY = 65_536
#: lines kept per group. A line counts once per document, so with 30 distinct lines a document, any line in
#: more than 3% of a group's documents is kept; 1,024 entries cost about 100 KB per group.
LINE_CAPACITY = 1_024
#: longer lines are article paragraphs, never templates: not counted (it keeps the table for short lines).
MAX_LINE_CHARS = 300
#: groups with fewer documents cannot show a template; their line tables are not saved.
MIN_GROUP_DOCUMENTS = 3
#: A spelling the corpus writes intact is taken for a damaged word when it has at least this share of the
#: intact mentions that fit, and at least this many (bench/bench_profile.py; docs/corpus-profile.md).
CORPUS_SHARE = 0.9
CORPUS_MIN_MENTIONS = 1

# `re`, not `regex`: these plain classes run 5-10x faster in `re` (40 us a line with `regex` made the learning
# pass cost more than the cleaning). `re` leaves combining marks out of \w, which only splits Indic words
# at their vowel signs: the same way every time, so equal lines still hash alike.
_WORD = re.compile(r"[\w?\ufffd]+")
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+")
_LETTER = re.compile(r"[^\W\d_]")


def normalise_line(line: str) -> str:
    """The form under which lines count as the same: case folded, digits as 0, punctuation and spaces as one
    space ("© 2024 Example." and "© 2025 Example" are one template line).

    >>> normalise_line("  © 2024 Example News.  All rights reserved. ")
    '0 example news all rights reserved'
    """
    return _NON_WORD.sub(" ", _DIGITS.sub("0", line.casefold())).strip()


def line_hash(line: str) -> int | None:
    """A 64-bit hash of the normalised line; None for a line that cannot be a template (blank, no letter,
    longer than :data:`MAX_LINE_CHARS`)."""
    if len(line) > MAX_LINE_CHARS:
        return None
    norm = normalise_line(line)
    if not norm or not _LETTER.search(norm):
        return None
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest(), "big")


@dataclass
class CorpusProfile:
    """Spellings per language, line document counts per group, documents per group (see the module doc)."""

    spellings: dict[str, FrequentItems[str]] = field(default_factory=dict)
    lines: dict[str, FrequentItems[int]] = field(default_factory=dict)
    documents: Counter[str] = field(default_factory=Counter)

    def learn(self, text: str, group: str, language: str | None) -> None:
        """Count one document of ``group`` written in ``language`` (None: unknown)."""
        self.documents[group] += 1
        hashes = {h for _, line in lines_with_offsets(text) if (h := line_hash(line)) is not None}
        table = self.lines.get(group)
        if table is None:
            table = self.lines[group] = FrequentItems(LINE_CAPACITY)
        table.update(sorted(hashes))  # sorted: a set's order varies between processes
        if text.isascii():
            return
        words = [w for w in _WORD.findall(text) if not w.isascii() and "?" not in w and "\ufffd" not in w]
        if words:
            lang = language or "und"
            spellings = self.spellings.get(lang)
            if spellings is None:
                spellings = self.spellings[lang] = FrequentItems(SPELLING_CAPACITY)
            spellings.update(words)

    def __add__(self, other: CorpusProfile) -> CorpusProfile:
        merged = CorpusProfile(documents=self.documents + other.documents)
        for name in ("spellings", "lines"):
            mine, theirs = getattr(self, name), getattr(other, name)
            table = getattr(merged, name)
            for key in sorted(mine.keys() | theirs.keys()):
                if key in mine and key in theirs:
                    table[key] = mine[key] + theirs[key]
                else:  # a copy: the merged profile must not share tables with its parts
                    part = mine[key] if key in mine else theirs[key]
                    table[key] = part + FrequentItems(part.capacity)
        return merged

    # -- saving and loading ------------------------------------------------------------------------------

    def to_bytes(self, *, final: bool = True) -> bytes:
        """Gzipped JSON, byte-identical for equal profiles (sorted keys, no timestamp in the gzip header).
        A ``final`` profile leaves out the lines of groups too small to show a template; a chunk's partial
        profile keeps them (the rest of the group may be in other chunks)."""
        small = {g for g, n in self.documents.items() if n < MIN_GROUP_DOCUMENTS} if final else set()
        data = {
            "format": FORMAT,
            "version": VERSION,
            "documents": dict(sorted(self.documents.items())),
            "spellings": {lang: _table(t) for lang, t in sorted(self.spellings.items())},
            "lines": {g: _table(t, hexadecimal=True) for g, t in sorted(self.lines.items()) if g not in small},
        }
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return gzip.compress(raw, mtime=0)

    @classmethod
    def from_bytes(cls, data: bytes, path: str = "<bytes>") -> CorpusProfile:
        """Read :meth:`to_bytes`' output; anything else is a clear error naming ``path``."""
        try:
            obj = json.loads(gzip.decompress(data))
            if obj.get("format") != FORMAT or obj.get("version") != VERSION:
                raise ValueError(f"not a version-{VERSION} {FORMAT} file")
            return cls(
                spellings={lang: _read_table(t, SPELLING_CAPACITY) for lang, t in obj["spellings"].items()},
                lines={g: _read_table(t, LINE_CAPACITY, hexadecimal=True) for g, t in obj["lines"].items()},
                documents=Counter(obj["documents"]),
            )
        except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise TranscleanError(E.BAD_CORPUS_PROFILE, path=path, reason=exc) from None

    # -- what the rules ask ------------------------------------------------------------------------------

    @cached_property
    def _by_skeleton(self) -> dict[str | None, dict[str, dict[str, int]]]:
        """language (None: all) -> skeleton -> lower-case spelling -> intact mentions."""
        from transclean.lexicon import skeleton

        index: dict[str | None, dict[str, dict[str, int]]] = {None: {}}
        for lang, table in sorted(self.spellings.items()):
            for word, count in table.counts.items():
                lower = word.lower()
                for key in (lang, None):
                    spellings = index.setdefault(key, {}).setdefault(skeleton(lower), {})
                    spellings[lower] = spellings.get(lower, 0) + count
        return index

    def spellings_for(self, language: str | None) -> dict[str, dict[str, int]]:
        """skeleton -> lower-case spelling -> intact mentions, in ``language`` (all languages when None or
        when the corpus has no text in it)."""
        return self._by_skeleton.get(language) or self._by_skeleton[None]

    def attests(self, token: str, language: str | None) -> str | None:
        """The spelling the corpus clearly gives a damaged token whose lost letters may all be at its ends
        ("Don?", "?ngen"), where a bare "don" or "ngen" would otherwise make the '?' a question mark."""
        from transclean.lexicon import skeleton

        return clear_spelling(self.spellings_for(language).get(skeleton(token.lower().replace("\ufffd", "?")), {}))

    def mentions(self, form: str, language: str | None) -> int:
        """Intact mentions the corpus has of a name's spelling: of its rarest word written with a letter
        outside ASCII (0 for an all-ASCII form, whose words the profile does not count)."""
        from transclean.lexicon import skeleton

        spellings = self.spellings_for(language)
        words = [w.lower() for w in _WORD.findall(form) if not w.isascii()]
        return min((spellings.get(skeleton(w), {}).get(w, 0) for w in words), default=0)

    @cached_property
    def _capitalised(self) -> dict[str, int]:
        """lower-case spelling -> mentions written with a capital minus mentions written in lower case."""
        balance: dict[str, int] = {}
        for table in self.spellings.values():
            for word, count in table.counts.items():
                lower = word.lower()
                balance[lower] = balance.get(lower, 0) + (count if word[:1].isupper() else -count)
        return balance

    def capitalised(self, word: str) -> bool | None:
        """Whether the corpus mostly writes ``word`` with a capital (None: not seen, or as often both ways)."""
        balance = self._capitalised.get(word.lower(), 0)
        return None if balance == 0 else balance > 0

    def template_lines(self, group: str | None, min_share: float, min_documents: int) -> frozenset[int]:
        """Hashes of lines found in at least ``min_share`` of ``group``'s documents and in at least
        ``min_documents`` of them. For a group the corpus does not know (an article checked alone), the
        templates of every group."""
        key = (group if group in self.lines else None, min_share, min_documents)
        cache: dict[tuple[str | None, float, int], frozenset[int]] = self.__dict__.setdefault("_templates", {})
        if key not in cache:
            groups = [key[0]] if key[0] is not None else sorted(self.lines)
            cache[key] = frozenset(
                h
                for g in groups
                for h, count in self.lines[g].counts.items()
                if count >= min_documents and count >= min_share * self.documents[g]
            )
        return cache[key]


def clear_spelling(attested: dict[str, int]) -> str | None:
    """The spelling that clearly dominates the intact mentions of the words that fit a damaged one.

    >>> clear_spelling({"tomás": 19, "tomàs": 1}), clear_spelling({"tomás": 5, "tomàs": 4})
    ('tomás', None)
    """
    if not attested:
        return None
    word, mentions = min(attested.items(), key=lambda item: (-item[1], item[0]))
    share_ok = mentions >= CORPUS_SHARE * sum(attested.values())
    return word if share_ok and mentions >= CORPUS_MIN_MENTIONS else None


def _table(table: FrequentItems[Any], hexadecimal: bool = False) -> dict[str, Any]:
    table.shrink()
    counts = sorted(table.counts.items())
    return {
        "error": table.error,
        "counts": {(f"{k:016x}" if hexadecimal else k): c for k, c in counts},
    }


def _read_table(data: dict[str, Any], capacity: int, hexadecimal: bool = False) -> FrequentItems[Any]:
    counts = {(int(k, 16) if hexadecimal else k): int(c) for k, c in data["counts"].items()}
    return FrequentItems(capacity, counts, int(data["error"]))


def save_profile(profile: CorpusProfile, path: str | Path) -> None:
    """Write the profile atomically."""
    from transclean.files import write_atomic

    write_atomic(Path(path), profile.to_bytes())


def load_profile(path: str | Path) -> CorpusProfile:
    """Read a saved profile; kept per process while the file is unchanged (workers load it once)."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise TranscleanError(E.BAD_CORPUS_PROFILE, path=path, reason=exc.strerror or exc) from None
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, size: int) -> CorpusProfile:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TranscleanError(E.BAD_CORPUS_PROFILE, path=path, reason=exc.strerror or exc) from None
    return CorpusProfile.from_bytes(data, path)
