"""Personal pronouns of a language, by gender and role."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import regex

from transclean.langdata import language_data

PRONOUN = regex.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]im|[Hh]is|[Hh]ers|[Hh]erself|[Hh]imself)\b")


@cache
def pronoun_table(lang: str) -> Mapping[str, tuple[str, str]]:
    """pronoun (lower case) -> (gender, role); built once per language (four rules read it per document)."""
    table: dict[str, tuple[str, str]] = {}
    for gender, roles in language_data(lang).get("pronouns", {}).items():
        for role, word in roles.items():
            table.setdefault(word, (gender, role))
    return table
