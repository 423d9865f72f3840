"""Clause structure: a named subject repeated by a pronoun, as pro-drop source languages leave it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from transclean.analysis.mentions import Mention
from transclean.langdata import language_data

if TYPE_CHECKING:
    from transclean.context import Context


def resumptive(ctx: Context) -> Iterator[tuple[Mention, regex.Match[str]]]:
    """Named subjects repeated by a pronoun: (the person, the match of "<time words> <pronoun> <verb>")."""
    lists = language_data(ctx.language or "").get("lists", {})
    if not lists:
        return
    text = ctx.text
    between = set(lists["time_words"])
    titles = set(lists["titles"])
    determiners = {d for w in lists["determiners"] for d in (w, w.capitalize())}
    for person in (m for m in ctx.mentions if m.kind == "person"):
        sentence_start = next((a for a, b in ctx.sentences if a <= person.start <= b), 0)
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
        aside = r"(?:,\s+(?:who|which)\b[^,.;\n]{1,120},%s)?" % ("|," if apposition else "")
        m = regex.match(
            aside + r"((?:\s+[\w]+){0,3}?)\s+(he|she|they)\s+(\w+)\b(?!\s*,)", text[person.end : person.end + 200]
        )
        if m and all(w in between for w in m.group(1).split()):
            yield person, m
