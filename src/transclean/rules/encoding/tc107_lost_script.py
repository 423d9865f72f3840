"""TC107: lost-script."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# Words made of question marks only, in a run: "?????? ?????". A code page without the script (Greek,
# Armenian, Cyrillic, Georgian in a Latin-1 page) turns every letter into '?', so whole words go.
_RUN = regex.compile(r"(?<![\p{L}\p{N}?])\?+(?:[ \t]+\?+)*(?![\p{L}\p{N}?])")
#: marks a run needs before it is a lost word, not a writer's "???" of surprise.
MIN_MARKS = 3
#: characters looked at before a single run for the word that shows it stands inside a sentence.
_REACH = 40
# A single run inside a sentence: after a word and before a lower-case word or a closing bracket ("met
# ?????? in Yerevan"), where no writer's question marks stand.
_BEFORE = regex.compile(r"[\p{L}\p{N},;:(«“\"'][ \t]*$")
_AFTER = regex.compile(r"^[ \t]*(?:\p{Ll}|[,;)»”])")


@register
class LostScript(Rule):
    """Words lost whole to '?': a name or phrase in another script that a legacy code page could not hold.

    ## What it finds
    Runs of words written with question marks only ("?????? ?????"): two or more such words, or one of at
    least three marks standing inside a sentence (after a word, before a lower-case word).

    ## Why it matters
    The page was saved through a code page that lacks the script of a quoted name or phrase (Greek,
    Armenian, Cyrillic in a Latin page), and every letter became '?': the reader loses the words and the
    text cannot say what they were.

    ## Fix safety
    No fix: the letters are gone and no lexicon recovers a word from its length alone. An editor restores
    them from the source page or removes the phrase.
    """

    code = "TC107"
    name = "lost-script"
    category = Category.ENCODING
    severity = Severity.MAJOR
    fix = Applicability.NONE
    trigger = Trigger(strings=("??",))
    must_fire = (
        Example("The minister met ⟦??????⟧ in Yerevan on Monday."),
        Example("The sign read ⟦???????? ?????⟧ in large letters."),
        Example("Mitsotakis said ⟦? ????????? ?????⟧."),
    )
    must_not_fire = (
        Example("Who will pay for it??? Nobody knows."),
        Example("Really ?? That is all?"),
        Example("See https://example.org/?q=a&b=?? for more."),
        Example("Q: Will it rain ? A: No."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _RUN.finditer(text):
            run = m.group()
            words = run.split()
            marks = sum(len(w) for w in words)
            if marks < MIN_MARKS or max(len(w) for w in words) < 2:
                continue
            start, end = m.start(), m.end()
            if text[start - 1 : start] in "/=&" and start > 0:
                continue  # a URL's query string
            if len(words) < 2 and not (
                _BEFORE.search(text[max(0, start - _REACH) : start]) and _AFTER.match(text[end : end + _REACH])
            ):
                continue  # one run at a sentence's end: the writer's question marks
            yield self.finding(
                text,
                start,
                end,
                f"{len(words)} word{'s' if len(words) > 1 else ''} lost whole to '?': text in a script the "
                "page's code page could not hold",
                applicability=Applicability.NONE,
            )
