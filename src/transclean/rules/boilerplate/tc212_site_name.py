"""TC212: site-name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import press_words, site_stems, squashed, title_run, words
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, register
from transclean.text import block_removal

#: a site name or slogan is a few words; "All Persian News Related to Iran" is the longest kind.
NAME_MAX_WORDS = 6
#: the fix removes a name line only when it is this short: a longer capitalised line may be a headline.
SAFE_MAX_WORDS = 4
#: a suffix the page title carries after the headline: "... – The latest news", "... | Daily Courier".
SUFFIX_MAX_WORDS = 12

_SUFFIX = regex.compile(r"\s+[|–—-]\s+(?P<suffix>[^|–—\n]*(?:\s+[|–—-]\s+[^|–—\n]*)*)$")


@register
class SiteName(Rule):
    """The site's own name or slogan left in the text: "Saudi Arabia News", "News.Az", "... – The latest news".

    ## What it finds
    In the page header or footer (the lines before the article's first paragraph of running text and after
    its last), a short line of capitalised words that names a news outlet: it has a word such as "News",
    "Times", "Nachrichten", "Новости" (the `press_words` of any language with a `[chrome]` table) or it
    spells a site name the text writes as a domain ("News.Az" beside "news.az"). Anywhere, a headline line
    that ends in such a name after a separator ("Akşener's reaction – The latest news").

    ## Why it matters
    The outlet's name is page furniture; left in, it reads as a heading of the article and is translated
    as one.

    ## Fix safety
    Safe for a line of at most four words and for a headline's suffix; a longer line ("All Persian News
    Related to Iran") is only flagged, since a capitalised headline can look the same.
    """

    code = "TC212"
    name = "site-name"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the outlet words come from every language file
    must_fire = (
        Example(
            "⟦Saudi Arabia News⟧\n\nSaudi Arabia deplores the deal\n\n"
            "The kingdom said on Monday that it was not consulted.",
            fixed="Saudi Arabia deplores the deal\n\nThe kingdom said on Monday that it was not consulted.",
        ),
        Example(
            "The minister said on Monday that the talks would go on.\n\n⟦News.Az⟧\n\nSee news.az for more",
            fixed="The minister said on Monday that the talks would go on.\n\nSee news.az for more",
        ),
        Example(
            "Reaction to the vote⟦ – The latest news⟧\n\nThe minister said on Monday that the talks would go on.",
            fixed="Reaction to the vote\n\nThe minister said on Monday that the talks would go on.",
        ),
        Example("⟦All Persian News Related to Iran⟧\n\nThe minister said on Monday that the talks would go on."),
    )
    must_not_fire = (
        Example("Good news for farmers\n\nThe minister said on Monday that the talks would go on."),
        Example(
            "The minister said on Monday that the talks would go on.\n\nDaily Life\n\n"
            "The minister said on Monday that the talks would go on."
        ),
        Example("Prices – and wages – rise\n\nThe minister said on Monday that the talks would go on."),
        Example("Saudi Arabia\n\nThe minister said on Monday that the talks would go on."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        edge = ctx.edge_zone
        stems: frozenset[str] | None = None  # the site names the text spells as domains: read when first asked
        for line in ctx.chrome_lines:
            body = line.text
            # a name is a title run of NAME_MAX_WORDS words at most, and a bullet's removal joins at most three
            # tokens into one: a longer line is passed without a look at its words
            if line.index in edge and line.tokens <= NAME_MAX_WORDS + 2 and title_run(body, NAME_MAX_WORDS):
                if stems is None:
                    stems = site_stems(text)  # a scan of the whole text
                if press_words(body) or squashed(body) in stems:
                    safe = len(body.split()) <= SAFE_MAX_WORDS and (squashed(body) in stems or _outlet_last(body))
                    s, e, new = block_removal(text, line.start, line.end)
                    yield self.finding(
                        text,
                        line.lead,
                        line.lead + len(line.stripped),
                        f"Site name {line.stripped!r} left by the page template",
                        suggestion="" if safe else None,
                        edits=(Edit(s, e, new),),
                        applicability=None if safe else Applicability.NONE,
                        title="Remove the line",
                        confidence=0.85 if safe else 0.6,
                    )
                    continue
            if not _spaced_separator(body):
                continue
            m = _SUFFIX.search(body.rstrip())
            if m and len(m["suffix"].split()) <= SUFFIX_MAX_WORDS and press_words(m["suffix"]) and _heading(body, m):
                start = line.start
                yield self.finding(
                    text,
                    start + m.start(),
                    start + m.end(),
                    "Site name or slogan after the headline",
                    suggestion="",
                    edits=(Edit(start + m.start(), start + m.end(), ""),),
                    title="Remove the suffix",
                    confidence=0.8,
                )


def _spaced_separator(line: str) -> bool:
    """Whether ``line`` holds a separator of ``_SUFFIX`` between two spaces, as every match does: looked up
    with str.find, where the pattern tries at every space of the line (hyphens in words fail at once)."""
    for sep in "|–—-":
        i = line.find(sep, 1)
        while i > 0:
            if line[i - 1].isspace() and line[i + 1 : i + 2].isspace():
                return True
            i = line.find(sep, i + 1)
    return False


def _outlet_last(line: str) -> bool:
    """The outlet word closes or opens the name ("Persian News", "News at Another Perspective")."""
    found = words(line)
    return press_words(found[-1]) or press_words(found[0]) if found else False


def _heading(line: str, m: regex.Match[str]) -> bool:
    """The text before the suffix is a headline (no sentence inside it) and the suffix is not a clause."""
    head = line[: m.start()].strip()
    return bool(head) and "." not in head.rstrip(".!?") and not m["suffix"].strip().endswith(".")
