"""TC209: navigation-menu."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import all_languages, ends_sentence, tokens_up_to, unbulleted, words
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import block_removal

#: a menu has at least this many items, one per line, with no blank line between them.
MENU_MIN_ITEMS = 3
#: share of the items that must be section names or language codes.
MENU_SHARE = 0.6
#: an item is a few words; a language switcher's items are a few letters ("kz", "ру", "中文").
ITEM_MAX_WORDS = 3
CODE_MAX_LETTERS = 3

#: "Home » today » News » <headline>": short steps, the last one (the headline) as long as it is.
_BREADCRUMB = regex.compile(r"\s*\S[^\n»›]{0,30}(?:\s[»›]\s[^\n»›]{1,40}){1,}\s[»›]\s[^\n»›]*")


def _item(line: str) -> str | None:
    """The text of a menu item on ``line``, or None when the line is no item (too long, a sentence)."""
    if tokens_up_to(line, ITEM_MAX_WORDS + 3) > ITEM_MAX_WORDS + 2:
        return None  # removing a bullet joins at most three tokens into one ("a • b"): a paragraph, asked first
    item = unbulleted(line).strip()
    if not item or ends_sentence(item) or len(item.split()) > ITEM_MAX_WORDS:
        return None
    return item


def _menu_like(item: str) -> bool:
    """A section name ("Politics", "About us") or a language code of a switcher ("kz", "ру")."""
    letters = [c for c in item if c.isalpha()]
    if 2 <= len(letters) <= CODE_MAX_LETTERS and item.islower():
        return True  # a cased script's code; a three-letter item in Chinese is a word, not a code
    found = words(item)
    sections = all_languages("sections")
    return bool(found) and all(w in sections for w in found)


@register
class NavigationMenu(Rule):
    """A site menu left in the text: section names or language codes one per line, or a breadcrumb trail.

    ## What it finds
    A run of at least three consecutive lines of at most three words, none ending a sentence, at least
    60% of which are section names of any language with a `[chrome]` table ("Politics", "Economy",
    "About us") or a language switcher's codes ("• kz", "• ру", "• 中文"); and a breadcrumb trail with at
    least two separators ("Home » today » News » ...").

    ## Why it matters
    The menu is the page's navigation, not the article; it fills the text with isolated words that a
    translation engine and a reader both stumble on.

    ## Fix safety
    Safe: the run must be dense in section names or codes, so a list of names or ingredients in an article
    stays; a breadcrumb repeats the headline it ends with.
    """

    code = "TC209"
    name = "navigation-menu"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the section names come from every language file
    must_fire = (
        Example(
            "Headline\n⟦Politics\nEconomy\nWorld\nAbout us⟧\n\nThe minister spoke.",
            fixed="Headline\nThe minister spoke.",
        ),
        Example(
            "Headline\n  ⟦• kz\n  • ру\n  • en\n  • de⟧\nThe minister spoke.", fixed="Headline\nThe minister spoke."
        ),
        Example(
            "⟦Home » today » News » The minister resigns⟧\n\nThe minister resigns\n\nHe left.",
            fixed="The minister resigns\n\nHe left.",
        ),
        Example(
            "⟦Home » today » News » The minister resigns after a long and bitter row with the party⟧\nHe left.",
            fixed="He left.",
        ),
    )
    must_not_fire = (
        Example("Shopping list:\neggs\nmilk\nflour\n\nMix them."),
        Example("The squad:\nManuel Neuer\nThomas Müller\nJoshua Kimmich\n\nThey won."),
        Example("Politics\n\nThe minister spoke about the economy and the world."),
        Example("He went from Rome » Paris to London."),
    )
    trigger = Trigger(strings=("\n", "\r", "»", "›"))  # a menu has three lines; a breadcrumb, separators

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        run: list[tuple[int, int, str]] = []
        for start, line in [*ctx.lines, (len(text), "")]:
            item = _item(line)
            if item is not None:
                run.append((start, start + len(line), item))
                continue
            yield from self._menu(text, run)
            run = []
            if ("»" in line or "›" in line) and _BREADCRUMB.fullmatch(line):
                yield self.line_removal(
                    text, start, start + len(line), "Breadcrumb trail of the site's navigation",
                    title="Remove the breadcrumb", confidence=0.9,
                )  # fmt: skip

    def _menu(self, text: str, run: list[tuple[int, int, str]]) -> Iterator[Finding]:
        while run and not _menu_like(run[0][2]):
            run = run[1:]  # a heading before the menu ("Headline") is not part of it
        while run and not _menu_like(run[-1][2]):
            run = run[:-1]
        if len(run) < MENU_MIN_ITEMS or sum(_menu_like(item) for *_, item in run) < MENU_SHARE * len(run):
            return
        start, end = run[0][0], run[-1][1]
        s, e, new = block_removal(text, start, end)
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        yield self.finding(
            text,
            first,
            end,
            f"Site menu of {len(run)} items",
            suggestion="",
            edits=(Edit(s, e, new),),
            title="Remove the menu",
            confidence=0.9,
        )
