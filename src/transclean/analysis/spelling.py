"""Spellings of one name: forms that differ by hyphens, spaces, accents or romanisation only."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from transclean.glossary import Glossary

if TYPE_CHECKING:
    from transclean.context import Context


_SEPARATORS = regex.compile(r"[\s\-‐‑]+")
_DOUBLED = regex.compile(r"(.)\1+")
_ROMAN_NUMERAL = regex.compile(r"[IVXLC]+")


@lru_cache(maxsize=65536)
def spelling_key(form: str) -> str:
    """The form without hyphens, spaces and accents; case is kept ("LAURA" is emphasis, not a spelling).
    Memoised, as the keys below: the name rules ask for every capitalised word and run of a document."""
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
    return _SEPARATORS.sub("", bare)


_TRANSLITERATION_FOLDS = (("kh", "h"), ("ks", "x"), ("ph", "f"), ("ou", "u"), ("y", "i"), ("j", "i"), ("w", "v"))


@lru_cache(maxsize=65536)
def romanisation_key(word: str) -> str:
    """:func:`transliteration_key` with doubled letters kept: a name written in Latin letters at its source
    is spelt one way, and a doubled letter there is a misspelling ("Melloni" for Meloni), while the other
    folds are still romanisations ("Dmitri", "Dmitry").

    >>> romanisation_key("Dmitry") == romanisation_key("Dmitri")
    True
    >>> romanisation_key("Melloni") == romanisation_key("Meloni")
    False
    """
    key = spelling_key(word)  # case kept: "LeFroy" and "Lefroy" are not a romanisation
    for a, b in _TRANSLITERATION_FOLDS:
        key = key.replace(a, b)
    return key


@lru_cache(maxsize=65536)
def transliteration_key(word: str) -> str:
    """A name with the usual differences of romanisation folded ("Zelenskyy" and "Zelensky", "Dmitry" and
    "Dmitri", "Aleksei" and "Alexei", "Harutyunyan" and "Harutiunian"); "Johnson" and "Johnston" differ.

    >>> transliteration_key("Zelenskyy") == transliteration_key("Zelensky")
    True
    """
    return _DOUBLED.sub(r"\1", romanisation_key(word))


_LOOSE_FOLDS = (("oo", "u"), ("ee", "i"), ("ch", "sh"))


@lru_cache(maxsize=65536)
def loose_name_key(form: str) -> str:
    """A name with case, spaces, hyphens, accents and the romanisations of several source languages folded:
    "Seo Yong-ju", "Seo Yong-joo" and "Seoyongju", "Zurabishvili" and "Zourabichvili", "Skorohod" and
    "Skorokhod" share a key; "Johnson" and "Johnston" do not.

    >>> loose_name_key("Zourabichvili") == loose_name_key("Zurabishvili")
    True
    """
    key = spelling_key(form).lower()
    for a, b in _LOOSE_FOLDS:
        key = key.replace(a, b)
    return transliteration_key(key)


def transliterations(ctx: Context) -> list[tuple[str, str]]:
    """Pairs of full names of persons that differ in one word by romanisation only ("Dmitry Peskov" and
    "Dmitri Peskov", "Araik Harutyunyan" and "Arayik Harutyunyan")."""
    forms = sorted({m.text for m in ctx.mentions if m.kind == "person" and m.concept is None and " " in m.text})
    # Forms that differ in word k only, by romanisation, share the other words and the key of word k:
    # grouping by those compares only candidates (comparing every pair was quadratic in the names).
    groups: dict[tuple[int, tuple[str, ...], str], list[str]] = {}
    for form in forms:
        words = form.split()
        for k, word in enumerate(words):
            groups.setdefault((k, (*words[:k], *words[k + 1 :]), transliteration_key(word)), []).append(form)
    pairs = []
    for (k, _, _), group in groups.items():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                x, y = a.split()[k], b.split()[k]
                if spelling_key(a) == spelling_key(b) or _ROMAN_NUMERAL.fullmatch(x) or _ROMAN_NUMERAL.fullmatch(y):
                    continue  # "Charles I" and "Charles II"
                pairs.append((a, b))
    return sorted(pairs)


#: how alike (difflib's ratio) two surnames of a glossary person must be to be spellings of one name.
SURNAME_SIMILARITY = 0.75


@lru_cache(maxsize=8)
def surname_variants(glossary: Glossary, lang: str) -> dict[str, tuple[str, str]]:
    """Surnames a glossary spells several ways ("Zelensky", "Zelenskyy"): variant -> (concept id, preferred).
    Built once per glossary and language, not per document."""
    from difflib import SequenceMatcher

    out: dict[str, tuple[str, str]] = {}
    for concept in glossary.concepts:
        forms = concept.terms.get(lang, ())
        last = [f.split()[-1] for f in forms if len(f.split()) > 1]
        if concept.type != "person" or not last:
            continue
        # spellings of one surname, not other parts of the name ("Tedros Adhanom Ghebreyesus|Tedros Adhanom")
        same = [w for w in dict.fromkeys(last) if SequenceMatcher(None, w, last[0]).ratio() >= SURNAME_SIMILARITY]
        if len(same) > 1:
            out.update((word, (concept.id, last[0])) for word in same)
    return out
