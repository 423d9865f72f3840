"""The learned line classifier behind TC217: its model file, its features and its blocks."""

from __future__ import annotations

import math

from transclean.analysis.chrome import edge_zone
from transclean.analysis.lines import FEATURES, bars, blocks, frequent_words, line_features, line_model
from transclean.context import Context
from transclean.model import Document

PAGE = [
    (0, 16, "Daily Post Media"),
    (18, 100, "The minister said on Monday that the talks with the unions would go on next week."),
    (102, 112, "Contact us"),
    (114, 122, "About us"),
]


def test_model_file_matches_the_features() -> None:
    model = line_model()
    assert tuple(model["features"]) == FEATURES
    assert len(model["weights"]) == len(model["mean"]) == len(model["scale"]) == len(FEATURES)
    assert 0 < model["threshold"] <= model["last_threshold"] < 1


def test_one_row_per_line_in_feature_order() -> None:
    rows = line_features(PAGE, frequent_words("en") or frozenset(), edge_zone(PAGE))
    assert len(rows) == len(PAGE)
    assert all(len(row) == len(FEATURES) for row in rows)


def test_a_language_without_word_frequencies_is_not_judged() -> None:
    assert frequent_words("en")
    assert frequent_words("am") is None  # Amharic: wordfreq has no list, and English is no stand-in
    assert frequent_words("no") == frequent_words("nb")  # a variant takes its language's list


def _judged(paragraphs: list[tuple[int, int, str]], text: str = "\n") -> list[bool]:
    return [b < 1 for b in bars(paragraphs, edge_zone(paragraphs), text, 0.6, 0.8)]


def test_a_sentence_wrapped_over_lines_is_not_judged() -> None:
    wrapped = [
        *PAGE[:2],
        (102, 145, "Vaccines will go to the nursing homes and the"),
        (146, 171, "elderly first, he said."),
    ]
    assert _judged(wrapped)[2:] == [False, False]


def test_two_short_lines_are_a_list_not_a_wrapped_sentence() -> None:
    listed = [*PAGE[:2], (102, 108, "2 days"), (109, 120, "recommended"), (121, 132, "dziennik.pl")]
    assert _judged(listed)[2:] == [True, True, True]


def test_consecutive_chrome_lines_are_one_block() -> None:
    assert blocks(PAGE, [True, False, True, True]) == [(0, 16), (102, 122)]


def test_only_header_and_footer_lines_are_judged() -> None:
    assert _judged(PAGE) == [True, False, True, True]


def test_a_last_line_after_prose_is_judged_only_where_the_text_was_not_cut() -> None:
    prose = PAGE[1][2]
    whole = Context(Document(f"Daily Post Media\n{prose}\nSource link\n")).paragraphs
    assert bars(whole, edge_zone(whole), f"Daily Post Media\n{prose}\nSource link\n", 0.6, 0.8) == [0.6, math.inf, 0.8]
    for text in (
        f"Daily Post Media\n{prose}\nSource link",
        f"Daily Post Media\n{prose}\nHydro One in Ontario \n",
        f"Daily Post Media\n{prose}\nLavrov called for a ceasefire.\n",  # a short last paragraph
    ):
        cut = Context(Document(text)).paragraphs  # truncated there (no line break, a space), or a sentence
        assert _judged(cut, text) == [True, False, False]
