"""Recovering letters lost to '?' or U+FFFD, and bytes dropped from mojibake: pure functions over tokens.

A damaged token ("Viktorovi?", "Dvo?ák", "Bj\ufffdrk") is matched against the lexicons by skeleton;
candidates are ranked by frequency, by the document language, by the languages of the rest of the name
(one language per name) and by glossary entries. Rules TC103 and TC104 (``rules/encoding/``) decide what to do.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from transclean.corpus.profile import clear_spelling
from transclean.glossary import Concept, Glossary
from transclean.lexicon import WORDFREQ_ALIASES, lexicon, scan, skeleton, zipf

MARKERS = "?\ufffd"
#: A run of letters and damage markers (apostrophes end a token: "l'?" is two tokens).
TOKEN = regex.compile(r"[\p{L}\p{M}?\ufffd]+")
_CYRILLIC = ("ru", "uk", "bg", "mk")


def cyrillic_languages(language: str | None) -> tuple[str, ...]:
    """The Cyrillic word lists to search: the document's language when it is one, else Russian only.
    Each wordfreq list costs 50-100 MB in memory, so a batch worker must not load them all."""
    return (language,) if language in _CYRILLIC else ("ru",)


# UTF-8 Cyrillic read as Windows-1252 loses the bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, which ftfy turns into
# U+FFFD: these letters. Trying them first avoids a word-list scan for the most common damage.
_CP1252_LOST_CYRILLIC = "сэяѐѝАНЍЏЁ"
#: A Cyrillic or Greek word with lost letters: searched by pattern in those languages' word lists.
_MARKER_RUN = regex.compile(f"[{MARKERS}]{{2,6}}")
_GREEK = regex.compile(r"\p{Greek}")
_CYRILLIC_GREEK_WORD = regex.compile(
    r"(?:[\p{Cyrillic}\p{Greek}]|[?\ufffd])*\p{Cyrillic}(?:[\p{Cyrillic}\p{Greek}]|[?\ufffd])*|"
    r"(?:\p{Greek}|[?\ufffd])*\p{Greek}(?:\p{Greek}|[?\ufffd])*"
)
GLOSSARY_BONUS = 3.0
NAME_LANGUAGE_BONUS = 1.5
DOCUMENT_LANGUAGE_BONUS = 1.0
#: a capitalised token is more likely a name than a word: name-list candidates gain this.
NAME_BONUS = 0.5
#: the score of a word the document itself spells undamaged elsewhere ("Müller ... M?ller").
DOCUMENT_WORD_SCORE = 7.0
#: A recovery is applied without review when the best candidate carries this share of the weight...
SAFE_CONFIDENCE = 0.97
#: ...and its score (Zipf frequency plus language bonuses) reaches this, or a glossary vouches for it.
#: Below it the true word is too often missing from the lexicon while a rarer word happens to fit.
SAFE_SCORE = 4.0
#: Legacy code pages whose '?' replacement loses letters: a lost letter is one the page cannot encode.
CODE_PAGES = ("ascii", "cp1252", "latin-1", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso-8859-2")


def plausible_code_pages(survivors: str) -> tuple[str, ...]:
    """The code pages that can hold every non-ASCII letter that survived in the document.

    >>> plausible_code_pages("é")[:2]
    ('cp1252', 'latin-1')
    """
    return tuple(cp for cp in CODE_PAGES if _encodable(survivors, cp))


def _encodable(text: str, cp: str) -> bool:
    try:
        text.encode(cp)
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class Candidate:
    """A recovered word with its score (log10 weight) and where the evidence came from."""

    word: str
    score: float
    source: str  # glossary | document | corpus | name | lexicon
    concept: Concept | None = None


@dataclass(frozen=True)
class Recovery:
    """The ranked candidates for one damaged token and the confidence of the best."""

    token: str
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def safe(self) -> bool:
        """Whether the best candidate may be applied without review."""
        best = self.best
        return (
            best is not None
            and self.confidence >= SAFE_CONFIDENCE
            and (best.source in ("glossary", "document", "corpus") or best.score >= SAFE_SCORE)
        )

    @property
    def confidence(self) -> float:
        if not self.candidates:
            return 0.0
        weights = [10**c.score for c in self.candidates]
        return weights[0] / sum(weights)


def _fits(token: str, word: str) -> bool:
    """Whether ``word`` can be ``token`` with each marker standing for one non-ASCII letter."""
    if len(token) != len(word):
        return False
    for t, w in zip(token, word, strict=True):
        if t in MARKERS:
            if w.isascii() or not w.isalpha() or unicodedata.category(w) == "Lm":
                return False  # a lost letter, not a modifier such as "ˆ" (a C1 byte decoded as cp1252)
        elif t.lower() != w:
            return False
    return True


def _fixed_ends(reading: str) -> tuple[str, str]:
    """What every word that :func:`_fits` the reading starts and ends with: its letters before the first and
    after the last marker, lower-cased one by one as :func:`_fits` compares them. The skeleton of a Cyrillic
    or Greek word keeps no letter ("?????"), so the document's and the glossaries' words under it are all
    the words of its length: 13,006 calls of :func:`_fits` on four cp1252-read Russian pages, 1,013 after this look."""
    marked = [i for i, c in enumerate(reading) if c in MARKERS]
    if not marked:
        return "".join(c.lower() for c in reading), ""
    return "".join(c.lower() for c in reading[: marked[0]]), "".join(c.lower() for c in reading[marked[-1] + 1 :])


#: undamaged letters a word needs for a run of markers to be read as two letters side by side.
MIN_LETTERS_FOR_PAIRS = 3
#: how the markers of a run of UTF-8 bytes split into letters of 2 or 3 bytes ("Wa����sa": ł and ę).
_UTF8_SPLITS = {2: ((2,),), 3: ((3,),), 4: ((2, 2),), 5: ((2, 3), (3, 2)), 6: ((2, 2, 2), (3, 3))}


def _utf8_readings(token: str) -> list[tuple[str, list[int]]]:
    """Readings of runs of 2-6 markers as letters whose UTF-8 bytes each became a marker.

    Returns (token with each letter's bytes collapsed to one marker, byte length of each collapsed letter),
    one reading per way of splitting the runs.

    >>> _utf8_readings("wa????sa")
    [('wa??sa', [2, 2])]
    """
    from itertools import product

    runs = list(_MARKER_RUN.finditer(token))
    if not runs or len(runs) > 3:
        return []
    # Two letters lost side by side leave too little of a short word to tell ("Ni����": Niță or Ničí).
    longest = 6 if sum(c.isascii() and c.isalpha() for c in token) >= MIN_LETTERS_FOR_PAIRS else 3
    if any(m.end() - m.start() > longest for m in runs):
        return []
    readings = []
    for splits in product(*(_UTF8_SPLITS[m.end() - m.start()] for m in runs)):
        collapsed: list[str] = []
        sizes: list[int] = []
        pos = 0
        for m, split in zip(runs, splits, strict=True):
            collapsed.append(token[pos : m.start()] + "?" * len(split))
            sizes.extend(split)
            pos = m.end()
        readings.append(("".join(collapsed) + token[pos:], sizes))
    return readings


def _fits_utf8(collapsed: str, sizes: list[int], word: str) -> bool:
    if not _fits(collapsed, word):
        return False
    marked = [w for t, w in zip(collapsed, word, strict=True) if t in MARKERS]
    return all(len(w.encode("utf-8")) == n for w, n in zip(marked, sizes, strict=False))


@lru_cache(maxsize=8192)
def _cyrillic_greek_candidates(reading: str, langs: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Words of a Cyrillic or Greek reading: the letters cp1252 loses first, then a word-list scan (a few
    hundred dictionary lookups or a 1 ms scan: kept per process, since damaged words recur in a corpus)."""
    from itertools import product

    lost = [i for i, c in enumerate(reading) if c in MARKERS]
    if "el" not in langs and len(lost) <= 3:
        found = []
        for fill in product(_CP1252_LOST_CYRILLIC, repeat=len(lost)):
            chars = list(reading)
            for i, c in zip(lost, fill, strict=True):
                chars[i] = c
            word = "".join(chars).lower()
            found += [(word, lang) for lang in langs if zipf(word, lang) >= MIN_FOUND_ZIPF]
        if found:
            return tuple(found)
    pattern = "".join("." if c in MARKERS else regex.escape(c) for c in reading.replace("ς", "σ"))
    # wordfreq's lists are case-folded: a Greek word's final sigma comes back as "σ", written "ς" in text.
    return tuple(
        (regex.sub("σ$", "ς", word) if lang == "el" else word, lang)
        for word, lang in scan(pattern, len(reading), langs)
    )


#: A Cyrillic reading from the cp1252 letters counts when the word list has it at least this often.
MIN_FOUND_ZIPF = 2.0


@lru_cache(maxsize=65536)
def reading_keys(token: str) -> tuple[str, ...]:
    """The lexicon keys (skeletons) under which the words a damaged token may have been are found (kept per
    process: damaged words recur in a corpus)."""
    lower = token.lower().replace("\ufffd", "?")
    return tuple(skeleton(r) for r in (lower, *(reading for reading, _ in _utf8_readings(lower))))


def recovery_inputs(
    token: str, neighbours: Sequence[str], document_words: Mapping[str, Collection[str]], glossary: Glossary | None
) -> tuple[frozenset[tuple[str, str]], frozenset[str] | None]:
    """What :func:`recover` reads of its document arguments for the token: ``(key, word)`` for each document
    word it looks at (it passes over a word whose letters around the lost ones differ), and the lower-cased
    neighbours when a glossary word could fit (they only tell whether the glossary's name stands around the
    token). Two calls that agree on these, and on the token, language and code pages, return the same
    recovery, whatever other words the document holds."""
    lower = token.lower().replace("\ufffd", "?")
    found, glossed = [], False
    for reading in (lower, *(reading for reading, _ in _utf8_readings(lower))):
        key, (head, tail) = skeleton(reading), _fixed_ends(reading)
        found += [(key, word) for word in document_words.get(key, ()) if word.startswith(head) and word.endswith(tail)]
        if glossary is not None and not glossed:
            glossed = any(word.startswith(head) and word.endswith(tail) for word in glossary.tokens.get(key, ()))
    return frozenset(found), frozenset(n.lower() for n in neighbours) if glossed else None


@lru_cache(maxsize=65536)
def word_languages(word: str) -> tuple[str, ...]:
    """Languages a name word belongs to, for name consistency: the countries that use it as a first name,
    or the languages whose word lists have it (accented words only; ASCII words say little). Kept per
    process: each pass of TC103 asks again for the same neighbours."""
    from transclean.lexicon import first_name_languages

    lower = word.lower()
    langs = first_name_languages(lower)
    if not langs and not lower.isascii():
        found = lexicon().languages(lower)
        langs = sorted({lang.removeprefix("name:") for lang, z in found.items() if z >= 2.0})
    return tuple(langs)


def recover(
    token: str,
    *,
    language: str | None = None,
    name_languages: Sequence[str] = (),
    neighbours: Sequence[str] = (),
    glossary: Glossary | None = None,
    code_pages: Sequence[str] = CODE_PAGES,
    document_words: Mapping[str, Collection[str]] | None = None,
    corpus_words: Mapping[str, Mapping[str, int]] | None = None,
) -> Recovery:
    """Rank the words that a damaged token may have been. ``document_words`` (skeleton -> lower-case words)
    are the document's own undamaged accented words: one that fits is what the author wrote elsewhere.
    ``corpus_words`` (skeleton -> lower-case word -> intact mentions) are the corpus profile's: a spelling
    that clearly dominates the intact mentions that fit is taken over the lexicons (not over the document).

    >>> recover("Dvo?ák").best.word
    'dvořák'
    >>> recover("M?ller", document_words={"m?ller": {"møller"}}).best.word
    'møller'
    """
    lower = token.lower().replace("\ufffd", "?")
    if "?" in token:
        # '?' replacement: a lost letter is one that a plausible code page cannot encode, and the letters
        # that survived are ones it can (in cp1252, "Am?nat" cannot have been "Amânat").
        kept = "".join(c for c in lower if not c.isascii())
        pages = [cp for cp in code_pages if _encodable(kept, cp)]
    else:
        pages = []
    readings: list[tuple[str, list[int] | None]] = [(lower, None), *_utf8_readings(lower)]
    words: dict[str, dict[str, float]] = {}
    concepts: dict[str, Concept] = {}
    neighbour_set = {n.lower() for n in neighbours}
    attested: dict[str, int] = {}
    lex = lexicon()
    for (reading, sizes), key in zip(readings, reading_keys(token), strict=True):
        head, tail = _fixed_ends(reading)

        def ok(
            word: str,
            reading: str = reading,
            sizes: list[int] | None = sizes,
            attested: bool = False,
            head: str = head,
            tail: str = tail,
        ) -> bool:
            if not (word.startswith(head) and word.endswith(tail)):
                return False  # the letters around the lost ones differ: told at C speed, before the loop below
            if not (_fits(reading, word) if sizes is None else _fits_utf8(reading, sizes, word)):
                return False
            lost = "".join(w for r, w in zip(reading, word, strict=False) if r == "?")
            if not attested and lost.upper().isascii() and len(lost) == 1 and reading.endswith("?"):
                return False  # "Lavrov?" is a question, not a Turkish "ı" lost at the end of a word
            return not pages or any(not any(_encodable(ch, cp) for ch in lost) for cp in pages)

        if sum(c.isascii() and c.isalpha() for c in reading) >= 2:
            for word, langs in lex.candidates(key).items():
                if ok(word):
                    words.setdefault(word, {}).update(langs)
        elif _CYRILLIC_GREEK_WORD.fullmatch(reading):
            scripts = ("el",) if _GREEK.search(reading) else cyrillic_languages(language)
            for word, lang in _cyrillic_greek_candidates(reading, scripts):
                if ok(word):
                    words.setdefault(word, {})[lang] = max(zipf(word, lang), 1.0)
        for word in (document_words or {}).get(key, ()):
            # Still bound by the code pages: in a list damaged by cp1252, "Szücs" kept its "ü", so a
            # "Sz?cs" further down lost another letter (Szűcs).
            if ok(word):
                words.setdefault(word, {})["document:"] = DOCUMENT_WORD_SCORE
        for word, mentions in (corpus_words or {}).get(key, {}).items():
            if ok(word, attested=True):  # "Cuvarlı" written intact in the corpus: its "ı" is no question
                attested[word] = attested.get(word, 0) + mentions
        if glossary is not None:
            for word, owners in glossary.tokens.get(key, {}).items():
                if ok(word):
                    for concept, lang in owners:
                        forms = concept.terms.get(lang, ())
                        in_name = any(t in neighbour_set for f in forms for t in f.lower().split())
                        bonus = GLOSSARY_BONUS * (2 if in_name else 1)
                        langs = words.setdefault(word, {})
                        langs[f"glossary:{lang}"] = max(langs.get(f"glossary:{lang}", 0.0), 3.0 + bonus)
                        concepts[word] = concept
    candidates = []
    language = WORDFREQ_ALIASES.get(language or "", language)  # Croatian documents, Serbo-Croatian lists
    capitalised = token[0].isupper() or token[0] in MARKERS
    for word, langs in words.items():
        best, source = -math.inf, "lexicon"
        for lang, z in langs.items():
            kind, _, bare = lang.rpartition(":")
            score = z + (DOCUMENT_LANGUAGE_BONUS if bare == language else 0.0)
            score += NAME_LANGUAGE_BONUS if bare in name_languages else 0.0
            score += NAME_BONUS if kind == "name" and capitalised else 0.0
            if score > best:
                best, source = score, kind or "lexicon"
        candidates.append(Candidate(word, best, source, concepts.get(word)))
    candidates.sort(key=lambda c: (-c.score, c.word))
    return Recovery(token, tuple(_corpus_first(_merge_twins(candidates), attested)))


#: A spelling the corpus attests clearly is placed this far (log10 weight) above the best other candidate.
CORPUS_MARGIN = 3.0


def _corpus_first(candidates: list[Candidate], attested: dict[str, int]) -> list[Candidate]:
    """The candidates with the corpus's clear spelling first, when there is one and the document itself
    spells no candidate (what the author wrote in this document outranks what others wrote).

    >>> [c.word for c in _corpus_first([Candidate("tomàs", 4.0, "name")], {"tomás": 9, "tomàs": 1})]
    ['tomás', 'tomàs']
    """
    word = clear_spelling(attested)
    if word is None or any(c.source == "document" for c in candidates):
        return candidates
    same = [c for c in candidates if c.word.translate(_TWINS) == word.translate(_TWINS)]
    others = [c for c in candidates if c not in same]
    score = max((c.score for c in others), default=0.0) + CORPUS_MARGIN
    return [Candidate(word, score, "corpus", same[0].concept if same else None), *others]


#: Letters written two ways for one sound: Romanian's comma-below letters and the cedilla forms that
#: legacy code pages forced ("Nicușor", "Nicuşor"): candidates that differ only so are one word.
_TWINS = str.maketrans("şţŞŢ", "șțȘȚ")
_T_CEDILLA = str.maketrans("ţŢ", "țȚ")


def _merge_twins(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates with the weight of their twin spellings added, written with the comma letters (the
    Romanian spelling; the cedilla forms are what legacy code pages left).

    >>> [c.word for c in _merge_twins([Candidate("nicuşor", 4.5, "name"), Candidate("nicușor", 4.0, "name")])]
    ['nicușor']
    """
    merged: dict[str, Candidate] = {}
    for c in candidates:  # best first
        key = c.word.translate(_TWINS)
        if key in merged:
            kept = merged[key]
            merged[key] = Candidate(key, math.log10(10**kept.score + 10**c.score), kept.source, kept.concept)
        else:  # "ţ" is only ever a legacy Romanian "ț"; "ş" is also Turkish, so it stays without a twin
            merged[key] = Candidate(c.word.translate(_T_CEDILLA), c.score, c.source, c.concept)
    return sorted(merged.values(), key=lambda c: (-c.score, c.word))


def restore_case(token: str, word: str, upper_first: bool) -> str:
    """Spell ``word`` with the case of ``token`` (a damaged first letter takes ``upper_first``).

    >>> restore_case("?ERN?", "černý", False), restore_case("?ukasz", "łukasz", True)
    ('ČERNÝ', 'Łukasz')
    """
    letters = [c for c in token if c not in MARKERS]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return word.upper()
    single = len(word) == len(token)  # else each lost letter left one marker per UTF-8 byte
    out, pos = [], 0
    for i, char in enumerate(word):
        t = token[pos] if pos < len(token) else ""
        if t and t not in MARKERS:
            out.append(t)
            pos += 1
            continue
        out.append(char.upper() if (i == 0 and upper_first) else char)
        pos += 1 if single else len(char.encode("utf-8"))
    return "".join(out)


def convention(recovered: str, damaged: str, words: Sequence[str], index: int, concept: Concept, lang: str) -> str:
    """The glossary's form in ``lang`` for a recovered word, when the name around it matches one of its forms.

    ``words`` are the document's words around the damaged one (at ``index``). A form of the concept in the
    document language with the same words elsewhere, and a word at this position that keeps the undamaged
    letters, wins: "Sergei Viktorovič Lavrov" in English becomes "Sergei Viktorovich Lavrov".
    """
    first = min((damaged.find(m) for m in MARKERS if m in damaged), default=len(damaged))
    last = max(damaged.rfind(m) for m in MARKERS)
    prefix, suffix = damaged[:first], damaged[last + 1 :]
    for form in concept.terms.get(lang, ()):
        parts = form.split()
        for offset in range(len(parts)):
            start = index - offset
            if start < 0 or start + len(parts) > len(words) or len(parts) < 2:
                continue
            window = words[start : start + len(parts)]
            others = [(w, p) for j, (w, p) in enumerate(zip(window, parts, strict=True)) if j != offset]
            target = parts[offset]
            if all(w == p for w, p in others) and target.startswith(prefix) and target.endswith(suffix):
                return target
    return recovered


def document_words(text: str) -> dict[str, set[str]]:
    """A document's undamaged words with non-ASCII letters, lower-cased, by skeleton."""
    found: dict[str, set[str]] = {}
    for word in TOKEN.findall(text):
        if not word.isascii() and not any(c in MARKERS for c in word):
            lower = word.lower()
            found.setdefault(skeleton(lower), set()).add(lower)
    return found
