"""TC302: space-before-punctuation."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A space before , or . is always wrong; before ; : ! ? it is French typography, so those are checked
# only for a known non-French document. Numbers (" .5", " ,5") and ellipses are skipped, and so is a mark
# that opens a word: " .venv", a '?' standing for a lost first letter ("Uğur Şahin" as "U?ur ?ahin"), and
# one standing for a lost one-letter word before other words lost whole ("said ? ????? ???", TC107).
_SPACE_BEFORE = regex.compile(
    r"(?<=[\p{L}\p{N}\"”’»)])([ \t]+)(,(?![\d])|\.(?![.\d\p{L}])|[;:!?](?![\d/\p{L}?\ufffd]|[ \t]+\?\?))"
)


_SPACE_BEFORE_OK_LANGUAGES = frozenset({"fr"})


@register
class SpaceBeforePunctuation(Rule):
    """A space before a comma or full stop (and before ; : ! ? outside French typography).

    ## What it finds
    A space or tab before , . ; : ! ?; for ; : ! ? only when the line is not French.

    ## Why it matters
    Tokenised text and joined segments leave these spaces; they break lines before the mark.

    ## Fix safety
    Safe: the space carries nothing. Skipped for ; : ! ? when the line is French or its language cannot be
    told, since French sets a space before them.
    """

    code = "TC302"
    name = "space-before-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    # a space or tab before a mark: every pair, found with every other rule's strings in one pass (as a
    # class pattern it was a call per document)
    trigger = Trigger(strings=tuple(space + mark for space in " \t" for mark in ",.;:!?"))
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
