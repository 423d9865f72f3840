"""TC902: forbidden-term."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.acronyms import context_rival
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register


@register
class ForbiddenTerm(Rule):
    """A form the glossary marks as a known confusion, such as a foreign acronym left untranslated ("OCSE").

    ## What it finds
    Forms a glossary lists as forbidden in the document language.

    ## Why it matters
    The forbidden form is a known mistake of translation systems and names the wrong thing.

    ## Fix safety
    Unsafe: the replacement comes from the glossary and a reviewer should confirm it.
    """

    code = "TC902"
    name = "forbidden-term"
    category = Category.TERMINOLOGY
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
    must_fire = (
        Example("Growth will slow, the ⟦OCSE⟧ said in its Economic Outlook.", language="en"),
        Example("The ⟦OTAN⟧ summit opened in Brussels on Tuesday.", language="en"),
    )
    must_not_fire = (
        Example("Growth will slow, the OECD said in its Economic Outlook.", language="en"),
        Example("Il vertice della NATO si è aperto a Bruxelles. L'OCSE prevede una crescita debole.", language="it"),
        Example("The OCSE secretariat in Vienna sent election observers to the participating States.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if not any(e.kind == "forbidden" for m in ctx.matches for e in m.entries):
            return
        lang = ctx.language
        if not lang:
            return
        for m in ctx.matches:
            bad = [e for e in m.entries if e.kind == "forbidden" and e.lang in (lang, "*")]
            if not bad or any(e.kind != "forbidden" and e.lang == lang for e in m.entries):
                continue
            concept = bad[0].concept
            if m.text.isupper() and context_rival(ctx.text, ctx.glossary, concept, m.text):
                continue  # "the OCSE secretariat in Vienna": the context means the OSCE (TC501 says so)
            better = (concept.acronym(lang) if m.text.isupper() else None) or concept.preferred(lang)
            yield self.finding(
                ctx.text,
                m.start,
                m.end,
                f"{m.text!r} is not used in {lang!r} for {concept.preferred('en') or concept.id}",
                suggestion=better,
                title=f"Use {better!r}" if better else "",
            )
