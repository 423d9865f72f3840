"""TC222: widget-call."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from transclean.analysis.chrome import unbulleted, vocabulary, widget_language, words
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: a call to action is short: its verb, a widget word and at most two more ("Read Entire Article").
MAX_WORDS = 4
#: words of a call that no list of its language holds: the site's own object ("Entire", "Block").
MAX_UNKNOWN = 1


@lru_cache(maxsize=1)
def _vocabularies() -> tuple[tuple[str, frozenset[str], frozenset[str], frozenset[str]], ...]:
    """``(lang, call verbs, widget words, every word of the three lists with glue)`` per language with verbs."""
    widgets, glue = vocabulary("widgets"), vocabulary("glue")
    out = []
    for lang, verbs in vocabulary("widget_verbs").items():
        own = widgets.get(lang, frozenset())
        out.append((lang, verbs, own, verbs | own | glue.get(lang, frozenset())))
    return tuple(out)


def call_language(found: list[str]) -> str | None:
    """The language of which ``found`` (a line's lower-cased words) is a call to action: a verb of its
    ``widget_verbs`` first or last, another word of its ``widgets``, at most ``MAX_UNKNOWN`` word in none
    of its lists."""
    if not 2 <= len(found) <= MAX_WORDS:
        return None
    for lang, verbs, widgets, known in _vocabularies():
        for verb_at in (0, -1):
            if found[verb_at] not in verbs:
                continue
            rest = found[1:] if verb_at == 0 else found[:-1]
            if any(w in widgets for w in rest) and sum(w not in known for w in rest) <= MAX_UNKNOWN:
                return lang
    return None


@register
class WidgetCall(Rule):
    """A widget's call to action alone on a line: "Read Entire Article", "Disable Ad Block", "Stay informed".

    ## What it finds
    A line of two to four words, with no sentence-final stop, that opens with a call verb of one
    language's `[chrome] widget_verbs` (read, continue, share, follow, subscribe, show, disable ...;
    calls in verb-final word order may close with it: "Den ganzen Artikel lesen") and holds a widget word of the
    same language (article, reading, comments, ad, informed ...), with at most one word that none of the
    language's chrome lists has: the site's own wording of a call the lists know the kind of. Lines whose
    every word is a widget word are TC205's.

    ## Why it matters
    Every site words its buttons a little differently ("Read Entire Article", "Show original"), so exact
    label lists miss most of them on sites they were not written from; the verb and the widget word are
    closed classes that carry over.

    ## Fix safety
    None: flag only. A subheading may open with the same verb ("Follow the money" has no widget word and
    is left alone, "Watch this space" is not a widget), so the line is shown rather than removed.
    """

    code = "TC222"
    name = "widget-call"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the verbs come from every language file
    must_fire = (
        Example("The minister spoke.\n\n⟦Read The Complete Article⟧\n"),
        Example("The minister spoke.\n\n⟦Disable Ad Block⟧\n\nThe talks went on."),
        Example("Der Minister sprach.\n\n⟦Den ganzen Artikel lesen⟧\n"),
    )
    must_not_fire = (
        Example("Follow the money\n\nThe minister spoke."),
        Example("The minister spoke.\n\nRead the article.\n"),
        Example("The minister spoke.\n\nRead more\n"),  # every word a widget word: TC205's
        Example("Read the entire\narticle before you sign.\n"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        lines = ctx.chrome_lines
        for i, line in enumerate(lines):
            if line.sentence_end or not 2 <= line.tokens <= MAX_WORDS:
                continue
            label = unbulleted(line.text).strip().rstrip(":»›→>…").strip()
            found = words(label)
            if call_language(found) is None or widget_language(label) is not None:
                continue
            if i + 1 < len(lines) and lines[i + 1].stripped[:1].islower():
                continue  # the next line goes on with its sentence: "Read the entire / article before ..."
            yield self.finding(
                text,
                line.lead,
                line.start + len(line.text.rstrip()),
                f"Call to action {label!r} left by a site widget",
                confidence=0.7,
            )
