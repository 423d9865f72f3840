"""TC501: acronym-false-friend."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.acronyms import context_rival
from transclean.context import Context
from transclean.glossary import Entry
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register


@register
class AcronymFalseFriend(Rule):
    """An organisation's acronym where the context points to another organisation ("the OECD troika").

    ## What it finds
    Two organisations are confusable when any of their acronyms, in any language, are anagrams or one
    letter apart. When the acronym's own context words (from the glossary) are absent and at least two
    context words of a confusable organisation are present, the rule suggests that organisation's acronym.

    ## Why it matters
    Acronyms collide across languages: Italian OCSE is the OECD while the OSCE stays OSCE, so a system can
    turn the OSCE into the OECD, or leave "OCSE" where the OSCE is meant.

    ## Fix safety
    Unsafe: the evidence is circumstantial.
    """

    code = "TC501"
    name = "acronym-false-friend"
    category = Category.ACRONYM
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
    must_fire = (
        Example(
            "The Minsk Group is co-chaired by France, Russia and the United States, with the ⟦OECD⟧ troika.",
            language="en",
        ),
        Example(
            "The ⟦OCSE⟧ secretariat in Vienna sent election observers to the participating States.",
            language="en",
        ),
    )
    must_not_fire = (
        Example("The OECD cut its growth forecast for member countries in its Economic Outlook.", language="en"),
        Example("The OSCE troika met the co-chairs of the Minsk Group.", language="en"),
        Example(
            "The OECD said in its Economic Outlook in Paris that growth would slow, while the OSCE sent "
            "election observers to Moldova.",
            language="en",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        lang = ctx.language
        if not lang or not ctx.matches:
            return
        for m in ctx.matches:
            # An acronym of the document language, or a known foreign confusion ("OCSE", Italian for OECD).
            own = {e.concept.id: e.concept for e in m.entries if _acronym_entry(e, lang, m.text)}
            if len(own) != 1:
                continue
            (concept,) = own.values()
            found = context_rival(ctx.text, ctx.glossary, concept, m.text)
            if found is None:
                continue
            rival, words = found
            better = rival.acronym(lang) or rival.preferred(lang) or rival.id
            yield self.finding(
                ctx.text,
                m.start,
                m.end,
                f"{m.text!r} ({concept.preferred('en')}) in a context about the {better} "
                f"({', '.join(sorted(words)[:4])})",
                suggestion=better,
                title=f"Use {better!r}",
                confidence=min(0.5 + 0.1 * len(words), 0.9),
            )


def _acronym_entry(entry: Entry, lang: str, surface: str) -> bool:
    return (entry.kind == "acronym" and entry.lang in (lang, "*")) or (entry.kind == "forbidden" and surface.isupper())
