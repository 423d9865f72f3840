"""TC105: stray-character."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.lexicon import zipf
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# One character of a script other than Latin inside a Latin word: "Min꧙ister" (a Javanese digit). Letters
# of a mixed script (Cyrillic "о" for Latin "o") are TC101's and the lost-letter rules' business; marks
# and joiners belong to their word.
_STRAY = regex.compile(
    r"(?<=\p{Script=Latin}{2})[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{M}\s]"
    r"(?=\p{Script=Latin}{2})"
)


@register
class StrayCharacter(Rule):
    """A character of another script stuck inside a Latin word: "Prime Min꧙ister".

    ## What it finds
    A single character from an unrelated script (Javanese, Thai, Ethiopic, ...) between Latin letters.

    ## Why it matters
    It comes from a page's anti-copy tricks or a broken font mapping; the word no longer matches a search or
    a glossary.

    ## Fix safety
    Safe when the word without it is a word of the language ("Minister"); otherwise flagged only.
    """

    code = "TC105"
    name = "stray-character"
    category = Category.ENCODING
    severity = Severity.MINOR
    fix = Applicability.SAFE
    must_fire = (
        Example("Accordingly, Prime ⟦Min꧙ister⟧ Pham spoke.", fixed="Accordingly, Prime Minister Pham spoke.",
                language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("Prime Minister Pham spoke in Hà Nội."),
        Example("The café's naïve owner said: Привет."),
    )
    trigger = Trigger(non_ascii=True)  # the stray character is never ASCII

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _STRAY.finditer(text):
            start = m.start()
            while start > 0 and (text[start - 1].isalpha()):
                start -= 1
            end = m.end()
            while end < len(text) and text[end].isalpha():
                end += 1
            word = text[start:end]
            cleaned = word.replace(m.group(), "")
            lang = ctx.language or "en"  # asked only here: detection costs more than the scan
            sure = zipf(cleaned.lower(), lang) > 0 or zipf(cleaned.lower(), "en") > 0
            yield self.finding(
                text, start, end, f"Stray {m.group()!r} (U+{ord(m.group()):04X}) inside {word!r}",
                suggestion=cleaned, title="Remove the stray character",
                applicability=Applicability.SAFE if sure else Applicability.UNSAFE,
            )  # fmt: skip
