"""TC220: update-note."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import DIGIT, all_languages
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation

#: the note is a short prefix: the update word, a date or time, and a colon or full stop.
NOTE_MAX_CHARS = 60


#: the update words as a paragraph opens them: capitalised or in capitals ("Updated", "UPDATE").
_WORDS = frozenset(form for w in all_languages("update_words") for form in (w[:1].upper() + w[1:], w.upper()))
#: a paragraph opening with an update word, a date or time and a colon (tried first: dates hold stops) or a
#: stop, then the text: "Update vom
#: Mittwoch, 18. Januar, 06.50 Uhr: Der ...", "Updated at 14:20. The ...".
_NOTE = regex.compile(
    r"^[ \t]*(?P<note>(?:"
    + alternation(_WORDS, escape=True)
    + r")\b(?:[^\n:]{0,60}?:|[^\n]{0,60}?\.))[ \t]+(?=\p{Lu})",
    regex.MULTILINE,
)


@register
class UpdateNote(Rule):
    """An update note opening a paragraph: "Update vom Mittwoch, 18. Januar, 06.50 Uhr: Der Minister ...".

    ## What it finds
    A paragraph that starts with an update word of one language's `[chrome]` table (update, updated,
    aktualisiert, mise à jour, aggiornamento, обновлено ...), a date or a time (a digit within the first
    60 characters) and a colon or full stop, followed by a capitalised sentence.

    ## Why it matters
    Live pages stamp each new paragraph with the time it was added; in the translated article the stamp
    reads as the first words of the sentence and interrupts the text.

    ## Fix safety
    Flagged only: on a live page the time stamp tells the reader when the paragraph was true, and only
    an editor can tell whether the article still needs it.
    """

    code = "TC220"
    name = "update-note"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the words come from every language file
    must_fire = (
        Example("⟦Update vom Mittwoch, 18. Januar, 06.50 Uhr:⟧ Der Minister fordert mehr Waffen.\n"),
        Example("The talks went on.\n\n⟦Updated at 14:20.⟧ The union rejected the offer.\n"),
    )
    must_not_fire = (
        Example("Update: the minister said the talks would go on.\n"),
        Example("Updated figures: The ministry published them on Monday.\n"),
        Example("An update at 14:20. The union rejected the offer.\n"),
    )

    trigger = Trigger(strings=tuple(sorted(_WORDS)))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _NOTE.finditer(text):
            note = m["note"]
            if len(note) > NOTE_MAX_CHARS or not DIGIT.search(note):
                continue
            yield self.finding(
                text,
                m.start("note"),
                m.end("note"),
                f"Update note {note!r} opening the paragraph",
                suggestion=None,
                edits=(),
                title="Remove the update note",
                confidence=0.7,
            )
