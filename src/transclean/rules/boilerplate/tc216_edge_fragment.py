"""TC216: edge-fragment."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import Line, all_languages, title_run, words
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation, block_removal

#: "7 min", "10 hours", "2 days": a list's time stamps without their "ago".
_RELATIVE = regex.compile(r"\s*(?:[•·▪]\s*)?\d{1,3}\s*(?P<unit>\p{L}+)\.?\s*")
#: an icon font's ligature name left as text: "event_note", "account_box", "arrow_forward_ios".
_LIGATURE = regex.compile(r"\s*(?P<icon>\p{Ll}+(?:_\p{Ll}+)+)(?=\s|$)")
#: a teaser cut by the template: a letter, then "..." or "…" ends the line ("However, Faure said th...").
_TEASER = regex.compile(r"\p{L}(?:\.{3}|…)\s*$")
#: a section or tag with its article count: "Focus (38)", "Politics (112)".
_COUNTED = regex.compile(r"(?P<label>[^()\n]+?)\s*\(\d{1,5}\)\s*")
#: a section line before the headline is a word or three ("Thailand Politics", "Law").
SECTION_MAX_WORDS = 3
#: a cut teaser is a headline or its first words; a longer line is a paragraph the writer trailed off.
TEASER_MAX_WORDS = 16

#: a breadcrumb trail run into the headline: the home link (`[chrome] home_labels` of any language,
#: capitalised), then up to BREADCRUMB_MAX_LINKS capitalised words, the last a section name, then the
#: headline's capital: "Home Italian News Christmas of Rome: ...", "Inicio » Politica Los ministros ...".
_HOME = regex.compile(
    r"[ \t]*(?P<home>(?i:" + alternation(all_languages("home_labels"), escape=True) + r"))(?=[ \t>»/|›])"
)
_LINK_WORD = regex.compile(r"[ \t]*(?:[>»/|›][ \t]*)?(?P<word>\p{Lu}[\p{L}'-]*)")
#: a trail's links after the home link, the section included: "Italian News"; more is a headline's words.
BREADCRUMB_MAX_LINKS = 3


@register
class EdgeFragment(Rule):
    """A fragment of the page template at the article's edges: time stamps, icon names, section labels, teasers.

    ## What it finds
    In the page header or footer (before the article's first paragraph of running text and after its last,
    `analysis.chrome.edge_zone`), a line of one of these kinds, recognised by its shape and not by a site's
    wording: a bare relative time stamp of a headline list ("7 min", "10 hours", "2 days"; the units are
    the `time_words` of any `[chrome]` table); a line opened by an icon font's ligature name ("event_note
    January 9, 2022", "account_box ..."); a label with an article count ("Focus (38)"); a short line of
    capitalised words ending in a section name, placed before a longer headline line ("Thailand
    Politics", "Law"); a teaser cut off with an ellipsis ("However, Faure said th..."). In the header or
    the first paragraph of running text, a breadcrumb trail run into the headline: a home link of any
    language's `home_labels` ("Home", "Inicio", "Startseite"), at most three capitalised words ending in a
    section name, then a capital ("Home Italian News Christmas of Rome: ...").

    ## Why it matters
    These lines come from the site's lists and widgets, not from the article; translated, they read as
    stray headings or broken sentences.

    ## Fix safety
    Safe only for the bare time stamp (a number and a unit, nothing to read). The other kinds are flagged
    only: a section label, an icon name or a trailing ellipsis can stand beside content, and where a
    breadcrumb trail ends and the headline starts is a guess.
    """

    code = "TC216"
    name = "edge-fragment"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; time units and section names from every language file
    must_fire = (
        Example(
            "The minister said on Monday that the talks would go on.\n\nMore news\n\n⟦10 hours⟧\n\nVote delayed",
            fixed="The minister said on Monday that the talks would go on.\n\nMore news\n\nVote delayed",
        ),
        Example("⟦event_note January 9, 2022⟧\n\nThe minister said on Monday that the talks would go on."),
        Example("⟦Thailand Politics⟧\n\nThe prime minister asks all to bury the hatchet\n\n"
                "The minister said on Monday that the talks would go on."),
        Example("⟦Focus (38)⟧\n\nThe minister said on Monday that the talks would go on."),
        Example("The minister said on Monday that the talks would go on.\n\n⟦However, Faure said th...⟧"),
        Example("⟦Home Italian News⟧ Christmas of Rome: the mayor speaks...\n\n"
                "The mayor said on Monday that the city would go on."),
    )  # fmt: skip
    must_not_fire = (
        Example(
            "The minister said on Monday that it would take 10 hours.\n\n10 hours\n\n"
            "The talks went on for ten hours, the minister said later."
        ),
        Example("Politics\n\nThe minister said on Monday that the talks would go on."),
        Example("World Politics\n\nThe minister said on Monday that the talks would go on."),
        Example("Thailand Politics\n\nVote\n\nThe minister said on Monday that the talks would go on."),
        Example("The minister said on Monday that the talks would go on.\n\nHydro One in Ontario"),
        Example(
            "The minister said on Monday that the talks would go on.\n\nAnd then...\n\n"
            "The minister said on Tuesday that the talks were over."
        ),
        Example("Home Office News\n\nThe minister said on Monday that the talks would go on."),
        Example("Home Secretary Jane Roe said on Monday that the talks would go on.\n\nThe talks went on."),
        Example("He went home. News of the deal came later.\n\nThe talks went on."),
    )
    trigger = Trigger(strings=("\n", "\r"))  # a document of one paragraph has no edge apart from its text

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        paragraphs = ctx.paragraphs
        edge = ctx.edge_zone
        if len(edge) == len(paragraphs):
            return  # no running text: the edges cannot be told from the article
        lines = ctx.chrome_lines
        first_prose = min(set(range(len(paragraphs))) - edge)
        # whether a line of more than SECTION_MAX_WORDS words follows in the header, for each header line:
        # one sweep back from the first prose paragraph
        longer_follows = [False] * first_prose
        for i in range(first_prose - 2, -1, -1):
            longer_follows[i] = longer_follows[i + 1] or lines[i + 1].tokens > SECTION_MAX_WORDS
        found: list[tuple[int, int, str]] = []  # (first, last paragraph, kind)
        for i in sorted(edge):
            kind = _kind(lines[i], i < first_prose and longer_follows[i])
            if kind is None:
                continue
            if kind == "time stamp" and found and found[-1][1] == i - 1 and found[-1][2] == kind:
                found[-1] = (found[-1][0], i, kind)  # a list's stamps, one under the other, are one finding
            else:
                found.append((i, i, kind))
        for line in lines[: first_prose + 1]:
            crumb = _breadcrumb(line.text)
            if crumb:
                yield self.finding(
                    text,
                    line.lead,
                    line.start + crumb,
                    "A breadcrumb trail of the page template run into the headline",
                    applicability=Applicability.NONE,
                    confidence=0.6,
                )
        for a, b, kind in found:
            start, line = paragraphs[a][0], paragraphs[a][2]
            last_start, end, last = paragraphs[b]
            safe = kind == "time stamp"
            s, e, new = block_removal(text, start, end)
            yield self.finding(
                text,
                start + len(line) - len(line.lstrip()),
                last_start + len(last.rstrip()),
                f"A {kind} of the page template at the article's edge",
                suggestion="" if safe else None,
                edits=(Edit(s, e, new),),
                applicability=None if safe else Applicability.NONE,
                title="Remove the line" if a == b else "Remove the lines",
                confidence=0.85 if safe else 0.6,
            )


def _breadcrumb(text: str) -> int:
    """The end of the breadcrumb trail that opens ``text`` and runs into a capitalised headline, or 0."""
    home = _HOME.match(text)
    if home is None or not home["home"][0].isupper():
        return 0
    end = home.end()
    for _ in range(BREADCRUMB_MAX_LINKS):
        link = _LINK_WORD.match(text, end)
        if link is None:
            return 0
        end = link.end()
        if link["word"].lower() in all_languages("sections"):
            rest = text[end:].lstrip(" \t>»/|›:-–")
            return end if rest and (rest[0].isupper() or rest[0] in '"“«„') else 0
    return 0


def _kind(line: Line, headline_follows: bool) -> str | None:
    """What template fragment ``line`` is, or None; ``headline_follows``: it stands in the page header and a
    line of more than ``SECTION_MAX_WORDS`` words follows it there (a headline).

    Each pattern is tried only on a line that has what its match needs: three tokens at most (a bullet, a
    number, a unit), an underscore, a closing bracket or an ellipsis at the end."""
    text, stripped = line.text, line.stripped
    m = _RELATIVE.fullmatch(text) if line.tokens <= 3 else None
    if m and m["unit"].lower() in all_languages("time_words") and m["unit"].lower() not in all_languages("glue"):
        return "time stamp"
    if "_" in text and _LIGATURE.match(text):
        return "icon name"
    m = _COUNTED.fullmatch(text) if stripped.endswith(")") else None
    if m and title_run(m["label"], SECTION_MAX_WORDS):
        return "counted label"
    if stripped.endswith(("...", "…")) and _TEASER.search(text) and not line.prose and line.tokens <= TEASER_MAX_WORDS:
        return "cut teaser"
    if not headline_follows:
        return None
    found = words(text)
    if (
        found
        and found[-1] in all_languages("sections")
        and not all(w in all_languages("sections") for w in found)  # a menu of section names is TC209's
        and title_run(text, SECTION_MAX_WORDS)
    ):
        return "section label"
    return None
