"""Boilerplate rules (TC2xx): debris a scraper leaves in article text."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Context, Example, Rule, register
from transclean.text import block_removal, is_blank

# A whole line of WordPress-style shortcodes: [ad_1], [/caption], [embed width="640"], [vc_row] ...
# Lower-case names only: "[Photo]" or "[Updated]" are editorial and stay.
_SHORTCODE = r"\[/?[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*(?:\s+[a-z_-]+(?:=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\]]+))?)*\s*/?\]"
_MARKER_LINE = regex.compile(rf"[ \t]*(?:{_SHORTCODE}[ \t]*)+")
# Inline, only names that are never prose: ad slots ("ad_1", "ads-2") and WordPress/Visual Composer
# shortcodes. "[sic]" or "[citation needed]" inside a sentence are editorial.
_INLINE_MARKER = regex.compile(
    r"[ \t]?\[/?(?:ads?[_-]?\d+|caption|embed|gallery|vc_[a-z_]+|et_pb_[a-z_]+|/?ad)(?:\s+[^\]\n]*)?\]"
)


@register
class ScraperMarker(Rule):
    """Scraper or CMS markers left in the text: `[ad_1]`, `[/caption]`, shortcode remnants.

    Safe: a line made only of lower-case shortcodes carries no content, and inline removal is limited to
    ad slots and well-known CMS shortcode names.
    """

    code = "TC201"
    name = "scraper-marker"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    must_fire = (
        Example("Headline\n\n⟦[ad_1]⟧\n\nBody text.", fixed="Headline\n\nBody text."),
        Example("Body text.\n\n⟦[ad_2]⟧\n", fixed="Body text.\n"),
        Example('⟦[caption id="attachment_7" align="alignleft"]⟧\nA photo.', fixed="A photo."),
        Example("The minister spoke.⟦ [ad_3]⟧ Then he left.", fixed="The minister spoke. Then he left."),
    )
    must_not_fire = (
        Example("He wrote that it [sic] was fine."),
        Example("[Updated]\nThe minister spoke."),
        Example("See note [1] and [citation needed]."),
        Example("arr[i] = x[0]"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for start, line in ctx.lines:
            if line.strip() and _MARKER_LINE.fullmatch(line):
                s, e, new = block_removal(text, start, start + len(line))
                yield self.finding(
                    text,
                    start + len(line) - len(line.lstrip()),
                    start + len(line.rstrip()),
                    "Scraper marker line",
                    suggestion="",
                    edits=(Edit(s, e, new),),
                    title="Remove the marker line",
                )
                continue
            for m in _INLINE_MARKER.finditer(line):
                yield self.finding(
                    text,
                    start + m.start(),
                    start + m.end(),
                    "Scraper marker inside the text",
                    suggestion="",
                    title="Remove the marker",
                )


_FRAGMENT = regex.compile(r"\s*\p{Ll}{1,4}\s*")
_SENTENCE_END = regex.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")


def _paragraphs(ctx: Context) -> list[tuple[int, int, str]]:
    """Non-blank lines as ``(start, end, line)``."""
    return [(s, s + len(line), line) for s, line in ctx.lines if not is_blank(line)]


@register
class OrphanFragment(Rule):
    """A stray word fragment alone on a line between paragraphs ("rep"), left by a scraper.

    Fires only on a paragraph of one to four lower-case letters, with no punctuation, that follows a
    paragraph of prose ending a sentence. Safe under those limits: lower-case single short tokens are not
    headings, list items sit among other short lines, and a one-word reply carries punctuation.
    """

    code = "TC202"
    name = "orphan-fragment"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    must_fire = (
        Example(
            "The army said it had destroyed twelve batteries and two drones.\n\n⟦rep⟧\n\nLater that day, talks began.",
            fixed="The army said it had destroyed twelve batteries and two drones.\n\nLater that day, talks began.",
        ),
    )
    must_not_fire = (
        Example("Shopping list:\n\neggs\n\nmilk\n\nflour"),
        Example("She asked whether he would come back tomorrow.\n\nYes.\n\nThen she left."),
        Example("The list of options is long and it goes on for pages.\n\nOK\n\nAnother line."),
        Example("Short.\n\nrep\n\nNext."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        paragraphs = _paragraphs(ctx)
        for i in range(1, len(paragraphs)):
            start, end, line = paragraphs[i]
            prev = paragraphs[i - 1][2]
            if _FRAGMENT.fullmatch(line) and len(prev.strip()) >= 40 and _SENTENCE_END.search(prev):
                s, e, new = block_removal(text, start, end)
                token_start = start + len(line) - len(line.lstrip())
                yield self.finding(
                    text,
                    token_start,
                    token_start + len(line.strip()),
                    f"Stray fragment {line.strip()!r} between paragraphs",
                    suggestion="",
                    edits=(Edit(s, e, new),),
                    title="Remove the fragment",
                    confidence=0.9,
                )


# Labels of related-article boxes, per language. A label must be alone on its line (":" allowed).
RELATED_LABELS = {
    "en": [
        "Deepening",
        "Read also",
        "Read more",
        "Also read",
        "Related",
        "Related news",
        "Related articles",
        "Related stories",
        "Related content",
        "See also",
        "You may also like",
        "Recommended",
        "More on this",
    ],
    "it": [
        "Approfondimento",
        "Approfondimenti",
        "Leggi anche",
        "Potrebbe interessarti",
        "Articoli correlati",
        "Notizie correlate",
        "Vedi anche",
        "Ti potrebbe interessare",
    ],
    "es": [
        "Lee también",
        "Lea también",
        "Leer más",
        "Te puede interesar",
        "Le puede interesar",
        "Noticias relacionadas",
        "Artículos relacionados",
        "Ver también",
        "Más información",
    ],
    "fr": [
        "Lire aussi",
        "À lire aussi",
        "A lire aussi",
        "Voir aussi",
        "Sur le même sujet",
        "Lire la suite",
        "Articles liés",
        "À voir aussi",
    ],
    "de": [
        "Lesen Sie auch",
        "Mehr zum Thema",
        "Auch interessant",
        "Weiterlesen",
        "Das könnte Sie auch interessieren",
        "Verwandte Artikel",
        "Siehe auch",
    ],
    "pt": ["Leia também", "Leia mais", "Veja também", "Notícias relacionadas", "Saiba mais", "Artigos relacionados"],
    "ru": [
        "Читайте также",
        "Читать также",
        "По теме",
        "Смотрите также",
        "Ещё по теме",
        "Еще по теме",
        "Похожие новости",
        "Материалы по теме",
    ],
}
_LABEL = regex.compile(
    r"\s*(?:" + "|".join(regex.escape(x) for labels in RELATED_LABELS.values() for x in labels) + r")\s*:?\s*",
    regex.IGNORECASE,
)
# A linked headline: one line, no sentence-final stop, not too long.
_HEADLINE = regex.compile(r"\s*\S.{0,200}?(?<![.!?…:;])\s*")


@register
class RelatedArticleBox(Rule):
    """A related-article box: a label line ("Deepening", "Read also", "Leggi anche", ...) and the headline after it.

    Safe: the label must be alone on its line and be followed by a headline-shaped line (no sentence-final
    stop); a label used in a sentence or followed by prose is left alone.
    """

    code = "TC203"
    name = "related-article-box"
    category = Category.BOILERPLATE
    severity = Severity.MAJOR
    fix = Applicability.SAFE
    must_fire = (
        Example(
            "The talks ended without a deal.\n\n⟦Read also\n\nFloods hit the north⟧\n\nRescue teams arrived.",
            fixed="The talks ended without a deal.\n\nRescue teams arrived.",
        ),
        Example(
            "Il vertice è finito.\n\n⟦Leggi anche:\nLe elezioni in Francia⟧\n\nIl giorno dopo.",
            fixed="Il vertice è finito.\n\nIl giorno dopo.",
            language="it",
        ),
    )
    must_not_fire = (
        Example("Read also the second chapter before the exam."),
        Example("Related\n\nThe two cases are related, the police said."),
        Example("Deepening the crisis, the ministry resigned.\n\nNext paragraph."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        paragraphs = _paragraphs(ctx)
        for (start, _, line), nxt in itertools.pairwise(paragraphs):
            if _LABEL.fullmatch(line) and _HEADLINE.fullmatch(nxt[2]):
                s, e, new = block_removal(text, start, nxt[1])
                yield self.finding(
                    text,
                    start,
                    nxt[1],
                    f"Related-article box {line.strip()!r} with a headline from another article",
                    suggestion="",
                    edits=(Edit(s, e, new),),
                    title="Remove the box",
                    confidence=0.9,
                )
