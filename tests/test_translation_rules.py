"""Translation-error rules on the reference article, and the pronoun rules on public evaluation sets (GAP)."""

from __future__ import annotations

import sys

import pytest

from conftest import EXAMPLES, ROOT
from transclean import Pipeline

sys.path.insert(0, str(ROOT / "bench"))


def test_reference_article_translation_errors() -> None:
    text = (EXAMPLES / "reference_article.txt").read_text("utf-8")
    found = {(f.code, f.text) for f in Pipeline().check(text).findings}
    expected = {
        ("TC501", "OECD"),  # the OSCE troika
        ("TC401", "She"),  # She also claimed (Ilham Aliyev)
        ("TC402", "he"),  # for almost 30 years he managed (the Kremlin)
        ("TC601", "Ministry"),  # Foreign Ministry, Sergei ... Lavrov
        ("TC701", "he"),  # on Friday he threatened
        ("TC901", "Nagorno Karabakh"),  # spelt both ways
    }
    assert expected <= found
    debris = {"TC201", "TC202", "TC203", "TC301", "TC303", "TC103"}  # scraper debris, punctuation, lost letters
    others = {f for f in found if f not in expected and f[0] not in debris}
    assert len(others) <= 3, others


@pytest.fixture(scope="module")
def pronoun_figures() -> dict[str, float]:
    from conftest import shared_path

    shared_path("data", "gap-coreference")
    from eval_pronouns import measure

    return measure()


def test_pronoun_false_flags_on_correct_english(pronoun_figures: dict[str, float]) -> None:
    """At most 1 false pronoun flag per 200 paragraphs of correct English (GAP, MT-GenEval)."""
    r = pronoun_figures
    assert r["gap_false_flags"] * 200 <= r["gap_paragraphs"]
    assert r["geneval_false_flags"] * 200 <= r["geneval_sentences"]


def test_pronoun_recall_on_flipped_gap_pronouns(pronoun_figures: dict[str, float]) -> None:
    """Regression floor for recall on GAP pronouns flipped to the other gender.

    The target is 70%; the rules reach about 6.8%, because GAP paragraphs name people of unknown
    gender near most pronouns and the rules stay silent then (docs/evaluation.md). This guards what exists.
    """
    assert pronoun_figures["flagged"] >= 0.05 * pronoun_figures["flipped"]


def test_shipped_places_are_no_persons() -> None:
    """The GeoNames list keeps capitals out of the person mentions, but not common English surnames."""
    from transclean.analysis.mentions import mentions
    from transclean.glossary import Glossary
    from transclean.places import places

    assert {"Ankara", "Athens", "Yerevan"} <= places()
    assert not {"Wilson", "Preston", "Jackson"} & places()
    text = "Okafor said Ankara would talk to Athens."
    assert [m.text for m in mentions(text, Glossary(), [], "en") if m.kind == "person"] == ["Okafor"]


def test_quotation_lookup_agrees_with_a_scan_of_the_line() -> None:
    """The pronoun rules' indexed quotation test answers as scanning the pronoun's line up to QUOTE_REACH
    characters after it would, also for quotations closing past the reach and ``...'' pairs inside them."""
    import random

    from transclean import Document
    from transclean.analysis.sentences import _QUOTES, QUOTE_REACH, in_quotes
    from transclean.context import Context

    def scanned(text: str, start: int) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        cut = text[line_start : start + QUOTE_REACH]
        return any(m.start() < start - line_start < m.end() for m in _QUOTES.finditer(cut))

    pieces = ["word ", "x" * 150, '"', "“", "”", "«", "»", "``", "''", "`", "'", "\n"]
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        ctx = Context(Document(text))
        assert [in_quotes(ctx, i) for i in range(len(text))] == [scanned(text, i) for i in range(len(text))]
