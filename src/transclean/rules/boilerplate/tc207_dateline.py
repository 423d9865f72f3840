"""TC207: dateline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import DIGIT, all_languages
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import AsciiGate, Example, Rule, Trigger, register
from transclean.text import alternation

#: a date/time line is short; a longer line is a sentence that mentions a date.
DATELINE_MAX_CHARS = 60

_CLOCK = regex.compile(r"\b\d{1,2}(?:[:.]|: )\d{2}\b")  # "14: 24": MT puts a space after the colon
_YEAR = regex.compile(r"\b(?:19|20)\d{2}\b")
#: "2025-05-18", "18.05.2025", and the Hungarian and Korean "2025. 05. 18." with a space after each stop
_NUMERIC_DATE = regex.compile(
    r"\b\d{4}(?:[-/]|\.[ \t]?)\d{1,2}(?:[-/]|\.[ \t]?)\d{1,2}\b|\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b"
)
_TEMPERATURE = regex.compile(r"\d\s*(?:℃|℉|°\s*[CF]?)")
#: a temperature with its sign and number: "+5°C", "-3 ℃", "17.5 °F".
_TEMPERATURE_UNIT = regex.compile(r"[+\-−]?\d+(?:[.,]\d+)?\s*(?:℃|℉|°\s*[CF]?)")
_DOMAIN = regex.compile(r"\b[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|net|org|tv|info|news|[a-z]{2})\b")
_TOKEN = regex.compile(r"[\p{L}\p{M}]+|\d+")
#: a machine timestamp ("2022-11-24T11:20:01.763Z"): read as its date.
_ISO = regex.compile(r"\b(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
#: a clock time alone on its line ("15:46"): the time stamp of a headline or a live post.
_CLOCK_ONLY = regex.compile(r"\d{1,2}:\d{2}")

#: a bracketed date line opening a paragraph: "[updated on November 15, 14: 24] It was a first."
#: Square brackets only: "(21. November 2022) Energy users ..." opens a press release, which is content.
_BRACKETED = regex.compile(r"[ \t]*\[(?P<inner>[^\]\n]{4,58})\][ \t]*")

#: a fused dateline inside a paragraph: a date then a clock time, "Thursday, December 31, 2020, 15:09 IST".
_INLINE = regex.compile(
    r"(?:\p{Lu}\p{L}+:\s+)?(?:\p{Lu}\p{L}+,?\s+)?(?:\p{Lu}\p{L}+\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{L}+),?\s+(?:19|20)\d{2},?\s+"
    r"\d{1,2}:\d{2}(?:\s+(?:GMT|UTC|IST|CET|CEST|EST|EDT|MSK|AM|PM)\b)?"
)
#: what every _INLINE match holds: a colon between digits. A cheap scan, where _INLINE tries at every letter.
_CLOCK_COLON = regex.compile(r"\d:\d")

#: a page's publication stamp fused in front of a paragraph's first words: "19:41 24/01/2023 The ambassador
#: ...", "Published: 12.03.2021 The minister ...", "04.12.2019 LondonNATO's ...": an optional label of a
#: `[chrome] date_labels` table, a numeric date with a clock time before or after it, then a capital. A named
#: date ("5 May 2024 The ...") is left out: "May" and "March" open sentences too.
_STAMP = regex.compile(
    r"[ \t]*(?:(?P<label>(?i:" + alternation(all_languages("date_labels"), escape=True) + r"))[ \t]*:?[ \t]+)?"
    r"(?:(?P<before>\d{1,2}:\d{2})[ \t,]+)?(?P<date>" + _NUMERIC_DATE.pattern + r")"
    r"(?:,?[ \t]+(?P<after>\d{1,2}:\d{2})\b)?[ \t]*(?:[|–—-][ \t]*)?(?=\p{Lu})"
)
#: the first visible character of a line a stamp opens: a digit or a label's first letter, either case.
#: Tested before the pattern, whose case-insensitive alternation of labels cost a check 0.4% more when tried
#: on every line.
#: ... and a digit in its first characters, as far as the longest label, a clock time and a date reach.
_STAMP_REACH = 48
_STAMP_FIRST = frozenset("0123456789") | {
    c for label in all_languages("date_labels") for c in (label[0], label[0].upper())
}
#: a page that opens this many paragraphs with a bare date is a timeline or an archive list, where the date
#: is the entry's own: none of them is flagged. A date with a clock time or a label is a stamp wherever.
STAMP_LIST_MIN = 3


def _marked(stamp: regex.Match[str]) -> bool:
    """Whether a ``_STAMP`` has a clock time or a label: a page's stamp, where a bare date may be a timeline's."""
    return bool(stamp["label"] or stamp["before"] or stamp["after"])


def _date_word(token: str) -> bool:
    return (
        token in all_languages("months") or token in all_languages("weekdays") or token in all_languages("time_words")
    )


def dateline(line: str) -> bool:
    """True when ``line`` is a date, time, reading-time or weather line and nothing else.

    At most one other word, capitalised (a place: "Yerevan 17 ℃"), and one site name ("dziennik.pl 3 weeks
    ago") may stand in it. A named date needs a year or a clock time: "June 5" alone may be a heading.
    """
    stripped = line.strip()
    if ":" in stripped:  # a timestamp has one (most lines have none, and the sub reads the whole line)
        stripped = _ISO.sub(r"\1", stripped)
    if _CLOCK_ONLY.fullmatch(stripped):
        return True
    if not stripped or len(stripped) > DATELINE_MAX_CHARS or not any(c.isdigit() for c in stripped):
        return False
    unsigned = _DOMAIN.sub(" ", stripped, count=1)
    if _TEMPERATURE.search(unsigned):
        # a temperature and at most one capitalised word: "Yerevan 17 ℃", "+5°C Moscow" (the C of "°C" is
        # the unit's, not a word); "Bake at 180 °C" is a sentence
        rest = _TOKEN.findall(_TEMPERATURE_UNIT.sub(" ", unsigned))
        return len(rest) <= 1 and all(t[0].isupper() for t in rest)
    tokens = _TOKEN.findall(unsigned)
    names = [t for t in tokens if not t.isdigit() and not _date_word(t.lower())]
    if len(names) > 1 or (names and not names[0][0].isupper()):
        return False
    if _NUMERIC_DATE.search(stripped):
        return True
    lowered = {t.lower() for t in tokens}
    if lowered & (all_languages("months") | all_languages("weekdays")):
        return bool(_YEAR.search(stripped) or _CLOCK.search(stripped))
    if _CLOCK.search(stripped) and lowered & all_languages("update_words"):
        return True  # "Updated at 14:20"
    return bool(lowered & all_languages("relative"))  # "3 weeks ago", "2 min read"


@register
class Dateline(Rule):
    """A date, time, reading-time or weather line from the page header: "19:12, 16 April 2024 | GMT +6".

    ## What it finds
    A line of at most 60 characters made only of numbers, month and weekday names, clock times, time
    words ("ago", "min read", "GMT") of any language with a `[chrome]` table, and at most one other word
    (a place or a site name): "Wednesday, 28 September 2022", "Yerevan 17 ℃", "dziennik.pl 3 weeks ago",
    "2 min read", "Updated at 14:20". A date with a clock time fused into a paragraph is flagged without a fix.

    ## Why it matters
    The header line is page furniture: it is not part of the article's text, and in the middle of a
    paragraph it breaks the sentence.

    A numeric date fused in front of a paragraph's first capitalised word ("19:41 24/01/2023 The ambassador
    ...", "Published: 12.03.2021 The minister ...") is the page's publication stamp, unless three or more
    paragraphs open with a bare date (a timeline or an archive list, where each date belongs to its entry).

    ## Fix safety
    Safe for a line alone: it needs a year, a clock time, a numeric date, a temperature or a relative
    time ("3 weeks ago"), so a heading such as "June 5" in a timeline stays. The fused form is only
    flagged: where the sentence resumes is a guess. A stamp before a paragraph is removed only with its clock
    time or its label ("published", "posted"), which an entry of a timeline does not carry; a bare date
    before a sentence is only flagged.
    """

    code = "TC207"
    name = "dateline"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; month and weekday names come from every language file
    must_fire = (
        Example("⟦19:12, 16 April 2024 | GMT +6⟧\n\nThe minister spoke.", fixed="The minister spoke."),
        Example("Headline\n⟦Wednesday, 28 September 2022⟧\n⟦Yerevan 17 ℃⟧\nText.", fixed="Headline\nText."),
        Example("Headline\n⟦dziennik.pl 3 weeks ago⟧\nText.", fixed="Headline\nText."),
        Example("Headline\n⟦15:46⟧\nText.", fixed="Headline\nText."),
        Example("Headline\n⟦Updated at 14:20⟧\nText.", fixed="Headline\nText."),
        Example("⟦+5°C Moscow⟧\nText.", fixed="Text."),
        Example("Headline\n⟦2022-11-24T11:20:01.763Z⟧\nText.", fixed="Headline\nText."),
        Example("Headline\n\n⟦2 min read⟧\n\nText.", fixed="Headline\n\nText."),
        Example("Headline\n⟦2024.10.25. PM 10:34⟧\nText.", fixed="Headline\nText."),
        Example("⟦[updated on November 15, 14: 24]⟧ It was a first.", fixed="It was a first."),
        Example("Headline\n⟦2025. 05. 18. 11:37⟧\nText.", fixed="Headline\nText."),
        Example("The state is rich. ⟦Bhopal: Thursday, December 31, 2020, 15:09 IST⟧ Chief Minister Chouhan spoke."),
        Example(
            "Headline\n⟦19:41 24/01/2023⟧ The ambassador met the prosecutor.",
            fixed="Headline\nThe ambassador met the prosecutor.",
        ),
        Example(" ⟦Posted 2022-06-30⟧ Former President Lula spoke today.", fixed=" Former President Lula spoke today."),
        Example("⟦Published: 12.03.2021, 10:15⟧ | The minister resigned.", fixed="The minister resigned."),
        Example("Headline\n⟦04.12.2019⟧ LondonNATO's eastern flank will be reinforced."),
    )
    must_not_fire = (
        Example("June 5\n\nThe minister spoke."),
        Example("The vote is on 5 May 2024.\n\nThe minister spoke."),
        Example("Arsenal 2 Chelsea 1\n\nThe match ended."),
        Example("Chapter 12\n\nThe minister spoke."),
        Example("On Thursday, December 31, 2020, at 15:09 the minister spoke."),
        Example("(Reuters) The minister spoke on 5 May 2024."),
        Example("Bake at 180 °C\n\nThe minister spoke."),
        Example("It was 30 °C in Rome\n\nThe minister spoke."),
        Example("24.02.2022 marked the start of the war.\n\nThe minister spoke."),
        Example("On 24.02.2022 Russia invaded.\n\nThe minister spoke."),
        Example("Timeline\n24.02.2022 Russia invades.\n02.03.2022 Kherson falls.\n11.11.2022 Kherson is freed."),
    )
    # a year, a clock time, a numeric date or a temperature; in ASCII text a digit is 0-9
    trigger = Trigger(pattern=DIGIT, ascii=AsciiGate((b"0",)))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        stamps: list[tuple[int, regex.Match[str]]] = []
        for line in ctx.chrome_lines:
            start = line.start
            head = line.stripped[:_STAMP_REACH]
            stamp = _STAMP.match(line.text) if head[:1] in _STAMP_FIRST and DIGIT.search(head) else None
            if stamp and not dateline(line.text):  # a date line with a place ("19:41 24/01/2023 Tirana") goes whole
                stamps.append((start, stamp))
            if len(line.stripped) > DATELINE_MAX_CHARS and ":" not in line.text and line.stripped[0] != "[":
                continue  # too long for a date line, no clock time to shorten nor fuse, no bracket: prose
            if dateline(line.text):
                yield self.line_removal(
                    text,
                    start,
                    line.end,
                    "Date or time line from the page header",
                    title="Remove the line",
                    confidence=0.9,
                )
                continue
            bracket = _BRACKETED.match(line.text)
            if bracket and dateline(bracket["inner"]) and line.text[bracket.end() :].strip():
                yield self.finding(
                    text,
                    start + bracket.start() + len(bracket[0]) - len(bracket[0].lstrip()),
                    start + bracket.start() + len(bracket[0].rstrip()),
                    "Date line in brackets before the paragraph",
                    suggestion="",
                    edits=(Edit(start + bracket.start(), start + bracket.end(), ""),),
                    title="Remove the date",
                    confidence=0.85,
                )
                continue
            for m in _INLINE.finditer(line.text) if _CLOCK_COLON.search(line.text) else ():
                yield self.finding(
                    text,
                    start + m.start(),
                    start + m.end(),
                    "Date and time fused into the paragraph",
                    applicability=Applicability.NONE,
                    confidence=0.7,
                )
        bare = sum(not _marked(stamp) for _, stamp in stamps)
        for start, stamp in stamps:
            if _marked(stamp) or bare < STAMP_LIST_MIN:
                yield self._stamp(text, start, stamp)

    def _stamp(self, text: str, start: int, stamp: regex.Match[str]) -> Finding:
        """The finding on a publication stamp fused before a paragraph, its fix only with a clock or label."""
        first = len(stamp[0]) - len(stamp[0].lstrip())
        last = stamp.end("after") if stamp["after"] else stamp.end("date")
        if _marked(stamp):
            return self.finding(
                text,
                start + first,
                start + last,
                "Publication stamp fused before the paragraph",
                suggestion="",
                edits=(Edit(start + first, start + stamp.end(), ""),),
                title="Remove the stamp",
                confidence=0.85,
            )
        return self.finding(
            text,
            start + first,
            start + last,
            "Date fused before the paragraph: the page's stamp, or a timeline's date",
            applicability=Applicability.NONE,
            confidence=0.6,
        )
