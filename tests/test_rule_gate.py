"""The document gate: a rule's ``trigger`` must match every text the rule finds something in, so that
skipping the rule where it does not match changes no output; the fix-only path gives the same text; and
the shortcuts of the chrome rules give what the scans they skip give."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transclean
from test_properties import SETTINGS, TEXT
from transclean import Config, Document, Pipeline
from transclean.analysis.chrome import BULLET, unbulleted
from transclean.context import Context
from transclean.langdata import language_data
from transclean.pipeline import pipeline_for
from transclean.rules import REGISTRY, Rule
from transclean.rules.boilerplate.tc214_counter_line import _DATE, _FIVE_LETTERS, _UNITS

GATED = sorted((rule for rule in REGISTRY.values() if rule.trigger is not None), key=lambda rule: rule.code)
PIPELINE = Pipeline(profile="all", unsafe_fixes=True)


def _ungated(rule: type[Rule], text: str, language: str | None = "en") -> list[str]:
    """What the rule finds when run without its gate."""
    ctx = Context(Document(text, language=language), None, PIPELINE.glossary)
    return [f.code for f in rule().check(ctx)]


def test_the_cheap_rules_declare_a_gate() -> None:
    assert {"TC101", "TC103", "TC104", "TC201", "TC202", "TC203", "TC301", "TC302", "TC303"} <= {
        rule.code for rule in GATED
    }


@pytest.mark.parametrize("rule", GATED, ids=lambda rule: rule.code)
def test_gate_matches_every_example_that_fires(rule: type[Rule]) -> None:
    examples = rule.must_fire + rule.must_not_fire + rule.known_false_positives
    for example in examples:
        if _ungated(rule, example.plain, example.language):
            assert rule.trigger is not None and rule.trigger.fires(example.plain), example.plain


@SETTINGS
@given(TEXT, st.sampled_from(GATED))
def test_gate_never_skips_a_finding(text: str, rule: type[Rule]) -> None:
    assert rule.trigger is not None
    if not rule.trigger.fires(text):
        assert _ungated(rule, text) == []


@SETTINGS
@given(TEXT)
def test_fix_without_findings_gives_the_same_text(text: str) -> None:
    for pipeline in (Pipeline(), PIPELINE):
        doc = Document(text, language="en")
        fixed = pipeline.process(doc, findings=False)
        assert fixed.text == pipeline.process(doc).text
        assert fixed.findings == fixed.remaining == ()


def test_api_reuses_one_pipeline_per_configuration() -> None:
    assert pipeline_for(Config(select="TC3")) is pipeline_for(Config(select=["TC3"]))
    assert pipeline_for(Config(select="TC3")) is not pipeline_for(Config(select="TC2"))
    assert transclean.fix("Done . .\n", select="TC3") == "Done.\n"


def test_a_changed_user_glossary_gets_a_new_pipeline(tmp_path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text("id\ttype\ten\nkyiv\tplace\tKyiv|Kiev\n", "utf-8")
    first = pipeline_for(Config(glossaries=(str(path),)))
    path.write_text("id\ttype\ten\nkyiv\tplace\tKyiv|Kiev|Kiew\n", "utf-8")
    assert pipeline_for(Config(glossaries=(str(path),))) is not first


FUSED = ["andmembers", "VuongDinh", "Vuong Dinh", "inspectors.During", "NAchairman", "Ministerof", "ofNational",
         "autumn.against", "refugees.- It", "Ph.D", "ami²go", "Смитв", "вМоскве", "dellaSera", "Clara",
         "Presidentedi", "Ministerode", "country.“We", "aresolution"]  # fmt: skip


def _full_scan_agrees(text: str, language: str) -> None:
    """TC304 finds what its scans find without the cheap look before the language."""
    rule = REGISTRY["TC304"]()
    ctx = Context(Document(text, language=language))
    data = language_data(language)["punctuation"]
    assert list(rule.check(ctx)) == [*rule._glued(ctx, data, language), *rule._fused(text, data, language)]


@pytest.mark.parametrize("language", ["en", "it", "ru"])
def test_fused_words_look_before_the_language_keeps_every_fusion(language: str) -> None:
    for text in [*FUSED, *(example.plain for example in REGISTRY["TC304"].must_fire)]:
        _full_scan_agrees(text, language)


@SETTINGS
@given(
    st.one_of(TEXT, st.lists(st.one_of(st.sampled_from(FUSED), st.text(max_size=8)), max_size=12).map(" ".join)),
    st.sampled_from(["en", "it", "ru"]),
)
def test_fused_words_look_before_the_language_never_skips_a_finding(text: str, language: str) -> None:
    _full_scan_agrees(text, language)


#: lines of the shapes the chrome shortcuts below are about: bullets, dashes, units, dates, odd spaces
LINE = st.lists(
    st.one_of(
        st.sampled_from(["•", "-", "–", "—", "*", " ", "\t", "\u00a0", "\x1c", "date", "px", "K", "2024-09-10",
                         "12", "abcde", "Ünter", "é", "²", "_", "↺"]),
        st.text(max_size=6),
    ),
    max_size=12,
).map("".join)  # fmt: skip


@SETTINGS
@given(LINE)
def test_unbulleted_is_the_bullet_sub(line: str) -> None:
    assert unbulleted(line) == BULLET.sub("", line, count=1)


@SETTINGS
@given(LINE)
def test_counter_line_subs_leave_a_letter_of_five_in_a_row(line: str) -> None:
    if _FIVE_LETTERS.search(line):
        assert any(c.isalpha() for c in _UNITS.sub("", _DATE.sub("", line)))


def test_stray_separator_gate_passes_a_first_line_opening_with_a_mark() -> None:
    # a line opening with a comma is the rest of a sentence begun on an earlier line: the first has none
    rule = REGISTRY["TC310"]
    text = ", and so on\nThe end."
    assert rule.trigger is not None and not rule.trigger.fires(text)
    assert _ungated(rule, text) == []
    assert rule.trigger.fires("The end\n, and so on.") and _ungated(rule, "The end\n, and so on.") == ["TC310"]


def test_fused_words_keep_a_bounded_set_of_plain_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from transclean.rules.punctuation import tc304_fused_words as tc304

    monkeypatch.setattr(tc304, "_plain", set())
    monkeypatch.setattr(tc304, "PLAIN_RUNS", 3)
    words = {"house", "water", "people", "andmembers", "Ministerof"}
    asking = tc304._asking(words)
    assert asking == {"andmembers", "Ministerof"} and tc304._plain == words - asking
    assert tc304._asking(words) == asking
    assert tc304._asking({"garden", "river"}) == set() and tc304._plain == {"garden", "river"}  # emptied first
