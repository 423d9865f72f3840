"""TC106: html-entity."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A character reference left as text: "&amp;", "&#8212;", "&#x2014;", and one a translation system split
# with a space after the ampersand or the hash ("& mdash;", "& #8217;", "&# 8217;").
_ENTITY = regex.compile(
    r"&(?:(#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31})|[ \t]([a-z]{2,8})|[ \t]?#[ \t]?(\d{2,7}));"
)
# Markup in the document: there entities are the markup's own, not scraper debris.
_TAG = regex.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")


@register
class HtmlEntity(Rule):
    """An HTML character reference left in plain text: "&amp;", "&#8212;", "& mdash;".

    ## What it finds
    Named and numeric character references that HTML knows ("&mdash;", "&#8212;"), also with a space a
    translation system put after the ampersand or the hash ("& mdash;", "& #8217;"), in a document that
    holds no markup.

    ## Why it matters
    A scraper that copies the page source instead of its text, or a translator that treats the reference as
    two words, leaves the code where a dash or an ampersand belongs; readers see "& mdash;".

    ## Fix safety
    Safe: a reference HTML defines stands for exactly one character, which replaces it. Documents with tags
    are left alone (there the references are the markup's). ftfy's formatting fixes (TC102, off by default)
    unescape only the unspaced form.
    """

    code = "TC106"
    name = "html-entity"
    category = Category.ENCODING
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # HTML's references are the same in every language
    trigger = Trigger(strings=("&",))
    must_fire = (
        Example("“It does not exist”, ⟦& mdash;⟧ he said.", fixed="“It does not exist”, — he said."),
        Example("Salt ⟦&amp;⟧ pepper, 5 ⟦&#8211;⟧ 7 May.", fixed="Salt & pepper, 5 – 7 May."),
        Example("It⟦& #8217;⟧s late, ⟦&# 8220;⟧he said.", fixed="It’s late, “he said."),
    )
    must_not_fire = (
        Example("R&D; AT&T; salt & pepper; Q&A."),
        Example("<p>Salt &amp; pepper</p>"),
        Example("He said & then left; we & friends stayed."),
        Example("Tickets & #1 seats; Q&A #12;"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if _TAG.search(text):
            return
        for m in _ENTITY.finditer(text):
            name = m.group(1) or m.group(2) or f"#{m.group(3)}"
            char = html.unescape(f"&{name};")
            if char == f"&{name};" or len(char) != 1:
                continue  # no reference HTML defines: "R&D;"
            yield self.finding(
                text, m.start(), m.end(), f"HTML reference {m.group()!r} for {char!r}", suggestion=char,
                title=f"Replace with {char!r}", confidence=0.9,
            )  # fmt: skip
