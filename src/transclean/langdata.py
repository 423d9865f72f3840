"""Language knowledge as data: one TOML file per language, ``data/lang/<iso639-1>.toml``.

A file holds what the rules know about a language (labels of related-article boxes, pronouns, honorifics,
titles, function words, ...); ``en.toml`` is the full example. Named institutions and places are world
knowledge: they live in the glossaries, not here. Adding a language is adding a file.
"""

from __future__ import annotations

import marshal
import sys
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from transclean.cache import cache_dir, kept

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _directory() -> Path:
    return Path(__file__).parent / "data/lang"


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """The codes of the languages that have a data file, sorted."""
    return tuple(sorted(p.name.removesuffix(".toml") for p in _directory().iterdir() if p.name.endswith(".toml")))


def language_data(lang: str) -> dict[str, Any]:
    """The parsed data file of ``lang`` (parsed once per process); empty for a language without one."""
    return _parsed().get(lang, {})


@lru_cache(maxsize=1)
def _parsed() -> dict[str, dict[str, Any]]:
    """Every language file, parsed: the rules ask for all of them at import (labels of every language).
    Parsing took 0.03 s of each cold start, so the result is kept in the user cache (marshal) under the
    files' folder, keyed by their names, sizes and modification times; a change to any file parses again."""
    files = {lang: _directory() / f"{lang}.toml" for lang in languages()}
    stamps = [(lang, stat.st_size, stat.st_mtime_ns) for lang, file in files.items() for stat in [file.stat()]]
    version = f"{sys.version_info[0]}{sys.version_info[1]}"  # tomllib's and marshal's
    path = cache_dir() / f"lang-data-py{version}-{zlib.crc32(str(_directory()).encode()):08x}.marshal"
    data: dict[str, dict[str, Any]] = kept(
        path, stamps, lambda: {lang: tomllib.loads(file.read_text("utf-8")) for lang, file in files.items()}, marshal
    )
    return data


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


@lru_cache(maxsize=512)
def word_set(lang: str, *keys: str) -> frozenset[str]:
    """The list ``data[keys[0]][keys[1]]...`` of ``lang``'s data file as a set, built once per process (empty
    where the file has no such list): rules asked for sets of their word lists per document, 5-10 µs each,
    more than their scans of a short document once those open at a literal."""
    value: Any = language_data(lang)
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return frozenset(value or ())
