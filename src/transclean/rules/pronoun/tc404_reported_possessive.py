"""TC404: reported-possessive."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.speakers import reported_first_person
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register


@register
class ReportedPossessive(Rule):
    """The speaker's "our" or "us" in indirect speech: "The Deputy Minister stated that our country values".

    ## What it finds
    A first-person word other than the subject ("our", "my", "us", "me") within the first seven words of a
    that-clause of a reporting verb, outside quotation marks, in a sentence whose own subject is in the
    third person (no word of the first or second person before the verb, no "told us that"), when no
    "we" or "I" comes before it in the clause (TC719 reports those clauses). The words are data
    (`[reported_speech]` in the language file).

    ## Why it matters
    State news agencies that write in Azerbaijani, Turkish, Hindi, Vietnamese or Chinese report an
    official's words with the official's "our country"; machine translation keeps it after "said that",
    where an English reader takes it for the writer's country. "his country" or the country's name is
    meant.

    ## Fix safety
    None: which of "his", "her", "their" or a name is meant depends on who speaks.
    """

    code = "TC404"
    name = "reported-possessive"
    category = Category.PRONOUN
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=(" that ",))
    must_fire = (
        Example("The Deputy Minister stated in his speech that ⟦our⟧ country values good relations.", language="en"),
        Example("The ambassador noted that relations with ⟦our⟧ neighbours are improving.", language="en"),
    )
    must_not_fire = (
        Example("Our correspondent said that our country will vote in May.", language="en"),
        Example("The minister said that we must protect our borders.", language="en"),
        Example("He told me that my application had been approved.", language="en"),
        Example("The ambassador said that his country values good relations.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        for verb, start, word in reported_first_person(ctx, "others"):
            yield self.finding(
                ctx.text,
                start,
                start + len(word),
                f"{word!r} in a clause reported with {verb!r} ... 'that' is the speaker's own word: the speaker's "
                "'his', 'her', 'their' or a name is meant",
                confidence=0.6,
            )
