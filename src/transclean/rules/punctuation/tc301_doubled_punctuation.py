"""TC301: doubled-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# ". ." or ",," left when a scraper or translator joins two sentences. A spaced ellipsis (". . .") and
# "..." are left alone: the lookarounds refuse a third dot on either side.
_DOUBLED = regex.compile(r"(?<=[\p{L}\p{N}\"'”’»)\]])([.,])([ \t]?)([.,])(?![ \t]?[.,])")
# "./." closing a news agency's item (Vietnam News Agency copy: "the trade flow./."), left in running text.
_END_MARK = re.compile(r"\./\.(?!\S)")  # glued to a word: read in code (a lookbehind tried everywhere costs)


@register
class DoubledPunctuation(Rule):
    """Doubled sentence punctuation: ". .", ",,", ". ," after a word, and an agency's "./." end mark.

    ## What it finds
    Two sentence marks in a row after a word, with or without a space between them; a full stop doubled
    around a slash after a word ("flow./."), the end mark of Vietnam News Agency items copied with them.

    ## Why it matters
    Scrapers and translation systems double marks where segments were joined; it looks careless.

    ## Fix safety
    Safe for ". .", ",," and "./." (the second mark adds nothing); ".," and ",." are flagged only, since which mark
    was meant is a guess.
    """

    code = "TC301"
    name = "doubled-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    # the standard library: faster on plain classes; tried only where a pair of marks (or one before a tab)
    # is found with the gates' strings
    trigger = Trigger(
        pattern=re.compile(r"[.,][ \t]?[.,]|\./\."),
        needs=("..", ".,", ",.", ",,", ". .", ". ,", ", .", ", ,", ".\t", ",\t", "./."),
    )
    must_fire = (
        Example(
            "The army mobilised⟦. .⟧ Both sides reported losses.",
            fixed="The army mobilised. Both sides reported losses.",
        ),
        Example("Apples⟦,,⟧ pears and plums.", fixed="Apples, pears and plums."),
        Example("He left⟦.,⟧ then came back.", fixed="He left., then came back."),
        Example(
            "Both sides agreed to maintain the trade flow⟦./.⟧", fixed="Both sides agreed to maintain the trade flow."
        ),
    )
    must_not_fire = (
        Example("Wait... what happened?"),
        Example("He paused . . . and went on."),
        Example("Version 1.2.3 was released."),
        Example("It costs 1,000.50 euros."),
        Example("Etc. . . ."),
        Example("See ./. and ../. in the shell: cd ./."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _DOUBLED.finditer(text):
            first, last = m.group(1), m.group(3)
            if first == last:
                yield self.finding(
                    text, m.start(), m.end(), f"Doubled {first!r}", suggestion=first, title=f"Keep one {first!r}"
                )
            else:
                yield self.finding(
                    text, m.start(), m.end(), f"{first!r} followed by {last!r}", applicability=Applicability.NONE
                )
        for m in _END_MARK.finditer(text):
            if m.start() == 0 or not text[m.start() - 1].isalnum():
                continue
            yield self.finding(text, m.start(), m.end(), "An agency's end mark './.'", suggestion=".",
                               title="Keep one '.'")  # fmt: skip
