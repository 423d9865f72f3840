"""TC219: fused-label."""

from __future__ import annotations

import re
from collections.abc import Iterator
from string import ascii_letters
from typing import ClassVar

import regex

from transclean.analysis.chrome import all_languages, is_list_label, is_related_label, widget_language, words
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import AsciiGate, Example, Rule, Trigger, register

#: a label run into the first word of the line: "See alsoThe minister", "Leer másDenuncia" (a lower-case
#: letter glued to a capitalised word; the label is at most four words).
_LEADING = regex.compile(r"^[ \t]*(?P<label>\p{L}[\p{L}' \t]{0,30}?\p{Ll})(?=\p{Lu}\p{Ll})", regex.MULTILINE)
#: the words after a one-word label glued to them, up to the next character that is not a letter or a space:
#: "Top Stories" in 'HomeTop Stories"We work ...', read to see whether label and run are one label together.
_RUN = regex.compile(r"[\p{L}' \t]*")
#: a call glued after a paragraph's last stop: "... the parliaments.Read full text", "... said. Read more".
_TRAILING = regex.compile(r"(?<=[.!?…\"”»])(?P<gap>[ \t]?)(?P<label>\p{Lu}[\p{L}' \t]{1,30}?)[ \t]*$", regex.MULTILINE)
#: a label is a few words; more is a sentence.
LABEL_MAX_WORDS = 4


def _is_label(label: str) -> bool:
    """Two to four widget words, the first not a glue word: "See also", "Read full text". One word glued to a
    capital is as often a name written in camel case ("PageTurner", "YouTube"), and "The Page..." opens a
    sentence."""
    found = words(label)
    return (
        2 <= len(found) <= LABEL_MAX_WORDS
        and widget_language(label) is not None
        and found[0] not in all_languages("glue")
    )


#: what an ASCII line that ends in a trailing label ends in
_LABEL_END = ascii_letters + "' \t"


@register
class FusedLabel(Rule):
    """A widget label fused into the text: "See alsoThe minister ...", "... the parliaments.Read full text".

    ## What it finds
    A line that opens with a label of two to four widget words (continue reading, print version ...) glued without a
    space to a capitalised word (or one widget word glued to a run of them: a breadcrumb's "HomeTop
    Stories"), and a call of two to four widget words (read full text, read more,
    continue reading) after a paragraph's last stop, glued to it or after one space. A single word glued
    to a capital is left alone: camel-case names ("PageTurner", "YouTube") have the same shape.

    ## Why it matters
    The scraper dropped the line break between a link's label and the text beside it; the label then
    reads as the first words of a sentence, or as a sentence of the article.

    ## Fix safety
    Safe for the call after the last stop: it follows a finished sentence and only widget words are
    removed. The label glued to a line's first word is flagged only: what follows it may be the headline of
    another article rather than a sentence of this one.
    """

    code = "TC219"
    name = "fused-label"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the labels come from every language file
    must_fire = (
        Example("⟦Continue reading⟧The minister spoke on Tuesday.\n"),
        Example('⟦HomeTop Stories⟧"We work to keep the peace"\n'),
        Example("⟦Syndicate content⟧Political Parties\n"),
        Example(
            "The trip opens a new chapter in cooperation.⟦Read full text⟧\n",
            fixed="The trip opens a new chapter in cooperation.\n",
        ),
        Example("The talks ended without a deal. ⟦Read more⟧\n", fixed="The talks ended without a deal.\n"),
    )
    must_not_fire = (
        Example("McDonald said the iPhone sold well.\n"),
        Example("The PageTurner Awards were put on hold.\n"),
        Example("The HomePod Mini sold well.\n"),
        Example("The talks ended without a deal. Share prices fell\n"),
        Example("He said: Read it.\n"),
        Example("The talks ended without a deal. More\n"),
    )
    trigger = Trigger(
        pattern=regex.compile(r"\p{Ll}\p{Lu}\p{Ll}|[.!?…\"”»] ?\p{Lu}[\p{L}' \t]*$", regex.MULTILINE),
        ascii=AsciiGate(
            (b"aAa",),
            pattern=re.compile(r"[.!?\"] ?[A-Z][A-Za-z' \t]*$", re.MULTILINE),
            precheck=lambda scan: scan.ends_a_line_in(_LABEL_END),  # prose lines end in a stop: one in ten passes
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _LEADING.finditer(text):
            label = m["label"]
            if is_related_label(label) or is_list_label(label):
                continue  # TC211 takes the label and the headline after it
            end = m.end("label")
            if len(label.split()) == 1:
                # one word is a camel-case name as often ("PageTurner"): a label only with the run after it
                run = _RUN.match(text, end)[0].rstrip()
                end += len(run)
                label = f"{label} {run}"
            if _is_label(label):
                yield self.finding(
                    text,
                    m.start("label"),
                    end,
                    f"Widget label {label.strip()!r} fused into the text after it",
                    suggestion=None,
                    edits=(),
                    title="Separate or remove the label",
                    confidence=0.75,
                )
        for m in _TRAILING.finditer(text):
            if _is_label(m["label"]):
                yield self.finding(
                    text,
                    m.start("label"),
                    m.start("label") + len(m["label"].rstrip()),
                    f"Call {m['label'].strip()!r} glued after the paragraph's last sentence",
                    suggestion="",
                    edits=(Edit(m.start("gap"), m.end(), ""),),
                    title="Remove the call",
                    confidence=0.85,
                )
