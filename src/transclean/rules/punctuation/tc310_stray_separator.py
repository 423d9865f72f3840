"""TC310: stray-separator."""

from __future__ import annotations

import re
from collections.abc import Iterator
from string import ascii_letters
from typing import ClassVar

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import AsciiGate, Example, Rule, Trigger, byte_classes, register

# A hyphen spaced from the word before it and glued to the next: "police -Polda", "arena -like". After a
# capital it is more often a name's suffix split by a tokeniser ("Grammy -winning": 5 in 2,454 GAP
# paragraphs), so a capitalised word before it counts only with a capitalised word after it: two names a
# hyphen should join ("the Indonesia -Vietnam relations"; none in GAP, MT-GenEval or trafilatura's main text).
# The scan opens on the literal " -" and reads the word before it back (a branch opening on a lookbehind
# was tried at every position: 35x slower).
_DETACHED_HYPHEN = regex.compile(
    r" -(?:(?=\p{L})(?<=(?<!\p{L})\p{Ll}+ -)|(?=\p{Lu}\p{Ll})(?<=(?<!\p{L})\p{Lu}\p{Ll}+ -))"
)
# A colon glued between a lower-case word and a capitalised one: "(in english:Hungarian Telegraphic
# Office)". A capitalised word before it is a namespace ("Category:People"), digits a time or a verse.
_GLUED_COLON = regex.compile(r"(?<![\p{L}\p{N}_:/.(@])\p{Ll}{3,}(:)(?=\p{Lu}\p{Ll})")
# A line that opens with the comma, semicolon or colon of the sentence a line break split:
# "it is not flattery\n\n: in the programmatic report".
_LINE_OPENS_WITH_MARK = regex.compile(r"^[ \t]*([,;:])(?=[ \t]+\p{Ll})", regex.MULTILINE)
# A dash with a comma glued after it: "Trump, etc. -, but which".
_DASH_COMMA = regex.compile(r"(?<=\s)[-–—],")
# The gate: a letter, then " -" or ":", then a letter; a line after a line break opening with a mark (the
# first line has nothing before it to continue); a dash and a comma (substrings, see the trigger). Each branch
# opens with a literal and reads the letter before it back, so that `re` skips to the next space, colon or
# line break: 2x faster than with a branch anchored at each line start (tried at every position).
_GATE = re.compile(r" -(?<=[^\W\d_] -)[^\W\d_]|:(?<=[^\W\d_]:)[^\W\d_]|\n[ \t]*[,;:][ \t]")
# The same on an ASCII text: the first two branches as runs of classes (a letter is A-Z or a-z there).
_ASCII_GATE = AsciiGate(
    (b"a -a", b"a:a"),
    table=byte_classes({ascii_letters: "a", " ": " ", "-": "-", ":": ":"}),
    pattern=re.compile(r"\n[ \t]*[,;:][ \t]"),
)


@register
class StraySeparator(Rule):
    """A hyphen, colon, comma or dash left where no separator of its kind belongs: "police -Polda", "english:Hungarian".

    ## What it finds
    A hyphen spaced from the lower-case word before it and glued to the next ("arena -like"), or between two
    capitalised names ("the Indonesia -Vietnam relations"); a colon glued
    between a lower-case word and a capitalised one ("in english:Hungarian"); a line that opens with a
    comma, semicolon or colon before a lower-case word, the rest of a sentence a line break split; a dash
    with a comma glued after it ("etc. -, but").

    ## Why it matters
    Translation systems and scrapers move separators when they split or join segments; the reader stumbles
    and cannot tell which words belong together.

    ## Fix safety
    Safe for the glued colon: a space after it restores the text. The others are flagged only: whether the
    hyphen joins or the dash separates, and where a split sentence resumes, is the editor's choice.
    """

    code = "TC310"
    name = "stray-separator"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # shapes of punctuation, no words
    trigger = Trigger(strings=("-,", "–,", "—,"), pattern=_GATE, ascii=_ASCII_GATE, needs=(" -", ":", "\n"))
    must_fire = (
        Example("It was secured by four regional police⟦ -⟧Polda teams."),
        Example("The Indonesia⟦ -⟧Vietnam relations have developed steadily."),
        Example("The Magyar Távirati Iroda (in english⟦:⟧Hungarian Telegraphic Office) reported it.",
                fixed="The Magyar Távirati Iroda (in english: Hungarian Telegraphic Office) reported it."),
        Example("I believe in the role of mayors, it is not flattery\n\n⟦:⟧ in the report to Parliament."),
        Example("Leaders such as Trump, etc. ⟦-,⟧ but which no one expected."),
    )  # fmt: skip
    must_not_fire = (
        Example("The pre- and post-war years; a non-profit group; temperatures of -5 degrees."),
        Example("He was a Grammy -winning musician."),
        Example("See Category:People and https://example.com/Page at 10:30; John 3:16."),
        Example("The list:\n- one item\n- another item"),
        Example("He said: Yes. Then: No."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _DETACHED_HYPHEN.finditer(text):
            yield self.finding(text, m.start(), m.end(), "Hyphen spaced from the word before it",
                               applicability=Applicability.NONE)  # fmt: skip
        for m in _GLUED_COLON.finditer(text):
            yield self.finding(text, m.start(1), m.end(1), "No space after a colon", suggestion=": ",
                               title="Add a space")  # fmt: skip
        for m in _LINE_OPENS_WITH_MARK.finditer(text):
            if text[: m.start()].strip():  # the rest of a sentence begun on an earlier line
                yield self.finding(text, m.start(1), m.end(1), f"A line opens with {m.group(1)!r}",
                                   applicability=Applicability.NONE)  # fmt: skip
        for m in _DASH_COMMA.finditer(text):
            yield self.finding(text, m.start(), m.end(), "A dash with a comma glued to it",
                               applicability=Applicability.NONE)  # fmt: skip
