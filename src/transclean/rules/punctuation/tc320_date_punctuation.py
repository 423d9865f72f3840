"""TC320: date-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import ClassVar

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: what may follow the day of "February, 24" in a date: a range, a list, a year, the sentence's end. A noun
#: after the number makes it a count ("In February, 24 people died") and the comma right.
_AFTER_DAY = r"(?=[ \t]*(?:[,.;–—-]|to\b|and\b|until\b|till\b|$))"
# what joins two dates of a range or a list
_JOINED = re.compile(r",?[ \t]*(?:to|and|until|till|–|—|-)[ \t]*")


@register
class DatePunctuation(Rule):
    """A date punctuated as in the source language: "from February, 24 to July, 15", "on the 23rd. December".

    ## What it finds
    In English text, a comma between a month's name and its day when a range, a list, a year or the end of
    the sentence follows the day ("February, 24 to July, 15, 2022"), and a full stop after a day number
    before the month's name ("23rd. December", "24. February"), the German and Central European way of
    writing an ordinal.

    ## Why it matters
    Translation systems carry the source's date punctuation over ("24 февраля" read back as "February, 24",
    "23. Dezember" as "23rd. December"); an English reader stops at the comma or reads the stop as the end
    of a sentence.

    ## Fix safety
    Safe: the comma or the stop goes, the day and the month stay. A number that counts something after a
    month ("In February, 24 people died") is left alone, and so are other languages, which write "24. Februar".
    """

    code = "TC320"
    name = "date-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ("en",)  # other languages write "24. Februar" and "24 февраля,"
    trigger = Trigger(
        pattern=re.compile(r"[a-z], \d|\d(?:st|nd|rd|th)\. [A-Z]"),
        needs=(*(f", {d}" for d in "0123456789"), "st. ", "nd. ", "rd. ", "th. "),  # found with the gates' strings
    )
    must_fire = (
        Example("In the period from ⟦February, 24 to July, 15⟧, 2022, strikes were recorded.",
                fixed="In the period from February 24 to July 15, 2022, strikes were recorded.", language="en"),
        Example("The fair opens on the ⟦23rd. December⟧ in the old town.",
                fixed="The fair opens on the 23rd December in the old town.", language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("In February, 24 people died and in March, 30 more.", language="en"),
        Example("It happened on February 24, 2022, at 11:17. He was 24. December was cold.", language="en"),
        Example("Am Sonntag, 5. November 2023, kurz nach 21 Uhr.", language="de"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        # The rule knows English only: the dates are found first and the language (a fastText call, 0.3-1 ms)
        # asked only when there is one ("Paris, 3 people" and "1st. The" are not dates).
        found = list(self._dates(ctx.text, _months("en")))
        if found and ctx.language in self.languages:
            yield from found

    def _dates(self, text: str, months: frozenset[str]) -> Iterator[Finding]:
        # a range or list of dates is one finding ("from February, 24 to July, 15"): one slip, one mark
        groups: list[list[tuple[int, int, str]]] = []
        for m in _COMMA_DAY.finditer(text):
            month = _word_before(text, m.start())
            if month not in months:
                continue
            date = (m.start() - len(month), m.end(), f"{month} {m[1]}")
            if groups and _JOINED.fullmatch(text, groups[-1][-1][1], date[0]):
                groups[-1].append(date)
            else:
                groups.append([date])
        for group in groups:
            edits = tuple(Edit(start, end, replacement) for start, end, replacement in group)
            yield self.finding(text, group[0][0], group[-1][1], "A comma between the month and the day",
                               edits=edits, title="Remove the comma")  # fmt: skip
        for m in _ORDINAL_STOP.finditer(text):
            day = m.start() - len(_digits_before(text, m.start()))
            if m[1] not in months or not 0 < m.start() - day <= 2 or (day > 0 and text[day - 1].isalnum()):
                continue
            ordinal = text[day : m.start()] + m[0][:2]  # "23rd"
            yield self.finding(text, day, m.end(), "A full stop between the day and the month",
                               suggestion=f"{ordinal} {m[1]}", title="Remove the full stop")  # fmt: skip


# Both scans open on a literal (", " before a day; an ordinal suffix and a stop) and read the month's name in
# code: a scan that opens on an alternation of twelve names costs several times more.
_COMMA_DAY = re.compile(rf", (\d{{1,2}})\b(?![\d:.,]\d){_AFTER_DAY}", re.M)
_ORDINAL_STOP = re.compile(r"(?:st|nd|rd|th)\. ([A-Z][a-z]+)\b")


def _word_before(text: str, end: int) -> str:
    """The run of letters that ends at ``end``, when no letter or digit precedes it."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return "" if start > 0 and text[start - 1].isalnum() else text[start:end]


def _digits_before(text: str, end: int) -> str:
    """The run of digits that ends at ``end``."""
    start = end
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    return text[start:end]


@cache
def _months(lang: str) -> frozenset[str]:
    """The language's month names (``[chrome] months``, capitalised; an abbreviation, the start of a longer
    entry, is left out: "Mar, 5" is a table's cell more often than a date)."""
    names = language_data(lang)["chrome"]["months"]
    return frozenset(m.capitalize() for m in names if not any(o != m and o.startswith(m) for o in names))
