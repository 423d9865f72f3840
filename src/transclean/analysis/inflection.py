"""English word forms: which words are base verbs, past forms, participles, plural nouns, comparatives.

The grammar rules (TC705, TC708) ask what form a word is without a tagger: "have intensify" is wrong because
"intensify" is a base verb and never a participle, "will announced" because "announced" is a past form and
never a base. The forms come from lemminflect's inflection table (the SPECIALIST Lexicon of the U.S.
National Library of Medicine, 40,450 rows, shipped in the MIT-licensed wheel): read from its file directly,
since importing lemminflect also imports spaCy (4 s). Parsed once (0.2 s) and kept in the user cache as
sorted tuples: read back as frozensets, the 90,000 forms took 40 ms of a cold check (every string hashed into
a set), as tuples 5 ms; a rule asks about a few words per sentence, 0.5 µs each by bisection.
"""

from __future__ import annotations

import gzip
import marshal
import sys
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from transclean.cache import cache_dir, kept


class SortedWords(tuple[str, ...]):
    """Words in code-point order, tested for membership by bisection (see the module's docstring)."""

    __slots__ = ()

    def __contains__(self, word: object) -> bool:
        at = bisect_left(self, word)  # type: ignore[call-overload]
        return at < len(self) and self[at] == word


@dataclass(frozen=True)
class EnglishForms:
    """Lower-case English words by the forms they can take (a word may be in several sets)."""

    verb: SortedWords  # base forms: "announce", "intensify", "put"
    past: SortedWords  # simple past: "announced", "went", "put"
    participle: SortedWords  # past participle: "announced", "gone", "put"
    gerund: SortedWords  # "-ing" forms: "announcing"
    third: SortedWords  # third person singular present: "announces"
    noun: SortedWords  # singular (or uncountable) nouns: "support", "miss"
    plural: SortedWords  # plural nouns: "countries", "series"
    adjective: SortedWords  # adjectives and adverbs, base form: "happy", "fast"
    comparative: SortedWords  # comparative and superlative adjectives and adverbs: "better", "biggest"


def _table_path() -> Path:
    spec = find_spec("lemminflect")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("lemminflect is not installed: the grammar rules need its word-form table")
    return Path(spec.origin).parent / "resources" / "infl_lu.csv.gz"


def _parse(path: Path) -> tuple[tuple[str, ...], ...]:
    """The table's rows are ``lemma,category,form1,form2...`` with alternative spellings joined by '/';
    an empty participle slot means the participle is the past form ("announced")."""
    sets: dict[str, set[str]] = {name: set() for name in EnglishForms.__dataclass_fields__}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        lemma, category, *forms = line.split(",")
        if not lemma.islower():
            continue  # proper nouns ("Aachen")
        slots = [form.split("/") if form else [] for form in forms]
        if category == "verb":
            sets["verb"].add(lemma)
            past, participle, gerund, third = [*slots, [], [], [], []][:4]
            sets["past"].update(past)
            sets["participle"].update(participle or past)
            sets["gerund"].update(gerund)
            sets["third"].update(third)
        elif category == "noun":
            sets["noun"].add(lemma)
            sets["plural"].update(*slots[:1])
        elif category in ("adj", "adv"):
            sets["adjective"].add(lemma)
            for forms_of_degree in slots:
                sets["comparative"].update(forms_of_degree)
    return tuple(tuple(sorted(sets[name])) for name in EnglishForms.__dataclass_fields__)


@lru_cache(maxsize=1)
def english_forms() -> EnglishForms:
    """The English word forms (parsed once per process, kept in the user cache under the table's size and
    modification time: not its path, which differs between virtualenvs sharing one install and made each
    rewrite the file the other had kept)."""
    path = _table_path()
    stat = path.stat()
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    kept_at = cache_dir() / f"english-forms-2-py{version}.marshal"
    sets = kept(kept_at, (stat.st_size, stat.st_mtime_ns), lambda: _parse(path), marshal)
    return EnglishForms(*map(SortedWords, sets))
