"""Word and name lexicons for recovering letters lost to '?' or U+FFFD.

Built once per machine into the user cache, then loaded lazily, once per process (a batch run builds it
first in a child process, so its workers only load it). Sources:

- wordfreq's frequency lists for the languages written with accented letters (words with a Zipf frequency
  of at least 1.5 that mix ASCII and non-ASCII letters; all-Cyrillic or all-Greek words are searched with
  a pattern instead, see :func:`scan`);
- gender-guesser's first names (48,000 names with the countries that use them), mapped to languages;
- names-dataset's first names and surnames (1.7 million, ranked per country in 105 countries), of which
  the one-word names with accented Latin letters are kept, scored by their rank in each country;
- glossary forms, added by the caller (names with all their spellings).

Every word is indexed by its *skeleton*: the word with each non-ASCII letter replaced by '?', which is
what a legacy code page with replacement leaves of it ("dvořák" -> "dvo??k").
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
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


# names-dataset's countries (ISO 3166-1 alpha-2) whose names are written in Latin letters with accents,
# mapped to the language of those names (Serbo-Croatian as "sh", wordfreq's code).
_NAME_COUNTRY_LANGUAGES = {
    "AL": ("sq",), "AO": ("pt",), "AR": ("es",), "AT": ("de",), "AZ": ("az",), "BE": ("fr", "nl"),
    "BF": ("fr",), "BI": ("fr",), "BO": ("es",), "BR": ("pt",), "CA": ("fr",), "CH": ("de", "fr", "it"),
    "CL": ("es",), "CM": ("fr",), "CO": ("es",), "CR": ("es",), "CZ": ("cs",), "DE": ("de",), "DJ": ("fr",),
    "DK": ("da",), "EC": ("es",), "EE": ("et",), "ES": ("es",), "FI": ("fi",), "FR": ("fr",), "GT": ("es",),
    "HN": ("es",), "HR": ("sh",), "HT": ("fr",), "HU": ("hu",), "IE": ("ga",), "IS": ("is",), "IT": ("it",),
    "LT": ("lt",), "LU": ("fr", "de"), "MD": ("ro",), "MT": ("mt",), "MX": ("es",), "NL": ("nl",),
    "NO": ("nb",), "PA": ("es",), "PE": ("es",), "PL": ("pl",), "PR": ("es",), "PT": ("pt",), "RS": ("sh",),
    "SE": ("sv",), "SI": ("sl",), "SV": ("es",), "TM": ("tk",), "TR": ("tr",), "UY": ("es",),
}  # fmt: skip


def name_score(rank: int) -> float:
    """A Zipf-like score for a name ranked ``rank`` in a country: 5.5 for the commonest, 4.0 at rank 1,000,
    3.5 at rank 10,000 (a rare word's frequency).

    >>> name_score(1), name_score(1000)
    (5.5, 4.0)
    """
    return round(5.5 - 0.5 * math.log10(max(rank, 1)), 2)


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

    One line per (word, language): ``skeleton TAB word TAB language TAB zipf``; a name's language reads
    ``name:<code>``, its score coming from name lists. Sorted bytes and an offset
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


#: a letter belongs to a language's alphabet when this share of its common words (Zipf >= 3) has it.
ALPHABET_SHARE = 0.0005
#: names this well ranked in a country show the letters its names use ("Joël": French names use "ë"), when
#: at least this share of them (and three) have the letter.
ALPHABET_NAME_RANK = 200
ALPHABET_NAME_SHARE = 0.04
# Romanian is written with comma-below letters, and often with the older cedilla forms: both count, and
# Romanian names are stored with the comma.
_LETTER_TWINS = {"ș": "ş", "ş": "ș", "ț": "ţ", "ţ": "ț"}
_ROMANIAN_COMMAS = str.maketrans("şţ", "șț")


def _alphabet(freqs: dict[str, float]) -> set[str]:
    """The non-ASCII letters a language's common words use (loanword letters stay below the share)."""
    counts: dict[str, int] = {}
    common = [w for w, f in freqs.items() if f >= 1e-6]
    for word in common:
        for c in set(word):
            if not c.isascii() and c.isalpha():
                counts[c] = counts.get(c, 0) + 1
    return {c for c, n in counts.items() if n >= ALPHABET_SHARE * len(common)}


def _dataset_names(alphabets: dict[str, set[str]]) -> Iterable[tuple[str, str, float]]:
    """(lower-case name, language, score) for names-dataset's one-word names with accented Latin letters.

    The data set comes from social-network profiles and carries misspellings ("Gonzàlez" next to
    "González"): a name is kept for a language only when its accented letters belong to the language's
    alphabet (from its word list and its best-ranked names). Unpickling the package's tables takes about
    15 s and 3 GB, once, when the lexicon is built and cached.
    """
    import gzip
    import pickle
    from importlib.resources import as_file, files

    best: dict[tuple[str, str], float] = {}
    for part in ("first_names", "last_names"):
        with as_file(files("names_dataset") / "v3" / f"{part}.pkl.gz") as path, gzip.open(path) as handle:
            table = pickle.load(handle)  # the package's own data, read as the package itself reads it
        entries = []
        top: dict[tuple[str, str], int] = {}  # (language, letter) -> well-ranked names with it
        tops: dict[str, int] = {}  # language -> well-ranked names
        for name, info in table.items():
            lower = name.lower()
            if lower.isascii() or not lower.isalpha() or sum(c.isascii() for c in lower) < 2:
                continue
            accented = {c for c in lower if not c.isascii()}
            for country, rank in info.get("rank", {}).items():
                for lang in _NAME_COUNTRY_LANGUAGES.get(country, ()) if rank else ():
                    entries.append((lower, lang, rank, accented))
                    if rank <= ALPHABET_NAME_RANK:
                        tops[lang] = tops.get(lang, 0) + 1
                        for c in accented:
                            top[lang, c] = top.get((lang, c), 0) + 1
        del table
        letters = {lang: set(chars) for lang, chars in alphabets.items()}
        for (lang, c), count in top.items():
            if count >= max(3, ALPHABET_NAME_SHARE * tops[lang]):
                letters.setdefault(lang, set()).add(c)
        for lower, lang, rank, accented in entries:
            allowed = letters.get(lang)  # no word list and too few names to tell (Azerbaijani): all letters
            if lang not in alphabets or all(c in allowed or _LETTER_TWINS.get(c) in allowed for c in accented):
                lower = lower.translate(_ROMANIAN_COMMAS) if lang == "ro" else lower
                best[lower, lang] = max(best.get((lower, lang), 0.0), name_score(rank))
    for (name, lang), score in best.items():
        yield name, lang, score


def _build() -> bytes:
    from wordfreq import get_frequency_dict

    lines = []
    floor = 10 ** (MIN_ZIPF - 9)
    alphabets = {}
    for lang in LANGUAGES:
        freqs = get_frequency_dict(lang)
        alphabets[lang] = _alphabet(freqs)
        for word, freq in freqs.items():
            if freq >= floor and not word.isascii() and word.isalpha() and sum(c.isascii() for c in word) >= 2:
                lines.append(f"{skeleton(word)}\t{word}\t{lang}\t{math.log10(freq) + 9:.2f}")
    lines.extend(f"{skeleton(name)}\t{name}\tname:{lang}\t{NAME_ZIPF}" for name, lang in _first_names())
    names = _dataset_names(alphabets)
    lines.extend(f"{skeleton(name)}\t{name}\tname:{lang}\t{score:.2f}" for name, lang, score in names)
    encoded = sorted(line.encode("utf-8") for line in lines)  # byte order, as the binary search compares
    return b"\n".join(encoded)


def _cache_path() -> Path:
    from importlib.metadata import version

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "transclean"
    versions = f"wordfreq{version('wordfreq')}-names{version('names-dataset')}"
    return base / f"lexicon-3-{versions}-zipf{MIN_ZIPF}.txt"


def ensure_cache() -> None:
    """Build the lexicon cache in a child process when it is missing, so that batch workers only load it
    (the build reads names-dataset's tables: about 2 GB for 25 s, once per machine)."""
    if not _cache_path().exists():
        subprocess.run([sys.executable, "-c", "from transclean.lexicon import lexicon; lexicon()"], check=False)


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

    lang = WORDFREQ_ALIASES.get(lang, lang)
    return get_frequency_dict(lang) if lang in available_languages() else {}  # type: ignore[no-any-return]


WORDFREQ_ALIASES = {"hr": "sh", "sr": "sh", "bs": "sh", "me": "sh", "no": "nb", "nn": "nb", "tl": "fil"}


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of a lower-case word in a language (0 when unknown).

    A dictionary lookup: wordfreq's own ``zipf_frequency`` tokenises first, 20x slower per call.
    """
    freq = _frequencies(lang).get(word)
    return math.log10(freq) + 9 if freq else 0.0
