"""TC804: foreign-words."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from transclean.analysis.foreign import embedded_in
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: a run needs this many words: one word is a name or a loan more often than a leftover (TC805 takes the
#: function words, the one kind of single word that is not).
MIN_WORDS = 2


@register
class ForeignWords(Rule):
    """Words left in another Latin-script language inside English: "funds della regione for the roads".

    ## What it finds
    Two or more consecutive words, each common in one other language (Italian, Spanish, French, German,
    Portuguese, Polish, Czech, Turkish, Romanian ...: wordfreq Zipf >= 3.5) and at least two Zipf points
    rarer in English, opening with a lower-case word right after a plain English word. Names and titles are
    left alone: a run that opens capitalised or runs into a capitalised word ("Contra las cuerdas",
    "von der Schulenburg"), one glossed in brackets, one inside quotation marks, and the foreign phrases
    English writes as its own (``[untranslated] loan_phrases`` of the English data file).

    ## Why it matters
    The engine translated the sentence around the words but not the words: the reader loses what they say.

    ## Fix safety
    No fix: the words need translating.
    """

    code = "TC804"
    name = "foreign-words"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ("en",)
    must_fire = (
        Example("The council approved new funds ⟦della regione⟧ for the roads of the valley.", language="en"),
        Example("The minister said the plan ⟦nie jest gotowy⟧ and left the room.", language="en"),
    )
    must_not_fire = (
        Example("She played in Contra las cuerdas on television in 2010.", language="en"),
        Example("He married baron Volrad August von der Lühe in 1767.", language="en"),
        Example("He rose to capo di tutti capi (boss of bosses) within a year.", language="en"),
        Example("The critics praised “suoi dolci vizi” as a comedy of manners.", language="en"),
        Example("They lived the dolce vita in Rome for a decade.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        text = ctx.text
        for start, end, count, languages, _ in embedded_in(ctx):
            if count >= MIN_WORDS:
                yield self.finding(
                    text,
                    start,
                    end,
                    f"Words in {'/'.join(sorted(languages))!r} left untranslated: {text[start:end][:40]!r}",
                    confidence=0.7,
                )
