"""TC221: asset-id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import unbulleted
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import AsciiGate, Example, Rule, Trigger, byte_classes, register

#: names a page template gives its slots and files, alone on a line: an ad slot with its size
#: ("banner_728x90", "ad-300x250"), an ad-server id ("div-gpt-ad-1524"), an embedded tweet's picture link
#: ("pic.twitter.com/Ab12Cd34"), a hash ("3f2a9c0e7b1d4e6f8a2b").
_ASSET = regex.compile(
    r"[\w-]*\d{2,4}x\d{2,4}[\w-]*"
    r"|(?:div-)?gpt-ad-[\w-]+"
    r"|pic\.twitter\.com/\w+"
    r"|(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{16,}"
    r"|[a-z]+(?:_[a-z0-9]+)*_\d+[a-z0-9_]*",
)


@register
class AssetId(Rule):
    """A template's asset name alone on a line: "banner_728x90", "div-gpt-ad-1524", "pic.twitter.com/Ab12Cd34".

    ## What it finds
    A line made of one token shaped like the name of an ad slot with its pixel size ("banner_728x90",
    "ad-300x250"), an ad server's slot id ("div-gpt-ad-1524"), the picture link an embedded tweet leaves
    ("pic.twitter.com/..."), a hexadecimal hash of sixteen characters or more, or a lower-case name of
    underscored parts ending in a number ("slot_top_2").

    ## Why it matters
    The scraper kept the name of an element whose content it dropped; no reader can use it, and a
    translation engine copies it into the article.

    ## Fix safety
    Safe: the token is the whole line and has the shape of a file or slot name, never of a word.
    """

    code = "TC221"
    name = "asset-id"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document: the shapes are not words of a language
    must_fire = (
        Example(
            "The minister spoke.\n\n⟦banner_728x90⟧\n\nThe talks went on.",
            fixed="The minister spoke.\n\nThe talks went on.",
        ),
        Example("The minister spoke.\n⟦pic.twitter.com/pmKHBN7Eof⟧\n", fixed="The minister spoke.\n"),
        Example("⟦div-gpt-ad-1524⟧\nThe minister spoke.", fixed="The minister spoke."),
    )
    must_not_fire = (
        Example("The minister spoke.\n\n1920x1080\n"),
        Example("The minister spoke.\n\nCOVID-19\n"),
        Example("The minister spoke.\n\nfacebook\n"),
        Example("The room was 4x4 metres.\n"),
    )
    trigger = Trigger(
        strings=("x", "gpt-ad", "pic.twitter", "_"),
        pattern=regex.compile(r"[0-9a-f]{16}"),
        ascii=AsciiGate((b"h" * 16,), table=byte_classes({"0123456789abcdef": "h"})),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for line in ctx.chrome_lines:
            if line.tokens > 3:
                continue  # one token, alone or with a bullet glued or spaced around it ("ad • 300x250")
            token = unbulleted(line.text).strip()
            if not token or " " in token or _ASSET.fullmatch(token) is None or token[0].isdigit():
                continue
            yield self.line_removal(
                text,
                line.start,
                line.end,
                f"Template asset name {token!r} left in the text",
                title="Remove the line",
                confidence=0.85,
            )
