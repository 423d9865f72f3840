"""TC904: romanised-name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import regex

from transclean.analysis.spelling import loose_name_key, spelling_key
from transclean.context import Context
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

# A run of one to four capitalised words; a hyphenated word ("Yong-ju", "Yong-joo") counts as one.
_WORD = r"\p{Lu}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*"
_RUN = regex.compile(rf"{_WORD}(?: {_WORD}){{0,3}}")
# Compiled here, not at each call: a first check compiled it at run time, out of the kept patterns.
_NON_SEPARATOR = regex.compile(r"[^\s-]+")

#: a name needs a word rarer than this: "New York" and "York" are words, "Skorohod" is not.
NAME_ZIPF = 3.5
#: keys shorter than this match too easily ("Khan" and "Han").
MIN_KEY = 6
#: a name used fewer times has no majority spelling to suggest, and two spellings in a short text are
#: as often two people or a quoted variant (MT-GenEval: 10 sentences with "Ketchel" and "Ketchell").
MIN_USES = 3


@register
class RomanisedName(Rule):
    """One name romanised two ways in a document: "Skorohod"/"Skorokhod", "Seo Yong-ju"/"Seo Yong-joo".

    ## What it finds
    Names used three times or more (runs of capitalised words with at least one that is no common word)
    whose spellings differ only in case, spaces, hyphens, accents and the usual romanisation variants
    (kh/h, ou/u, ch/sh, oo/u, y/i, doubled letters): the minority spellings are flagged, the majority one
    suggested; in a tie the longer spelling wins (romanisations that keep more letters of the source:
    "Skorokhod"). Names that differ by one letter dropped inside them ("Petrosyan", "Petrosan"; not at the
    end, where names inflect: "Ivanov", "Ivanova") are flagged with the longer as suggestion, whatever the
    counts: translation and scraping drop letters, they do not add them. Spellings that differ only in
    spaces, hyphens or accents with the same case are TC903's; spellings given in brackets ("Leyster (also
    Leijster)") are variants on purpose.

    ## Why it matters
    Each paragraph of a machine-translated page is romanised on its own; one person ends up with two or
    three names, which readers, search and glossaries take for different people.

    ## Fix safety
    Unsafe: which spelling the publication uses is the editor's choice.
    """

    code = "TC904"
    name = "romanised-name"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en", "it", "es", "fr", "de", "pt", "pl", "cs", "tr")
    must_fire = (
        Example("“We will not allow it,” ⟦Skorohod⟧ said. Skorokhod added that Skorokhod would vote no.",
                language="en"),
        Example("Seo Yong-ju spoke first. Seo Yong-ju said yes, but Director ⟦Seo Yong-joo⟧ disagreed. [⟦Seoyongju⟧]",
                language="en"),
        Example("President Salome Zourabichvili spoke. Zourabichvili said no, and ⟦Zurabishvili⟧ left.",
                language="en"),
        Example("Armen Petrosyan spoke first. Petrosyan said the talks had stalled; ⟦Petrosan⟧ left early.",
                language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("Peter Johnson met Peter Johnston in Leeds.", language="en"),
        Example("Khan met Han in New York; York is in England.", language="en"),
        Example("Maria Ivanova and Ivan Ivanov spoke with Mario Rossi.", language="en"),
        Example("Ivan Petrov met Anna Petrova; Petrova and Petrov agreed.", language="en"),
        Example("Nagorno-Karabakh and Nagorno Karabakh are one place.", language="en"),
        Example("Tom Lefroy met LeFroy's cousin.", language="en"),
        Example("Judith Leyster (also Leijster) painted it.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        lang = ctx.language or "en"
        if lang not in self.languages:
            return
        text = ctx.text
        # A finding needs two spellings whose keys are one or a letter apart; most documents have none, which
        # the pieces of their distinct runs tell before any use is read where it stands.
        keys = Counter(
            key
            for form in {form for run in set(_RUN.findall(text)) for _, _, form in _pieces(run, lang)}
            if len(key := loose_name_key(form)) >= MIN_KEY
        )
        if all(n == 1 for n in keys.values()) and all(keys.keys().isdisjoint(_deletions(key)) for key in keys):
            return
        words: dict[str, list[tuple[int, int, str]]] = {}
        runs: dict[str, list[tuple[int, int, str]]] = {}
        for m in _RUN.finditer(text):
            start, end = m.span()
            for a, b, form in _pieces(m.group(), lang):
                _add(runs if b < 0 else words, start + a, end if b < 0 else start + b, form)
        flagged = _minority(text, words, _spelt_apart) + _minority(text, runs, _built_apart)
        flagged += _minority(text, _dropped_letter(words), _spelt_apart, longest=True)
        done = _inside_another({(start, end) for start, end, _, _ in flagged})
        for start, end, form, top in flagged:
            if (start, end) in done:
                continue  # "Yong-joo" inside a flagged "Seo Yong-joo", or flagged already
            done.add((start, end))
            yield self.finding(
                text, start, end, f"{form!r} is spelt {top!r} elsewhere in the document",
                suggestion=top, title=f"Use {top!r}", confidence=0.6,
            )  # fmt: skip


def _inside_another(spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that lie inside another one. In order of start (the longer first at one start), a span is
    inside another exactly when one before it ends at or after its end: one sweep, not a comparison of
    every pair (quadratic in the names flagged)."""
    inside, reach = set(), -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if reach >= end:
            inside.add((start, end))
        reach = max(reach, end)
    return inside


@lru_cache(maxsize=65536)
def _pieces(run: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """What a capitalised run adds to the groups, offsets within the run: its rare words ``(start, end,
    word)``, then each run from a word up to its last rare one to the run's end ``(start, -1, run)``
    ("Director Seo Yong-joo", "Seo Yong-joo", "Yong-joo"); a one-word run adds itself as both when rare.
    None for a run in capitals (a headline: "CITY REACTION TO ERDOĞAN"). Memoised per run: runs recur."""
    if run.isupper():
        return ()
    if " " not in run:  # most runs are one word ("The", "Skorokhod")
        return ((0, len(run), run), (0, -1, run)) if _rare(run, lang) else ()
    # the run's words are joined by single spaces: their offsets follow from their lengths
    parts, start = [], 0
    for word in run.split(" "):
        parts.append((start, start + len(word), word, _rare(word, lang)))
        start += len(word) + 1
    last_rare = max((i for i, part in enumerate(parts) if part[3]), default=-1)
    return (
        *((a, b, word) for a, b, word, is_rare in parts if is_rare),
        *((a, -1, run[a:]) for a, _, _, _ in parts[: last_rare + 1]),
    )


def _add(groups: dict[str, list[tuple[int, int, str]]], start: int, end: int, form: str) -> None:
    key = loose_name_key(form)
    if len(key) >= MIN_KEY:
        groups.setdefault(key, []).append((start, end, form))


def _dropped_letter(groups: dict[str, list[tuple[int, int, str]]]) -> dict[str, list[tuple[int, int, str]]]:
    """The groups whose keys differ by one letter dropped inside the name ("Petrosyan", "Petrosan"), merged:
    each key's one-letter deletions are looked up, so the cost is linear in the names. A letter dropped at
    the end is an inflection or a gender ("Ivanov", "Ivanova"), not a misspelling."""
    merged: dict[str, list[tuple[int, int, str]]] = {}
    for key, spans in groups.items():
        for shorter in _deletions(key):
            if shorter in groups:
                merged.setdefault(key, list(spans)).extend(groups[shorter])
    return merged


@lru_cache(maxsize=65536)
def _deletions(key: str) -> tuple[str, ...]:
    """The key with each of its letters but the last deleted, in order (a doubled letter gives one twice):
    memoised, as names recur across documents and the slicing was a fifth of the rule."""
    return tuple(key[:i] + key[i + 1 :] for i in range(len(key) - 1))


def _spelt_apart(forms: Iterable[str]) -> bool:
    """Whether the spellings of a word differ beyond TC903's hyphens, spaces and accents ("Nagorno-Karabakh")
    and beyond case ("Lefroy" and "LeFroy" are one family's two habits)."""
    return len({spelling_key(f).lower() for f in forms}) > 1


def _built_apart(forms: Iterable[str]) -> bool:
    """Whether whole names differ in their spaces and hyphens too ("Seo Yong-ju", "Seoyongju"); names that
    differ only inside a word are left to the word's own group ("Salome Zurabishvili")."""
    return len({spelling_key(f) for f in forms}) > 1 and len({_NON_SEPARATOR.sub("", f) for f in forms}) > 1


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether a name stands in round brackets, where texts give variants ("(also Leijster)")."""
    opening, closing = text.rfind("(", 0, start), text.rfind(")", 0, start)
    # the bracket opens on the name's line: no line break after it (looking back for the line's start would
    # read a long line whole, per name)
    return opening > closing and text.find(")", end) >= 0 and text.find("\n", opening, start) < 0


def _minority(
    text: str,
    groups: dict[str, list[tuple[int, int, str]]],
    differ: Callable[[Iterable[str]], bool],
    longest: bool = False,
) -> list[tuple[int, int, str, str]]:
    """The spellings of each group that are not its majority spelling (in a tie the longer one wins), for
    groups whose spellings ``differ``. With ``longest`` the longest spelling wins whatever the counts: a
    letter dropped is likelier than one added ("Yertayev" twice as "Ertayev" is still "Yertayev")."""
    flagged = []
    for spans in groups.values():
        if len(spans) < MIN_USES:
            continue  # most groups: a name used once or twice (cheaper to ask before counting)
        counts = Counter(form for _, _, form in spans)
        if len(counts) < 2 or not differ(counts):
            continue
        if any(_bracketed(text, s, e) for s, e, _ in spans):
            continue  # the text gives the other spelling on purpose: "Leyster (also Leijster)"
        top = max(counts, key=lambda f: (len(f) if longest else 0, counts[f], len(f), sum(not c.isascii() for c in f)))
        flagged += [(s, e, form, top) for s, e, form in spans if form != top]
    return flagged


@lru_cache(maxsize=65536)
def _rare(word: str, lang: str) -> bool:
    """Whether a word is rare enough for a name, in the language and in English (memoised: asked for every
    capitalised word)."""
    return max(zipf(word.lower(), lang), zipf(word.lower(), "en")) < NAME_ZIPF
