"""TC907: name-letter-variant."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import regex

from transclean.analysis.spelling import spelling_key
from transclean.context import Context
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.places import places
from transclean.rules.base import Example, Rule, register

#: two capitalised words in a row, the second looked for again from the end of the first (overlapping pairs:
#: "Friday Hikmat Hajiyev" gives "Friday Hikmat" and "Hikmat Hajiyev").
_PAIR = regex.compile(r"\b(\p{Lu}[\p{L}\p{M}]+) (?=(\p{Lu}[\p{L}\p{M}]+)\b)")
#: the words of a name are rarer than this in English and in the text's language ("Minister" is a word).
NAME_ZIPF = 3.5
#: words this short differ by a vowel as different names ("Jan", "Jon").
MIN_WORD = 5
_VOWELS = frozenset("aeiouy")


@register
class NameLetterVariant(Rule):
    """One person's name spelt with another vowel beside the same surname or first name: "Hikmat Hajiyev" and
    "Hikmet Hajiyev", "Armen Petrosyan" and "Armen Petrosan".

    ## What it finds
    Two-word names that share one word (a rare one: a name, not "Minister") and whose other word differs
    by one vowel ("Hikmat", "Hikmet") or by a vowel dropped inside it ("Petrosyan", "Petrosan"), never at
    its end, where names inflect or change with sex ("Mario", "Maria"). The shared word
    says they are one person, so two uses are enough (TC904 asks three of a lone word). The most used
    spelling is suggested; in a tie both are flagged, since the text does not say which is right.
    Consonants added inside a word ("Johnson", "Johnston") make other names and are left alone; a doubled
    letter ("Hussain", "Husain") is a romanisation, TC903's.

    ## Why it matters
    A machine translation romanises each sentence on its own: one person gets two names, which readers,
    search and glossaries take for two people.

    ## Fix safety
    Unsafe: which spelling the person uses is the editor's knowledge.
    """

    code = "TC907"
    name = "name-letter-variant"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    must_fire = (
        Example(
            "Hikmat Hajiyev, the adviser, spoke on Friday. Later ⟦Hikmet⟧ Hajiyev said more. Hikmat Hajiyev left.",
            language="en",
        ),
        Example("⟦Hikmat⟧ Hajiyev spoke on Friday. Later ⟦Hikmet⟧ Hajiyev said more.", language="en"),
        Example("Armen Petrosyan spoke first; later Armen ⟦Petrosan⟧ left. Armen Petrosyan stayed.", language="en"),
    )
    must_not_fire = (
        Example("Peter Johnson met Peter Johnston in Leeds.", language="en"),
        Example("Maria Rossi met Mario Rossi in Rome.", language="en"),
        Example("Prime Minister Hikmat Hajiyev met Deputy Minister Hajiyev.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text, lang = ctx.text, ctx.language or "en"
        # words by the word they stand beside: ("first", "hajiyev") -> the first names before "Hajiyev"
        beside: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
        for m in _PAIR.finditer(text):
            first, second = m.group(1), m.group(2)
            if not (_is_name(first, lang) and _is_name(second, lang)):
                continue
            beside.setdefault((0, spelling_key(second).lower()), []).append((m.start(1), m.end(1), first))
            start = m.end(1) + 1
            beside.setdefault((1, spelling_key(first).lower()), []).append((start, start + len(second), second))
        flagged: set[int] = set()
        for spans in beside.values():
            counts = Counter(word for _, _, word in spans)
            if len(counts) < 2:
                continue  # most names: one spelling
            for a, b in _variant_pairs(counts):
                if counts[a] != counts[b]:
                    top, minority = (a, {b}) if counts[a] > counts[b] else (b, {a})
                else:
                    top, minority = "", {a, b}
                for start, end, word in spans:
                    if word in minority and start not in flagged:
                        flagged.add(start)
                        other = b if word == a else a
                        yield self.finding(
                            text, start, end, f"{word!r} is spelt {other!r} beside the same name elsewhere",
                            suggestion=top or None, title=f"Use {top!r}" if top else "", confidence=0.5,
                        )  # fmt: skip


def _variant_pairs(counts: Counter[str]) -> list[tuple[str, str]]:
    """The pairs of spellings one vowel apart (few spellings stand beside one name: comparing each pair is
    cheap)."""
    words = sorted(counts)
    return [(a, b) for i, a in enumerate(words) for b in words[i + 1 :] if _one_letter_apart(a, b)]


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two spellings differ by one vowel substituted or dropped inside the word (not its last letter:
    "Mario", "Maria"); case and accents aside."""
    x, y = spelling_key(a).lower(), spelling_key(b).lower()
    if x == y or min(len(x), len(y)) < MIN_WORD or x[-1] != y[-1]:
        return False
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        return len(diff) == 1 and x[diff[0]] in _VOWELS and y[diff[0]] in _VOWELS
    if abs(len(x) - len(y)) != 1:
        return False
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    i = next((i for i in range(len(shorter)) if longer[i] != shorter[i]), len(shorter))
    if longer[i + 1 :] != shorter[i:]:
        return False
    # a vowel dropped, not a doubled one ("Hussain", "Husain": a romanisation, TC903's)
    return longer[i] in _VOWELS and longer[i - 1 : i] != longer[i] and longer[i + 1 : i + 2] != longer[i]


@lru_cache(maxsize=65536)
def _is_name(word: str, lang: str) -> bool:
    """Whether a capitalised word can be part of a person's name: rare in English and in the text's
    language, and no place ("Hikmat", not "Minister" or "Baku")."""
    lower = word.lower()
    return max(zipf(lower, lang), zipf(lower, "en")) < NAME_ZIPF and word not in places()
