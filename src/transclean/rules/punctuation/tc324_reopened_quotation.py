"""TC324: reopened-quotation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# The curly double marks of a paragraph, read in order.
_MARK = re.compile("[“”]")
# What ends a sentence right before a mark that opens the next one: "FDP. “When".
_SENTENCE_END = re.compile(r"[.!?…][ \t]+$")
#: how much of the paragraph before a mark is read for the sentence end
END_BACK = 8


@register
class ReopenedQuotation(Rule):
    """A quotation opened again before it closes: 'sees a “new rapprochement. “When I came out, ...”'.

    ## What it finds
    In English text, paragraph by paragraph, an opening curly quote (“) while the quotation an earlier one
    opened is still open, at the start of a new sentence: the earlier quotation never closed. The earlier
    mark is flagged. A quotation running over several paragraphs reopens at each (English's convention) and
    is not judged: the pairs are read within one paragraph.

    ## Why it matters
    Translation systems close and reopen quotations sentence by sentence and lose one of the marks, or
    render a source's quotation of a phrase ("a “new closeness") without its closing mark: the reader cannot
    tell where the quoted words end and the reporter's begin.

    ## Fix safety
    Flag only: where the first quotation should close is not known.
    """

    code = "TC324"
    name = "reopened-quotation"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=("“",))  # every finding is at an opening curly quote
    must_fire = (
        Example("Kubicki sees a ⟦“⟧new closeness between the parties. “When I came out, I knew,” he said.",
                language="en"),
        Example("He said: ⟦“⟧We have a responsibility. “We are the heart of the world.”", language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("“We will see,” he said. “Not today.”", language="en"),
        Example("He called it “a ‘new’ closeness” and left. “Fine,” she said.", language="en"),
        Example("“The first paragraph of a long quotation.\n“The second, which closes it.”", language="en"),
        Example("He used the word “new, “old and “blue to describe it.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        for start, _end, line in ctx.paragraphs:
            if "“" not in line:
                continue
            opened = -1  # the offset in the line of the mark that opened the quotation still open
            for m in _MARK.finditer(line):
                at = m.start()
                if m.group() == "”":
                    opened = -1
                    continue
                if opened >= 0 and _SENTENCE_END.search(line, max(opened, at - END_BACK), at):
                    yield self.finding(
                        text,
                        start + opened,
                        start + opened + 1,
                        "A quotation opened here is opened again before it closes",
                    )
                opened = at
