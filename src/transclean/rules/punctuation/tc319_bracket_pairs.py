"""TC319: bracket-pairs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

_CLOSERS = {")": "(", "]": "[", "}": "{"}
_BRACKET = re.compile(r"[()\[\]{}]")
# An opening bracket right before a comma or semicolon: the link text it held was emptied by the scraper
# ("the English Internet (, the Korean newspaper ("); or an empty pair standing as a word ("the judgment of
# () in the case"), never glued to a word before it as a function call is ("print()").
_EMPTIED = re.compile(r"[(\[][,;]|(?<=\s)\(\)(?=[\s.,;:]|$)", re.M)
_LETTER = re.compile(r"[^\W\d_]")


@register
class BracketPairs(Rule):
    """Brackets that do not pair: "[Sir, this is a factory.)", and a bracket whose text was emptied "(, the".

    ## What it finds
    Paragraph by paragraph, a closing bracket of another kind than the one open ("[ ... )", "( ... ]") when
    the text between holds words, and an opening bracket glued to a comma or semicolon or an empty pair "()"
    between words, its text gone.
    Brackets left open, or closed with nothing open, are not flagged: list markers ("1)", "a)"), smileys and
    paragraphs cut by the page leave them in edited text.

    ## Why it matters
    Translation systems rewrite one bracket of an aside and not the other (an interviewer's question in
    square brackets closed by a round one), and scrapers drop the links a bracket held: the reader cannot
    tell where the aside ends, or what the bracket referred to.

    ## Fix safety
    Flagged only: which bracket is wrong, or what the emptied one held, is not known.
    """

    code = "TC319"
    name = "bracket-pairs"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ()  # brackets pair alike in every language
    trigger = Trigger(strings=(")", "]", "}", "(,", "(;", "[,", "[;"))  # a closing bracket, or an emptied one
    must_fire = (
        Example("⟦[⟧Uram, ez egy elektronikai gyártó üzem. Ez nem katonai létesítmény⟦)⟧.", language="hu"),
        Example("The Korea Post runs the Korean Internet ⟦(,⟧ the English Internet (www.example.com)."),
        Example("He minimised the criticism, to the judgment of ⟦()⟧ in the case of the plot.", language="en"),
    )
    must_not_fire = (
        Example("The interval [0, 1) is half open; (see [2]) and {a (b) c}."),
        Example("Choose:\n1) one\n2) two :)"),
        Example("He said (and left"),
        Example("Call print() or len() here; fill in ( ) or [ ]."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _EMPTIED.finditer(text):
            yield self.finding(text, m.start(), m.end(), "A bracket whose text was removed")
        for start, _end, line in ctx.paragraphs:
            if not any(mark in line for mark in _CLOSERS):
                continue
            stack: list[tuple[str, int]] = []
            for m in _BRACKET.finditer(line):
                char, at = m.group(), m.start()
                if char not in _CLOSERS:
                    stack.append((char, at))
                elif stack and stack[-1][0] == _CLOSERS[char]:
                    stack.pop()
                elif stack and _LETTER.search(line, stack[-1][1], at):
                    opening, was = stack.pop()
                    yield self.finding(text, start + was, start + was + 1, f"{opening!r} closed by {char!r}")
                    yield self.finding(text, start + at, start + at + 1, f"{char!r} closes {opening!r}")
