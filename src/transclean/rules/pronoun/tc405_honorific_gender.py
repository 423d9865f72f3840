"""TC405: honorific-gender."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache

import regex

from transclean.context import Context
from transclean.langdata import across_languages, language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation

#: the capitalised words of a name after an honorific, on one line
_NAME = regex.compile(r"[ \t]+((?:\p{Lu}[\p{L}'’-]*[ \t]+){0,4}\p{Lu}[\p{L}'’-]*)")


@cache
def _middle_names() -> dict[str, str]:
    """Middle names that mark a gender, from every language file (`[names] gender_middle_names`)."""
    found: dict[str, str] = {}
    for table in across_languages("names", "gender_middle_names").values():
        found.update(table)
    return found


@cache
def _honorific_pattern(lang: str) -> regex.Pattern[str] | None:
    honorifics = language_data(lang).get("honorifics", {})
    if not honorifics:
        return None
    words = alternation(honorifics)
    return regex.compile(rf"(?<![\p{{L}}'’-])(?<honorific>{words})\.?(?=[ \t]+\p{{Lu}})")


@register
class HonorificGender(Rule):
    """An honorific of the other gender than the name shows: "Mr. Lam Thi Phuong Thanh", "Mr. X ... Mrs. X".

    ## What it finds
    An honorific ("Mr.", "Mrs.", "Ms." ...: `[honorifics]` of the language file) before a full name that
    marks the other gender: a middle name that marks a gender in a name of three words or more (Vietnamese
    "Thị" a woman's, "Văn" a man's: `[names] gender_middle_names`), or the same full name given honorifics
    of the other gender more often elsewhere in the text ("Mr. Anna Berg" once, "Ms. Anna Berg" twice:
    the odd one is flagged). A tie without a middle name is not judged.

    ## Why it matters
    Vietnamese, Chinese, Korean and Thai write one word for a senior person of either gender ("đồng chí",
    the name alone) or an honorific the engine guesses ("Ông"/"Bà" lost in a headline): the translation
    turns a woman into "Mr.", and the pronouns after it follow.

    ## Fix safety
    Unsafe: the other honorific is suggested, but "Ms." and "Mrs." cannot be told apart from the text.
    """

    code = "TC405"
    name = "honorific-gender"
    category = Category.PRONOUN
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=tuple(language_data("en").get("honorifics", {})))
    must_fire = (
        Example(
            "On October 23, ⟦Mr.⟧ Lam Thi Phuong Thanh, Secretary of the Provincial Party Committee, spoke.",
            language="en",
        ),
        Example("⟦Mr.⟧ Anna Berg arrived. Ms. Anna Berg said the talks went well. Ms. Anna Berg left.", language="en"),
    )
    must_not_fire = (
        Example("Mr. Hoang Van Nghiem and Mrs. Lam Thi Phuong Thanh attended the meeting.", language="en"),
        Example("Mrs. Sarah Van Dyke met Mr. Tom Berg and Ms. Berg's sister.", language="en"),
        Example("Mr. Alex Kim spoke. Ms. Alex Kim spoke later.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _honorific_pattern(ctx.language)) is None:
            return
        honorifics: dict[str, str] = language_data(ctx.language)["honorifics"]
        middles = _middle_names()
        text = ctx.text
        uses: list[tuple[int, int, str, str]] = []  # start, end of the honorific, its gender, the name
        for m in pattern.finditer(text):
            name = _NAME.match(text, m.end())
            if name is not None:
                uses.append((m.start(), m.end(), honorifics[m.group("honorific")], name.group(1)))
        counts = Counter((name, gender) for _, _, gender, name in uses)
        for start, end, gender, name in uses:
            other = "female" if gender == "male" else "male"
            words = name.split()
            marked = middles.get(words[1]) if len(words) >= 3 else None
            if marked == other:
                why = f"{words[1]!r} in {name!r} is a {other} middle name"
            elif marked is None and counts[(name, other)] > counts[(name, gender)]:
                why = f"the text gives {name!r} a {other} honorific {counts[(name, other)]} times"
            else:
                continue
            yield self.finding(text, start, end, f"{text[start:end]!r} is {gender}, but {why}", confidence=0.7)
