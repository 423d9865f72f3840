"""Spellings of one name: forms that differ by hyphens, spaces, accents or romanisation only."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from transclean.glossary import Glossary

if TYPE_CHECKING:
    from transclean.context import Context


def spelling_key(form: str) -> str:
    """The form without hyphens, spaces and accents; case is kept ("LAURA" is emphasis, not a spelling)."""
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
    return regex.sub(r"[\s\-‐‑]+", "", bare)


_TRANSLITERATION_FOLDS = (("kh", "h"), ("ks", "x"), ("ph", "f"), ("ou", "u"), ("y", "i"), ("j", "i"), ("w", "v"))


def transliteration_key(word: str) -> str:
    """A name with the usual differences of romanisation folded ("Zelenskyy" and "Zelensky", "Dmitry" and
    "Dmitri", "Aleksei" and "Alexei", "Harutyunyan" and "Harutiunian"); "Johnson" and "Johnston" differ.

    >>> transliteration_key("Zelenskyy") == transliteration_key("Zelensky")
    True
    """
    key = spelling_key(word)  # case kept: "LeFroy" and "Lefroy" are not a romanisation
    for a, b in _TRANSLITERATION_FOLDS:
        key = key.replace(a, b)
    return regex.sub(r"(.)\1+", r"\1", key)


_LOOSE_FOLDS = (("oo", "u"), ("ee", "i"), ("ch", "sh"))


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
    pairs = []
    for i, a in enumerate(forms):
        for b in forms[i + 1 :]:
            wa, wb = a.split(), b.split()
            diff = [(x, y) for x, y in zip(wa, wb, strict=False) if x != y]
            if len(wa) != len(wb) or len(diff) != 1 or spelling_key(a) == spelling_key(b):
                continue
            if any(regex.fullmatch(r"[IVXLC]+", w) for w in diff[0]):
                continue  # "Charles I" and "Charles II"
            if transliteration_key(diff[0][0]) == transliteration_key(diff[0][1]):
                pairs.append((a, b))
    return pairs


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
