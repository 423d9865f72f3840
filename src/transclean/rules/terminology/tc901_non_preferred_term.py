"""TC901: non-preferred-term."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register


def _forms_by_concept(ctx: Context, lang: str) -> dict[str, set[str]]:
    """Which accepted forms (in ``lang``) of each concept occur in the document."""
    seen: dict[str, set[str]] = {}
    for m in ctx.matches:
        for e in m.entries:
            if e.lang == lang and e.kind in ("preferred", "variant"):
                seen.setdefault(e.concept.id, set()).add(e.form)
    return seen


@register
class NonPreferredTerm(Rule):
    """A term spelt in a variant form where the glossary has a preferred one ("Nagorno Karabakh").

    ## What it finds
    The document mixes two spellings of one entity (the glossary's preferred form wins), or always for
    glossaries the user passed with `--glossary`.

    ## Why it matters
    One entity spelt two ways is hard to search and looks careless; a house style names it one way.

    ## Fix safety
    Safe: only when the variant belongs to one concept and matches the glossary's form exactly; the
    shipped glossaries alone never rewrite a document that spells an entity one way consistently.
    """

    code = "TC901"
    name = "non-preferred-term"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.SAFE
    must_fire = (
        Example(
            "Fighting in Nagorno-Karabakh resumed. ⟦Nagorno Karabakh⟧ is a region of Azerbaijan.",
            fixed="Fighting in Nagorno-Karabakh resumed. Nagorno-Karabakh is a region of Azerbaijan.",
            language="en",
        ),
        Example(
            "Officials in ⟦Kiev⟧ met envoys from Kyiv's partners.",
            fixed="Officials in Kyiv met envoys from Kyiv's partners.",
            language="en",
        ),
    )
    must_not_fire = (
        Example("The 1986 disaster forced the evacuation of towns north of Kiev.", language="en"),
        Example("Nagorno-Karabakh was the scene of a war in the early 1990s.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if not ctx.glossary.may_have_variant(ctx.text) or not any(
            e.kind == "variant" for m in ctx.matches for e in m.entries
        ):
            return  # no variant spelling at all: no need to know the language
        lang = ctx.language
        if not lang:
            return
        present = _forms_by_concept(ctx, lang)
        for m in ctx.matches:
            entries = [e for e in m.entries if e.lang == lang and e.kind in ("preferred", "variant")]
            # Unambiguous when every concept that owns this form prefers the same spelling.
            preferred_forms = {e.concept.preferred(lang) for e in entries}
            if len(preferred_forms) != 1 or any(e.kind == "preferred" for e in entries):
                continue
            preferred = preferred_forms.pop()
            if not preferred or preferred == m.text:
                continue
            enforced = any(e.concept.enforced for e in entries)
            if not enforced and all(len(present[e.concept.id]) < 2 for e in entries):
                continue  # one consistent spelling: leave it to the author
            exact = any(e.form == m.text for e in entries)
            yield self.finding(
                ctx.text,
                m.start,
                m.end,
                f"{m.text!r} is a variant of {preferred!r}"
                + ("" if enforced else " (the document spells it both ways)"),
                suggestion=preferred,
                title=f"Use {preferred!r}",
                applicability=Applicability.SAFE if exact else Applicability.UNSAFE,
            )
