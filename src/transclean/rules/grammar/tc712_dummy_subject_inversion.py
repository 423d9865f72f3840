"""TC712: dummy-subject-inversion."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation


@cache
def _pattern(lang: str) -> regex.Pattern[str] | None:
    """ "It" opening a sentence, a reporting verb, an optional "the", up to four capitalised words (the
    source's name) and the sentence's end or a comma."""
    verbs = language_data(lang).get("grammar", {}).get("dummy_inversion_verbs", ())
    if not verbs:
        return None
    name = r"\p{Lu}(?:[\p{L}\p{N}.&'’-]*[\p{L}\p{N}])?"
    return regex.compile(
        rf"(?:^|(?<=[.!?][\"”’]?[ \t]+))(?<it>It)[ \t]+(?<verb>{alternation(verbs)})"
        rf"[ \t]+(?:the[ \t]+)?(?<name>{name}(?:[ \t]+{name}){{0,3}})(?=[.!?,]?[ \t]*$|[.!?][ \t]|,[ \t])",
        regex.MULTILINE,
    )


@register
class DummySubjectInversion(Rule):
    """A dummy "It" before a reporting verb and its source: "It writes Aftonbladet.", "It reports the Tagesschau.".

    ## What it finds
    A sentence that opens with "It", then a reporting verb ("writes", "reports", "says", per-language data
    in `[grammar] dummy_inversion_verbs`) and nothing but a capitalised name (a newspaper, an agency, a
    person; not a day or month of `[lists] time_words`: "It said Monday.") before the sentence ends.

    ## Why it matters
    German and the Scandinavian languages open such a sentence with a dummy subject ("Das schreibt die
    Zeit", "Det skriver Aftonbladet"); a word-for-word translation keeps it, and the English says that
    "it" writes. English writes "Aftonbladet reports" or "..., Aftonbladet writes".

    ## Fix safety
    None: the source's name moves before the verb, which needs the sentence reordered.
    """

    code = "TC712"
    name = "dummy-subject-inversion"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=("It ",))
    must_fire = (
        Example("The press conference starts at two. ⟦It writes Aftonbladet⟧.", language="en"),
        Example("⟦It reports the Tagesschau⟧, citing the ministry.", language="en"),
    )
    must_not_fire = (
        Example("It writes to the server. It says Smith was right. Aftonbladet writes it.", language="en"),
        Example("It said Monday. It said Monday that the talks failed; It Reports Daily is a show.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        time_words = frozenset(language_data(ctx.language).get("lists", {}).get("time_words", ()))
        text = ctx.text
        for m in pattern.finditer(text):
            if m.group("name").split()[0] in time_words:
                continue  # "It said Monday.": the verb's time, not its subject
            yield self.finding(
                text, m.start("it"), m.end("name"),
                f"a dummy 'It' before {m.group('verb')!r}: {m.group('name')!r} is the subject",
                confidence=0.7,
            )  # fmt: skip
