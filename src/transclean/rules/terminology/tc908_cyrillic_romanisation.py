"""TC908: cyrillic-romanisation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import regex

from transclean.analysis.spelling import loose_name_key, spelling_key
from transclean.context import Context
from transclean.langdata import language_data
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: a capitalised word of five letters or more: shorter names meet by chance ("Hala", "Gala").
_WORD = regex.compile(r"\b\p{Lu}[\p{Ll}\p{M}]{4,}\b")
_DOUBLED = regex.compile(r"(.)\1+")
#: the words are names: rarer than this in English ("Hill" and "Gill" are words, and other people).
NAME_ZIPF = 3.5


@lru_cache(maxsize=4)
def _folds(lang: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """The language's romanisation folds (``[names]`` in its file): the neutral ones (spellings of one sound
    in any romanisation), the Cyrillic digraphs (folded before the neutral ones: "zh" is one letter, not
    "z" and "h") and the other Cyrillic letters."""
    names = language_data(lang).get("names", {})
    return tuple(
        tuple((a, b) for a, b in names.get(key, ()))
        for key in ("neutral_folds", "cyrillic_digraph_folds", "cyrillic_folds")
    )


@lru_cache(maxsize=4)
def _tie_data(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The digraphs that mark a name read back from Cyrillic, and the words that make "h" the form of "г"."""
    names = language_data(lang).get("names", {})
    return tuple(a for a, _ in names.get("cyrillic_digraph_folds", ())), tuple(names.get("h_for_g_cues", ()))


@lru_cache(maxsize=4)
def _places(lang: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """Ukrainian cities in their Russian romanisation -> the Ukrainian one, and the Ukrainian forms that show
    a text to use them (``[names] ukrainian_places``)."""
    places: dict[str, str] = language_data(lang).get("names", {}).get("ukrainian_places", {})
    return places, tuple(sorted({*places.values(), "Kyiv", "Odesa"}))


@lru_cache(maxsize=65536)
def _keys(word: str, lang: str) -> tuple[str, str]:
    """The word with the neutral folds only, and with the Cyrillic folds too ("Dyuzharrik" and "Dujarric"
    share the second key, not the first)."""
    neutral, digraphs, letters = _folds(lang)
    key = spelling_key(word).lower()
    plain = key
    for a, b in neutral:
        plain = plain.replace(a, b)
    folded = key
    for folds in (digraphs, neutral, letters):
        for a, b in folds:
            folded = folded.replace(a, b)
    return _DOUBLED.sub(r"\1", plain), _DOUBLED.sub(r"\1", folded)


@register
class CyrillicRomanisation(Rule):
    """One name in two romanisations through Cyrillic: "Shmygal" and "Shmyhal", "Dujarric" and "Dyuzharrik".

    ## What it finds
    Two rare capitalised words of one document that are one name once the letters Cyrillic romanises in
    more than one way are folded: "г" as g (Russian) or h (Ukrainian, Belarusian), "ж" as zh or j, "х" as
    kh or h, the glides "ю", "я", "е" as yu/u, ya/a, ye/e; and a Latin name read back from its Cyrillic
    spelling ("Dujarric" -> Дюжаррик -> "Dyuzharrik"). The folds are data (``[names]`` in the language
    file). Pairs that TC904 groups (romanisations it folds, a letter dropped) are left to it. The form used
    more often is kept; in a tie the one without Cyrillic digraphs (zh, kh, yu ...) is the name's own, and
    between g and h the h where the text names Ukraine or Belarus (or a Ukrainian city in its Ukrainian
    form), the g otherwise. Each variant is reported once, at its first use, with the number of its uses.

    A Ukrainian city in its Russian form ("Kharkov", "Lugansk") in a text that writes another in its
    Ukrainian form ("Kyiv", "Kharkiv") is the same mix (``[names] ukrainian_places``).

    ## Why it matters
    A text translated from Russian about Ukraine mixes the Russian and the Ukrainian romanisation of one
    person ("Shmygal", "Shmyhal"), and a Western name that went through a Russian source comes back
    unrecognisable: readers and search take them for two people.

    ## Fix safety
    Unsafe: which romanisation the person uses is the editor's knowledge.
    """

    code = "TC908"
    name = "cyrillic-romanisation"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    must_fire = (
        Example(
            "Ukrainian Prime Minister Denys ⟦Shmygal⟧ said on Wednesday. Later Shmyhal wrote on Telegram.",
            language="en",
        ),
        Example('The spokesman Stefan Dujarric spoke on Monday. "We call for calm," said ⟦Dyuzharrik⟧.', language="en"),
    )
    must_not_fire = (
        Example("Roman Skorokhod spoke first; Skorohod then left.", language="en"),
        Example("Tom Hill met Anna Gill in Leeds.", language="en"),
        Example("Officials in Kiev said shelling hit Kharkov overnight.", language="en"),
        Example("Denys Shmyhal said on Wednesday that Shmyhal's cabinet would meet.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text, lang = ctx.text, ctx.language or "en"
        if not _folds(lang)[2]:
            return
        yield from self._russian_places(text, lang)
        # distinct words first (the keys are memoised): the positions are needed only for a pair's words
        groups: dict[str, set[str]] = {}
        for word in set(_WORD.findall(text)):
            groups.setdefault(_keys(word, lang)[1], set()).add(word)
        for forms in groups.values():
            if len(forms) < 2 or len({_keys(f, lang)[0] for f in forms}) < 2:
                continue  # one spelling, or spellings any romanisation makes (TC904's, TC903's)
            names = [f for f in forms if max(zipf(f.lower(), lang), zipf(f.lower(), "en")) < NAME_ZIPF]
            if len({_keys(f, lang)[0] for f in names}) < 2 or _tc904_alike(names):
                continue
            starts = {f: [m.start() for m in regex.finditer(rf"\b{regex.escape(f)}\b", text)] for f in names}
            kept = _kept(text, starts, lang)
            for form, spans in starts.items():
                if _keys(form, lang)[0] == _keys(kept, lang)[0] or not spans:
                    continue
                # the first use only, with the count: one finding says it, and a page of repeats stays
                # within its allowance of findings
                uses = f" ({len(spans)} uses)" if len(spans) > 1 else ""
                yield self.finding(
                    text,
                    spans[0],
                    spans[0] + len(form),
                    f"{form!r}{uses} and {kept!r}: one name in two romanisations through Cyrillic",
                    suggestion=kept,
                    confidence=0.6,
                )

    def _russian_places(self, text: str, lang: str) -> Iterator[Finding]:
        """Ukrainian cities in their Russian form in a text that writes one in its Ukrainian form ("Kharkov"
        beside "Kyiv"): the text mixes the two romanisations."""
        places, ukrainian = _places(lang)
        russian = [name for name in places if name in text]
        if not russian:
            return
        shown = next((name for name in ukrainian if regex.search(rf"\b{regex.escape(name)}\b", text)), None)
        if shown is None:
            return  # one romanisation throughout ("Kiev", "Kharkov"): the editor's choice
        for name in russian:
            found = list(regex.finditer(rf"\b{regex.escape(name)}\b", text))
            if found:  # the first use only, as for names
                uses = f" ({len(found)} uses)" if len(found) > 1 else ""
                yield self.finding(
                    text,
                    found[0].start(),
                    found[0].end(),
                    f"{name!r}{uses} is the Russian romanisation; the text writes {shown!r}: {places[name]!r}",
                    suggestion=places[name],
                    confidence=0.7,
                )


def _tc904_alike(names: list[str]) -> bool:
    """Whether TC904 groups these spellings: the same loose key, or keys a letter apart ("Yertayev",
    "Ertayev"). TC904 asks three uses of them, for precision; this rule does not undo that."""
    keys = sorted({loose_name_key(f) for f in names}, key=len)
    if len(keys) == 1:
        return True
    short, long = keys[0], keys[-1]
    return (
        len(keys) == 2
        and len(long) == len(short) + 1
        and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    )


def _kept(text: str, names: dict[str, list[int]], lang: str) -> str:
    """The form to keep: the most used; in a tie, the one with fewer Cyrillic digraphs, then h for "г" where
    the text names Ukraine or Belarus, g elsewhere."""
    digraphs, h_cues = _tie_data(lang)
    h_for_g = any(cue in text for cue in (*h_cues, *_places(lang)[1]))  # "Kharkiv" says Ukraine too
    uses = Counter({f: len(spans) for f, spans in names.items()})

    def score(form: str) -> tuple[int, int, int]:
        lower = form.lower()
        marked = sum(lower.count(d) for d in digraphs)
        g_or_h = lower.count("h") - lower.count("g") if h_for_g else lower.count("g") - lower.count("h")
        return uses[form], -marked, g_or_h

    return max(names, key=score)
