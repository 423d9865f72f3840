"""TC217: non-prose-line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from transclean.analysis.lines import bars, blocks, chrome_probability, frequent_words, line_features, line_model
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register


@register
class NonProseLine(Rule):
    """A line a learned classifier judges to be page template rather than article: short labels, lists, credits.

    ## What it finds
    Runs of lines of the page's header or footer (before the article's first paragraph of running text and
    after its last, `analysis.chrome.edge_zone`) that a logistic model (`data/line_model.json`, trained by
    `bench/train_line_model.py` on annotated real pages, see docs/line-model.md) scores as site chrome. The
    model reads no word of any site: only the line's shape (words, characters, sentence punctuation,
    capitals, digits, symbols, script, indentation, share of the language's most frequent words), its place
    against the article's prose body and its neighbours. It judges only pages with running text in a
    language wordfreq knows, and not a sentence the scraper wrapped over several lines; a last line directly
    after a prose paragraph only when the text ends with a line break after it and the line ends no
    sentence, at a higher score (a paragraph cut off where the text was truncated looks the same as a footer
    label).

    ## Why it matters
    The word-list rules (TC205-TC216) know the labels of the sites they were written from; on unseen sites
    most chrome is worded differently. The shape of a template line (a site's name, a signature, a date
    above the headline, a list of other headlines) generalises where its words do not.

    ## Fix safety
    None: flag only, at info severity (a suggestion, weight 0 in the quality score). A short line of the
    page's header can be a heading the reader needs, and a model's score is no proof: on the 20
    human-written control pages it flagged one line, so its findings ask for a look rather than report an
    error; the safe removals stay with the word-list rules.
    """

    code = "TC217"
    name = "non-prose-line"
    category = Category.BOILERPLATE
    severity = Severity.INFO
    fix = Applicability.NONE
    languages: ClassVar[tuple[str, ...]] = ()  # the features name no word; frequent words come from wordfreq
    # one line has nothing to compare with: the rule needs a prose paragraph and another line
    trigger = Trigger(strings=("\n",))
    must_fire = (
        Example(
            "⟦Daily Post Media\n\nFriday, April 20, 2018⟧\n\n"
            "The minister said on Monday that the talks with the unions would go on next week.\n\n"
            "The unions want a higher wage for the workers of the state railway company.\n\n"
            "⟦Related\n\nWorkers strike again in the north\n\nHome⟧"
        ),
        Example(
            "The minister said on Monday that the talks with the unions would go on next week.\n\n"
            "The unions want a higher wage for the workers of the state railway company.\n\n"
            "⟦Tags: railway, unions\n\nContact us⟧"
        ),
    )  # fmt: skip
    must_not_fire = (
        Example(
            "Talks go on\n\n"
            "The minister said on Monday that the talks with the unions would go on next week.\n\n"
            "The unions want a higher wage for the workers of the state railway company.\n\n"
            "Hydro One in Ontario"
        ),
        Example(
            "Talks go on\n\n"
            "The minister said on Monday that the talks with the unions would go on next week.\n\n"
            "REACTIONS ABROAD\n\n"
            "The unions want a higher wage for the workers of the state railway company."
        ),
        Example("Home | World | Politics\n\nA short line."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        paragraphs = ctx.paragraphs
        if len(paragraphs) < 2 or not any(line.prose for line in ctx.chrome_lines):
            return  # without running text, the template cannot be told from the article
        frequent = frequent_words(ctx.language)
        if frequent is None:
            return  # a language wordfreq does not know: its prose cannot be told by its frequent words
        model = line_model()
        edge = ctx.edge_zone
        text = ctx.text
        bar = bars(paragraphs, edge, text, model["threshold"], model["last_threshold"])
        wanted = [i for i, b in enumerate(bar) if b <= 1.0]
        rows = line_features(paragraphs, frequent, edge, wanted)
        scores = dict(zip(wanted, (chrome_probability(row, model) for row in rows), strict=True))
        chrome = [scores.get(i, 0.0) >= b for i, b in enumerate(bar)]
        for start, end in blocks(paragraphs, chrome):
            block = text[start:end]
            score = max(p for i, p in scores.items() if start <= paragraphs[i][0] < end)
            yield self.finding(
                text,
                start + len(block) - len(block.lstrip()),
                start + len(block.rstrip()),
                "A line shaped like page template, not article prose",
                confidence=round(score, 2),
            )
