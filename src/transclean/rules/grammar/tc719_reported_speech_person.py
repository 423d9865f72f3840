"""TC719: reported-speech-person."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.speakers import reported_first_person
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register


@register
class ReportedSpeechPerson(Rule):
    """Indirect speech kept in the speaker's person: "The Home Minister said that we always believe in it".

    ## What it finds
    A that-clause of a reporting verb ("said", "stated", "stressed", "told reporters" ...) whose subject,
    within its first seven words, is "we" or "I", outside quotation marks, in a sentence whose own subject
    is in the third person: no word of the first or second person before the verb ("As I said, ... we"
    is the writer speaking) and no "told us that". A quoted paragraph (a line that opens with a quotation
    mark) is left alone. The words are data (`[reported_speech]` in the language file); TC404 reports the
    other first-person words of such clauses ("said that our country").

    ## Why it matters
    Hindi, Bengali, Azerbaijani and Turkish report speech in the speaker's own words after a conjunction
    ("ki", "deyə"); machine translation renders the conjunction as "that" and keeps the speaker's "we",
    which in English makes the writer and the reader part of the minister's government.

    Reported at info severity: the clause reads as direct speech that lost its quotation marks, a form
    human-written Indian English news also uses.

    ## Fix safety
    None: English needs quotation marks or the third person and a shifted tense ("said they had always
    believed"), which is a rewrite.
    """

    code = "TC719"
    name = "reported-speech-person"
    category = Category.GRAMMAR
    # Info: the clause reads as direct speech that lost its quotation marks (a reader follows it), and
    # human-written Indian English news uses the form too; TC404's possessive misleads and is minor.
    severity = Severity.INFO
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=(" that ",))
    must_fire = (
        Example("The Home Minister said that ⟦we⟧ always believe in keeping the country united.", language="en"),
        Example("The Chief Minister stated that by good governance, ⟦we⟧ are going to win.", language="en"),
        Example("He told reporters on Monday that ⟦I⟧ will not resign.", language="en"),
    )
    must_not_fire = (
        Example("The minister said: “We always believe in keeping the country united.”", language="en"),
        Example("As we reported, the minister said that we will see more rain.", language="en"),
        Example("She told us that we had won the prize.", language="en"),
        Example("He said that the people who voted for him would be rewarded.", language="en"),
        Example("“We are ready,” he said. He added that we wait.\n\n“I am sure that we win.”", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        for verb, start, word in reported_first_person(ctx, "subjects"):
            yield self.finding(
                ctx.text,
                start,
                start + len(word),
                f"{word!r} in a clause reported with {verb!r} ... 'that' is the speaker's own word: indirect speech "
                "needs the third person, direct speech quotation marks",
                confidence=0.6,
            )
