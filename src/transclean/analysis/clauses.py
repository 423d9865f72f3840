"""Clause structure: a named subject repeated by a pronoun, as pro-drop source languages leave it."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

import regex

from transclean.analysis.mentions import Mention
from transclean.langdata import language_data, word_set

if TYPE_CHECKING:
    from transclean.context import Context


#: "<name>[, who ..., ]<time words> he <verb>" after a name, by whether the name stands in apposition.
_RESUMED = {
    apposition: regex.compile(
        r"(?:,\s+(?:who|which)\b[^,.;\n]{1,120},%s)?" % ("|," if apposition else "")
        + r"((?:\s+[\w]+){0,3}?)\s+(he|she|they)\s+(\w+)\b(?!\s*,)"
    )
    for apposition in (False, True)
}


def resumptive(ctx: Context) -> tuple[tuple[Mention, regex.Match[str]], ...]:
    """Named subjects repeated by a pronoun: (the person, the match of "<time words> <pronoun> <verb>").
    Found once per text for the two rules that read them (TC701, TC702) and kept in the document's memo."""
    lang = ctx.language or ""
    key = ("resumptive", ctx.text, lang)
    if key not in ctx.memo:
        ctx.memo[key] = tuple(_resumptive(ctx, lang)) if language_data(lang).get("lists") else ()
    return ctx.memo[key]  # type: ignore[return-value]


@cache
def _determiners(lang: str) -> frozenset[str]:
    """The language's determiners, in lower case and capitalised."""
    return frozenset(d for w in word_set(lang, "lists", "determiners") for d in (w, w.capitalize()))


def _resumptive(ctx: Context, lang: str) -> Iterator[tuple[Mention, regex.Match[str]]]:
    """:func:`resumptive`, computed."""
    text = ctx.text
    between = word_set(lang, "lists", "time_words")
    titles = word_set(lang, "lists", "titles")
    determiners = _determiners(lang)
    for person in (m for m in ctx.mentions if m.kind == "person"):
        i = bisect_right(ctx.sentence_starts, person.start) - 1
        sentence_start = ctx.sentences[i][0] if i >= 0 and person.start <= ctx.sentences[i][1] else 0
        before = text[sentence_start : person.start].split()
        apposition = bool(before) and before[-1].endswith(",")  # "The Prime Minister, Pedro Sánchez, ..."
        before = [w.rstrip(",") for w in before]
        # The name opens its clause ("President Ilham Aliyev on Friday he ..."), or follows a title in a
        # run-on sentence ("... border area Azerbaijani President Ilham Aliyev on Friday he ..."); after
        # "With Umberto Eco she" or "telling Michael she" the pronoun is a new subject.
        opens = not before or all(w in titles or w in ("The", "the") for w in before) or before[-1] in titles
        # In apposition the title may be a common noun after a determiner: "Its president, Joachim Nagel, he".
        if apposition and not opens:
            opens = all(w in titles or w.capitalize() in titles or w in determiners for w in before)
        if not opens:
            continue
        # Between the name and the pronoun: the comma closing an apposition, or a relative clause
        # ("Vladimir Putin, who spoke at the Council, he said").
        m = _RESUMED[apposition].match(text[person.end : person.end + 200])
        if m and all(w in between for w in m.group(1).split()):
            yield person, m
