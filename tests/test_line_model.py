"""The learned line classifier behind TC217: its model file, its features and its blocks."""

from __future__ import annotations

from transclean.analysis.chrome import edge_zone
from transclean.analysis.lines import FEATURES, blocks, frequent_words, judged, line_features, line_model

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
    assert 0 < model["threshold"] < 1


def test_one_row_per_line_in_feature_order() -> None:
    rows = line_features(PAGE, frequent_words("en") or frozenset(), edge_zone(PAGE))
    assert len(rows) == len(PAGE)
    assert all(len(row) == len(FEATURES) for row in rows)


def test_a_language_without_word_frequencies_is_not_judged() -> None:
    assert frequent_words("en")
    assert frequent_words("am") is None  # Amharic: wordfreq has no list, and English is no stand-in
    assert frequent_words("no") == frequent_words("nb")  # a variant takes its language's list


def test_a_sentence_wrapped_over_lines_is_not_judged() -> None:
    wrapped = [*PAGE[:2], (102, 124, "Vaccines will go to the"), (125, 150, "elderly first, he said.")]
    assert judged(wrapped, edge_zone(wrapped))[2:] == [False, False]


def test_consecutive_chrome_lines_are_one_block() -> None:
    assert blocks(PAGE, [True, False, True, True]) == [(0, 16), (102, 122)]


def test_only_header_and_footer_lines_are_judged() -> None:
    assert judged(PAGE, edge_zone(PAGE)) == [True, False, True, True]


def test_a_last_line_after_prose_is_left_to_the_word_lists() -> None:
    cut = [*PAGE[:2], (102, 122, "Hydro One in Ontario")]
    assert judged(cut, edge_zone(cut)) == [True, False, False]
