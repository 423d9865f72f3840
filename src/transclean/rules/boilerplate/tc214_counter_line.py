"""TC214: counter-line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import BULLET, DIGIT, unbulleted
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import block_removal

#: a widget's counter or control is a few characters; a longer line without letters is a table row.
COUNTER_MAX_CHARS = 24

#: units a font-size or counter widget writes after its number ("16 px", "2.1K").
_UNITS = regex.compile(r"(?<=\d|\s|^)(?:px|pt|em|[kKM])\b")
#: a date and its label beside the buttons ("date 2024-09-10 + ↺ − 16 px"): not a word of content.
_DATE = regex.compile(r"(?i:\bdate\b)|\b\d{4}-\d{2}-\d{2}\b")
#: icons a widget draws: arrows, hearts, stars ("+ ↺ −"); "+" and "=" alone are a phone number or a smiley.
_ICON = regex.compile(r"\p{So}")
#: five letters in a row: more than a unit or the date label, and the subs below never remove part of a run of
#: word characters, so a line holding one keeps a letter. Asked first: most lines are prose, where it stops
#: at the first long word, while the digit scan and the subs read a whole line each.
_FIVE_LETTERS = regex.compile(r"\p{L}{5}")
#: scene breaks ("***", "* * *") and rules ("---") are the article's own layout.
_RULE = regex.compile(r"[\s*#~=_-]+")


@register
class CounterLine(Rule):
    """A line of a widget's counters or buttons without a word in it: "• 0", "+ ↺ − 16 px", "♥ 12".

    ## What it finds
    A line of at most 24 characters with no letters (units such as "px" aside) that shows a widget's
    icon (an arrow, a heart, a star) beside a number, or a bulleted number ("• 0", a comment or share
    counter). A bare number on a line of its own is flagged without a fix.

    ## Why it matters
    The scraper kept the widget's visible characters; they mean nothing in the text and confuse
    sentence splitting and translation.

    ## Fix safety
    Safe for icons and bulleted counters: no letter, nothing to read. A bare number may be a list
    number or a score the article needs, so it is only flagged.
    """

    code = "TC214"
    name = "counter-line"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any language: it looks at symbols and digits only
    must_fire = (
        Example("⟦+ ↺ − 16 px⟧\n\nThe minister spoke.", fixed="The minister spoke."),
        Example("⟦date 2024-09-10 + ↺ − 16 px⟧\nThe minister spoke.", fixed="The minister spoke."),
        Example("The minister spoke.\n⟦• 0⟧\n", fixed="The minister spoke.\n"),
        Example("The minister spoke.\n\n⟦12⟧\n\nHe left."),
    )
    must_not_fire = (
        Example("The minister spoke.\n\n* * *\n\nHe left."),
        Example("The minister spoke.\n\n1.5% in 2023\n\nHe left."),
        Example("The minister spoke.\n\n2024\n\nHe left."),
        Example("The minister spoke.\n\n┒(⌣˛⌣)┎\n\nHe left."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for start, end, line in ctx.paragraphs:
            stripped = line.strip()
            if _FIVE_LETTERS.search(stripped) or DIGIT.search(stripped) is None or _RULE.fullmatch(stripped):
                continue  # a counter, an icon's number and a bare number have a digit
            bare = _UNITS.sub("", _DATE.sub("", stripped)).strip()
            if len(bare) > COUNTER_MAX_CHARS or any(c.isalpha() for c in bare):
                continue
            icon = bool(_ICON.search(bare)) and any(c.isdigit() for c in bare)  # "┒(⌣˛⌣)┎" is a face, not a widget
            counter = bool(BULLET.match(line)) and unbulleted(line).strip().isdigit()
            number = stripped.isdigit() and len(stripped) <= 3
            if not (icon or counter or number):
                continue
            safe = icon or counter
            s, e, new = block_removal(text, start, end)
            yield self.finding(
                text,
                start + len(line) - len(line.lstrip()),
                start + len(line.rstrip()),
                "Widget counter or buttons without words" if safe else "Number alone on a line",
                suggestion="" if safe else None,
                edits=(Edit(s, e, new),),
                applicability=None if safe else Applicability.NONE,
                title="Remove the line",
                confidence=0.85 if safe else 0.5,
                severity=None if safe else Severity.INFO,
            )
