"""Who and what a text talks about: person mentions with gender, institutions and places.

Knowledge comes from data: glossary entries (persons with gender, organisations, places), the gazetteer of
public figures (``data/people.tsv``), gender-guesser's first names, and the honorific and title lists of the
language files (``data/lang/<code>.toml``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import regex

from transclean.analysis.calques import names_country
from transclean.glossary import Concept, Glossary, Match
from transclean.langdata import language_data
from transclean.people import gender as public_figure_gender
from transclean.people import named_alone
from transclean.places import places

if TYPE_CHECKING:
    from ahocorasick_rs import AhoCorasick

    from transclean.lexicon import FirstNames


@lru_cache(maxsize=1)
def _capitalised() -> regex.Pattern[str]:
    """A run of capitalised words, or of abbreviations that open a name ("Dr. Ann Lee"). The English
    abbreviations serve every language until runs are made per language."""
    abbreviations = "|".join(language_data("en")["abbreviations"]["names"])
    word = rf"(?:(?:{abbreviations})\.|\p{{Lu}}[\p{{L}}\p{{M}}'’-]*)"
    return regex.compile(rf"{word}(?:[ \t]+{word})*")


_WORD = regex.compile(r"\S+")
#: the word just before a run, searched backwards from the run (one attempt, where a forward search tried
#: every position of the window: 4x faster, the same match)
_WORD_BEFORE = regex.compile(r"(?r)(\p{L}+)[ \t]+$")
#: a capitalised word and a comma just before a word: "Atlanta, " before "Georgia".
_PLACE_COMMA = regex.compile(r"\p{Lu}\p{Ll}+,\s*$")


def _first_names() -> FirstNames:
    from transclean.lexicon import first_names

    return first_names()


@lru_cache(maxsize=65536)
def first_name_gender(name: str) -> str | None:
    """'female' or 'male' when the first-name lexicon is sure, else None ("mostly", andy, unknown, or a name
    that some country often gives the other gender: "Andrea" and "Simone" are men in Italy)."""
    lower = name.lower()
    table = _first_names()
    gender = table.gender(lower)
    if gender not in ("female", "male"):
        return None
    other = "male" if gender == "female" else "female"
    countries = table.countries(lower)
    peak = max((int(c, 16) for k in (other, f"mostly_{other}") for c in countries.get(k, "") if c != " "), default=0)
    return None if peak >= OTHER_GENDER_PEAK else gender


@lru_cache(maxsize=65536)
def _rare_first_name(name: str) -> bool:
    """Whether gender-guesser knows a name but no country gives it often (at most RARE_NAME_PEAK on its
    1-13 scale, for either gender): "Iran", "Syria"."""
    countries = _first_names().countries(name.lower())
    return (
        bool(countries)
        and max((int(c, 16) for values in countries.values() for c in values if c != " "), default=0) <= RARE_NAME_PEAK
    )


#: a name this common (gender-guesser's 1-13 scale) for the other gender in some country has no sure
#: gender: "Andrea" (7 for men, in Italy), "Karen" (8, Armenia), "Jean"; "Jane", "Jan" and "Luca" keep theirs.
OTHER_GENDER_PEAK = 5

#: a place that is a first name given at most this often in any country (gender-guesser's 1-13 scale) is
#: a place: "Iran", "Syria", "Kenya" (2); "Chad" (5), "Georgia" (9) may be persons. Rare names that are
#: no places keep their gender ("Millicent" scores 1 too).
RARE_NAME_PEAK = 2

#: a lone first name at most this frequent as a word (wordfreq's Zipf scale) is taken to have its gender.
LONE_FIRST_NAME_ZIPF = 4.6

#: Sentence-opening words after which a capitalised run is a thing; English's serve every language.
ARTICLES = frozenset(language_data("en")["lists"]["articles"])


def _frequent(word: str, lang: str, floor: float) -> bool:
    """Whether a capitalised word is at least this frequent (Zipf) as a word in lower case."""
    return _lower_zipf(word, lang) >= floor


@lru_cache(maxsize=65536)
def _lower_zipf(word: str, lang: str) -> float:
    """Zipf frequency of a capitalised word in lower case: asked several times per word and run (memoised)."""
    from transclean.lexicon import zipf

    return zipf(word.lower(), lang)


#: a capitalised word this frequent in lower case opens a sentence ("The", "After", "In"): no name starts so.
SENTENCE_WORD_ZIPF = 5.5

#: this frequent, and no first name, it opens a sentence before a name ("Later Dmitri Peskov").
OPENING_WORD_ZIPF = 4.5

#: from this frequency a capitalised word is a word first ("Central America").
KNOWN_WORD_ZIPF = 3.5


def _opens(words: list[tuple[int, str]], lang: str) -> bool:
    """Whether the first word of a capitalised run opens the sentence rather than a name: a very frequent
    word ("The", "After"), or a frequent one that is no first name before a first name ("Later Dmitri
    Peskov"; "Will Smith" stays whole)."""
    first = words[0][1]
    if _frequent(first, lang, SENTENCE_WORD_ZIPF):
        return True
    return (
        len(words) > 2
        and _frequent(first, lang, OPENING_WORD_ZIPF)
        and not _any_first_name(words[:1])
        and _any_first_name(words[1:2])
    )


def _any_first_name(words: list[tuple[int, str]]) -> bool:
    """Whether any word of a run is a first name of any gender (gender-guesser knows it at all)."""
    return any(is_first_name(w) for _, w in words[:2])


@lru_cache(maxsize=65536)
def is_first_name(word: str) -> bool:
    """Whether gender-guesser knows a word as a first name of any gender."""
    return _first_names().gender(word.lower()) != "unknown"


def _lone_word(
    text: str,
    start: int,
    word: str,
    surnames: dict[str, str | None],
    firsts: dict[str, str | None],
    place_prepositions: frozenset[str],
    lang: str,
    countries: dict[str, bool],
) -> tuple[str, str | None]:
    """What a lone capitalised word is: ("person", gender) or ("other", None); ``countries`` keeps, per
    text, whether it names each country asked (every use of a lone "Meloni" asks for Italy).

    Introduced before ("Kathleen Nott ... Kathleen") it has that gender; an acronym is no person; after
    "in", "from" ..., or in the list of large places ("Ankara"), it is a place; a first name is a person,
    of its gender unless it is also a frequent word ("May", "Paris"); a frequent word that is no first
    name ("London") is not a person; a rare one may be.
    """
    if word in surnames or word in firsts:
        return "person", surnames.get(word, firsts.get(word))
    alone = _word_alone(word, lang)
    if alone[0] != "person":
        return alone  # no person wherever it stands: its context need not be read (most lone words)
    before = text[max(0, start - 12) : start].split()
    possessive = text[start + len(word) : start + len(word) + 2] in ("'s", "’s")
    if before and (before[-1].lower() == "the" or (before[-1].lower() in place_prepositions and not possessive)):
        return "other", None  # "born in Camberwell", "the Mayo doctors"; "at Victoria's grief" may be a person
    if _PLACE_COMMA.search(text[max(0, start - 30) : start]):
        return "other", None  # "Atlanta, Georgia": a region after its city
    if alone[1] is None and (figure := named_alone(word)) and names_country(text, "en", figure.countries, countries):
        return "person", figure.gender  # "Meloni" in a text about Italy: the public figure
    return alone


@lru_cache(maxsize=65536)
def _word_alone(word: str, lang: str) -> tuple[str, str | None]:
    """What a lone capitalised word is by itself, before its context is read (memoised per word)."""
    if len(word) > 1 and word.isupper():
        return "other", None  # an acronym ("NATO"), or a word in capitals for emphasis
    if _plural_demonym(word, lang):
        return "other", None  # "Yemenis", "Norwegians": a people, not a person
    gender = first_name_gender(word)
    if word in places() and gender and _rare_first_name(word):
        return "other", None  # "Iran", "Syria": a country long before a name
    if word in places():  # "Ankara was ready": a place; "Florence" may be either, of unknown gender then
        return ("person", None) if gender else ("other", None)
    if gender:
        # "Colin", "Isabel": a first name standing alone has its gender; a frequent word that is also a first
        # name ("May", "Paris", "George") may be a place, a month or a surname: a person of unknown gender.
        return "person", gender if _lower_zipf(word, lang) < LONE_FIRST_NAME_ZIPF else None
    # A frequent word ("London") is not a person; a rare one ("Nott", "Riya") may be: unknown gender, which
    # keeps the pronoun rule silent. Counting rare words as non-persons triples recall on GAP (7% -> 24%)
    # but also false flags (2 -> 5 per 200 paragraphs), so precision wins.
    return ("other", None) if _lower_zipf(word, lang) >= 4.0 else ("person", None)


#: a plural demonym's singular is at least this frequent a word ("yemeni" 3.1, "norwegian" 3.9); surnames
#: that end alike are rarer ("Harris", "Davis") or first names with an "s" ("Evans").
DEMONYM_ZIPF = 2.5


def _plural_demonym(word: str, lang: str) -> bool:
    """ "Yemenis", "Norwegians", "Americans": a capitalised plural in -ans/-is whose singular is a word and
    no first name. English's suffixes; other languages have no such rule yet."""
    if lang != "en" or not word.endswith(("ans", "is")) or len(word) < 5:
        return False
    singular = word[:-1]
    return _lower_zipf(singular, lang) >= DEMONYM_ZIPF and not is_first_name(singular)


@dataclass(frozen=True)
class Mention:
    """A person, organisation or place named in the text."""

    start: int
    end: int
    text: str
    kind: str  # person | organization | place
    gender: str | None = None
    concept: Concept | None = None


def _glossary_mentions(matches: list[Match]) -> Iterator[Mention]:
    for m in matches:
        concepts = {e.concept.id: e.concept for e in m.entries if e.kind != "forbidden"}
        if len(concepts) != 1:
            continue
        (concept,) = concepts.values()
        kind = concept.type if concept.type in ("person", "organization", "place") else None
        if kind:
            yield Mention(m.start, m.end, m.text, kind, concept.gender, concept)


@lru_cache(maxsize=8)
def _named_institutions(glossary: Glossary, lang: str) -> frozenset[str]:
    """Organisations the glossary names in one word ("Kremlin", "Pentagon"): world knowledge, kept in the
    glossaries; in a capitalised run they make it an institution, and before a name they act as a title."""
    return frozenset(
        form
        for concept in glossary.concepts
        if concept.type == "organization"
        for form in concept.terms.get(lang, ())
        if form.isalpha()
    )


class _Vocabulary(NamedTuple):
    """The word lists of one glossary and language that :func:`mentions` reads."""

    honorifics: dict[str, str]  # with their gender
    feminine: frozenset[str]  # feminine role nouns
    feminine_finder: AhoCorasick | None  # the same, found in a lower-cased text in one pass
    titles: frozenset[str]
    institutions: frozenset[str]
    not_names: frozenset[str]  # time words
    place_prepositions: frozenset[str]
    place_words: frozenset[str]


@lru_cache(maxsize=8)
def _vocabulary(glossary: Glossary, lang: str) -> _Vocabulary:
    """The word lists :func:`mentions` reads, as sets built once per glossary and language (they were built
    per document: 10-20 µs, a tenth of the extraction on a short document)."""
    from ahocorasick_rs import AhoCorasick  # imported at the first extraction, as the glossary imports it

    data = language_data(lang)
    # A feminine role noun before a name ("spokeswoman Zakharova", "Chairwoman Nowak") says the person is a
    # woman; a masculine one says nothing, since translation systems default to "spokesman", "chairman".
    feminine = frozenset(w for w, g in data.get("gendered_nouns", {}).items() if g == "female")
    lists = data.get("lists", {})
    named = _named_institutions(glossary, lang)
    return _Vocabulary(
        data.get("honorifics", {}),
        feminine,
        AhoCorasick(sorted(feminine)) if feminine else None,
        frozenset(lists.get("titles", ())) | named,
        frozenset(lists.get("institutions", ())) | named,
        frozenset(lists.get("time_words", ())),
        frozenset(lists.get("place_prepositions", ())),
        frozenset(lists.get("place_words", ())),
    )


class _Plan(NamedTuple):
    """What a capitalised run says by itself (:func:`_plan`), offsets within the run; what its context adds
    (glossary matches over it, a feminine noun before it, the names met earlier) is read per use."""

    organization: int | None  # the end of the institution the run opens with, if any
    rest: tuple[tuple[int, str], ...]  # the words of the person's name; empty: no person
    gender: str | None  # from an honorific or a feminine role noun in the run
    before: bool  # whether the word before the run is read (no title opens the run)
    lone: bool  # one word, no title: judged by :func:`_lone_word` when no gender is known
    named: str | None  # for several words without a gender from the run or before it: the name's gender ...
    named_skip: bool  # ... or no person at all ("Dulles Airport")


@lru_cache(maxsize=65536)
def _plan(group: str, glossary: Glossary, lang: str) -> _Plan:
    """The steps of :func:`mentions` that read only the run itself, memoised per run: runs recur across a
    corpus ("The", "He", names), and these steps were most of the extraction's time (about 11 µs a run)."""
    honorifics, feminine, _, titles, institutions, not_names, _, place_words = _vocabulary(glossary, lang)
    none = _Plan(None, (), None, False, False, None, False)
    # Most runs are one word ("The", "He"): split and possessives cost a run only where it has them.
    if " " in group or "\t" in group:
        words = [(w.start(), w.group().rstrip(".,")) for w in _WORD.finditer(group)]
    else:
        words = [(0, group.rstrip(".,"))]
    if "'s" in group or "’s" in group:
        # "Fort Wayne's Betty Foss", "Russia's Sergei Lavrov": the name is what follows the possessive.
        words = words[next((k + 1 for k, (_, w) in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), 0) :]
        words = [(s, w[:-2] if w.endswith(("'s", "’s")) else w) for s, w in words]
    organization = None
    if words[0][1] in institutions if len(words) == 1 else any(w in institutions for _, w in words):
        # "Senate Majority Leader John Thune": an institution, then a title, then a person.
        last = max(i for i, (_, w) in enumerate(words) if w in institutions)
        name = next((i for i in range(last + 1, len(words)) if _any_first_name(words[i : i + 1])), None)
        organization = len(group) if name is None else words[last][0] + len(words[last][1])
        if name is None:
            return none._replace(organization=organization)
        words = words[name:]
    # A sentence-opening function word is not part of a name; after an article the run is a thing.
    if words and words[0][1] not in honorifics and words[0][1] not in titles and _opens(words, lang):
        if words[0][1] in ARTICLES:
            return none._replace(organization=organization)
        words = words[1:]
    i = 0
    gender: str | None = None
    while i < len(words) and (words[i][1] in titles or words[i][1] in honorifics or words[i][1].lower() in feminine):
        gender = "female" if words[i][1].lower() in feminine else honorifics.get(words[i][1], gender)
        i += 1
    before = i == 0
    if i == 0 and len(words) > 2 and words[-1][1] not in place_words:  # "Energy Minister Svitlana Hrynchuk"
        i = next(
            (j + 1 for j in range(1, len(words) - 1) if words[j][1] in titles and _any_first_name(words[j + 1 :])),
            0,
        )
    rest = words[i:]
    if not rest or (len(rest) == 1 and rest[0][1] in not_names):
        return none._replace(organization=organization)
    named, named_skip = None, False
    if len(rest) > 1:
        first = rest[0][1]
        # a public figure of the gazetteer by full name, else the first name's gender
        named = public_figure_gender(" ".join(w for _, w in rest)) or first_name_gender(first)
        if named is None and (_any_first_name(rest[:1]) or not _frequent(first, lang, KNOWN_WORD_ZIPF)):
            # "Sam Morris", "Tayyip Erdogan"; not "Central America". After an unknown word the second one's
            # gender is right more often than not: "Sor Margaret", "Idi Amin" (GAP recall 149 of 2,165
            # flipped pronouns with it, 145 without), though "Magalena Anderson" is a woman.
            named = first_name_gender(rest[1][1])
        # "Dulles Airport", "Copa Libertadores": no first name, no title: not a person
        named_skip = named is None and i == 0 and (rest[-1][1] in place_words or not _any_first_name(rest))
    return _Plan(organization, tuple(rest), gender, before, len(rest) == 1 and i == 0, named, named_skip)


def mentions(text: str, glossary: Glossary, matches: list[Match], lang: str = "en") -> list[Mention]:
    """Every person (with gender where known), organisation and place mentioned, in text order.

    Persons are glossary entries, honorific + name ("Mrs Tan"), or capitalised runs whose first name the
    first-name lexicon knows ("Ilham Aliyev"); a later surname alone ("Aliyev") is the same person.
    """
    vocabulary = _vocabulary(glossary, lang)
    feminine, finder, places = vocabulary.feminine, vocabulary.feminine_finder, vocabulary.place_prepositions
    # Whether any feminine role noun is in the text at all (a word lower-cases alone as inside the text, but
    # for a Greek final sigma, which no role noun has): if none, the word before a run need not be read.
    # (one automaton pass: a substring search per noun took 15% of the extraction)
    feminine_here = finder is not None and bool(finder.find_matches_as_indexes(text.lower()))
    found = list(_glossary_mentions(matches))
    # Glossary matches are leftmost-longest, so sorted and disjoint: a run overlaps one exactly when the
    # last match starting before the run's end ends after its start (a bisection, not a scan of them all).
    taken_starts, taken_ends = [m.start for m in found], [m.end for m in found]
    surnames: dict[str, str | None] = {}
    firsts: dict[str, str | None] = {}
    countries: dict[str, bool] = {}
    for m in found:
        if m.kind == "person":
            surnames[m.text.split()[-1]] = m.gender
    for run in _capitalised().finditer(text):
        run_start, run_end = run.span()
        i = bisect_left(taken_starts, run_end)
        if i and taken_ends[i - 1] > run_start:
            continue
        plan = _plan(run.group(), glossary, lang)
        if plan.organization is not None:
            end = run_start + plan.organization
            found.append(Mention(run_start, end, text[run_start:end], "organization"))
        if not plan.rest:
            continue
        gender = plan.gender
        if plan.before and feminine_here and (before := _WORD_BEFORE.search(text, max(0, run_start - 24), run_start)):
            gender = "female" if before.group(1).lower() in feminine else None  # "spokeswoman Zakharova"
        first = plan.rest[0][1]
        if gender is None:
            if plan.lone:
                kind, gender = _lone_word(
                    text, run_start + plan.rest[0][0], first, surnames, firsts, places, lang, countries
                )
                if kind != "person":
                    continue
            elif len(plan.rest) > 1:
                if plan.named_skip:
                    continue
                gender = plan.named
        start, end = run_start + plan.rest[0][0], run_start + plan.rest[-1][0] + len(plan.rest[-1][1])
        found.append(Mention(start, end, text[start:end], "person", gender))
        if len(plan.rest) > 1:
            surnames.setdefault(plan.rest[-1][1], gender)
            firsts.setdefault(first, gender)
    return sorted(found + _defined_acronyms(text, found), key=lambda m: m.start)


_DEFINITION = regex.compile(r"[ \t]*\((\p{Lu}{2,8})\)")


def _defined_acronyms(text: str, found: list[Mention]) -> list[Mention]:
    """The later uses of an acronym the text defines for an organisation ("the Anti-Corruption Commission
    (ACC) ... the ACC said"), as mentions of that organisation: one pass over the text for all of them."""
    defined: dict[str, int] = {}
    for m in found:
        if m.kind == "organization" and (d := _DEFINITION.match(text, m.end)):
            defined.setdefault(d.group(1), d.end())
    if not defined:
        return []
    taken = {m.start for m in found}
    uses = regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(map(regex.escape, defined)) + r")(?![\p{L}\p{N}])")
    return [
        Mention(u.start(), u.end(), u.group(), "organization")
        for u in uses.finditer(text)
        if u.start() >= defined[u.group()] and u.start() not in taken
    ]
