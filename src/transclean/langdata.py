"""Language knowledge as data: one TOML file per language, ``data/lang/<iso639-1>.toml``.

A file holds what the rules know about a language (labels of related-article boxes, pronouns, honorifics,
titles, function words, ...); ``en.toml`` is the full example. Named institutions and places are world
knowledge: they live in the glossaries, not here. Adding a language is adding a file.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _directory() -> Any:
    return resources.files("transclean").joinpath("data/lang")


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """The codes of the languages that have a data file, sorted."""
    return tuple(sorted(p.name.removesuffix(".toml") for p in _directory().iterdir() if p.name.endswith(".toml")))


@lru_cache(maxsize=16)
def language_data(lang: str) -> dict[str, Any]:
    """The parsed data file of ``lang`` (parsed once per process); empty for a language without one."""
    if lang not in languages():
        return {}
    return tomllib.loads(_directory().joinpath(f"{lang}.toml").read_text("utf-8"))


def across_languages(*keys: str) -> dict[str, Any]:
    """``{lang: data[keys[0]][keys[1]]...}`` for every language file that has that entry, in code order."""
    found = {}
    for lang in languages():
        value: Any = language_data(lang)
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            found[lang] = value
    return found
