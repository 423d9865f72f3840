"""The document gate: a rule's ``trigger`` must match every text the rule finds something in, so that
skipping the rule where it does not match changes no output; the fix-only path gives the same text; and
the shortcuts of the chrome rules give what the scans they skip give."""

from __future__ import annotations

import sys
from itertools import product

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import transclean
from test_properties import SETTINGS, TEXT
from transclean import Config, Document, Pipeline
from transclean.analysis import chrome
from transclean.analysis.chrome import BULLET, SENTENCE_END, ends_sentence, tokens_up_to, unbulleted, widget_language
from transclean.context import Context
from transclean.langdata import language_data
from transclean.pipeline import pipeline_for
from transclean.rules import REGISTRY, Rule
from transclean.rules.base import CASE_CLASSES, GatePlan, Scan
from transclean.rules.boilerplate import (
    tc207_dateline,
    tc208_photo_credit,
    tc211_label_with_headline,
    tc212_site_name,
    tc213_byline,
    tc216_edge_fragment,
)
from transclean.rules.boilerplate.tc214_counter_line import _DATE, _FIVE_LETTERS, _UNITS
from transclean.rules.boilerplate.tc215_agency_tag import _TAG, _may_end_in_tag
from transclean.rules.punctuation import tc304_fused_words

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


#: every trigger string, with pieces that join them into overlapping occurrences (' "' and '" ' in ' " ')
GATE_PIECES = [
    *sorted({s for rule in GATED for s in rule.trigger.strings + rule.trigger.needs}),  # type: ignore[union-attr]
    *(" ", "a", "Ab", "é", "0", '"', "-", ".", ",", "\t", "/", "3rd", "th", "May"),
]


#: one plan for every text: what it keeps per mask must not leak from text to text
PLAN = GatePlan(PIPELINE.rules)


def _plan_agrees(text: str) -> None:
    assert PLAN.rules_for(Scan(text)) == tuple(
        rule for rule in PIPELINE.rules if rule.trigger is None or rule.trigger.fires(text)
    ), text


def test_gate_plan_picks_the_rules_whose_gate_fires_on_every_example() -> None:
    for rule in PIPELINE.rules:
        for example in rule.must_fire + rule.must_not_fire + rule.known_false_positives:
            _plan_agrees(example.plain)
    for string in GATE_PIECES:
        _plan_agrees(string)
        _plan_agrees(f"x{string}y")


@SETTINGS
@given(st.one_of(TEXT, st.lists(st.sampled_from(GATE_PIECES), max_size=12).map("".join)))
def test_gate_plan_picks_the_rules_whose_gate_fires(text: str) -> None:
    _plan_agrees(text)


def test_gate_plan_keeps_a_bounded_number_of_rule_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = GatePlan(PIPELINE.rules)
    monkeypatch.setattr(plan, "KEPT_MASKS", 2)
    for text in ("plain", "a [marker]", "Caf\u00e9 . .", "plain"):
        assert plan.rules_for(Scan(text)) == tuple(
            rule for rule in PIPELINE.rules if rule.trigger is None or rule.trigger.fires(text)
        )
        assert len(plan._picked) <= 2


NEEDING = [rule for rule in GATED if rule.trigger is not None and rule.trigger.needs]


@SETTINGS
@given(st.one_of(TEXT, st.lists(st.sampled_from(GATE_PIECES), max_size=12).map("".join)), st.sampled_from(NEEDING))
def test_a_gate_pattern_matches_only_where_it_needs(text: str, rule: type[Rule]) -> None:
    assert rule.trigger is not None
    if rule.trigger.matches(Scan(text)):
        assert any(string in text for string in rule.trigger.needs), text


def test_a_gate_pattern_on_its_examples_matches_only_where_it_needs() -> None:
    for rule in NEEDING:
        assert rule.trigger is not None
        for example in rule.must_fire + rule.must_not_fire + rule.known_false_positives:
            if rule.trigger.matches(Scan(example.plain)):
                assert any(string in example.plain for string in rule.trigger.needs), example.plain


ASCII_GATED = [rule for rule in GATED if rule.trigger is not None and rule.trigger.ascii is not None]
#: the ASCII characters the gates' classes tell apart, and a few they all lump together
GATE_CHARS = "aAzZf0 \t\n\r.,;:!?\"'-_x("
ASCII_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(GATE_CHARS), max_size=30),
    st.text(alphabet=st.characters(max_codepoint=127), max_size=30),
    st.lists(
        st.sampled_from(["0123456789abcdef", "deadbeef", "if", "If", "IF", " ", "\n", "the", "The"]), max_size=8
    ).map("".join),
)


def _ascii_gate_agrees(rule: type[Rule], text: str) -> None:
    trigger = rule.trigger
    assert trigger is not None and trigger.ascii is not None and trigger.pattern is not None
    assert trigger.ascii.fires(Scan(text)) == (trigger.pattern.search(text) is not None), text


@pytest.mark.parametrize("rule", ASCII_GATED, ids=lambda rule: rule.code)
def test_ascii_gate_fires_where_its_pattern_matches_on_short_texts(rule: type[Rule]) -> None:
    """Every ASCII text of one or two characters, and every text of four characters, one of each class the
    gates tell apart (the longest run of classes a gate reads is "a -a"; runs of sixteen hex digits are left
    to the property test below)."""
    for a in map(chr, range(128)):
        _ascii_gate_agrees(rule, a)
        for b in map(chr, range(128)):
            _ascii_gate_agrees(rule, a + b)
    for chars in product("aZ0 \t\n.,:-\"'!", repeat=4):
        _ascii_gate_agrees(rule, "".join(chars))


@SETTINGS
@given(ASCII_TEXT, st.sampled_from(ASCII_GATED))
def test_ascii_gate_fires_where_its_pattern_matches(text: str, rule: type[Rule]) -> None:
    _ascii_gate_agrees(rule, text)


@SETTINGS
@given(st.one_of(TEXT, ASCII_TEXT, st.text(alphabet="aZé K\u212aİ?-\ud800", max_size=20)))
def test_a_scans_words_are_the_ascii_letter_runs(text: str) -> None:
    runs = regex.findall(r"[A-Za-z]+", text)
    scan = Scan(text)
    assert scan.ascii_runs == runs and scan.ascii_words == [run.lower() for run in runs]


def test_a_scan_answers_as_the_text() -> None:
    scan = Scan("a line\nand a CamelCase")
    assert scan.holds("\n") and scan.holds("\n") and not scan.holds("\r")
    assert b"aAa" in scan.classes(CASE_CLASSES) and scan.classes(CASE_CLASSES).count(b"A") == 2
    assert Scan("to the The Hague").repeats_a_word() and not Scan("the other theme").repeats_a_word()
    assert Scan("A stop.\nRead more\n").ends_a_line_in("e") and not Scan("A stop.\n\n").ends_a_line_in("e")


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


@SETTINGS
@given(st.one_of(TEXT, st.text(alphabet=st.characters(max_codepoint=127))))
def test_fused_words_long_runs_are_the_scans(text: str) -> None:
    runs = tc304_fused_words._runs(Scan(text))
    assert {run for run in runs if len(run) >= tc304_fused_words.LONG_RUN} == set(
        tc304_fused_words._LONG_RUN.findall(text)
    )


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


#: lines of the shapes the line rules' shortcuts are about: stops and closing quotes, separators, brackets,
#: colons between digits, dates, domains, widget words
CHROME_LINE = st.lists(
    st.one_of(
        st.sampled_from([".", "!", "…", '"', "”", ")", "]", ":", "/", "(", "[", "|", " - ", " – ", "-", "»", " ",
                         "\t", "\u00a0", "\x1c", "\n", "12", "15:09", "2022-11-24T11:20:01Z", "(ANSA)", "/Nova",
                         "news.az", "@who", "www.X.PL", "Leave", "a", "Reply", "comments", "The", "%d", "’s", "•",
                         "event_note", "...", "7 min", "(38)", "By", "Maria Rossi / ANSA", "See also", "İ",
                         "LEGGI ANCHE"]),
        st.text(max_size=5),
    ),
    max_size=14,
).map("".join)  # fmt: skip


def test_the_line_shortcuts_read_whitespace_as_the_patterns_do() -> None:
    """The shortcuts strip with str.strip and test str.isspace where the patterns read \\s: every character
    the patterns call a space must be one for str too (the shortcuts then skip nothing the patterns find)."""
    space = regex.compile(r"\s")
    assert all(chr(c).isspace() for c in range(0x10000) if space.match(chr(c)))


def test_only_letters_lower_case_to_ascii_letters() -> None:
    """What word_signature relies on: a line's ASCII letters, lower-cased, are its words' letters."""
    letter = regex.compile(r"[\p{L}\p{M}]")
    for code in range(sys.maxunicode + 1):
        lowered = chr(code).lower()
        if any(c.isascii() and c.isalpha() for c in lowered):
            assert letter.match(chr(code)), hex(code)


@SETTINGS
@given(st.one_of(CHROME_LINE, TEXT))
def test_word_signature_is_the_ascii_letters_of_the_words(line: str) -> None:
    letters = "".join(c for c in " ".join(chrome.words(line)) if c.isascii() and c.isalpha())
    assert chrome.word_signature(line) == letters.encode("ascii")


@SETTINGS
@given(CHROME_LINE)
def test_sentence_end_and_word_count_shortcuts_agree_with_the_scans(line: str) -> None:
    stripped = line.strip()
    assert ends_sentence(stripped) == bool(SENTENCE_END.search(stripped))
    for most in (3, 8, chrome.TOKENS_COUNTED):
        assert tokens_up_to(line, most) == min(len(line.split()), most)


@SETTINGS
@given(CHROME_LINE)
def test_widget_language_read_word_by_word_is_the_whole_line_reading(line: str) -> None:
    found = chrome.words(line)
    expected = None
    if found and len(found) <= chrome.WIDGET_MAX_WORDS:
        glue = chrome.vocabulary("glue")
        for lang, widgets in chrome.vocabulary("widgets").items():
            own = widgets | glue.get(lang, frozenset())
            if all(w in own for w in found) and any(w in widgets for w in found):
                expected = lang
                break
    assert widget_language(line) == expected


def test_a_label_matched_case_insensitively_folds_as_str_casefold() -> None:
    """What TC211's test before its pattern relies on: a character the pattern takes for a label's character,
    case aside, folds alike (str.casefold, the Turkish dotted and dotless i read as "i")."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for x in sorted({c for label in tc211_label_with_headline._LABELS for c in label}):
        for y in regex.findall(f"[{regex.escape(x)}]", everything, regex.IGNORECASE):
            assert tc211_label_with_headline.fold(y) == tc211_label_with_headline.fold(x), (x, y)


NOTICES = sorted(chrome.all_languages("notices"))


@SETTINGS
@given(st.one_of(CHROME_LINE, TEXT, st.lists(st.sampled_from([*NOTICES, " ", "  ", "A", "’s", "\n"])).map("".join)))
def test_has_notice_looks_for_every_phrase(line: str) -> None:
    folded = " ".join(line.lower().replace("’", "'").split())
    assert chrome.has_notice(line) == any(phrase in folded for phrase in NOTICES)


@SETTINGS
@given(CHROME_LINE)
def test_line_rule_scans_run_wherever_they_can_match(line: str) -> None:
    """Each cheap test a line rule asks before a scan holds for every line the scan matches."""
    stripped = line.strip()
    if tc212_site_name._SUFFIX.search(line.rstrip()):
        assert tc212_site_name._spaced_separator(line)
    if "\n" not in line and _TAG.search(line):
        assert _may_end_in_tag(line)
    if tc207_dateline._INLINE.search(line):
        assert tc207_dateline._CLOCK_COLON.search(line)
    if stripped and len(stripped) > tc207_dateline.DATELINE_MAX_CHARS and ":" not in line and stripped[0] != "[":
        assert not tc207_dateline.dateline(line) and not tc207_dateline._BRACKETED.match(line)
    if "\n" not in line and tc208_photo_credit._INLINE.search(line):
        assert line.rstrip(" \t").endswith(")")
    if tc208_photo_credit._SIGNATURE.search(line):
        assert "(" in line and ":" in line
    if chrome._DOMAIN_NAME.search(line):
        assert chrome._DOT_LETTER.search(line)
    if "\n" not in line:
        if tc216_edge_fragment._RELATIVE.fullmatch(line):
            assert len(line.split()) <= 3
        if tc216_edge_fragment._LIGATURE.match(line):
            assert "_" in line
        if tc216_edge_fragment._COUNTED.fullmatch(line):
            assert stripped.endswith(")")
        if tc216_edge_fragment._TEASER.search(line):
            assert stripped.endswith(("...", "…"))
    if tc211_label_with_headline._START.fullmatch(line.rstrip()):
        assert tc211_label_with_headline.may_open_with_label(line)
    if tc213_byline._AGENCY.fullmatch(line):
        assert "/" in line
    # removing a bullet joins at most three tokens into one (TC209 and TC212 count a line's tokens first) and
    # keeps a sentence end (TC205 passes a line that ends a sentence without reading its label)
    bare = unbulleted(line)
    assert len(bare.split()) >= len(line.split()) - 2
    if ends_sentence(stripped):
        assert ends_sentence(bare.strip().rstrip(":*").strip())


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
