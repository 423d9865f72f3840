"""TC109: dropped-letters."""

from __future__ import annotations

import re
from collections.abc import Iterator, Set

import regex

from transclean.analysis.dropped import Dropped, confidence, dropped_candidates, restore, without_accents
from transclean.context import Context
from transclean.lexicon import common_words, first_name_languages, unknown
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import is_word_char

# A token: an ASCII word of four letters or more standing alone, not part of an address, an e-mail or a
# number, and not beside a mark that stands for a lost letter ("*ngel", "Rodr?guez": TC103's, or
# unrecoverable): what r"(?<![\w@/.=&#%*?\ufffd-])[A-Za-z]{4,}(?![\w@/=&#%*?\ufffd]|\.\w)" matches (in
# `regex`), a whole run of ASCII letters whose neighbours pass (see _tokens).
_RUN = re.compile("[A-Za-z]{4,}")
_NOT_BEFORE = frozenset("@/.=&#%*?\ufffd-")
_NOT_AFTER = frozenset("@/=&#%*?\ufffd")
#: the letters a token has at least
MIN_LETTERS = 4
#: unknown words with a clear recovery a page needs before a lexicon word is read through any of them: a
#: page that drops letters drops them in many words, while one unknown word in edited text is a name or a typo.
MIN_PAGE_WORDS = 2
#: the share of the weight the best lexicon candidate needs to be suggested.
MIN_CONFIDENCE = 0.8
#: the Zipf frequency of the common words set aside by a set lookup before any other test.
COMMON_ZIPF = 3.0
# The words of a text, among which those with a non-ASCII letter are what the document spells intact. (A
# pattern for those words alone, r"\w*[^\W\d_\x00-\x7f]\w*", backtracked through every word: 3-4x slower.)
_WORD_RUN = regex.compile(r"\w+")


#: lower-case words that do not read clearly (:func:`_reads`) with one letter put back unless the document
#: spells them with an accent: shorter than MIN_LETTERS, common or listed in English, a first name, or the
#: lexicon words that fit give no clear reading (each a property of the word alone, in lists that do not
#: change). A document whose every word is one and spells none of them finds nothing (no word reads), so
#: most documents pass by one set difference at C speed, where the tests below looked up each word in two
#: large tables and a page in Italian or Spanish put letters back into twenty words (most of the rule's
#: time on clean text). Emptied when it reaches BARREN_WORDS.
_barren: set[str] = set()
BARREN_WORDS = 100_000


@register
class DroppedLetters(Rule):
    """Letters dropped without a trace: "Erdoan" for "Erdoğan", "Kozowski" for "Kozłowski".

    ## What it finds
    An ASCII word that no word list or name list knows and that becomes a known word or name when one or two
    non-ASCII letters are put back: one the document itself spells intact elsewhere, or, on a page with at
    least two such words, one the word and name lists of 29 languages know (Zipf 3 or more).

    ## Why it matters
    A PDF text layer, a font or a scraper that cannot hold a letter sometimes drops it instead of writing
    '?': names and quoted words lose their accented letters and nothing marks the place ("Davutolu",
    "midzy"). The reader cannot find the person, and name rules cannot match the two spellings.

    ## Fix safety
    Safe when the document spells exactly one word that fits (it wrote the name intact elsewhere). From the
    lexicons alone the word is only suggested: a rare name may be spelt so.
    """

    code = "TC109"
    name = "dropped-letters"
    category = Category.ENCODING
    severity = Severity.MAJOR
    fix = Applicability.SAFE
    must_fire = (
        Example(
            "Recep Tayyip Erdoğan spoke in Ankara. Later ⟦Erdoan⟧ met the envoy.",
            fixed="Recep Tayyip Erdoğan spoke in Ankara. Later Erdoğan met the envoy.",
        ),
        Example("The historian Jan ⟦Kozowski⟧ wrote on ⟦Solidarno⟧ and its strikes."),
    )
    must_not_fire = (
        Example("The minister Jan Kowalski met Erdogan and Orban in Brussels."),
        Example("See www.example.com/erdoan or mail erdoan@example.com."),
        Example("The teh cat sat on the mat."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        # Every token is a run of ASCII letters: the runs (the scan's words, shared with the gates) hold every
        # token, so the per-word tests below run on them first and the context-checked scan only on a page
        # with a word that fits (most have none). Only words no word list or first-name list has can have
        # lost a letter; most words of running text are common ones, set aside by one set difference at C
        # speed before the length test and the lists are asked (the first names below). Words met before
        # that gave nothing are set aside first, all at once (_barren).
        runs = set(ctx.scan.ascii_words)
        fresh = runs - _barren
        if not fresh and text.isascii():
            return  # no word reads with one letter put back (see _barren)
        document = _accented(text)
        shared = document.keys() & runs
        if not fresh and not shared:
            return  # nor does the document spell one of them with an accent
        if shared and not _tokens(text, fresh | shared):
            # Only a token is reported, and only a token's reading lets the rest be read (see _recoveries):
            # where none is fresh or spelt with an accent, nothing is found. An accented word's ASCII letters
            # are often a run inside it ("citt" in "città"), which is no token: such a page passes here.
            return
        words = unknown({w for w in runs - common_words("en", COMMON_ZIPF) if len(w) >= MIN_LETTERS}, "en")
        # One dropped letter first (a dozen lookups a word); two (five times as many) only on a page where
        # some word already reads clearly with one put back or is spelt intact: a dropping page drops both.
        found = {
            w: c
            for w in words
            if (c := dropped_candidates(w, document, most=1)) and not first_name_languages(w)  # a query: only now
        }
        if len(_barren) >= BARREN_WORDS:
            _barren.clear()
        _barren.update(fresh - words)  # short, common or listed in English
        for w in words:  # no fit, a first name, or fits that do not read (the document's spellings aside)
            alone = found.get(w) if w not in document else not first_name_languages(w) and dropped_candidates(w, most=1)
            if not alone or not _reads(alone):
                _barren.add(w)
        if not any(_reads(c) for c in found.values()):
            return  # no word reads clearly: nor will any of fewer words, and two letters are not looked for
        tokens = _tokens(text, words)  # (only a token of these words can be reported)
        # (the words with a reading already passed the first-name list: not asked again)
        words = {w for w in words & {m.group().lower() for m in tokens} if w in found or not first_name_languages(w)}
        # The document's own language may know some of the words too; asking it is a fastText call (0.3-1 ms,
        # more than the rest of a document's check), and its answer can only take words away: a page that
        # yields nothing with every word yields nothing with fewer (fewer words carry less page evidence, and a
        # word keeps its candidates), so the language is asked only once something would be reported.
        hits = _recoveries(tokens, words, found, document)
        if hits and (lang := ctx.language or "en") != "en":
            hits = _recoveries(tokens, unknown(words - common_words(lang, COMMON_ZIPF), lang), found, document)
        for m, candidates in hits:
            token = m.group()
            best = candidates[0]
            word = restore(token, best.word)
            safe = best.in_document and sum(c.in_document for c in candidates) == 1
            others = ", ".join(restore(token, c.word) for c in candidates[1:3])
            yield self.finding(
                text,
                m.start(),
                m.end(),
                f"Letters dropped without a trace in {token!r}: probably {word!r}"
                + (" (the document spells it so)" if best.in_document else "")
                + (f" (also possible: {others})" if others else ""),
                suggestion=word,
                title=f"Restore {word!r}",
                confidence=confidence(candidates),
                applicability=Applicability.SAFE if safe else Applicability.UNSAFE,
                severity=Severity.MAJOR if best.in_document else Severity.MINOR,
            )


def _accented(text: str) -> dict[str, set[str]]:
    """The document's words with a non-ASCII letter, lower-cased, by :func:`without_accents`, where that
    has MIN_LETTERS letters (only a word of the rule's is looked up). Such a word lies inside one
    whitespace-separated piece that is not ASCII and holds MIN_LETTERS ASCII characters: only those pieces
    are read for words (all of a page's words cost 60-200 µs, and a page in Cyrillic spells every word
    with non-ASCII letters and none with four ASCII ones)."""
    if text.isascii():
        return {}
    # (lower-cased first: "K", the Kelvin sign, is "k" in lower case)
    pieces = " ".join(
        piece
        for piece in text.split()
        if not piece.isascii() and len(piece.lower().encode("ascii", "ignore")) >= MIN_LETTERS
    )
    document: dict[str, set[str]] = {}
    for spelling in {word.lower() for word in _WORD_RUN.findall(pieces) if word.isalpha() and not word.isascii()}:
        if len(key := without_accents(spelling)) >= MIN_LETTERS:
            document.setdefault(key, set()).add(spelling)
    return document


def _tokens(text: str, among: Set[str]) -> list[re.Match[str]]:
    """The tokens of the text whose lower case is one of ``among``, in order: its runs of four ASCII letters
    or more, found at C speed, whose neighbours are read only for a run of ``among`` (the token's pattern
    tried its lookbehind at every position: 100-200 µs a page, more than the rest of the rule on most)."""
    tokens = []
    for m in _RUN.finditer(text):
        if m.group().lower() not in among:
            continue
        start, end = m.span()
        before, after = text[start - 1 : start], text[end : end + 1]
        if before and (before in _NOT_BEFORE or is_word_char(before)):
            continue
        if after and (
            after in _NOT_AFTER or is_word_char(after) or (after == "." and is_word_char(text[end + 1 : end + 2]))
        ):
            continue
        tokens.append(m)
    return tokens


def _recoveries(
    tokens: list[re.Match[str]],
    words: set[str],
    found: dict[str, list[Dropped]],
    document: dict[str, set[str]],
) -> list[tuple[re.Match[str], list[Dropped]]]:
    """The tokens to report among ``words``, with their candidates; ``found`` has the words' candidates with
    one letter put back (those that have some)."""
    found = {w: c for w, c in found.items() if w in words}
    # two letters put back only where one already gives some word a clear reading (see check)
    if any(_reads(c) for c in found.values()):
        found = {w: c for w in words if (c := dropped_candidates(w, document))}
    # Words with a clear recovery only: two unknown transliterations that a rare word fits by chance
    # ("Kathe Proi", "Proti": Croatian "proći", Romanian "proști") are no evidence of a dropping page.
    page_evidence = sum(_reads(c) for c in found.values()) >= MIN_PAGE_WORDS
    return [
        (m, candidates)
        for m in tokens
        if (candidates := found.get(m.group().lower()))
        and (candidates[0].in_document or (page_evidence and confidence(candidates) >= MIN_CONFIDENCE))
    ]


def _reads(candidates: list[Dropped]) -> bool:
    """Whether a word reads clearly with letters put back: one candidate carries the weight, or the
    document spells the best one."""
    return confidence(candidates) >= MIN_CONFIDENCE or candidates[0].in_document
