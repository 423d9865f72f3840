"""Invariants over arbitrary Unicode text (hypothesis): check and fix never raise, fix is idempotent, every
finding points at its text, the edit log rebuilds output and input, and text without findings is untouched."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transclean import Document, Pipeline

PIPELINE = Pipeline()
# Text that exercises the rules: scraper markers, mojibake, lost letters, punctuation, names, pronouns.
PIECES = st.sampled_from(
    [
        "[ad_1]",
        "\n",
        "\n\n\n",
        " . .",
        ",,",
        " ,",
        "Ã©",
        "Ð¡Ñ",
        "Ñ",
        "?",
        "\ufffd",
        "Dvo?ák",
        "Viktorovi?",
        "Read also\n\nA headline\n\n",
        "rep",
        "She",
        "he",
        "Ilham Aliyev",
        "OECD",
        "troika",
        "Minsk Group",
        "Nagorno Karabakh",
        "Nagorno-Karabakh",
        "Foreign Ministry, ",
        "on Friday he said",
        "«",
        "»",
        "“",
        "”",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=25).map("".join)
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # examples: from the profile


@SETTINGS
@given(TEXT)
def test_invariants(text: str) -> None:
    doc = PIPELINE.check(Document(text, language="en"))
    for f in doc.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
    result = PIPELINE.process(Document(text, language="en"))
    assert result.log.replay(text) == result.text
    assert result.log.undo(result.text) == text
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    again = PIPELINE.process(Document(result.text, language="en"))
    assert again.text == result.text  # fix(fix(x)) == fix(x)
    if not doc.findings:
        assert result.text == text


@SETTINGS
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    result = PIPELINE.process(text)
    assert result.log.undo(result.text) == text
    assert PIPELINE.process(result.text).text == result.text
