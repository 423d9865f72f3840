"""TC912: public-figure-spelling."""

from __future__ import annotations

import marshal
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from transclean.analysis.calques import country_words, names_country
from transclean.analysis.mentions import is_first_name
from transclean.analysis.spelling import romanisation_key
from transclean.cache import cache_dir, kept
from transclean.context import Context
from transclean.glossary import fold
from transclean.langdata import language_data
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.people import Person, english_surnames, known_words, people
from transclean.places import places
from transclean.rules.base import Example, Rule, register

#: a capitalised word of four letters at least ("Petr"), after a lower-case prefix too ("anti-Meloni");
#: hyphenated names are taken whole ("Jean-Luc"), and compared with nothing.
_WORD = regex.compile(r"(?<![\p{L}\p{M}'’])\p{Lu}[\p{Ll}\p{M}]{3,}(?:-\p{Lu}[\p{Ll}\p{M}]+)*(?![\p{L}\p{M}])")
#: the word just before a position (with what separates them) and just after one.
_BEFORE = regex.compile(r"(?r)(\S+)(\s+)$")
_AFTER = regex.compile(r"(\s+)([\p{L}\p{M}.'’-]+)")
#: a name part this long may be two edits off ("Zurabishvili" for Zourabichvili); shorter ones one.
TWO_EDITS = 9
#: a misspelt word shorter than this is compared only as the first name beside the exact surname ("Petr").
MIN_ALONE = 5
#: a full name this long (letters of both words) may be one edit off in each word ("Magalena Anderson").
BOTH_OFF = 14
#: a written word this frequent in English is a word or another person's name ("Anderson", "Maloney").
KNOWN_ZIPF = 2.5
#: a word this frequent that is no first name is a title or a function word before a name ("Minister").
TITLE_ZIPF = 3.5
#: how far (characters) around the name a country's words or another of its people are evidence.
COUNTRY_WINDOW = 300
#: how far before and after the name a role of the person is evidence ("Prime Minister ...", "..., the
#: foreign minister").
ROLE_BEFORE, ROLE_AFTER = 50, 40


class _Near(NamedTuple):
    """A gazetteer name part a written word is a few edits from."""

    person: int  # index in people()
    part: int  # index of the word in the person's name
    edits: int


@register
class PublicFigureSpelling(Rule):
    """A public figure's name misspelt by machine translation, with the right form nowhere on the page:
    "Lena Hollengren" for Lena Hallengren, "Prime Minister Denys Shmygal" for Shmyhal.

    ## What it finds
    A name one edit (a name of nine letters or more: a letter dropped and one more) from a person of the gazetteer
    of public figures (``data/people.tsv``: heads of state and government, ministers, party leaders, officials of
    the UN, the EU, NATO; 2015-2026), with the same first letter, where the page says it is that person: the rest of
    the name is written exactly ("Lena Hollengren"); a first name anglicised beside the exact surname ("Peter
    Fiala", "Andrew Babiš"), or a surname after the first name's initial ("R. Fica"), in a text that names the
    person's country; a surname alone, or a name one edit off in each word ("Magalena Anderson"), when the person's
    country (``[countries]`` in ``en.toml``) or another of its public figures is named on the same line near it, or
    the person's role stands right before or after it (``[people.roles]``). Never flagged: a first name alone; a
    written word that is a name of the gazetteer in a surname's place, a word or name English knows (Zipf 2.5 or
    more: "Anderson" alone), a first name, a place or a country's word ("Montenegrin"); a name part that names
    nobody alone (a first name such as "Hussein", a place such as "Montenegro", the surnames of countries where
    English is written: a near namesake of "Harris" is another person) unless the rest of the name is there; a
    spelling the gazetteer lists, a romanisation of the same name ("Zelenskyy", "Dmitri"); a case form that only
    adds or drops letters at the end (TC906's); a name beside another person's first name ("Mario Melloni" is
    someone else). Each written form is reported once, at its first use, with the number of its uses.

    ## Why it matters
    Readers, search and glossaries cannot find "Hollengren"; a misspelt head of government is the error an
    editor sees first, and the page gives no other spelling that TC903-TC908 could compare.

    ## Fix safety
    Unsafe: the gazetteer is general knowledge, and a rare namesake or a transliteration it does not list
    may be right; an editor confirms.
    """

    code = "TC912"
    name = "public-figure-spelling"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    must_fire = (
        Example("Swedish Minister of Social Affairs Lena ⟦Hollengren⟧ and others met on Monday.", language="en"),
        Example("Ukrainian Prime Minister Denys ⟦Shmygal⟧ said on Wednesday.", language="en"),
        Example("Prime Minister ⟦Magalena Anderson⟧ tells the news agency that passes are coming.", language="en"),
        Example("She is the new face of the anti-⟦Melloni⟧ Italian left.", language="en"),
        Example("The House should vote on confidence in ⟦Andrew⟧ Babiš' Czech minority government.", language="en"),
        Example('Slovak employers say: "government R. ⟦Fica⟧ must make order in the budget."', language="en"),
    )
    must_not_fire = (
        Example("Lena Hallengren and Denys Shmyhal met Giorgia Meloni in Rome.", language="en"),
        Example("The Italian striker Mario Melloni scored twice.", language="en"),
        Example("Volodymyr Zelenskyy and Dmitri Peskov spoke.", language="en"),
        Example("Anderson said the Swedish team would win.", language="en"),
        Example("Fial's government and Orbána's party met.", language="en"),
        Example("Mr Hollengren, a teacher, lives in Leeds.", language="en"),
        Example("After the fall of Hussien's regime, many Iraqi exiles returned.", language="en"),
        Example("The American writer Harriss met Peter in Washington.", language="en"),
        Example("Montenegrin Prime Minister Milo Djukanovic met Hikmat Hajiyev.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text, lang = ctx.text, ctx.language or "en"
        # distinct words first (memoised): most documents have no word near a gazetteer name at all
        near = {word: found for word in set(_WORD.findall(text)) if (found := _near(word))}
        if not near:
            return
        # a first name counts only beside the rest of the name: a text without the start of that word
        # ("Magalena Anderson") has none of its uses to judge ("Maria", "Mark" are most near words)
        lowered = text.lower()  # not folded: the folding of a long text cost more than the rest of the rule
        near = {word: kept for word, found in near.items() if (kept := _beside(found, lowered))}
        reported: set[str] = set()
        about: dict[int, bool] = {}  # per person: whether the whole text names the country (asked at each use)
        for m in _WORD.finditer(text):
            word = m.group()
            if word not in near or word in reported:
                continue
            hit = self._judge(text, m.start(), m.end(), near[word], lang, about)
            if hit is None:
                continue
            start, end, right, person = hit
            written = text[start:end]
            reported.add(word)
            count = len(regex.findall(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(written)}(?![\p{{L}}\p{{M}}])", text))
            uses = f" ({count} uses)" if count > 1 else ""
            yield self.finding(
                text,
                start,
                end,
                f"{written!r}{uses}: the public figure {person.name} ({_describe(person)}) is spelt {right!r}",
                suggestion=right,
                confidence=0.6,
            )

    def _judge(
        self, text: str, start: int, end: int, candidates: tuple[_Near, ...], lang: str, about: dict[int, bool]
    ) -> tuple[int, int, str, Person] | None:
        """The span to flag, its gazetteer form and the person, if the page says the word names that person
        (``about``: the whole-text answers of :func:`_evidence`, kept per document)."""
        before = _BEFORE.search(text, max(0, start - 60), start)
        after = _AFTER.match(text, end)
        prev = before.group(1) if before and "\n" not in before.group(2) else ""
        if not (prev[-1:].isalpha() or prev[-1:] in "'’" or (len(prev) == 2 and prev.endswith("."))):
            prev = ""  # "Lena, Hollengren" is no name; "R. Fica" is
        nxt = after.group(2) if after and "\n" not in after.group(1) else ""
        verdicts = []
        for near in candidates:
            person = people()[near.person]
            words = person.words
            written = text[start:end]
            right = words[near.part]
            span, form = (start, end), right
            sides = []
            if near.part > 0:
                sides.append((_plain(prev), words[near.part - 1], "before"))
            if near.part + 1 < len(words):
                sides.append((_plain(nxt), words[near.part + 1], "after"))
            # the rest of the name written exactly: a name part, not a particle ("bin", "da"), and beside a
            # first name a surname, not another first name
            exact = any(
                fold(w) == fold(g) and g[0].isupper() and len(g) > 2 and not (side == "after" and is_first_name(g))
                for w, g, side in sides
            )
            # "R. Fica": the initial of the first name, weaker than the whole of it
            initial = any(side == "before" and len(w) == 2 and w[1] == "." and w[0] == g[0] for w, g, side in sides)
            first_name = near.part == 0 and len(words) > 1
            if not (exact or initial):
                off = [(w, g, side) for w, g, side in sides if w and _edits(fold(w), fold(g), 1) == 1]
                if off and near.edits == 1 and len(written) + len(off[0][0]) >= BOTH_OFF:
                    w, g, side = off[0]  # both parts one edit off ("Magalena Anderson"): the two words flagged
                    if side == "before":
                        span, form = (start - len(w) - 1, end), f"{g} {right}"
                    else:
                        span, form = (start, end + 1 + len(w)), f"{right} {g}"
                    if not _distinctive(person, words[-1]):
                        continue
                elif first_name or len(written) < MIN_ALONE or not _distinctive(person, right):
                    continue  # a first name alone names nobody in particular ("Peter said"), nor "Hussien"
                elif any(_name_like(w) for w in (prev, nxt)):
                    continue  # beside another person's first name or surname: "Mario Melloni" is someone else
            if fold(written) in _own_words(person):
                continue  # a spelling of the person's name English news also uses ("Hikmat Hajiyev")
            known = _known(written, lang, first_name=first_name)
            if known is None:
                continue  # a place, a gazetteer name, a first name in a surname's place
            # beside the rest of the name, the country anywhere on the page says who "Andrew" is
            whole = exact or initial
            if (exact and not known) or _evidence(text, start, end, person, near.person, whole=whole, about=about):
                verdicts.append((near.edits, not exact, span, form, person))
        if not verdicts:
            return None
        verdicts.sort(key=lambda v: v[:2])
        if len(verdicts) > 1 and verdicts[0][:2] == verdicts[1][:2] and verdicts[0][4] != verdicts[1][4]:
            return None  # two people as near: the page does not say which
        _, _, (s, e), form, person = verdicts[0]
        return s, e, form, person


def _plain(word: str) -> str:
    """A neighbouring word without the punctuation and the possessive a name may carry ("Babiš'", "Fiala,")."""
    word = word.rstrip(',;:)]”"')
    for end in ("'s", "’s", "'", "’"):
        if word.endswith(end):
            return word[: -len(end)]
    return word


def _name_like(word: str) -> bool:
    """Whether a neighbouring word is part of a person's name: capitalised, and a first name or rare as a
    word ("Mario", "Smith"; not "Minister", "The" or "Italian")."""
    word = _plain(word)
    if not word[:1].isupper() or word.endswith(".") or not word.isalpha():
        return False
    return is_first_name(word) or zipf(word.lower(), "en") < TITLE_ZIPF


def _known(word: str, lang: str, *, first_name: bool) -> bool | None:
    """Whether a written word is a word or name in its own right: None when it can never be a misspelling
    here (a gazetteer name, a place, a first name standing for a surname), True when the page must say who
    it is (a frequent word or name: "Peter" for Petr beside "Fiala"), False for a rare word."""
    if first_name:
        # "Peter" for Petr beside "Fiala": first names are anglicised; the page must name the country
        return fold(word) in known_words() or is_first_name(word) or _frequent(word, lang)
    if fold(word) in known_words() or word in places() or word in _country_words() or is_first_name(word):
        return None
    return None if _frequent(word, lang) else False


def _frequent(word: str, lang: str) -> bool:
    """Whether a word is frequent enough to be a word or a name of its own."""
    return max(zipf(word.lower(), "en"), zipf(word.lower(), lang)) >= KNOWN_ZIPF


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """The words of ``[countries]``: "Montenegrin" is no misspelt Montenegro."""
    return frozenset(word for words in country_words("en").values() for word in words)


@lru_cache(maxsize=4096)
def _distinctive(person: Person, part: str) -> bool:
    """Whether a gazetteer name part names its person even alone: not a first name ("Hussein", "Salman"), a
    place ("Montenegro"), or the surname of a country where English is written, whose near namesakes are
    other people's surnames ("Harris", "Harriss")."""
    return not (is_first_name(part) or part in places() or part in _country_words() or english_surnames(person))


def _evidence(
    text: str, start: int, end: int, person: Person, index: int, *, whole: bool, about: dict[int, bool]
) -> bool:
    """Whether the person's role stands right before or after the name, or the person's country stands near
    it on the same line (anywhere in the text when ``whole``: that answer is the same at every use of the
    name, so it is kept in ``about``, per person)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if whole:
        if index not in about:
            about[index] = _names_country(text, person, index)
        country = about[index]
    else:
        lo, hi = max(line_start, start - COUNTRY_WINDOW), min(line_end, end + COUNTRY_WINDOW)
        country = _names_country(text[lo:hi], person, index)
    if country:
        return True
    close = text[max(line_start, start - ROLE_BEFORE) : min(line_end, end + ROLE_AFTER)]
    return any(phrase in close for role in person.roles for phrase in _roles().get(role, ()))


def _names_country(window: str, person: Person, index: int) -> bool:
    """Whether ``window`` names the person's country: its words, or another of its people written exactly."""
    if names_country(window, "en", person.countries):
        return True
    compatriots = _compatriots()
    for code in person.countries:
        for other, alone in compatriots.get(code, ()):
            if other != index and alone in window and regex.search(rf"\b{regex.escape(alone)}\b", window):
                return True
    return False


@lru_cache(maxsize=1)
def _compatriots() -> dict[str, tuple[tuple[int, str], ...]]:
    """Per country, its people's alone forms ("Lula" for Brazil) of four letters or more, with their index."""
    out: dict[str, list[tuple[int, str]]] = {}
    for i, person in enumerate(people()):
        if len(person.alone) >= 4:
            for code in person.countries:
                out.setdefault(code, []).append((i, person.alone))
    return {code: tuple(found) for code, found in out.items()}


@lru_cache(maxsize=4096)
def _own_words(person: Person) -> frozenset[str]:
    """The words of the person's other spellings, folded."""
    return frozenset(fold(word) for form in person.variants for word in form.split())


@lru_cache(maxsize=1)
def _roles() -> dict[str, tuple[str, ...]]:
    """The English phrases of each role code (``[people.roles]`` in en.toml)."""
    return {code: tuple(phrases) for code, phrases in language_data("en")["people"]["roles"].items()}


def _describe(person: Person) -> str:
    """The person's first country in words and the years of the roles ("Sweden, 2014-")."""
    name = country_words("en").get(person.countries[0], [person.countries[0]])[0]
    return f"{name}, {person.years}" if person.years else name


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Every gazetteer name part by its deletions (the first letter kept: misspellings keep it), as
    "person:part" pairs: a word's own deletions then find the parts a few edits from it in a few dictionary
    look-ups, not a scan of them all. Building it took 50-140 ms of a cold check: it is kept in the user
    cache, keyed by the gazetteer file and this module (which says how it is built); its values are strings,
    which marshal reads four times faster than tuples (6 ms)."""
    files = [Path(__file__), Path(__file__).parents[2] / "data" / "people.tsv"]
    key = [(p.stat().st_size, p.stat().st_mtime_ns) for p in files]
    return kept(cache_dir() / "people-index.marshal", key, _build_index, marshal)


def _build_index() -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for i, person in enumerate(people()):
        for k, word in enumerate(person.words):
            folded = fold(word)
            if len(folded) < 4 or not folded.isalpha():
                continue  # "Xi", "von"; hyphenated names ("Kosiniak-Kamysz", "al-Assad") are left out
            for key in _deletions(folded, 2 if len(folded) >= TWO_EDITS else 1):
                out.setdefault(key, []).append(f"{i}:{k}")
    return {key: " ".join(found) for key, found in out.items()}


def _beside(found: tuple[_Near, ...], lowered: str) -> tuple[_Near, ...]:
    """The candidates a text (lower-cased) can bear out: a surname, or a first name whose next word's start is
    somewhere in the text, with or without its accents."""
    starts = _next_starts()
    return tuple(c for c in found if c.part or any(start in lowered for start in starts[c.person]))


@lru_cache(maxsize=1)
def _next_starts() -> tuple[tuple[str, ...], ...]:
    """Per person, the first four letters of the word after the first name, lower-cased and folded ("babi",
    "babi"; "šefč", "sefc"); empty for a one-word name, whose candidates are all kept."""
    out = []
    for person in people():
        words = person.words
        out.append(tuple({words[1][:4].lower(), fold(words[1][:4])}) if len(words) > 1 else ("",))
    return tuple(out)


@lru_cache(maxsize=1)
def _folded() -> tuple[tuple[str, ...], ...]:
    """The words of each person's name, folded."""
    return tuple(tuple(fold(word) for word in person.words) for person in people())


def _deletions(word: str, depth: int) -> set[str]:
    """The word with up to ``depth`` (1 or 2) letters deleted, never the first."""
    found = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    if depth > 1:
        found |= {w[:i] + w[i + 1 :] for w in found for i in range(1, len(w))}
    found.add(word)
    return found


@lru_cache(maxsize=65536)
def _near(word: str) -> tuple[_Near, ...]:
    """The gazetteer name parts a capitalised word is one or two edits from, the same first letter, not the
    same name in another romanisation or a case form (memoised: asked for every capitalised word)."""
    folded = fold(word)
    if not folded.isalpha():
        return ()
    index = _index()
    # One deletion of the word, two of a long part (in the index): a word two edits from a long part has
    # dropped one of its letters ("Zurabishvili" for Zourabichvili); two letters replaced would need two
    # deletions of every long word of every text (a fifth of the rule's time on GAP), and such a pair is
    # as often two names. One set intersection answers most words (no part near): 5x faster than a
    # look-up per deletion.
    keys = _deletions(folded, 1) & index.keys()
    found = []
    for pair in {pair for key in keys for pair in index[key].split()}:  # a part under several keys: once
        person, part = map(int, pair.split(":"))
        parts = _folded()[person]
        if (part > 0 or len(parts) == 1) and _known(word, "en", first_name=False) is None:
            continue  # a word or name of its own never stands for a surname (asked only of near words)
        right = parts[part]
        if right.startswith(folded) or folded.startswith(right):
            continue  # "Bolsona", "Fiali": a case form or a cut, TC906's
        edits = _edits(folded, right, 2 if len(right) >= TWO_EDITS else 1)
        if edits is not None and romanisation_key(folded) != romanisation_key(right):
            found.append(_Near(person, part, edits))
    return tuple(sorted(found))


def _edits(a: str, b: str, budget: int) -> int | None:
    """The optimal-string-alignment distance of two words (an adjacent swap is one edit), None beyond
    ``budget``. Within one edit it is read off the first difference (most pairs asked); within more, only
    the band of cells within ``budget`` of the diagonal is computed."""
    if abs(len(a) - len(b)) > budget:
        return None
    if budget == 1:
        return _one_edit(a, b)
    far = budget + 1
    previous2: list[int] = []
    previous = [j if j <= budget else far for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [i if i <= budget else far] + [far] * len(b)
        for j in range(max(1, i - budget), min(len(b), i + budget) + 1):
            cost = a[i - 1] != b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = min(value, far)
        if min(current) > budget:
            return None
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= budget else None


def _one_edit(a: str, b: str) -> int | None:
    """0 or 1 when two words are at most one edit apart (a letter replaced, added, dropped, or two swapped)."""
    if a == b:
        return 0
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    i = next((k for k in range(len(shorter)) if shorter[k] != longer[k]), len(shorter))
    if len(shorter) < len(longer):
        return 1 if shorter[i:] == longer[i + 1 :] else None
    if shorter[i + 1 :] == longer[i + 1 :]:
        return 1
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return 1 if swapped else None
