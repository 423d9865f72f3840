"""Punctuation rules (TC3xx): doubled stops, spaces before punctuation, runs of blank lines."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Context, Example, Rule, register

# ". ." or ",," left when a scraper or translator joins two sentences. A spaced ellipsis (". . .") and
# "..." are left alone: the lookarounds refuse a third dot on either side.
_DOUBLED = regex.compile(r"(?<=[\p{L}\p{N}\"'”’»)\]])([.,])([ \t]?)([.,])(?![ \t]?[.,])")


@register
class DoubledPunctuation(Rule):
    """Doubled sentence punctuation: ". .", ",,", ". ," after a word.

    Safe for ". ." and ",," (the second mark adds nothing); ".," and ",." are flagged only, since which mark
    was meant is a guess.
    """

    code = "TC301"
    name = "doubled-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    must_fire = (
        Example(
            "The army mobilised⟦. .⟧ Both sides reported losses.",
            fixed="The army mobilised. Both sides reported losses.",
        ),
        Example("Apples⟦,,⟧ pears and plums.", fixed="Apples, pears and plums."),
        Example("He left⟦.,⟧ then came back.", fixed="He left., then came back."),
    )
    must_not_fire = (
        Example("Wait... what happened?"),
        Example("He paused . . . and went on."),
        Example("Version 1.2.3 was released."),
        Example("It costs 1,000.50 euros."),
        Example("Etc. . . ."),
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


# A space before , or . is always wrong; before ; : ! ? it is French typography, so those are checked
# only for a known non-French document. Numbers (" .5", " ,5") and ellipses are skipped, and so is a mark
# that opens a word: " .venv", and a '?' standing for a lost first letter ("Uğur Şahin" as "U?ur ?ahin").
_SPACE_BEFORE = regex.compile(
    r"(?<=[\p{L}\p{N}\"”’»)])([ \t]+)(,(?![\d])|\.(?![.\d\p{L}])|[;:!?](?![\d/\p{L}?\ufffd]))"
)
_SPACE_MARK = re.compile(r"[ \t][,.;:!?]")
_SPACE_BEFORE_OK_LANGUAGES = frozenset({"fr"})


@register
class SpaceBeforePunctuation(Rule):
    """A space before a comma or full stop (and before ; : ! ? outside French typography).

    Safe: the space carries nothing. Skipped for ; : ! ? when the line is French or its language cannot be
    told, since French sets a space before them.
    """

    code = "TC302"
    name = "space-before-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    must_fire = (
        Example("The talks failed⟦ ,⟧ the envoy said.", fixed="The talks failed, the envoy said."),
        Example("What happened⟦ ?⟧ Nobody knows.", fixed="What happened? Nobody knows.", language="en"),
    )
    must_not_fire = (
        Example("Qu'en pensez-vous ? Rien du tout ! Nous verrons demain matin."),
        Example("The minister said so.\nLe ministre a déclaré : « Nous suivons la situation. »"),
        Example("The rate fell to .5 percent."),
        Example("He paused ... and went on."),
        Example("Run it with the .venv activated."),
        Example("On Monday U?ur ?ahin told reporters.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if not _SPACE_MARK.search(text):
            return  # the common case: one scan with the standard library's faster engine
        for m in _SPACE_BEFORE.finditer(text):
            mark = m.group(2)
            if mark in ";:!?" and _line_language(text, m.start()) in _SPACE_BEFORE_OK_LANGUAGES | {None}:
                continue
            yield self.finding(
                text, m.start(), m.end(), f"Space before {mark!r}", suggestion=mark, title="Remove the space"
            )


def _line_language(text: str, offset: int) -> str | None:
    """Language of the line holding ``offset``: French passages sit inside documents in other languages."""
    from transclean.lang import detect_language

    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return detect_language(text[start : end if end >= 0 else len(text)])


_BLANK_RUN = regex.compile(r"(?:\r?\n)(?:[ \t]*\r?\n){2,}")


@register
class BlankLineRun(Rule):
    """Two or more blank lines in a row, usually where a scraper dropped an element.

    Safe: collapsed to one blank line, which keeps the paragraph break.
    """

    code = "TC303"
    name = "blank-line-run"
    category = Category.PUNCTUATION
    severity = Severity.INFO
    fix = Applicability.SAFE
    must_fire = (Example("Title⟦\n\n\n\n⟧Body.", fixed="Title\n\nBody."),)
    must_not_fire = (Example("Title\n\nBody.\n"), Example("Line one\nLine two\n"))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _BLANK_RUN.finditer(text):
            newline = "\r\n" if m.group().startswith("\r") else "\n"
            yield self.finding(
                text, m.start(), m.end(), "Run of blank lines", suggestion=newline * 2, title="Keep one blank line"
            )
