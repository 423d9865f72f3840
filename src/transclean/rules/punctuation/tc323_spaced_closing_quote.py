"""TC323: spaced-closing-quote."""

from __future__ import annotations

import re
from collections.abc import Iterator

from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A curly quote mark with a space before it and a sentence mark after it: it closes a quotation, and English
# glues a closing mark to its last word. The scan opens on the literal mark; the word before is read in code.
# Straight quotes are TC313's (it pairs them on the line), and an opening double mark used to close is
# TC306's (it pairs curly double quotes in English and reports that mark already).
_MARK_BEFORE_STOP = re.compile(r"[”’‘](?=[.,;:!?](?:\s|$))", re.M)
_SPACES = " \t\u00a0"
#: the glyph that opens a single quotation; closing one with it is a second slip, named in the message
_OPENING = {"‘": "’"}


@register
class SpacedClosingQuote(Rule):
    """A closing quote mark spaced from its last word: 'a “friendly atmosphere ”, the ministry said', "a state ‘.".

    ## What it finds
    In English text, a curly quote mark between a space (after a letter) and a comma, full stop or other
    sentence mark. Such a mark can only close a quotation, and English sets it against the word. When the
    mark is the opening glyph ‘ the message says so too (an opening “ used so is TC306's).

    ## Why it matters
    Tokenised translation output spaces every mark, and detokenisers glue the closing quote to the wrong side
    or leave it alone; the reader sees a quotation that opens at its end.

    ## Fix safety
    Safe for a closing glyph (” or ’): the space goes, the mark and the words stay. With the opening glyph the
    right mark is suggested only: which quotation it closes, and with which glyph, is for the editor.
    """

    code = "TC323"
    name = "spaced-closing-quote"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages = ("en",)
    trigger = Trigger(strings=(" ”", " ’", " ‘"))  # every finding is a space before a curly mark
    must_fire = (
        Example("The talks were held in a “friendly atmosphere⟦ ”⟧, the ministry said.", language="en",
                fixed="The talks were held in a “friendly atmosphere”, the ministry said."),
        Example("Minister Hasan Mahmud said, We will move forward as a state⟦ ‘⟧.", language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("He said: “We will act.” She left ‘early’.", language="en"),
        Example("The talks were held in a “friendly atmosphere”, the ministry said.", language="en"),
        Example("Rock ‘n’ roll and the ’90s.", language="en"),
        Example("« Nous restons » , a-t-il dit ”.", language="fr"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        for m in _MARK_BEFORE_STOP.finditer(text):
            start = m.start()
            while start and text[start - 1] in _SPACES:
                start -= 1
            if start == m.start() or not start or not text[start - 1].isalpha():
                continue
            mark = m.group()
            closing = _OPENING.get(mark)
            if closing is None:
                yield self.finding(
                    text,
                    start,
                    m.end(),
                    "A space before a closing quote mark",
                    edits=(Edit(start, m.start(), ""),),
                    title="Remove the space",
                )
            else:
                yield self.finding(
                    text,
                    start,
                    m.end(),
                    f"A space before a quote mark that closes a quotation, and {mark!r} is the opening glyph",
                    suggestion=closing,
                    title=f"Replace with {closing!r}",
                    applicability=Applicability.UNSAFE,
                )
