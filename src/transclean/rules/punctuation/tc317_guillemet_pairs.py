"""TC317: guillemet-pairs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# The guillemet pairs, opening to closing: double (French, Russian, Italian, Spanish, Polish, ...) and single.
_PAIRS = {"«": "»", "‹": "›"}
_CLOSING = {close: open_ for open_, close in _PAIRS.items()}
_GUILLEMET = re.compile("[«»‹›]")
# What may follow a closing mark: the end of the line, a space, sentence punctuation, another quote.
_AFTER_CLOSE = frozenset(" \t\u00a0.,;:!?)]}…–—-\"'“”„’")


@register
class GuillemetPairs(Rule):
    """Guillemets that do not pair up: a closing « » with nothing open, or a quotation opened with one style
    and closed with another ('"Kaufen Sie eine Karte»', '«Non troverà nulla", ha concluso').

    ## What it finds
    Paragraph by paragraph, « opens and » closes (‹ and › alike). A closing mark glued to the word before it
    with no quotation open is flagged; when a straight quote opened that quotation, both marks are named. An
    opening « whose quotation a straight quote closes before the paragraph ends, with no » after it, is
    flagged at that straight quote.

    ## Why it matters
    Translation systems and the sites that post-edit them turn one mark of a pair into the target's straight
    quote and leave the other: the reader cannot tell where the quotation ends, and a quote checker that pairs
    one style alone (TC306 pairs straight quotes) sees a half.

    ## Fix safety
    Flagged only, with the mark that would pair as an unsafe suggestion: which of the two marks is wrong is
    a choice of house style. A spaced » with nothing open is left alone (a breadcrumb "News » World" or a
    "more »" link), and so is a paragraph written in the reversed German and Danish style (»Text«).
    """

    code = "TC317"
    name = "guillemet-pairs"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages: ClassVar[tuple[str, ...]] = ()  # the marks' shape is the same in every language that uses them
    trigger = Trigger(strings=("«", "»", "‹", "›"))  # every finding is at a guillemet or pairs with one
    must_fire = (
        Example('Sacharowa: ⟦"⟧Kaufen Sie eine Annalena-⟦Karte»⟧', language="de"),
        Example("Об этом в интервью ⟦Коммерсанту»⟧ заявил Медведев.", language="ru"),
        Example('Ha chiamato le sue parole "bugie, falsi"⟦»⟧ Il presidente non ha basi.', language="it"),
        Example('⟦«⟧Non troverà alcuna dichiarazione⟦"⟧, ha concluso Zakharova. Il «leader» ha detto.',
                language="it"),
    )  # fmt: skip
    must_not_fire = (
        Example("« Nous ne céderons pas », a-t-il dit, « jamais ».", language="fr"),
        Example("«Мы не уступим», — сказал он, добавив: «Никогда „не“ сдадимся».", language="ru"),
        Example("Home » News » World", language="en"),
        Example("Read more »\nThe next story.", language="en"),
        Example("Er sagte: »Wir geben nicht auf.« Dann ging er.", language="de"),
        Example("«Le premier paragraphe d'une longue citation.\n«Le second, qui la ferme.»", language="fr"),
        Example("«Le premier paragraphe d'une longue citation.\nLe second, qui la ferme.»", language="fr"),
        Example('Il a lu le "Monde" et «Libération», puis «Le Figaro».', language="fr"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        left_open = False  # a quotation the previous paragraph left open may close in this one
        for start, _end, line in ctx.paragraphs:
            if not any(mark in line for mark in "«»‹›"):
                left_open = False
                continue
            if _reversed_style(line):
                left_open = False
                continue
            findings, left_open = self._paragraph(text, start, line, left_open)
            yield from findings

    def _paragraph(self, text: str, start: int, line: str, continued: bool) -> tuple[list[Finding], bool]:
        """The findings of one paragraph and whether it leaves a « open for the next one."""
        found: list[Finding] = []
        stack: list[tuple[str, int]] = [("«", -1)] if continued else []
        for m in _GUILLEMET.finditer(line):
            at, char = m.start(), m.group()
            if char in _PAIRS:
                stack.append((char, at))
            elif char in _CLOSING:
                opening = _CLOSING[char]
                depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opening), None)
                if depth is not None:
                    del stack[depth:]
                    continue
                glued = at > 0 and not line[at - 1].isspace()
                if not glued or (at + 1 < len(line) and line[at + 1] not in _AFTER_CLOSE):
                    continue  # "News » World", "»Text": not a closing mark
                straight = _open_straight_quote(line, at)
                if straight is not None:
                    found.append(self.finding(text, start + straight, start + straight + 1,
                                              f"Quotation opened with a straight quote closed with {char}",
                                              suggestion=opening))  # fmt: skip
                found.append(self.finding(text, start + at - _word_before(line, at), start + at + 1,
                                          f"Closing {char} with no {opening} open",
                                          applicability=Applicability.NONE))  # fmt: skip
        for opening, at in stack:
            if at < 0:
                continue
            close = _straight_close_after(line, at)
            if close is not None:
                found.append(self.finding(text, start + at, start + at + 1,
                                          f"Quotation opened with {opening} closed with a straight quote",
                                          applicability=Applicability.NONE))  # fmt: skip
                found.append(self.finding(text, start + close, start + close + 1,
                                          f"A straight quote closes a quotation opened with {opening}",
                                          suggestion=_PAIRS[opening]))  # fmt: skip
        still_open = any(at >= 0 and _straight_close_after(line, at) is None for _, at in stack)
        return found, still_open


def _reversed_style(line: str) -> bool:
    """Whether the paragraph quotes »like this« (German and Danish books): its first guillemet is a » glued
    to the word after it and a « follows."""
    first = min((line.find(mark) for mark in "»«" if mark in line), default=-1)
    return line[first] == "»" and first + 1 < len(line) and not line[first + 1].isspace() and "«" in line[first + 1 :]


def _word_before(line: str, at: int) -> int:
    """How many characters of the word glued to the mark at ``at`` the finding takes, for a readable span."""
    k = at
    while k > 0 and line[k - 1].isalnum():
        k -= 1
    return at - k


def _open_straight_quote(line: str, at: int) -> int | None:
    """The offset of the straight double quote that opened the quotation a closing guillemet at ``at`` ends:
    the last straight quote before it in opening place, with an even number of straight quotes before it."""
    k = line.rfind('"', 0, at)
    if k < 0 or line.count('"', 0, k) % 2:
        return None
    if (k == 0 or not line[k - 1].isalnum()) and k + 1 < at and not line[k + 1].isspace():
        return k
    return None


def _straight_close_after(line: str, at: int) -> int | None:
    """The offset of a lone straight quote after the « at ``at`` in closing place (glued to the word before,
    followed by a space or punctuation), when no straight quote opens before it: the mark that closed the
    quotation in the wrong style."""
    k = line.find('"', at + 1)
    if k < 0 or line.count('"', at + 1) != 1:
        return None
    if line[k - 1].isspace() or (k + 1 < len(line) and line[k + 1] not in _AFTER_CLOSE):
        return None
    return k
