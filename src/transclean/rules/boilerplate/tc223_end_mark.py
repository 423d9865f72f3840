"""TC223: end-mark."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: the marks newsrooms and wire services set under the last line of a story (a typographic convention,
#: not a word of any language): a number, a word or a desk's code of one to five capitals and digits between
#: dashes of any kind ("-30-", "- 30 -", "-0-", "-END-", "- ENDS -", "-ET-", "-06В-"), "###" or "# # #", and
#: "o0o" / "-oOo-". "* * *" is no end mark: prose uses it to separate scenes. The bare words "END" and "ENDS"
#: are no mark either: "ENDS" alone on a line is the heading of a page about nicotine devices.
_MARK = r"(?:[-–—]{1,2}[ \t]?(?:\d{1,3}|[\p{Lu}\d]{1,5})[ \t]?[-–—]{1,2}|#[ \t]?#[ \t]?#|[-–—]?o[0O]o[-–—]?)"
#: a mark alone on its line
_LINE = regex.compile(_MARK)
#: a mark glued after the paragraph's last sentence: "... negotiations.-0-", "... on Friday. -30-".
_GLUED = regex.compile(rf"(?<=[.!?…\"”»)])[ \t]*{_MARK}[ \t]*$")


@register
class EndMark(Rule):
    """A newsroom's end-of-story mark left in the text: "-30-", "###", "-0-", "- ENDS -".

    ## What it finds
    A mark that wire services and press releases set under a story's last line, alone on a line or glued
    after a paragraph's final stop: a number, a word or a desk's code of up to five capitals and digits
    between dashes ("-30-", "- 30 -", "-0-", "-END-", "- ENDS -", "-ET-", "-06В-"), three hash signs ("###",
    "# # #"), "o0o" / "-oOo-". The marks are typography, not words of a language, so the rule reads any
    document; the bare words "END" and "ENDS" are not taken (a heading may be the acronym).

    ## Why it matters
    The mark told the editor or the typesetter where the copy ended; a republishing site copied it with
    the text, and in a translated page it reads as a stray token or a number.

    ## Fix safety
    Safe: the mark is the whole line or stands after the paragraph's last stop, so removing it leaves every
    sentence whole. Scene breaks ("* * *") and headings ("### Results") are not marks of this kind.
    """

    code = "TC223"
    name = "end-mark"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document: the marks are typography
    must_fire = (
        Example("The ball is on the other side, he noted.⟦-0-⟧\n", fixed="The ball is on the other side, he noted.\n"),
        Example(
            "The company will report in May.\n\n⟦-30-⟧\n\nAbout the company",
            fixed="The company will report in May.\n\nAbout the company",
        ),
        Example("The talks resume on Monday.\n⟦# # #⟧\n", fixed="The talks resume on Monday.\n"),
        Example("The talks resume on Monday. ⟦- ENDS -⟧\n", fixed="The talks resume on Monday.\n"),
        Example("The talks resume on Monday.\n\n⟦-ET-⟧\n", fixed="The talks resume on Monday.\n"),
    )
    must_not_fire = (
        Example("The first act ends.\n\n* * *\n\nThe second act begins."),
        Example("Results\n\n### Results of the vote\n\nThe party won."),
        Example("The score was 30-0 after the first half."),
        Example("He won 3-0-1 in the group stage."),
        Example("The END of the season came early.\n"),
        Example("The ban covers e-cigarettes.\n\nENDS\n\nThe devices heat a liquid.\n"),
        Example("The vaccine works against COVID-19-related illness.\n"),
    )
    trigger = Trigger(strings=("-", "–", "—", "#", "o0o", "oOo"))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for line in ctx.chrome_lines:
            if line.tokens <= 3 and _LINE.fullmatch(line.stripped):
                yield self.line_removal(
                    text,
                    line.start,
                    line.end,
                    f"End-of-story mark {line.stripped!r} left in the text",
                    title="Remove the line",
                    confidence=0.9,
                )
                continue
            # the scan runs only on a line that ends as a mark does
            glued = _GLUED.search(line.text) if line.text.rstrip(" \t")[-1:] in "-–—#o" else None
            if glued is not None:
                lead = line.start + glued.start() + len(glued[0]) - len(glued[0].lstrip(" \t"))
                yield self.finding(
                    text,
                    lead,
                    line.start + glued.start() + len(glued[0].rstrip(" \t")),
                    f"End-of-story mark {glued[0].strip()!r} after the last sentence",
                    suggestion="",
                    edits=(Edit(line.start + glued.start(), line.start + glued.end(), ""),),
                    title="Remove the mark",
                    confidence=0.9,
                )
