"""TC303: blank-line-run."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

_BLANK_RUN = regex.compile(r"(?:\r?\n)(?:[ \t]*\r?\n){2,}")


@register
class BlankLineRun(Rule):
    """Two or more blank lines in a row, usually where a scraper dropped an element.

    ## What it finds
    Runs of two or more blank lines.

    ## Why it matters
    The gap marks a removed element and splits the text unevenly.

    ## Fix safety
    Safe: collapsed to one blank line, which keeps the paragraph break. Applied only to a document other
    rules have already cleaned (debris was removed, so its gaps are holes); in a document nothing else
    changes, the run is the author's layout and the collapse is only suggested (unsafe).
    """

    code = "TC303"
    name = "blank-line-run"
    category = Category.PUNCTUATION
    severity = Severity.INFO
    fix = Applicability.SAFE
    trigger = Trigger(pattern=re.compile(r"\n[ \t]*\r?\n[ \t]*\r?\n"), needs=("\n",))
    must_fire = (Example("Title⟦\n\n\n\n⟧Body.", fixed="Title\n\nBody."),)
    must_not_fire = (Example("Title\n\nBody.\n"), Example("Line one\nLine two\n"))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        # A human-written page may set two blank lines on purpose (before a sign-off, around a removed
        # picture); collapsing them would change a clean document. Once other rules removed debris, the
        # page is scraped and its runs are holes.
        cleaned = any(edit.code != self.code for edit in ctx.document.log.edits)
        for m in _BLANK_RUN.finditer(text):
            newline = "\r\n" if m.group().startswith("\r") else "\n"
            yield self.finding(
                text, m.start(), m.end(), "Run of blank lines", suggestion=newline * 2, title="Keep one blank line",
                applicability=Applicability.SAFE if cleaned else Applicability.UNSAFE,
            )  # fmt: skip
