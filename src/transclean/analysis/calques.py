"""Calques of machine translation: phrases rendered word for word from the source language where English
news uses another term ("the head of the Ministry of Defence" for the Defence Minister, "on the eve" for
"the day before"). The phrases are data (``[calques]`` in the language files, one table per rule: ``titles``
for TC602, ``terms`` for TC905, ``institutions``, ``parties`` and ``press`` for TC909-TC911); this module
compiles them once and finds them in a document.

A name translated word for word is a calque only in a text about its country ("Supreme Council" is
Ukraine's Verkhovna Rada, Kyrgyzstan's own English name for the Jogorku Kenesh): an entry may list the
countries whose text it needs (``countries``, codes of the ``[countries]`` table, which holds the words that
name each country in the language: its name, people, capital).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, cast

import regex

from transclean.langdata import across_languages, language_data
from transclean.model import Finding, Severity
from transclean.text import alternation

if TYPE_CHECKING:
    from transclean.context import Context
    from transclean.rules.base import Rule

#: how far after a calqued title a person's name may start (", " or " ") for the title to be theirs.
_NAME_GAP = 3


@dataclass(frozen=True)
class Calque:
    """One calque of a language file: its form, what English news writes, where it comes from. The form and
    its exception are compiled at their first use, on a text holding one of the keys: a language's tables
    hold about 40 patterns, 0.03-0.04 s of a cold check to compile all of them, and an article meets few."""

    pattern: str
    preferred: str
    sources: tuple[str, ...]
    #: "always" (minor wherever it matches), "name" (minor before a person's name, info otherwise) or
    #: "weak" (info: a local convention more than an error).
    cue: str
    unless_pattern: str | None
    #: case-sensitive strings every match contains: the form runs only on a text holding one.
    keys: tuple[str, ...]
    #: codes of the countries (``[countries]``) one of which the text must name; () = any text.
    countries: tuple[str, ...] = ()

    @cached_property
    def form(self) -> regex.Pattern[str]:
        """The form, compiled."""
        return regex.compile(self.pattern)

    @cached_property
    def unless(self) -> regex.Pattern[str] | None:
        """The exception (a text it matches has none of this calque), compiled."""
        return regex.compile(self.unless_pattern) if self.unless_pattern else None


@dataclass(frozen=True)
class CalqueHit:
    """A calque found in a document: the span to flag, the suggestion and how sure the cue makes it."""

    calque: Calque
    start: int
    end: int
    suggestion: str
    severity: Severity

    def message(self, text: str) -> str:
        """What a finding says: the phrase, where it comes from, what English news writes instead."""
        sources = ", ".join(self.calque.sources[:4])
        return f"{text[self.start : self.end]!r} is a calque (from {sources}): English news writes {self.suggestion!r}"


@lru_cache(maxsize=16)
def calques(lang: str, table: str) -> tuple[Calque, ...]:
    """The calques of ``lang``'s ``[calques]`` table ``table`` ("titles" or "terms"), read once."""
    data = language_data(lang).get("calques", {})
    org = data.get("org", "")
    return tuple(
        Calque(
            pattern=entry["form"].replace("{org}", org),
            preferred=entry["preferred"],
            sources=tuple(entry["sources"]),
            cue=entry.get("cue", "always"),
            unless_pattern=entry.get("unless") or None,
            keys=tuple(entry["keys"]),
            countries=tuple(entry.get("countries", ())),
        )
        for entry in data.get(table, ())
    )


def country_words(lang: str) -> dict[str, list[str]]:
    """Per country code of ``lang``'s ``[countries]`` table, the words that name it."""
    words: dict[str, list[str]] = language_data(lang).get("countries", {})
    return words


@lru_cache(maxsize=1024)
def _country_pattern(lang: str, code: str) -> regex.Pattern[str]:
    """The words that name one country as one pattern, at word edges (compiled when a text first holds one
    of the words: all 128 of the table took 0.2-0.4 s)."""
    words = country_words(lang).get(code, ())
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation(words, escape=True)})(?![\p{{L}}\p{{N}}])")


def names_country(text: str, lang: str, codes: tuple[str, ...], named: dict[str, bool] | None = None) -> bool:
    """Whether ``text`` names one of the countries ``codes`` (answers kept in ``named``, per document). A
    substring test of the words spares most texts the pattern (which only checks the words' edges)."""
    table = country_words(lang)
    named = {} if named is None else named
    for code in codes:
        if code not in named:
            words = table.get(code, ())
            named[code] = any(w in text for w in words) and bool(_country_pattern(lang, code).search(text))
        if named[code]:
            return True
    return False


def calque_keys(table: str) -> tuple[str, ...]:
    """Every language's gate strings of ``table``: a document holding none of them has none of its calques."""
    keys = {key for entries in across_languages("calques", table).values() for e in entries for key in e["keys"]}
    return tuple(sorted(keys))


def find_calques(ctx: Context, table: str) -> Iterator[CalqueHit]:
    """The calques of ``table`` in the document, in the order of the table then of the text."""
    text = ctx.text
    # One finding per phrase, from the first entry that matches it: a table lists the specific forms before
    # the general ones ("official representative of the ministry" before "representative of the ministry").
    taken: list[tuple[int, int]] = []
    lang = ctx.language or ""
    # which countries the text names, asked once per text for the three tables that need it
    named = cast("dict[str, bool]", ctx.memo.setdefault(("calque countries", text), {}))
    for calque in calques(lang, table):
        if not any(key in text for key in calque.keys):
            continue  # a substring test per entry spares most texts the entry's regular expression
        if calque.countries and not names_country(text, lang, calque.countries, named):
            continue  # "Supreme Council" is a calque only in a text about Ukraine
        if calque.unless is not None and calque.unless.search(text):
            continue  # "Vice Premier" in a text about China is China's own title
        for m in calque.form.finditer(text):
            start, end = m.span("span") if "span" in calque.form.groupindex else m.span()
            if text.startswith(("'s", "’s"), m.end()):
                continue  # "the head of the ministry's press office" is someone else
            severity = Severity.INFO if calque.cue == "weak" else Severity.MINOR
            if calque.cue == "name":
                # A name right after (or swallowed by the capitalised run): the title is that person's.
                people = [p for p in ctx.mentions_starting(start + 1, end + _NAME_GAP) if p.kind == "person"]
                if people:
                    end = people[0].start
                    while end > start and text[end - 1] in ", ":
                        end -= 1
                else:
                    severity = Severity.INFO
            if any(start < e and end > b for b, e in taken):
                continue
            taken.append((start, end))
            yield CalqueHit(calque, start, end, m.expand(calque.preferred), severity)


def calque_findings(rule: Rule, ctx: Context, table: str) -> Iterator[Finding]:
    """``rule``'s findings for the calques of ``table``, each with the English term as its suggestion (the
    check of TC602 and TC905, which differ by table)."""
    for hit in find_calques(ctx, table):
        yield rule.finding(
            ctx.text,
            hit.start,
            hit.end,
            hit.message(ctx.text),
            suggestion=hit.suggestion,
            title=f"Use {hit.suggestion!r}",
            severity=hit.severity,
        )
