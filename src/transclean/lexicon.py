"""Word and name lexicons for recovering letters lost to '?' or U+FFFD.

Built lazily, once per process (a fork-based worker pool shares it copy-on-write). Sources:

- wordfreq's frequency lists for the languages written with accented letters (words with a Zipf frequency
  of at least 1.5 that mix ASCII and non-ASCII letters; all-Cyrillic or all-Greek words are searched with
  a pattern instead, see :func:`scan`);
- gender-guesser's first names (48,000 names with the countries that use them), mapped to languages;
- glossary forms, added by the caller (names with all their spellings).

Every word is indexed by its *skeleton*: the word with each non-ASCII letter replaced by '?', which is
what a legacy code page with replacement leaves of it ("dvořák" -> "dvo??k").
"""

from __future__ import annotations

import math
import os
from array import array
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from transclean.errors import TranscleanError
from transclean.text import CharMap

#: wordfreq languages whose words carry letters that legacy code pages lose. Scripts without such letters
#: (Arabic, Hebrew, CJK, Indic) lose whole words, which no lexicon recovers.
LANGUAGES = (
    "bg", "ca", "cs", "da", "de", "el", "en", "es", "fi", "fr", "hu", "is", "it", "lt", "lv", "mk", "nb",
    "nl", "pl", "pt", "ro", "ru", "sh", "sk", "sl", "sv", "tr", "uk", "vi",
)  # fmt: skip
MIN_ZIPF = 1.5
#: Zipf frequency given to a first name from gender-guesser (a common word's frequency).
NAME_ZIPF = 3.5

# gender-guesser's countries, in its column order, mapped to the language their names are written in.
_COUNTRY_LANGUAGES = (
    "en en en it mt pt es fr fr fr nl de de de de is da nb sv fi et lv lt pl cs sk hu ro bg sh "
    "sh sq mk sh sh sl sq el ru be ro uk hy az ka kk tr ar he zh hi ja ko vi -"
).split()


#: Every non-ASCII character becomes '?'.
SKELETON = CharMap(lambda c: c if c.isascii() else "?")


def skeleton(word: str) -> str:
    """The word as a replacing legacy code page leaves it: non-ASCII letters become '?'.

    >>> skeleton("dvořák")
    'dvo??k'
    """
    return word.translate(SKELETON)


class Lexicon:
    """Words by skeleton, with their languages and Zipf frequencies, in one sorted UTF-8 block.

    One line per (word, language): ``skeleton TAB word TAB language TAB zipf``. Sorted bytes and an offset
    array take about 60 MB for 900k entries, a tenth of a dict of dicts; lookups are binary searches.
    """

    def __init__(self, block: bytes) -> None:
        self.block = block
        starts = [0]
        find = block.find
        pos = find(b"\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = find(b"\n", pos + 1)
        self.starts = array("L", starts[:-1] if starts[-1] == len(block) else starts)

    def _line(self, i: int) -> list[str]:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.block)
        return self.block[self.starts[i] : end].decode("utf-8").split("\t")

    def _first(self, key: str) -> int:
        lo, hi, target = 0, len(self.starts), key.encode("utf-8") + b"\t"
        while lo < hi:
            mid = (lo + hi) // 2
            start = self.starts[mid]
            if self.block[start : start + len(target)] < target:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def candidates(self, key: str) -> dict[str, dict[str, float]]:
        """Words with this skeleton, each with its Zipf frequency per language."""
        out: dict[str, dict[str, float]] = {}
        i = self._first(key)
        while i < len(self.starts):
            skel, word, lang, freq = self._line(i)
            if skel != key:
                break
            out.setdefault(word, {})[lang] = float(freq)
            i += 1
        return out

    def __len__(self) -> int:
        return len(self.starts)


@lru_cache(maxsize=1)
def _name_detector() -> Any:
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


def first_name_languages(name: str) -> list[str]:
    """Languages of the countries where gender-guesser lists a (lower-case) first name."""
    langs: set[str] = set()
    for countries in _name_detector().names.get(name, {}).values():
        langs.update(_COUNTRY_LANGUAGES[i] for i, c in enumerate(countries[: len(_COUNTRY_LANGUAGES)]) if c != " ")
    return sorted(langs - {"-"})


def _first_names() -> Iterable[tuple[str, str]]:
    """(lower-case name, language) pairs for accented first names in gender-guesser's list."""
    for name in _name_detector().names:
        if not name.isascii():
            for lang in first_name_languages(name):
                yield name, lang


def _build() -> bytes:
    from wordfreq import get_frequency_dict

    lines = []
    floor = 10 ** (MIN_ZIPF - 9)
    for lang in LANGUAGES:
        for word, freq in get_frequency_dict(lang).items():
            if freq >= floor and not word.isascii() and word.isalpha() and sum(c.isascii() for c in word) >= 2:
                lines.append(f"{skeleton(word)}\t{word}\t{lang}\t{math.log10(freq) + 9:.2f}")
    lines.extend(f"{skeleton(name)}\t{name}\t{lang}\t{NAME_ZIPF}" for name, lang in _first_names())
    encoded = sorted(line.encode("utf-8") for line in lines)  # byte order, as the binary search compares
    return b"\n".join(encoded)


def _cache_path() -> Path:
    from importlib.metadata import version

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "transclean"
    return base / f"lexicon-1-wordfreq{version('wordfreq')}-zipf{MIN_ZIPF}.txt"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The process-wide lexicon: read from the user cache, or built (about 10 s) and cached there."""
    path = _cache_path()
    try:
        return Lexicon(path.read_bytes())
    except OSError:
        pass
    block = _build()
    try:
        from transclean.files import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, block)
    except (OSError, TranscleanError):
        pass  # a read-only home still works, it just rebuilds next time
    return Lexicon(block)


@lru_cache(maxsize=8)
def _word_blocks(lang: str) -> dict[int, str]:
    """Words of a language with Zipf >= MIN_ZIPF, one per line, in one block per word length."""
    from wordfreq import get_frequency_dict

    floor = 10 ** (MIN_ZIPF - 9)
    by_length: dict[int, list[str]] = {}
    for word, freq in get_frequency_dict(lang).items():
        if freq >= floor and word.isalpha():
            by_length.setdefault(len(word), []).append(word)
    return {n: "\n".join(words) for n, words in by_length.items()}


def scan(pattern: str, length: int, langs: Iterable[str]) -> list[tuple[str, str]]:
    """(word, language) pairs of ``length`` letters matching ``pattern`` (a regex): for words with no ASCII
    letter, which have no useful skeleton. Only the block of that length is searched (about 1 ms)."""
    import regex

    compiled = regex.compile(f"^(?:{pattern})$", regex.MULTILINE)
    return [(m.group(), lang) for lang in langs for m in compiled.finditer(_word_blocks(lang).get(length, ""))]


@lru_cache(maxsize=32)
def _frequencies(lang: str) -> dict[str, float]:
    """wordfreq's list for this language or the one it is written like (Croatian: Serbo-Croatian's); none
    for others (wordfreq's own "nearest match" gives English for Esperanto, and Waray raises)."""
    from wordfreq import available_languages, get_frequency_dict

    lang = _WORDFREQ_ALIASES.get(lang, lang)
    return get_frequency_dict(lang) if lang in available_languages() else {}  # type: ignore[no-any-return]


_WORDFREQ_ALIASES = {"hr": "sh", "sr": "sh", "bs": "sh", "me": "sh", "no": "nb", "nn": "nb", "tl": "fil"}


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of a lower-case word in a language (0 when unknown).

    A dictionary lookup: wordfreq's own ``zipf_frequency`` tokenises first, 20x slower per call.
    """
    freq = _frequencies(lang).get(word)
    return math.log10(freq) + 9 if freq else 0.0
