"""Letters dropped without a trace ("Erdoan" for "Erdoğan", "Kozowski" for "Kozłowski"): the words a token
may have been when one or two of its non-ASCII letters were removed, found by skeleton in the lexicon.

A PDF text layer or a font without the letter, or a scraper that strips what its code page lacks, leaves no
'?' behind; the word only reads one or two letters short. A lexicon entry's skeleton writes each non-ASCII
letter as '?', so putting one or two '?' into the token at every place and looking the keys up finds the
words that fit: a few dozen binary searches per unknown token (about 25 us each).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations_with_replacement

from transclean.lexicon import dropped_forms, lexicon

#: letters a token may have lost: one or two ("Yaln" for "Yalçın" lost both of its).
MAX_DROPPED = 2
#: a candidate that needs two dropped letters is this much (log10 weight) less likely than one with one.
SECOND_DROP_COST = 1.0
#: the Zipf score (word frequency, or a name list's score) a candidate needs: rarer words fit by chance.
MIN_SCORE = 3.0


@dataclass(frozen=True)
class Dropped:
    """A word a token may have been, with its score (log10 weight) and whether the document spells it."""

    word: str
    score: float
    in_document: bool
    name: bool


def without_accents(word: str) -> str:
    """The word with its non-ASCII letters removed, as a dropping code page leaves it.

    >>> without_accents("erdoğan")
    'erdoan'
    """
    return word.encode("ascii", "ignore").decode("ascii")


def dropped_candidates(
    token: str, document: Mapping[str, Collection[str]] | None = None, most: int = MAX_DROPPED
) -> list[Dropped]:
    """The words a lower-case ASCII ``token`` may have been with up to ``most`` non-ASCII letters dropped,
    best first. ``document`` maps the document's own accented words by :func:`without_accents`: a word the
    document spells outranks every lexicon word.

    >>> dropped_candidates("kozowski")[0].word
    'kozłowski'
    """
    found = {word: Dropped(word, 9.0, True, False) for word in (document or {}).get(token, ())}
    for drops in range(1, most + 1):
        for fit in _lexicon_fits(token, drops):
            found.setdefault(fit.word, fit)
    return sorted(found.values(), key=lambda d: (-d.score, d.word))


@lru_cache(maxsize=65536)
def _lexicon_fits(token: str, drops: int) -> tuple[Dropped, ...]:
    """The lexicon's words that fit with ``drops`` letters dropped, kept per process: a check runs in several
    passes, and a corpus repeats its unknown words (names) from page to page."""
    found: dict[str, Dropped] = {}
    forms = dropped_forms(MIN_SCORE, SECOND_DROP_COST).fields(token)
    if forms is None or str(drops) not in forms[0]:
        return ()  # no word of the lexicon fits: one lookup instead of one per place the letters could be
    lex = lexicon()
    for places in combinations_with_replacement(range(len(token) + 1), drops):
        key, last = [], 0
        for place in places:
            key.append(token[last:place] + "?")
            last = place
        key.append(token[last:])
        for word, langs in lex.candidates("".join(key)).items():
            if word in found or len(word) != len(token) + drops:
                continue
            score = max(langs.values()) - SECOND_DROP_COST * (drops - 1)
            if score >= MIN_SCORE:
                found[word] = Dropped(word, score, False, any(k.startswith("name:") for k in langs))
    return tuple(found.values())


def confidence(candidates: list[Dropped]) -> float:
    """The share of the weight the best candidate carries."""
    if not candidates:
        return 0.0
    weights = [10**c.score for c in candidates]
    return weights[0] / math.fsum(weights)


def restore(token: str, word: str) -> str:
    """``word`` written with the case of ``token``: its kept letters as the token has them, dropped ones in
    lower case (upper case in an all-capital token, or first in a capitalised word).

    >>> restore("Erdoan", "erdoğan"), restore("ERDOAN", "erdoğan"), restore("utanovac", "šutanovac")
    ('Erdoğan', 'ERDOĞAN', 'šutanovac')
    """
    upper = token.isupper() and len(token) > 1
    out, pos = [], 0
    for char in word:
        if pos < len(token) and token[pos].lower() == char:
            out.append(token[pos])
            pos += 1
        else:
            out.append(char.upper() if upper else char)
    return "".join(out)
