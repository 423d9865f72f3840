"""Public figures of machine-translated news: a gazetteer shipped as ``data/people.tsv``.

Machine translation misspells the people news is about ("Lena Hollengren" for Hallengren, "Shmygal" for
Shmyhal) on pages that never write the right form, so no rule comparing a page's own spellings can see it.
The gazetteer holds heads of state and government, ministers, party leaders and officials of international
bodies (2015-2026), each with the spelling English news uses, gender, countries and roles, written from
general knowledge. It is kept apart from the shipped glossaries (``glossaries/people.tsv``): glossary forms
are matched in every document and enforced by several rules, while these names are only compared with
words a page misspells; the countries' and roles' English words are in ``data/lang/en.toml``.
"""

from __future__ import annotations

import marshal
from functools import lru_cache, partial
from pathlib import Path
from typing import NamedTuple

from transclean.cache import cache_dir, kept
from transclean.glossary import fold
from transclean.langdata import language_data

GENDERS = ("female", "male")


class Person(NamedTuple):
    """One row of the gazetteer."""

    name: str
    gender: str
    countries: tuple[str, ...]
    roles: tuple[str, ...]
    years: str
    variants: tuple[str, ...]
    alone: str  # how news names the person alone: the last word unless the gazetteer says otherwise

    @property
    def words(self) -> tuple[str, ...]:
        """The words of the name (particles such as "von", "da" and "al-" included)."""
        return tuple(self.name.split())


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


@lru_cache(maxsize=1)
def people() -> tuple[Person, ...]:
    """The gazetteer's rows (read once per process; tests/test_people.py checks every cell). Kept parsed in
    the user cache, keyed by the file's size and time: reading it took about 10 ms of a cold check."""
    path = Path(__file__).parent / "data" / "people.tsv"
    stat = path.stat()
    rows = kept(cache_dir() / "people.marshal", (stat.st_size, stat.st_mtime_ns), partial(_read, path), marshal)
    return tuple(
        Person(name, gender, tuple(c), tuple(r), years, tuple(v), alone) for name, gender, c, r, years, v, alone in rows
    )


def _read(path: Path) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...], str, tuple[str, ...], str]]:
    """The rows of the gazetteer file, as plain tuples (what marshal keeps)."""
    rows = []
    lines = [line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:  # the first is the header
        name, gender, countries, roles, years, variants, alone = line.split("\t")
        rows.append(
            (name, gender, _split(countries), _split(roles), years, _split(variants), alone or name.split()[-1])
        )
    return rows


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every word of every name and variant, folded: a word a page writes that is one of them is a name of
    the gazetteer, never a misspelling of another ("Marin" is not "Martin")."""
    return frozenset(fold(word) for p in people() for form in (p.name, *p.variants) for word in form.split())


@lru_cache(maxsize=1)
def _genders() -> dict[str, str | None]:
    """Every full name and variant, folded -> the person's gender (None for a name two people share)."""
    out: dict[str, str | None] = {}
    for person in people():
        for form in (person.name, *person.variants):
            key = fold(form)
            if " " in key:
                out[key] = person.gender if out.get(key, person.gender) == person.gender else None
    return out


def gender(name: str) -> str | None:
    """The gender of the public figure a full name names exactly ("Maia Sandu": female), if the gazetteer
    holds one: first-name lists do not know many of their first names ("Maia", "Recep", "Sanae")."""
    return _genders().get(fold(name))


@lru_cache(maxsize=1)
def _alone() -> dict[str, Person | None]:
    """The forms that name a person alone ("Meloni", "Lula"), outside the countries whose surnames are English
    ones (a lone "Harris" is anybody), each with its person (None: a form two people share: "Kim")."""
    out: dict[str, Person | None] = {}
    for person in people():
        if not english_surnames(person) and " " not in person.alone:
            out[person.alone] = None if person.alone in out else person
    return out


def english_surnames(person: Person) -> bool:
    """Whether the person is of a country whose surnames are English ones (``[people] english_surnames`` in
    en.toml), where a lone surname or a near namesake of it is anybody's ("Harris", "Harriss")."""
    return person.countries[0] in language_data("en")["people"]["english_surnames"]


def named_alone(word: str) -> Person | None:
    """The one public figure of the gazetteer a capitalised word names alone, if any ("Meloni"); the caller
    checks that the text is about that person's country."""
    return _alone().get(word)
