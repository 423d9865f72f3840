"""TC906: name-case-form."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain

import regex

from transclean.analysis.mentions import is_first_name
from transclean.analysis.spelling import loose_name_key
from transclean.context import Context
from transclean.glossary import Glossary
from transclean.langdata import across_languages
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.places import places
from transclean.rules.base import Example, Rule, register

#: a capitalised word, with the English possessive after it ("Fial's"): the possessive is no part of the name.
_NAME = regex.compile(r"\b(\p{Lu}[\p{L}\p{M}]+)(['’]s)?\b")
#: a name needs to be rarer than this in English and in the text's language: "Roman" and "Romano" are words.
NAME_ZIPF = 3.5
#: the stem two case forms share has at least this many letters ("Fic" of "Fico", "Fica").
MIN_STEM = 3
#: the stem a lone name shares with a glossary surname has at least this many letters ("Tusk" of "Tuska").
MIN_GLOSSARY_STEM = 4
#: names shorter than this are left alone: "Dur" and "Durron" share a stem and an ending by chance.
MIN_KEY = 4
#: names kept in a memo of what they are a case form of
MEMO_SIZE = 65536


@register
class NameCaseForm(Rule):
    """One name in two case forms of the source language: "Fial's government" beside "Fiala", "Elpidophor".

    ## What it finds
    Rare capitalised words of one document that share a stem and differ only in the case endings of one
    source language (``[names] case_endings`` in the language files: Russian, Ukrainian, Polish, Czech and
    Slovak, Serbian and Croatian, Greek, Armenian): "Fica" beside "FICO" (a Slovak genitive), "Fial's"
    beside "Fiala" (the Czech possessive stem), "Elpidophor" beside "Elpidophoros" (Greek -os dropped as
    in Russian). A translation system copies the name in the case the source sentence needs. The forms
    other than the most used are flagged, with the most used as suggestion, unless one form alone carries
    the nominative ending of the language that pairs them (``nominative_endings``: the bare stem in the
    Slavic languages, "-os" in Greek) outside the possessive: that one is the name ("Babiš" beside the
    more frequent genitive "Babiša"). In a tie the text does not
    say which is the nominative: the forms outside the possessive are flagged (English wrote the "'s"), or
    all forms when none is in the possessive. Words in capitals (a headline) are evidence, never flagged. A
    name the document writes only in a case form is compared with the surnames of the glossaries' persons
    ("Tuska" for "Tusk"). A
    man's and a woman's surname of one family ("Ivanov", "Ivanova";
    "Kowalski", "Kowalska"; ``feminine_endings``) and first names ("Daniel", "Daniela") are two people, and
    are left alone.

    ## Why it matters
    "Fial's government" names nobody: readers, search and glossaries take the case form for another
    person.

    ## Fix safety
    Unsafe: only an editor who knows the person can tell the nominative; the suggestion is the document's
    most used form.
    """

    code = "TC906"
    name = "name-case-form"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    must_fire = (
        Example("Prime Minister Petr Fiala spoke. In addition to ⟦Fial⟧'s government, Fiala named two ministers.",
                language="en"),
        Example(
            "Archbishop ⟦Elpidophor⟧ apologised. Archbishop Elpidophoros said he regretted it; Elpidophoros left.",
            language="en",
        ),
        Example("Archbishop ⟦Elpidophor⟧ apologised. Archbishop Elpidophoros said he regretted it.", language="en"),
        Example("Andrej Babiš spoke. Supporters of ⟦Babiša⟧ marched; critics of ⟦Babiša⟧ stayed home.", language="en"),
        Example("The man of ⟦Matoviča⟧ said it. Matovič's tax is high.", language="en"),
        Example("R. FICO: TODAY. The government of R. ⟦Fica⟧ must make order, FICO said.", language="en"),
        Example("The cabinet of Donald ⟦Tuska⟧ met on Monday.", language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("Ivan Ivanov met Maria Ivanova; Ivanova and Ivanov agreed.", language="en"),
        Example("Jan Kowalski and Anna Kowalska voted; Kowalska spoke first.", language="en"),
        Example("Petr Fiala and his wife Jana Fialová arrived; Fiala spoke.", language="en"),
        Example("Daniel met Daniela in Prague; Daniela left.", language="en"),
        Example("Giorgos Papadopoulos met Eleni Papadopoulou; Papadopoulou spoke.", language="en"),
        Example("Roman and Romano walked to Romania.", language="en"),
        Example("Theresa May met Maya Putina, a teacher, in Leeds.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text, lang = ctx.text, ctx.language or "en"
        known_places = places()
        surnames = _glossary_surnames(ctx.glossary, lang)
        # A finding needs two name keys on one stem or a key that is a case form of a glossary surname, which
        # most documents lack: both are asked of the keys of the distinct words first, and only then is each
        # use read where it stands (a match object per capitalised word was most of the rule's time).
        keys = {loose_name_key(w) for w, _ in _NAME.findall(text) if _is_name(w, lang) and w not in known_places}
        if not _share_a_stem(keys) and not any(_case_form_of(key, surnames) for key in keys):
            return
        uses: dict[str, list[tuple[int, int, str, bool]]] = {}
        for m in _NAME.finditer(text):
            word = m.group(1)
            if _is_name(word, lang) and word not in known_places:
                uses.setdefault(loose_name_key(word), []).append((m.start(1), m.end(1), word, bool(m.group(2))))
        grouped: set[str] = set()
        groups, nominative = _case_groups(uses)
        for group in groups:
            grouped |= group
            counts = Counter({key: len(uses[key]) for key in group})
            most = max(counts.values())
            tops = [key for key in group if counts[key] == most]
            # The one form in a nominative ending, written outside the possessive, is the name whatever the
            # counts: translation from Czech may write "Babiša" (genitive) more often than "Babiš".
            named = [key for key in group & nominative if any(not possessive for *_, possessive in uses[key])]
            if len(named) == 1:
                flagged, top = group - {named[0]}, _shown(uses[named[0]])
            elif len(tops) == 1:
                flagged, top = group - {tops[0]}, _shown(uses[tops[0]])
            else:
                # A tie ("Matoviča" once, "Matovic's" once): the text does not say which is the nominative.
                # English grammar wrote the possessive's "'s", so the bare forms are the likelier leak; where
                # all are bare ("Elpidophor", "Elpidophoros") all are flagged, with no suggestion.
                bare = {key for key in group if any(not possessive for *_, possessive in uses[key])}
                flagged = bare if bare != group else group
                rest = group - flagged
                top = _shown(uses[min(rest)]) if rest else ""
            for key in sorted(flagged):
                for start, end, word, _ in uses[key]:
                    if word.isupper():
                        continue  # a headline in capitals ("R. FICO:") is evidence, not the slip
                    others = ", ".join(repr(_shown(uses[k])) for k in sorted(group - {key}))
                    yield self.finding(
                        text, start, end, f"{word!r} looks like a case form of the name written {others} elsewhere",
                        suggestion=top or None, title=f"Use {top!r}" if top else "", confidence=0.5,
                    )  # fmt: skip
        # A name the document writes only in a case form ("Tuska", "Zelenskogo") is found against the
        # surnames of the persons the glossaries know.
        for key in uses.keys() - grouped:
            surname = _case_form_of(key, surnames)
            for start, end, word, _ in uses[key] if surname else ():
                if not word.isupper():
                    yield self.finding(
                        text, start, end, f"{word!r} looks like a case form of the name {surname!r}",
                        suggestion=surname, title=f"Use {surname!r}", confidence=0.5,
                    )  # fmt: skip


def _shown(uses: list[tuple[int, int, str, bool]]) -> str:
    """How a name is written where it is not in the possessive (the case form is often the possessive's
    stem: "Fial's"), in title case where the text shouts it ("FICO")."""
    word = next((w for _, _, w, possessive in uses if not possessive), uses[0][2])
    return word.capitalize() if word.isupper() else word


def _stem_index(keys: Iterable[str]) -> dict[tuple[str, str], dict[str, str]]:
    """Name keys under each (language, stem) their case endings allow, with the ending: ("cs", "fial") ->
    {"fiala": "a", "fial": ""}. One entry per key and ending, not a comparison of every pair of names."""
    stems: dict[tuple[str, str], dict[str, str]] = {}
    for key in keys:
        for lang, stem, ending in _stems_of(key):
            stems.setdefault((lang, stem), {})[key] = ending
    return stems


def _share_a_stem(keys: Iterable[str]) -> bool:
    """Whether two of these name keys share a stem, which they need to be case forms of one name: counted at
    C speed (indexing every key under each language's stems, and sorting each stem's one key, cost more than
    the rest of the rule on a document without a pair)."""
    return max(Counter(chain.from_iterable(map(_stem_set, keys))).values(), default=0) > 1


@lru_cache(maxsize=MEMO_SIZE)
def _stem_set(key: str) -> tuple[str, ...]:
    """The distinct stems of :func:`_stems_of` (whatever the language): two keys can be case forms of one
    name only if they share one."""
    return tuple(dict.fromkeys(stem for _, stem, _ in _stems_of(key)))


@lru_cache(maxsize=MEMO_SIZE)
def _stems_of(key: str) -> tuple[tuple[str, str, str], ...]:
    """``(language, stem, ending)`` for each case ending of each language that ``key`` ends in, in the order
    of the language files. Memoised per key: every ending of every language was tried on every rare
    capitalised word of every document (about 370,000 ``endswith`` calls on 590 short documents, 4% of
    the full check), and names recur across a corpus."""
    if len(key) < MIN_KEY:
        return ()
    return tuple(
        (lang, key[: len(key) - len(ending)], ending)
        for lang, lang_endings in _endings()[0].items()
        for ending in lang_endings
        if key.endswith(ending) and len(key) - len(ending) >= MIN_STEM
    )


def _case_pair(a: str, ending_a: str, b: str, ending_b: str) -> bool:
    """Whether two keys on one stem are case forms of one name: not a pair English spelling makes
    ("Brown", "Browne") nor a man's and a woman's surname ("Ivanov", "Ivanova")."""
    _, feminine, spelling, _ = _endings()
    return a != b and frozenset((ending_a, ending_b)) not in spelling and not _feminine_pair(a, b, feminine)


def _case_groups(uses: dict[str, list[tuple[int, int, str, bool]]]) -> tuple[list[set[str]], set[str]]:
    """The name keys of a document that are case forms of one another, as groups, and the keys in the
    nominative ending of the language that paired them ("babis" beside "babisa", "elpidophoros" beside
    "elpidophor")."""
    nominatives = _endings()[3]
    parent = {key: key for key in uses}
    nominative: set[str] = set()
    if not _share_a_stem(uses):
        return [], nominative

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for (lang, _), forms in _stem_index(uses).items():
        ordered = sorted(forms)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if _case_pair(a, forms[a], b, forms[b]):
                    parent[root(a)] = root(b)
                    in_nominative = [key for key in (a, b) if forms[key] in nominatives.get(lang, ())]
                    nominative.update(in_nominative if len(in_nominative) == 1 else ())
    groups: dict[str, set[str]] = {}
    for key in uses:
        groups.setdefault(root(key), set()).add(key)
    return [group for group in groups.values() if len(group) > 1], nominative


#: a glossary's surnames by stem, each key's surname as written, and the memo of :func:`_case_form_of`
_Surnames = tuple[dict[tuple[str, str], dict[str, str]], dict[str, str], dict[str, str | None]]


@lru_cache(maxsize=8)
def _glossary_surnames(glossary: Glossary, lang: str) -> _Surnames:
    """The surnames of the glossary's persons that are names (not "May", "Johnson"), indexed by stem, each
    key's surname as the glossary writes it, and an empty memo of the document names found against them.
    Built once per glossary, not per document."""
    written: dict[str, str] = {}
    for concept in glossary.concepts:
        if concept.type != "person":
            continue
        for form in concept.terms.get("en", ()):
            surname = form.split()[-1]
            if " " in form and _is_name(surname, lang):
                written.setdefault(loose_name_key(surname), surname)
    return _stem_index(written), written, {}


def _case_form_of(key: str, surnames: _Surnames) -> str | None:
    """The glossary surname a document's name is a case form of ("tuska" -> "Tusk"), if any. Kept in the
    glossary's memo: asked for every rare name of every document that has no second form of it."""
    index, written, known = surnames
    if key not in known:
        if len(known) >= MEMO_SIZE:
            known.clear()  # a bounded memo, as the lru_caches of the name tests: a corpus has millions of names
        known[key] = None if key in written else _surname_of(key, index, written)
    return known[key]


def _surname_of(key: str, index: dict[tuple[str, str], dict[str, str]], written: dict[str, str]) -> str | None:
    for lang, stem, ending in _stems_of(key):
        if len(stem) < MIN_GLOSSARY_STEM:
            continue  # no second form in the document to confirm it: "Myla" is not "Milei"
        for surname, surname_ending in index.get((lang, stem), {}).items():
            if _case_pair(key, ending, surname, surname_ending):
                return written[surname]
    return None


def _feminine_pair(a: str, b: str, feminine: tuple[tuple[str, str], ...]) -> bool:
    """Whether two keys are a man's and a woman's form of one surname ("ivanov", "ivanova")."""
    for masculine, female in feminine:
        for x, y in ((a, b), (b, a)):
            if x.endswith(masculine) and y == x[: len(x) - len(masculine)] + female:
                return True
    return False


@lru_cache(maxsize=1)
def _endings() -> tuple[
    dict[str, tuple[str, ...]], tuple[tuple[str, str], ...], frozenset[frozenset[str]], dict[str, frozenset[str]]
]:
    """The case endings of each language (with the bare stem, ""); the feminine endings of all languages (a
    pair that one language makes a woman's name is left alone whichever language the page came from); and
    the pairs of endings that spelling makes without a case (``spelling_endings``: "Brown", "Browne"); and
    the nominative endings of each language (``nominative_endings``: "" in Russian, "os" in Greek).
    Folded as the name keys are (``loose_name_key``: "ym" is "im")."""
    names = across_languages("names")
    endings = {
        lang: tuple(dict.fromkeys(["", *(loose_name_key(e) for e in table.get("case_endings", ()))]))
        for lang, table in names.items()
        if table.get("case_endings")
    }
    feminine = tuple(
        (loose_name_key(m) if m else "", loose_name_key(f))
        for table in names.values()
        for m, f in table.get("feminine_endings", ())
    )
    spelling = frozenset(
        frozenset(loose_name_key(e) if e else "" for e in pair)
        for table in names.values()
        for pair in table.get("spelling_endings", ())
    )
    nominatives = {
        lang: frozenset(loose_name_key(e) if e else "" for e in table.get("nominative_endings", ()))
        for lang, table in names.items()
    }
    return endings, feminine, spelling, nominatives


@lru_cache(maxsize=65536)
def _is_name(word: str, lang: str) -> bool:
    """Whether a capitalised word can be a surname: rare in English and in the text's language, and no
    first name (those come in pairs: "Daniel", "Daniela")."""
    lower = word.lower()
    return max(zipf(lower, lang), zipf(lower, "en")) < NAME_ZIPF and not is_first_name(lower)
