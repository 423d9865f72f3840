"""TC225: html-markup."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: an HTML tag of a common element, opened with an attribute ('<a href=', '<span style="') or closed ("<br>",
#: "</p>", "<br/>"): markup a scraper let through as text. The element names are HTML's, not words of a
#: language; "a <b" in a formula has neither an attribute nor a closing ">".
_TAG = regex.compile(
    r"</?(?:a|b|br|div|em|font|h[1-6]|i|iframe|img|li|p|script|section|span|strong|style|table|td|tr|u|ul)"
    r"(?:[ \t]+[a-z-]+[ \t]*=|[ \t]*/?>)",
    regex.IGNORECASE,
)


@register
class HtmlMarkup(Rule):
    """HTML tags left in the text: "<a href=NEWS.rin.ru'>", '<span style="color:darkgray', "</p>".

    ## What it finds
    A tag of a common HTML element ("a", "span", "div", "p", "img", "br", "strong" ...) that carries an
    attribute or is closed with ">": the page's markup scraped as text, whole or cut off. One finding per
    line, from its first tag to the end of its last (its ">", or the line's end where the tag was cut off).

    ## Why it matters
    The markup is no part of the article; a reader sees code, and a translation engine mangles it with
    the words around it.

    ## Fix safety
    Flag only: a cut-off tag has no end to remove up to, and the link text between tags may be the
    article's words.
    """

    code = "TC225"
    name = "html-markup"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ()  # any document: HTML's element names are no language's words
    must_fire = (
        Example("The talks went on.\n\n⟦<a href=NEWS.rin.ru'><a href=NEWS.rin.ru'>⟧ NEWS.rin.ru\n"),
        Example('The talks went on.\n\n⟦<span style="color:darkgray⟧\nsections: Politics\n'),
        Example("The talks went on.⟦</p>⟧\n"),
    )
    must_not_fire = (
        Example("If a <b and b < c, then a < c.\n"),
        Example("The ratio was <5% in the region.\n"),
        Example("Write to <editor@example.org> with questions.\n"),
    )
    trigger = Trigger(strings=("<",))

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for line in ctx.chrome_lines:
            if "<" not in line.text:
                continue
            tags = list(_TAG.finditer(line.text))
            if tags:
                # the last tag runs to its ">", or to the line's end when the scraper cut it off
                close = line.text.find(">", tags[-1].end() - 1)
                end = close + 1 if close >= 0 else len(line.text.rstrip())
                yield self.finding(
                    text,
                    line.start + tags[0].start(),
                    line.start + end,
                    "HTML markup left in the text",
                    confidence=0.9,
                )
