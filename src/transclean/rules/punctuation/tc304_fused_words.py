"""TC304: fused-words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from transclean import lexicon
from transclean.context import Context
from transclean.langdata import language_data
from transclean.lexicon import common_words, zipf, zipf_probe
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.scan import Scan

# A word of five letters or more (shorter ones are not taken for two fused), not part of an address, a
# handle, a file name or a hyphenated compound. The length is asked here, not of each match: most words are
# shorter, and every match costs a lookup.
_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’@/.#_\\-])\p{L}{5,}(?![\p{L}\p{M}\p{N}@/_\\-]|\.\p{L})")

# A capital right after a lower-case letter ("VuongDinh") or a run of capitals before a lower-case word
# ("NAchairman").
_CAMEL = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")
_CAPS_THEN_WORD = regex.compile(r"^(\p{Lu}{2,5})(\p{Ll}{4,})$")

# Two sentences fused at their full stop: "inspectors.During", "media.\"Russia". The left word has two
# letters or more (initials and "Ph.D" stay), the right word is capitalised and then lower case.
# The quote may close the first sentence or open the second ("country.“We"), and the second may open with
# a name's initial ("shared.A. Ertayev").
_FUSED_STOP = regex.compile(
    r"(?<![\p{L}\p{N}.@/:])(\p{L}{2,})([.!?])([\"”»“„«]?)(\p{Lu}\p{Ll}+(?![\p{L}.@/])|\p{Lu}(?=\.\s\p{Lu}\p{Ll}))"
)

# Two sentences fused at the stop, the second in lower case: "autumn.against". Both sides must be frequent
# words ("file.txt", "example.com" have a rare or short side); flagged only.
_FUSED_LOWER = regex.compile(r"(?<![\p{L}\p{N}.@/:_\\-])(\p{Ll}{3,})\.(\p{Ll}{4,})(?![\p{L}\p{N}.@/_\\-])")
#: both sides of a lower-case fusion at least this frequent (Zipf): common words, not a site's name.
STOP_ZIPF = 3.5

# What every match of the two patterns above holds: a stop before a capital or a stop before a lower-case
# letter. The patterns open with a lookbehind, tried at every position (0.4 s/MB each); these scans skip
# them on the many documents without such a stop.
_STOP_THEN_CAPITAL = regex.compile(r"[.!?][\"”»“„«]?\p{Lu}")
_STOP_THEN_LOWER = regex.compile(r"\.\p{Ll}")

# A dash glued to a full stop: "immigrants.- It is". (An ellipsis glued to both words, "president...we",
# is a writer's style as often: 6 of 2,454 GAP paragraphs, all deliberate.)
_GLUED_DASH = regex.compile(r"(?<=\p{Ll}{2})[.!?][-–—](?= \p{Lu})")

# The cheap look before the language is known (standard-library scans, several times faster than the
# patterns above). A stop glued to a letter, a quote or a dash: every match of the three patterns above has
# one. Runs of five letters or more, read as `re` reads letters (every letter and a few number signs): a
# word the scan below looks at is such a run, or lies inside one that is not all letters.
_GLUED_STOP = re.compile(r"[.!?](?:[\"”»“„«]?[^\W\d_]|[-–—])")
LONG_RUN = 5
_LONG_RUN = re.compile(rf"[^\W\d_]{{{LONG_RUN},}}")

#: a page that lost this many spaces where the split is sure lost them between plain words too
#: ("RuralDevelopment" beside "andmembers"); elsewhere brands join words on purpose ("GlobeLink").
LOST_SPACES = 2

#: a part of a fused word this frequent (Zipf) is a word of the language.
WORD_ZIPF = 3.0
#: the part beside a joiner must be at least this frequent: rarer words are often the tails of names.
HEAD_ZIPF = 4.0


@lru_cache(maxsize=65536)
def _known(word: str, lang: str) -> float:
    """The highest Zipf frequency of the word in lower case, in the document's language or in English
    (memoised: every long word of a document is asked about, most of them many times)."""
    lower = word.lower()
    return max(zipf(lower, lang), zipf(lower, "en") if lang != "en" else 0.0)


@register
class FusedWords(Rule):
    """Two words fused where a space was lost: "Novakand he", "VuongDinh", "DagbladetThe", "inspectors.During".

    ## What it finds
    A word that is no word of the language but splits into two that are: at a capital inside the word
    ("PrimeMinister", "VuongDinh" when the document also writes "Vuong Dinh"), after a run of capitals
    ("NAchairman"), at a short function word ("andmembers", "Ministerof"), or at a full stop with no space
    after it ("stated.However"). On a page that lost two spaces for sure, also two words of the language
    fused with no such sign ("RuralDevelopment", "globaleconomic"). Name particles ("McCain", "DeSantis")
    and words the lexicon knows ("YouTube", "PowerPoint") are left alone.

    ## Why it matters
    Scrapers that join HTML elements and translators that lose spaces leave words a reader stumbles over and
    that no glossary or name check can match.

    ## Fix safety
    Safe where the split is sure: the two parts appear apart elsewhere in the document, or a lower-case
    fused word splits one way only into a function word and a frequent word. Otherwise the split is
    suggested only (unsafe): brands join words on purpose, and a text may set no space after a full stop
    on purpose (ftfy's test cases keep "avec vous.Pardonnez" as written).
    """

    code = "TC304"
    name = "fused-words"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages = ("en", "it", "es", "fr", "de", "pt", "ru", "pl", "cs", "tr")
    must_fire = (
        Example(
            "Chairman Vuong Dinh Hue spoke. Later ⟦VuongDinh⟧ Hue signed.",
            fixed="Chairman Vuong Dinh Hue spoke. Later Vuong Dinh Hue signed.",
            language="en",
        ),
        Example("He met the President ⟦andmembers⟧ of the council.", language="en",
                fixed="He met the President and members of the council."),
        Example("Agency ⟦inspectors.During⟧ the meeting he spoke.", language="en",
                fixed="Agency inspectors. During the meeting he spoke."),
        Example("He told the newspaper ⟦DagbladetThe⟧ prime minister said no.", language="en"),
        Example("The ⟦NAchairman⟧ also signed a resolution.", language="en"),
        Example("He was named ⟦Ministerof⟧ Defence.", language="en"),
        Example("It will help the ⟦country.“We⟧ strive to help,” he said.", language="en"),
        Example("The systems will be linked,” he ⟦shared.A⟧. Ertayev noted the plan.", language="en"),
        Example("The campaign raving since the ⟦autumn.against⟧ him played a role.", language="en"),
        Example("She met the President ⟦andmembers⟧ and ⟦ofNational⟧ and ⟦RuralDevelopment⟧ staff.", language="en"),
        Example("He met the ⟦governmentwere⟧ and ⟦andmembers⟧ on the ⟦globaleconomic⟧ crisis.", language="en"),
        Example("They want refugees⟦.-⟧ It is good.", language="en"),
        Example("They spoke of ⟦Taiwan.He⟧ said no, and at that ⟦moment.If⟧ they agree, it ends.", language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("Senator DeSantis and John McCain watched it on YouTube and in PowerPoint.", language="en"),
        Example("She bought an iPhone and a PlayStation at the U.S. store.", language="en"),
        Example("Mr. Brandon Atwood lives in Andover.", language="en"),
        Example("She earned a Ph.D. Smith said so, and wrote to news.google.com and read index.html.", language="en"),
        Example("See www.example.com/Index or mail info@News.Example.", language="en"),
        Example("He holds a Ph.D in physics and works at NATO.", language="en"),
        Example("The URLs and PCs of the NGOs were seized.", language="en"),
        Example("Millo has a real Verdi sound...her darkly lit voice.", language="en"),
        Example("He met his stepuncle at the homecountry shoestore.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        glued = _stop_fused(text)
        # Words no language could call known (English knows them not: a word English knows is known in every
        # language, see _known) that some language could split. Most documents have none and no glued stop,
        # and need no language.
        unknown = _asking(_runs(ctx.scan))
        if not glued and not unknown:
            return
        lang = ctx.language or "en"
        if lang not in self.languages:
            return
        data = language_data(lang).get("punctuation") or language_data("en")["punctuation"]
        if glued:
            yield from self._glued(ctx, data, lang)
        if any(
            not run.isalpha() or (_known(run, lang) == 0 and _split(run, data, lang, text) is not None)
            for run in unknown
        ):
            yield from self._fused(text, data, lang)  # a word splits: the scan finds where, in text order

    def _glued(self, ctx: Context, data: dict, lang: str) -> Iterator[Finding]:
        """Sentences fused at a full stop."""
        text = ctx.text
        stops = list(_FUSED_STOP.finditer(text)) if _STOP_THEN_CAPITAL.search(text) else []
        for m in stops:
            yield from self._fused_stop(ctx, m, data, len(stops))
        for m in _FUSED_LOWER.finditer(text) if _STOP_THEN_LOWER.search(text) else ():
            if min(_known(m[1], lang), _known(m[2], lang)) >= STOP_ZIPF and text.count(m.group()) == 1:
                yield self.finding(
                    text, m.start(), m.end(), "No space after the full stop, or a stop inside the sentence",
                    applicability=Applicability.NONE,
                )  # fmt: skip
        for m in _GLUED_DASH.finditer(text):
            yield self.finding(
                text, m.start(), m.end(), "A dash glued to the full stop: a space is missing",
                applicability=Applicability.NONE,
            )  # fmt: skip

    def _fused(self, text: str, data: dict, lang: str) -> Iterator[Finding]:
        """Words fused where a space was lost."""
        found: list[tuple[regex.Match[str], int, bool]] = []  # the match, where it splits, whether surely
        pairs: list[tuple[regex.Match[str], int, bool]] = []
        for m in _WORD.finditer(text):
            word = m.group()
            if _known(word, lang) > 0:
                continue
            split = _split(word, data, lang, text)
            if split is not None:
                found.append((m, *split))
            elif (pair := _word_pair(word, data, lang)) is not None:
                pairs.append((m, pair, False))
        if sum(sure for _, _, sure in found) >= LOST_SPACES:
            found = sorted(found + pairs, key=lambda item: item[0].start())
        for m, at, sure in found:
            word = m.group()
            spaced = f"{word[:at]} {word[at:]}"
            yield self.finding(
                text,
                m.start(),
                m.end(),
                f"{word!r} looks like two words fused: {spaced!r}",
                suggestion=spaced,
                title="Insert the lost space",
                applicability=Applicability.SAFE if sure else Applicability.UNSAFE,
            )

    def _fused_stop(self, ctx: Context, m: regex.Match[str], data: dict, stops: int) -> Iterator[Finding]:
        """One stop fusion of the ``stops`` the text holds. A two-letter second word is taken only when it
        opens sentences ("Taiwan.He", "moment.If"; "Ph.Dr" stays), and reported at info severity unless the
        page lost the space after a stop more than once: GAP's edited English has one such slip ("Punjab.He")."""
        left, mark, quote, right = m.groups()
        if len(right) == 1 and not (left.islower() and len(left) >= 3):
            return  # an initial after an abbreviation's letters ("Ph.D. Smith")
        opener = len(right) == 2 and right in data.get("sentence_openers", ())
        if (
            left.lower() in data["abbreviations"]
            or (len(left) < 3 and not left.islower())
            or (len(right) == 2 and not quote and not opener)
        ):
            return
        if ctx.text.count(m.group()) > 1:
            return  # a name written so on purpose ("News.Az" signs the page)
        if quote:
            # which side the quote belongs to is a guess: flag only
            yield self.finding(
                ctx.text, m.start(), m.end(), f"No space around {quote!r} after {mark!r}",
                applicability=Applicability.NONE,
            )  # fmt: skip
            return
        yield self.finding(
            ctx.text,
            m.start(),
            m.end(),
            f"No space after {mark!r} between two sentences",
            suggestion=f"{left}{mark} {right}",
            title="Insert the lost space",
            applicability=Applicability.UNSAFE,
            severity=Severity.INFO if opener and stops < LOST_SPACES else None,
        )


@cache
def _joiner_languages() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """For each joiner, and each capital joiner, of a language the rule knows: the languages that have it."""
    joiners: dict[str, list[str]] = {}
    capital: dict[str, list[str]] = {}
    for lang in FusedWords.languages:
        data = language_data(lang).get("punctuation") or language_data("en")["punctuation"]
        for joiner in data["joiners"]:
            joiners.setdefault(joiner, []).append(lang)
        for joiner in data["capital_joiners"]:
            capital.setdefault(joiner, []).append(lang)
    return {j: tuple(ls) for j, ls in joiners.items()}, {j: tuple(ls) for j, ls in capital.items()}


def _stop_fused(text: str) -> bool:
    """Whether a pattern :meth:`FusedWords._glued` reads matches, asked before the language: a stop glued to
    a letter is most often an abbreviation's or an address's ("U.S.", "e.g.", "news.google.com"), which the
    patterns leave (33 of 588 documents of the benchmark asked for their language for no more)."""
    if _GLUED_STOP.search(text) is None:
        return False
    return (
        (_STOP_THEN_CAPITAL.search(text) is not None and _FUSED_STOP.search(text) is not None)
        or (_STOP_THEN_LOWER.search(text) is not None and _FUSED_LOWER.search(text) is not None)
        or _GLUED_DASH.search(text) is not None
    )


def _runs(scan: Scan) -> set[str]:
    """The runs :func:`_asking` reads: the distinct matches of ``_LONG_RUN``, and in an ASCII text every run of
    its letters, the scan's (split at C speed and shared with the gates; the shorter ones pass as plain runs
    by the same set difference: a length test each cost as much as the rest of the look)."""
    if not scan.is_ascii:
        return set(_LONG_RUN.findall(scan.text))
    return set(scan.ascii_runs)


@lru_cache(maxsize=65536)
def _unknown_in(word: str, lang: str) -> bool:
    """``zipf(word, lang) == 0`` for a lower-case word, asked of a language the document may not be in."""
    return not zipf_probe(word, lang)


def _frequent(word: str, lang: str) -> bool:
    """``_known(word, lang) >= HEAD_ZIPF``, asked of a language the document may not be in. A set lookup: a
    query per head was half of the rule's time on new text."""
    return word in common_words(lang, HEAD_ZIPF) or (lang != "en" and zipf(word, "en") >= HEAD_ZIPF)


#: runs of letters that never ask for the language (English knows them, or no language could split them):
#: most words of every document, so a document's runs are passed by one set difference at C speed rather
#: than a lookup each (a third of the rule's time on clean text). Emptied when it reaches PLAIN_RUNS.
_plain: set[str] = set()
PLAIN_RUNS = 100_000


def _asking(runs: set[str]) -> set[str]:
    """The runs for which the rule needs the document's language: of LONG_RUN letters or more, and not all
    letters, or unknown in English and split by :func:`_may_split`. A run that does not ask never will
    (English's list does not change, nor does a False answer of :func:`_may_split`), so such runs are kept in
    ``_plain``."""
    new = runs - _plain
    if not new:
        return new
    unknown = lexicon.unknown(new, "en")
    asking = {
        run for run in new if len(run) >= LONG_RUN and (not run.isalpha() or (run in unknown and _may_split(run)))
    }
    if len(_plain) >= PLAIN_RUNS:
        _plain.clear()
    _plain.update(new - asking)
    return asking


@lru_cache(maxsize=65536)
def _may_split(word: str) -> bool:
    """Whether :func:`_split` could split the word in some language the rule knows, asked before the
    language is known: a capital inside it, capitals before a word, or a joiner of a language at an end
    where :func:`_joiner_splits` looks for one, beside a part frequent in that language or in English, in a
    language that does not know the whole word (one that does never splits it: "violento" is Italian,
    Spanish and Portuguese for all of "violent o"). Not a run of letters only (read by ``re``): the words
    inside it are not known here. Memoised."""
    if not word.isalpha() or _CAMEL.search(word) or _CAPS_THEN_WORD.match(word):
        return True
    lower = word.lower()
    if word.islower():
        table = _joiner_languages()[0]
    elif word[0].isupper() and word[1:].islower():
        table = _joiner_languages()[1]
    else:
        return False
    # Only ends as long as a joiner can be one (a generator per position of the word was most of the cost).
    for n in range(1, min(len(lower), max(map(len, table))) + 1):
        langs = table.get(lower[-n:])
        head = lower[:-n]
        if langs and len(head) >= 3 and any(_frequent(head, lang) and _unknown_in(lower, lang) for lang in langs):
            return True
        langs = table.get(lower[:n]) if word.islower() else None
        if langs and any(_frequent(lower[n:], lang) and _unknown_in(lower, lang) for lang in langs):
            return True
    return False


def _split(word: str, data: dict, lang: str, text: str) -> tuple[int, bool] | None:
    """Where an unknown word splits into two, and whether the split is sure without other evidence."""
    camel = [m.start() for m in _CAMEL.finditer(word)]
    if len(camel) == 1:
        # "PrimeMinister", "ofNational", "DagbladetThe"; "McCain", "iPhone", "SpaceX" are no fusions
        point = camel[0]
        left, right = word[:point], word[point:]
        if len(left) < 2 or left in data["name_prefixes"]:
            return None
        joined = left.lower() in data["joiners"] or right.lower() in data["joiners"]
        if joined or right in data["sentence_openers"]:
            return point, joined
        # names ("VuongDinh") and word pairs ("RuralDevelopment") only where the document writes them apart:
        # brands join words on purpose ("GlobeLink", "SuperBrawl"), names their parts ("LaToya", "KwaZulu")
        return (point, True) if _written_apart(left, right, text) else None
    if camel:
        return None
    caps = _CAPS_THEN_WORD.match(word)
    if caps:
        return (len(caps.group(1)), False) if _known(caps.group(2), lang) >= HEAD_ZIPF else None
    points = _joiner_splits(word, data, lang)
    if not points:
        return None
    # "aresolution" is "a resolution" or "are solution": flagged, the split left to the reader
    return min(points), word.islower() and len(points) == 1


def _word_pair(word: str, data: dict, lang: str) -> int | None:
    """Where a word with one inner capital splits into two words of the language ("RuralDevelopment"), or a
    lower-case word into two frequent ones, one way only ("launchingseveral"). Asked only on a page that
    lost spaces for sure elsewhere: English writes many compounds the lexicon lacks ("stepuncle",
    "homecountry": 40 in GAP and MT-GenEval)."""
    if word.islower():
        points = [
            i for i in range(3, len(word) - 2) if min(_known(word[:i], lang), _known(word[i:], lang)) >= HEAD_ZIPF
        ]
        return points[0] if len(points) == 1 else None
    camel = [m.start() for m in _CAMEL.finditer(word)]
    if len(camel) != 1 or word[: camel[0]] in data["name_prefixes"]:
        return None
    left, right = word[: camel[0]], word[camel[0] :]
    return camel[0] if min(_known(left, lang), _known(right, lang)) >= WORD_ZIPF else None


def _written_apart(left: str, right: str, text: str) -> bool:
    """Whether the text writes the two parts as two words somewhere ("Vuong Dinh Hue")."""
    return regex.search(rf"(?<![\p{{L}}\p{{M}}]){left} {right}(?![\p{{L}}\p{{M}}])", text) is not None


def _joiner_splits(word: str, data: dict, lang: str) -> set[int]:
    """The places where a word splits into a function word and a frequent word ("andmembers" -> {3},
    "Ministerof" -> {8}, "aresolution" -> {1, 3})."""
    lower = word.lower()
    if word.islower():
        joiners = data["joiners"]
    elif word[0].isupper() and word[1:].islower():
        joiners = data["capital_joiners"]
    else:
        return set()
    points = set()
    for joiner in joiners:
        if word.islower() and lower.startswith(joiner) and _known(lower[len(joiner) :], lang) >= HEAD_ZIPF:
            points.add(len(joiner))
        head = lower[: -len(joiner)]
        if lower.endswith(joiner) and len(head) >= 3 and _known(head, lang) >= HEAD_ZIPF:
            points.add(len(lower) - len(joiner))
    return points
