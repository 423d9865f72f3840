"""TC314: dialogue-dash."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.analysis.pronouns import pronoun_table
from transclean.context import Context
from transclean.langdata import language_data, word_set
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A comma and a dash before the reporting clause, with no quote mark: "strongly resonated, – said Rafał".
# (After a quote mark, '”, - added', the dash is TC306's.)
_COMMA_DASH = regex.compile(r"(?<=[\p{L}\p{N}.!?]),( [-–—]) (?=(\p{Ll}+)\b)")
# A sentence mark and a dash before the reporting clause: the quotation's marks were lost and its end kept
# the source's dialogue dash ("It's not a good picture at all. - Taruta said."). The words after the dash are
# read in code: a reporting verb or subject pronoun, or one or two capitalised words and a reporting verb.
_STOP_DASH = regex.compile(r"(?<=[\p{L}\p{N}][.!?…])( [-–—]) (?=((?:\p{Lu}[\p{L}'’-]+ ){0,2})(\p{Ll}+)\b)")
# A dash glued to a quote mark before a lower-case word: 'other peoples, “- leads the TASS words'.
_QUOTE_DASH = regex.compile(r"(?<=[.,!?…] ?)[“”\"]-(?= \p{Ll})")


@register
class DialogueDash(Rule):
    """A dash before the reporting clause, the way Polish and Russian set it: "resonated, – said Leśkiewicz".

    ## What it finds
    In English text, a comma and a dash before a reporting verb or a subject pronoun ("..., – said Rafał",
    "..., – he continued"); a sentence mark and a dash before one, or before a name and one ("at all. -
    Taruta said."); a quote mark glued to a dash before a lower-case word (', “- leads the words').

    ## Why it matters
    Polish, Russian and Czech open and close quoted speech with dashes ("– Tekst – powiedział"); a translation
    that keeps the dash leaves English readers a stray mark where the quotation should close.

    ## Fix safety
    Safe for the comma and dash: English drops the dash and keeps the comma. A sentence mark and a dash
    are flagged only (the quotation's marks are lost too), and so is a quote mark glued to a dash: the mark
    may open or close the quotation.
    """

    code = "TC314"
    name = "dialogue-dash"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages = ("en",)
    trigger = Trigger(strings=(", -", ", –", ", —", ". -", ". –", ". —", "! -", "! –", "? -", "? –", "“-", "”-", '"-'))
    must_fire = (
        Example("The president's voice strongly resonated,⟦ –⟧ said the minister on the radio.", language="en",
                fixed="The president's voice strongly resonated, said the minister on the radio."),
        Example("Essentially, the composition was similar,⟦ –⟧ he continued.", language="en",
                fixed="Essentially, the composition was similar, he continued."),
        Example("Nationalism is hate of other peoples, ⟦“-⟧ leads the agency the words of the president.",
                language="en"),
        Example("It is not a good picture at all.⟦ -⟧ Taruta said.", language="en"),
        Example("We will not give up.⟦ –⟧ said the minister.", language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("He came, – as he always did – late.", language="en"),
        Example("“We will see our future plans”, - added the minister.", language="en"),
        Example("Prices rose by 5%, – a record – said the office.", language="en"),
        Example("He said “well-known” and left.", language="en"),
        Example("The talks ended. – The President said nothing. – Prices rose.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages:
            return
        subjects = {word for word, (_, role) in pronoun_table(ctx.language).items() if role == "subject"}
        reporting = frozenset(language_data(ctx.language)["lists"]["reporting_verbs"]) | subjects
        articles = word_set(ctx.language, "lists", "articles")  # "The President said" opens a sentence
        text = ctx.text
        for m in _COMMA_DASH.finditer(text):
            if m.group(2) in reporting:
                yield self.finding(text, m.start(1), m.end(1), "A dash before the reporting clause", suggestion="",
                                   title="Remove the dash")  # fmt: skip
        for m in _STOP_DASH.finditer(text):
            name = m.group(2).split(" ", 1)[0]
            if m.group(3) in reporting and (not name or (m.group(3) not in subjects and name not in articles)):
                yield self.finding(text, m.start(1), m.end(1), "A dash after a sentence mark before a reporting clause",
                                   applicability=Applicability.NONE)  # fmt: skip
        for m in _QUOTE_DASH.finditer(text):
            yield self.finding(text, m.start(), m.end(), "A quote mark glued to a dash",
                               applicability=Applicability.NONE)  # fmt: skip
