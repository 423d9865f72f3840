"""The gazetteer of public figures (data/people.tsv): every cell well formed, and in step with the shipped
glossary of people and the English language file it refers to."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from transclean.glossary import fold, load_glossary
from transclean.langdata import language_data
from transclean.people import GENDERS, people

DATA = Path(__file__).resolve().parents[1] / "src" / "transclean" / "data" / "people.tsv"


def test_every_row_has_its_seven_cells_and_a_header() -> None:
    lines = [line for line in DATA.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert lines[0].split("\t") == ["name", "gender", "countries", "roles", "years", "variants", "alone"]
    bad = [(n, line) for n, line in enumerate(lines[1:], 2) if len(line.split("\t")) != 7]
    assert not bad
    assert len(people()) == len(lines) - 1


def test_cells_name_known_genders_countries_and_roles() -> None:
    countries = language_data("en")["countries"]
    roles = language_data("en")["people"]["roles"]
    problems = []
    for person in people():
        if person.gender not in GENDERS:
            problems.append((person.name, "gender", person.gender))
        problems += [(person.name, "country", c) for c in person.countries if c not in countries]
        problems += [(person.name, "role", r) for r in person.roles if r not in roles]
        if not person.countries or not person.roles:
            problems.append((person.name, "no country or role", ""))
    assert not problems


def test_names_are_unique_and_variants_are_other_spellings() -> None:
    names = [fold(p.name) for p in people()]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
    for person in people():
        assert person.name not in person.variants, person.name
        forms = (person.name, *person.variants)
        assert any(person.alone in form for form in forms), (person.name, person.alone)


def test_the_glossary_and_the_gazetteer_agree_on_the_people_both_hold() -> None:
    """A person of glossaries/people.tsv whose preferred English form the gazetteer holds has the same
    gender there: the pronoun rules read one, TC912 the other."""
    by_name = {fold(p.name): p for p in people()}
    for concept in load_glossary(ROOT / "glossaries" / "people.tsv").concepts:
        person = by_name.get(fold(concept.preferred("en") or ""))
        if concept.type == "person" and person is not None:
            assert person.gender == concept.gender, concept.id
