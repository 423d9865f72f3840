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

import contextlib
import marshal
import math
import mmap
import os
import sqlite3
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from transclean.cache import cache_dir, keep, kept
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
    The cached block is memory-mapped and its offsets read from an index file: a check that looks up a
    few words reads the pages it needs, not 30 MB (and the offsets are not recomputed, about 0.4 s).
    """

    def __init__(self, block: bytes | mmap.mmap, starts: array[int] | memoryview | None = None) -> None:
        self.block = block
        self.starts = line_starts(block) if starts is None else starts

    def _line(self, i: int) -> list[str]:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.block)
        return self.block[self.starts[i] : end].decode("utf-8").split("\t")

    def _first(self, key: str) -> int:
        """The first line at or after ``key`` and a tab (lines sort by their bytes: a key's lines are together,
        and within a skeleton a word's lines)."""
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

    def languages(self, word: str) -> dict[str, float]:
        """``candidates(skeleton(word)).get(word, {})``: the word's Zipf frequency per language, read from its
        own lines (an all-'?' skeleton, a Cyrillic or Greek word's, has thousands of words)."""
        out: dict[str, float] = {}
        i = self._first(f"{skeleton(word)}\t{word}")
        while i < len(self.starts):
            _, found, lang, freq = self._line(i)
            if found != word:
                break
            out[lang] = float(freq)
            i += 1
        return out

    def fields(self, key: str) -> list[str] | None:
        """The fields after ``key`` on its line, in a block with one line a key (:func:`common_index`)."""
        i = self._first(key)
        if i < len(self.starts):
            first, *rest = self._line(i)
            if first == key:
                return rest
        return None

    def __len__(self) -> int:
        return len(self.starts)


@lru_cache(maxsize=1)
def _name_detector() -> Any:
    """gender-guesser's own detector: parsing its text file takes about 0.4 s, so only builds use it."""
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


class FirstNames:
    """gender-guesser's first-name table (name -> {gender: countries}) compiled into SQLite in the user
    cache, so a check that looks up a few names opens a file (about 1 ms) instead of parsing the list."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def _db(self) -> sqlite3.Connection:
        # One connection per process: a connection must not cross a fork into batch workers.
        return _connect(str(self.path), os.getpid())

    @lru_cache(maxsize=65536)  # noqa: B019 - one instance per process, never freed
    def countries(self, name: str) -> dict[str, str]:
        """gender-guesser's ``names[name]`` for a lower-case name: {gender: country values}; {} if unknown."""
        row = self._db.execute("SELECT genders FROM names WHERE name = ?", (name,)).fetchone()
        if row is None:
            return {}
        return dict(part.split("=", 1) for part in row[0].split("\t"))

    def gender(self, name: str) -> str:
        """gender-guesser's ``get_gender(name)`` (without a country), from the compiled table."""
        genders = self.countries(name.lower())
        if not genders:
            return "unknown"
        max_count, max_tie, best = 0, 0, next(iter(genders))
        for gender, values in genders.items():
            codes = [ord(c) for c in values.replace(" ", "")]
            count, tie = len(codes), sum(c - 55 if c > 64 else c - 48 for c in codes)
            if count > max_count or (count == max_count and tie > max_tie):
                max_count, max_tie, best = count, tie, gender
        return best if max_count > 0 else "andy"


@lru_cache(maxsize=64)
def _connect(path: str, pid: int) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


@lru_cache(maxsize=1)
def first_names() -> FirstNames:
    """The process-wide first-name table, compiled into the user cache on first use."""
    path = _first_names_path()
    if not path.exists():
        try:
            _write_first_names(path)
        except (OSError, sqlite3.Error):
            # An unwritable cache (a read-only home, XDG_CACHE_HOME naming a file): a private copy for this
            # process, removed at exit, so the check still runs (it only rebuilds the table next time).
            import atexit
            import shutil
            import tempfile

            path = Path(tempfile.mkdtemp(prefix="transclean-")) / path.name
            atexit.register(shutil.rmtree, path.parent, ignore_errors=True)
            _write_first_names(path)
    return FirstNames(path)


def _first_names_path() -> Path:
    return cache_dir() / f"first-names-2-gender-guesser{_version('gender-guesser')}.sqlite"


def _write_first_names(path: Path) -> None:
    """Compile gender-guesser's table into ``path`` (written whole, then renamed: workers may race)."""
    rows = (
        (name, "\t".join(f"{gender}={values}" for gender, values in genders.items()))
        for name, genders in _name_detector().names.items()
    )
    _write_table(path, "names", ("name TEXT NOT NULL", "genders TEXT NOT NULL"), rows)


def _write_table(path: Path, table: str, columns: tuple[str, str], rows: Iterable[tuple[Any, Any]]) -> None:
    """Write a SQLite file of one two-column table, keyed by its first column and kept in the order of
    ``rows`` (a full read gives the source's order), whole, then rename it into place (processes may race
    to build it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    with db:
        db.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
        db.executemany(f"INSERT INTO {table} VALUES (?, ?)", rows)
        db.execute(f"CREATE UNIQUE INDEX {table}_key ON {table} ({columns[0].split()[0]})")
    db.close()
    os.replace(tmp, path)


def first_name_languages(name: str) -> list[str]:
    """Languages of the countries where gender-guesser lists a (lower-case) first name."""
    langs: set[str] = set()
    for countries in first_names().countries(name).values():
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
            allowed = letters.get(lang, set())  # no word list and too few names to tell (Azerbaijani): all letters
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


@cache
def _version(distribution: str) -> str:
    """The installed version of a distribution whose data the caches hold, read from the one
    ``NAME-VERSION.dist-info`` folder beside its package (wheel installs): importing importlib.metadata took
    0.04 s of a cold check. Anything else (egg-info, two folders, no package) asks importlib.metadata."""
    module = distribution.replace("-", "_")
    spec = find_spec(module)
    if spec is not None and spec.origin:
        prefix, folder = f"{module}-", Path(spec.origin).parent.parent
        # A plain listing: glob compiles a pattern for each call.
        found = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".dist-info")]
        if len(found) == 1:
            return found[0][len(prefix) : -len(".dist-info")]
    from importlib.metadata import version

    return version(distribution)


def _cache_path() -> Path:
    versions = f"wordfreq{_version('wordfreq')}-names{_version('names-dataset')}"
    return cache_dir() / f"lexicon-3-{versions}-zipf{MIN_ZIPF}.txt"


def ensure_cache() -> None:
    """Build the lexicon cache in a child process when it is missing, so that batch workers only load it
    (the build reads names-dataset's tables: about 2 GB for 25 s, once per machine)."""
    if not _cache_path().exists() or not _index_path(_cache_path()).exists() or not _first_names_path().exists():
        import subprocess  # once per machine: not paid by every start

        command = "from transclean.lexicon import first_names, lexicon; lexicon(); first_names()"
        subprocess.run([sys.executable, "-c", command], check=False)


def line_starts(block: bytes | mmap.mmap) -> array[int]:
    """Offsets of the lines of ``block``."""
    starts = [0]
    find = block.find
    pos = find(b"\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = find(b"\n", pos + 1)
    return array("Q", starts[:-1] if starts[-1] == len(block) else starts)


def _index_path(path: Path) -> Path:
    return path.with_name(path.name + ".idx")


def _mapped(path: Path) -> Lexicon:
    """The cached lexicon, memory-mapped, with its line offsets from the index file (written when missing
    or stale: its first 8 bytes are the size of the block it indexes). The index is mapped too: reading its
    8 MB into an array took 0.04 s of a cold check that looks at a few dozen offsets."""
    with path.open("rb") as handle:
        block = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    index = _index_path(path)
    starts: array[int] | memoryview = array("Q")
    try:
        with index.open("rb") as handle:
            offsets = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if int.from_bytes(offsets[:8], "little") == len(block) and len(offsets) % 8 == 0:
            starts = memoryview(offsets)[8:].cast("Q")
    except (OSError, ValueError):  # missing, or empty (mmap refuses an empty file)
        pass
    if not starts:
        starts = line_starts(block)
        try:
            from transclean.files import write_atomic

            write_atomic(index, len(block).to_bytes(8, "little") + starts.tobytes())
        except (OSError, TranscleanError):
            pass  # a read-only cache still works, it just scans the block each time
    return Lexicon(block, starts)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The process-wide lexicon: mapped from the user cache, or built (about 10 s) and cached there."""
    path = _cache_path()
    try:
        return _mapped(path)
    except (OSError, ValueError):  # missing, or empty (mmap refuses an empty file)
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
    floor = 10 ** (MIN_ZIPF - 9)
    by_length: dict[int, list[str]] = {}
    for word, freq in _frequencies(lang).load().items():
        if freq >= floor and word.isalpha():
            by_length.setdefault(len(word), []).append(word)
    return {n: "\n".join(words) for n, words in by_length.items()}


def scan(pattern: str, length: int, langs: Iterable[str]) -> list[tuple[str, str]]:
    """(word, language) pairs of ``length`` letters matching ``pattern`` (a regex): for words with no ASCII
    letter, which have no useful skeleton. Only the block of that length is searched (about 1 ms)."""
    import regex

    compiled = regex.compile(f"^(?:{pattern})$", regex.MULTILINE)
    return [(m.group(), lang) for lang in langs for m in compiled.finditer(_word_blocks(lang).get(length, ""))]


class Frequencies:
    """wordfreq's list for one language, compiled into SQLite in the user cache. Importing wordfreq and
    reading its list takes about 0.5 s, so the first lookups are queries; after ``LOAD_AFTER`` distinct
    words (a batch, or a long document) the whole list is read into a dict, as wordfreq would give it."""

    LOAD_AFTER = 2000

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.words: dict[str, float] | None = None if path else {}
        self.asked: dict[str, float | None] = {}

    def get(self, word: str) -> float | None:
        if self.words is not None:
            return self.words.get(word)
        if word not in self.asked:
            if len(self.asked) >= self.LOAD_AFTER:
                return self.load().get(word)
            self.asked[word] = self._query(word)
        return self.asked[word]

    def probe(self, word: str) -> float | None:
        """:meth:`get` without counting towards ``LOAD_AFTER``: for a language the document may not be in
        (asked of several languages per document, get would load every list in full)."""
        if self.words is not None:
            return self.words.get(word)
        if word in self.asked:
            return self.asked[word]
        return self._query(word)

    def _query(self, word: str) -> float | None:
        row = self._db.execute("SELECT freq FROM freq WHERE word = ?", (word,)).fetchone()
        return row[0] if row else None

    def load(self) -> dict[str, float]:
        """The whole list, in wordfreq's order (most frequent first)."""
        if self.words is None:
            self.words = dict(self._db.execute("SELECT word, freq FROM freq ORDER BY rowid"))
        return self.words

    @property
    def _db(self) -> sqlite3.Connection:
        return _connect(str(self.path), os.getpid())


@lru_cache(maxsize=32)
def _frequencies(lang: str) -> Frequencies:
    """wordfreq's list for this language or the one it is written like (Croatian: Serbo-Croatian's); none
    for others (wordfreq's own "nearest match" gives English for Esperanto, and Waray raises)."""
    path = _frequencies_path(lang)
    if path is None:
        return Frequencies(None)
    lang = WORDFREQ_ALIASES.get(lang, lang)
    missing = path.with_suffix(".none")  # wordfreq has no list for this language
    if missing.exists():
        return Frequencies(None)
    if not path.exists():
        from wordfreq import available_languages, get_frequency_dict

        if lang not in available_languages():
            with contextlib.suppress(OSError):
                path.parent.mkdir(parents=True, exist_ok=True)
                missing.touch()
            return Frequencies(None)
        try:
            _write_table(path, "freq", ("word TEXT NOT NULL", "freq REAL NOT NULL"), get_frequency_dict(lang).items())
        except (OSError, sqlite3.Error):
            frequencies = Frequencies(None)  # an unwritable cache: the list is read each time
            frequencies.words = get_frequency_dict(lang)
            return frequencies
    return Frequencies(path)


@lru_cache(maxsize=64)
def _frequencies_path(lang: str) -> Path | None:
    """Where wordfreq's list for this language is compiled (None for a code that is no language)."""
    lang = WORDFREQ_ALIASES.get(lang, lang)
    return cache_dir() / f"wordfreq-2-{_version('wordfreq')}-{lang}.sqlite" if lang.isalpha() else None


WORDFREQ_ALIASES = {"hr": "sh", "sr": "sh", "bs": "sh", "me": "sh", "no": "nb", "nn": "nb", "tl": "fil"}


def unknown(words: Iterable[str], lang: str) -> set[str]:
    """The words whose lower case wordfreq does not list for ``lang`` (Zipf 0): a document's words in one
    call, without the per-word cost of :func:`zipf`."""
    frequencies = _frequencies(lang)
    listed = frequencies.words
    get = frequencies.get if listed is None else listed.get  # once the list is read, a dict lookup a word
    return {word for word in words if not get(word.lower())}


def _zipf(freq: float | None) -> float:
    return math.log10(freq) + 9 if freq else 0.0


def zipf_probe(word: str, lang: str) -> float:
    """:func:`zipf` for a language the document may not be in: never loads the whole list (see
    :meth:`Frequencies.probe`). The first probe compiles the list (about 1 s, once per user cache):
    answering "unknown" until a document in the language had compiled it made findings depend on what the
    process and the cache had met before."""
    return _zipf(_frequencies(lang).probe(word))


@lru_cache(maxsize=32)
def common_words(lang: str, floor: float) -> frozenset[str]:
    """The words :func:`zipf_probe` gives a Zipf frequency of at least ``floor`` in ``lang`` (a few thousand
    at 4.0), for membership tests that would each be a query (20-30 µs; TC304 asks thousands per MB of new
    text); kept in the user cache beside the compiled list, keyed by its size and time: reading them from the
    list takes 20-100 ms a language, the kept file about 1 ms."""
    frequencies = _frequencies(lang)
    if frequencies.path is None:  # no list for the language, or one read whole (an unwritable cache)
        return frozenset(word for word, freq in (frequencies.words or {}).items() if _zipf(freq) >= floor)
    stat = frequencies.path.stat()

    def build() -> list[str]:
        # the floor's frequency less a margin, so that no frequency rounding across it in the query is lost;
        # each row is then tested as zipf_probe computes it
        rows = frequencies._db.execute("SELECT word, freq FROM freq WHERE freq >= ?", (10 ** (floor - 9) / 1.01,))
        return [word for word, freq in rows if _zipf(freq) >= floor]

    kept_path = frequencies.path.with_name(f"{frequencies.path.stem}-zipf{floor}.marshal")
    return frozenset(kept(kept_path, (floor, stat.st_size, stat.st_mtime_ns), build, marshal))


def _kept_block(path: Path, stale: str, build: Callable[[], bytes]) -> Lexicon:
    """The sorted block kept at ``path`` in the user cache, mapped as the lexicon is (:func:`_mapped`); else
    ``build()``'s, kept there (the older blocks ``stale`` globs removed: built from sources since changed)
    and mapped. An unwritable cache gets the block in memory."""
    with contextlib.suppress(OSError, ValueError):  # missing, or empty (mmap refuses an empty file)
        return _mapped(path)
    block = build()
    keep(path, block)
    for old in path.parent.glob(stale):
        if old.name not in (path.name, _index_path(path).name):
            with contextlib.suppress(OSError):
                old.unlink()
    with contextlib.suppress(OSError, ValueError):
        return _mapped(path)  # which writes the offsets beside it
    return Lexicon(block)


@lru_cache(maxsize=4)
def common_index(langs: tuple[str, ...], floor: float) -> Lexicon:
    """One line a word common (:func:`common_words`) in any of ``langs``: ``word TAB languages``
    (space-separated, in the order of ``langs``), sorted, kept in the user cache (:func:`_kept_block`) under a
    name that tells which lists, of which size and time, it was built from. Fourteen languages' sets at Zipf
    3.5 hold 270,000 strings, 0.15 s to load at every start, for a check that asks a few hundred words (a
    binary search each, about 10 µs); reading the 4.6 MB block and its offsets into memory instead of mapping
    them took 0.01-0.03 s of a cold check. Every list is compiled first (about 1 s a language, once per user
    cache): built from the lists earlier documents happened to compile, the index, and so TC806's findings,
    depended on what the process and the cache had met before."""
    stats = [(str(path), path.stat()) for lang in langs if (path := _frequencies(lang).path)]
    key = (floor, tuple((name, stat.st_size, stat.st_mtime_ns) for name, stat in stats))
    stem = f"common-{'-'.join(langs)}-zipf{floor}"

    def build() -> bytes:
        found: dict[str, list[str]] = {}
        for lang in langs:
            for word in common_words(lang, floor):
                found.setdefault(word, []).append(lang)
        return "".join(f"{word}\t{' '.join(found[word])}\n" for word in sorted(found)).encode("utf-8")

    return _kept_block(cache_dir() / f"{stem}-{zlib.crc32(repr(key).encode()):08x}.txt", f"{stem}-*.txt*", build)


@lru_cache(maxsize=4)
def dropped_forms(floor: float, step: float) -> Lexicon:
    """One line a form that a lexicon word leaves when its one or two non-ASCII letters are dropped ("erdoan"
    for "erdoğan"): ``form TAB counts`` ("1", "2" or "12": how many were dropped), for the words whose Zipf
    frequency reaches ``floor`` with one dropped and ``floor + step`` with two. A token not listed fits no
    such word: one binary search stands for the length + 1 skeleton lookups of one dropped letter and the
    (length + 1)(length + 2) / 2 of two, which cost the fix path as much as the rest of its rules. Built from
    the lexicon (about 2 s, once), kept in the user cache (:func:`_kept_block`) under a name that tells which
    lexicon file, of which size and time."""
    lex = lexicon()

    def build() -> bytes:
        counts: dict[str, set[int]] = {}
        for line in bytes(lex.block).decode("utf-8").splitlines():
            skel, _word, _lang, freq = line.split("\t")
            dropped = skel.count("?")
            if 1 <= dropped <= 2 and float(freq) >= floor + step * (dropped - 1):
                counts.setdefault(skel.replace("?", ""), set()).add(dropped)
        return "".join(f"{form}\t{''.join(map(str, sorted(counts[form])))}\n" for form in sorted(counts)).encode()

    try:
        stat = _cache_path().stat()
    except OSError:  # the lexicon itself not in the cache (unwritable): built in memory each time
        return Lexicon(build())
    key = (floor, step, _cache_path().name, stat.st_size, stat.st_mtime_ns)
    return _kept_block(cache_dir() / f"dropped-{zlib.crc32(repr(key).encode()):08x}.txt", "dropped-*.txt*", build)


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of a lower-case word in a language (0 when unknown).

    A dictionary lookup: wordfreq's own ``zipf_frequency`` tokenises first, 20x slower per call. Its lists
    are case-folded, which writes Greek's final sigma "ς" as "σ": looked up so ("Κύπρος" is "κύπροσ").
    """
    return _zipf(_frequencies(lang).get(word.replace("ς", "σ") if lang == "el" else word))
