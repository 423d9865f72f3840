"""Words left in another Latin-script language inside English text, judged by word frequencies alone.

A word is *foreign in L* when it is common in L (wordfreq Zipf >= 3.5) and much commoner there than in
English (by 2 Zipf points: "della" 6.9 vs 3.4, "und" 7.4 vs 3.9), and not among English's commonest words
("per" 5.5 in English is English). A word is *English* when it is among English's commonest words and no
other language has it much commoner ("la" 5.1 in English but 7.6 in Spanish is not). Words of one letter
are never evidence ("i" is Italian, "a" everything). Verdicts are cached per word for the process: the
frequency lists are fixed, and a document repeats its words.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from transclean.langdata import language_data
from transclean.lexicon import Lexicon, common_index, common_words, zipf, zipf_probe

if TYPE_CHECKING:
    from transclean.context import Context

#: wordfreq's Latin-script languages a machine translation into English leaves words of (the sources of
#: the real pages: Italian, Spanish, French, German, Portuguese, Polish, Czech, Turkish, Romanian,
#: Serbo-Croatian, Hungarian, Indonesian, and two neighbours that share their function words' shapes).
LANGUAGES = ("it", "es", "fr", "de", "pt", "pl", "cs", "tr", "ro", "nl", "sh", "hu", "sv", "id")
#: a foreign word is at least this common in its language ...
FOREIGN_ZIPF = 3.5
#: ... and this much commoner there than in English.
MARGIN = 2.0
#: a word that leans to a language is known there this much at least ...
LEAN_ZIPF = 2.5
#: ... and this much commoner there than in English ...
LEAN_MARGIN = 1.0
#: ... and counts as foreign in a run when English has it this rarely.
RARE_ENGLISH = 3.0
#: an English word is at least this common in English (about 15,000 words) ...
ENGLISH_ZIPF = 4.5
#: ... and no language has it commoner by this much.
ENGLISH_MARGIN = 1.0

#: share of a document's letters that must be Latin for letters of other scripts to stand out.
LATIN_SHARE = 0.6
_NOT_LETTER = regex.compile(r"\P{L}+")
_NOT_LATIN = regex.compile(r"\P{Latin}+")

#: a word with its inner apostrophes ("dell'anno", "l'article").
WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
#: a capitalised word: a name or a sentence's first word, which says nothing of the language (TC801 and TC806
#: judge what is left when these are masked).
CAPITALISED = regex.compile(r"\b\p{Lu}[\p{L}\p{M}'’.-]*")


def mostly_latin(text: str) -> bool:
    """Whether at least 60% of the letters of ``text`` are Latin (TC802, TC807: other scripts stand out).

    >>> mostly_latin("The Министр of Finance"), mostly_latin("Министр финансов")
    (True, False)
    """
    # counted as what is left once everything else is deleted: no list of one-letter strings
    letters = len(_NOT_LETTER.sub("", text))
    return bool(letters) and len(_NOT_LATIN.sub("", text)) >= LATIN_SHARE * letters


@lru_cache(maxsize=1)
def _common() -> tuple[frozenset[str], Lexicon]:
    """English's commonest words (a set) and the languages each word is common in (an index: a set lookup
    costs nothing, but fourteen sets took 0.15 s to load at every start)."""
    return common_words("en", ENGLISH_ZIPF), common_index(LANGUAGES, FOREIGN_ZIPF)


def _common_in(low: str, index: Lexicon) -> list[str]:
    """The languages ``low`` is common in, in the order of LANGUAGES."""
    row = index.fields(low)
    return row[0].split() if row else []


@lru_cache(maxsize=65536)
def foreign(word: str) -> frozenset[str]:
    """The languages ``word`` is foreign in (empty for an English or unknown word).

    >>> sorted(foreign("della")), sorted(foreign("per")), sorted(foreign("und"))
    (['it'], [], ['de'])
    """
    low = word.lower()
    english, common = _common()
    if len(low) < 2:
        return frozenset()
    if low in english:
        # a listed function word is foreign though English writes it in names ("los", "las", "del")
        candidates = [lang for lang, words in function_words().items() if low in words]
    else:
        candidates = _common_in(low, common)
    if not candidates:
        return frozenset()
    own = zipf(low, "en")
    return frozenset(lang for lang in candidates if zipf_probe(low, lang) - own >= MARGIN)


@lru_cache(maxsize=65536)
def leaning(word: str) -> frozenset[str]:
    """The languages ``word`` leans to without being foreign there: not plainly English, known in the
    language (Zipf >= 2.5) and a Zipf point commoner there than in English ("la", "de", an inflected form
    too rare for :func:`foreign`). Such a word extends a run of foreign words, never starts one.

    >>> sorted(leaning("la"))[:3], sorted(leaning("minister"))
    (['es', 'fr', 'it'], [])
    """
    low = word.lower()
    if len(low) < 2 or english(word):
        return frozenset()
    own = zipf(low, "en")
    return frozenset(lang for lang in LANGUAGES if (z := zipf_probe(low, lang)) >= LEAN_ZIPF and z - own >= LEAN_MARGIN)


@lru_cache(maxsize=65536)
def english(word: str) -> bool:
    """Whether ``word`` is plainly English: common in English and not much commoner in another language.

    >>> english("minister"), english("la"), english("i")
    (True, False, False)
    """
    low = word.lower()
    common_english, common = _common()
    if len(low) < 2 or low not in common_english:
        return False
    own = zipf(low, "en")
    return not any(zipf_probe(low, lang) - own >= ENGLISH_MARGIN for lang in _common_in(low, common))


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Each language's function words that English does not also write ("della", "und", "dla"; not "con",
    "die", "pro"), from the ``[untranslated] function_words`` lists of the language files."""
    return {
        lang: frozenset(language_data(lang).get("untranslated", {}).get("function_words", ())) for lang in LANGUAGES
    }


@lru_cache(maxsize=1)
def loan_phrases() -> frozenset[str]:
    """Foreign phrases English writes as its own ("dolce vita", "capo di tutti capi"), lower-cased."""
    return frozenset(language_data("en").get("untranslated", {}).get("loan_phrases", ()))


#: a run of several words needs this many foreign ones: a loan term holds one among words English shares
#: ("corps de logis").
MIN_FOREIGN = 2

#: quotations keep their language on purpose (titles, mottos): straight, curly, guillemets, TeX-style.
_QUOTED = regex.compile(r"«[^»\n]*»|“[^”\n]*”|„[^“”\n]*[“”]|\"[^\"\n]*\"|``[^\n]*?''|‘[^’\n]*’")


def embedded_in(ctx: Context) -> tuple[tuple[int, int, int, frozenset[str], bool], ...]:
    """:func:`embedded` of the document's text, computed once for the rules of this family (TC804, TC805)
    and kept in the document's memo."""
    key = ("foreign-embedded", ctx.text)
    if key not in ctx.memo:
        ctx.memo[key] = embedded(ctx.text)
    return ctx.memo[key]  # type: ignore[return-value]


def embedded(text: str) -> tuple[tuple[int, int, int, frozenset[str], bool], ...]:
    """Foreign words set inside English: (start, end, word count, languages, whether an English word follows)
    of each run that follows an English word, is all in lower case, ends before neither a capitalised word
    nor a bracket, and stands outside quotations; a run of several words holds two foreign ones at least.

    Those conditions are what separates a leftover from a name or a title, which English text quotes in
    their language on purpose: a run with a capitalised word or one that runs into a capitalised word is
    part of a name or title ("Contra las cuerdas", "von der Schulenburg", "peintre du Roi", "de Anda"), a
    bracket after it brings its gloss ("capo di tutti capi (boss of bosses)"), and a run after a non-English
    word continues a foreign passage (a title, a chrome line in the source language) that other rules judge
    whole.

    >>> text = "The council approved funds della regione for roads."
    >>> [text[a:b] for a, b, *_ in embedded(text)]
    ['della regione']
    """
    words = list(WORD.finditer(text))
    quoted = [q.span() for q in _QUOTED.finditer(text)] if any(q in text for q in '«“„"`‘') else []
    loans = loan_phrases()
    found = []
    for i, j, shared, strong in foreign_runs(words, text):
        first, last = words[i], words[j - 1]
        start, end = first.start(), last.end()
        if not all(w[0][0].islower() for w in words[i:j]) or i == 0 or text[words[i - 1].end() : start] != " ":
            continue
        if j - i > 1 and strong < MIN_FOREIGN:
            continue
        if not english(words[i - 1][0]):
            continue
        after = words[j] if j < len(words) else None
        if after is not None and text[end : after.start()] == " " and after[0][0].isupper():
            continue
        if text[end : end + 2].lstrip(" ").startswith(("(", "[")):
            continue
        if any(a < start and end < b for a, b in quoted):
            continue
        if " ".join(w[0] for w in words[i:j]).lower() in loans:
            continue
        found.append((start, end, j - i, shared, after is not None and english(after[0])))
    return tuple(found)


def foreign_runs(words: list[regex.Match[str]], text: str) -> list[tuple[int, int, frozenset[str], int]]:
    """Maximal runs ``words[i:j]`` around foreign words sharing a language, with single spaces between them,
    extended both ways by words that lean to that language, as (i, j, languages, foreign words); runs of one
    word included. A leaning word after the first that English hardly knows counts as foreign ("questa
    locomotiva": an inflection too rare in Italian's lists, and no English word)."""

    def joined(k: int) -> bool:  # words k-1 and k are separated by one space
        return text[words[k - 1].end() : words[k].start()] == " "

    def counts(k: int, shared: frozenset[str]) -> bool:  # word k is foreign, or leans and English lacks it
        return bool(foreign(words[k][0]) & shared) or zipf(words[k][0].lower(), "en") < RARE_ENGLISH

    runs, i = [], 0
    while i < len(words):
        shared = foreign(words[i][0])
        if not shared:
            i += 1
            continue
        j = i + 1
        while j < len(words) and joined(j):
            narrower = shared & (foreign(words[j][0]) | leaning(words[j][0]))
            if not narrower:
                break
            shared, j = narrower, j + 1
        while j - 1 > i and not counts(j - 1, shared):
            j -= 1  # a run ends on a word that counts: "la" after it is the next phrase's
        strong = sum(counts(k, shared) for k in range(i, j))
        start = i
        while start > 0 and joined(start) and (narrower := shared & leaning(words[start - 1][0])):
            shared, start = narrower, start - 1
        runs.append((start, j, shared, strong))
        i = j
    return runs


#: a line is in another language when this share of its words are foreign in that language ...
LINE_SHARE = 0.6
#: ... counting at least this many, of which one is a lower-case word of this many letters at least (a line
#: of capitalised words with short particles is a name: "Juan Pablo", "Politecnico di Torino").
LINE_MIN_WORDS = 2
LINE_MIN_LETTERS = 4


def line_language(line: str) -> str | None:
    """The language a line is written in when it is another than English: no plain English word, and most
    of its words (two at least, one of them a lower-case word that is no particle) foreign in that language.

    >>> line_language("Lasciate un commento"), line_language("Leave a comment"), line_language("Juan Pablo")
    ('it', None, None)
    """
    words = WORD.findall(line)
    if len(words) < LINE_MIN_WORDS:
        return None
    counts: dict[str, int] = {}
    lower: set[str] = set()
    for word in words:
        if english(word):
            return None
        for lang in foreign(word):
            counts[lang] = counts.get(lang, 0) + 1
            if word[0].islower() and len(word) >= LINE_MIN_LETTERS:
                lower.add(lang)
    if not counts:
        return None
    best = max(sorted(counts), key=counts.__getitem__)
    if counts[best] >= max(LINE_MIN_WORDS, LINE_SHARE * len(words)) and best in lower:
        return best
    return None
