"""Pipeline behaviour: selection by data, fix safety, idempotence, convergence, picklability."""

from __future__ import annotations

import pickle
from collections.abc import Iterator

import pytest

import transclean
from transclean import Config, Document, Pipeline
from transclean.errors import TranscleanError
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules import REGISTRY, Context, Rule

DIRTY = "Title\n\n\n\n[ad_1]\n\nIl caffÃ¨ Ã¨ buono , disse. . Poi usc\u00ec.\n"


def codes(config: Config) -> list[str]:
    return [rule.code for rule in config.rules()]


def test_default_selection_excludes_opt_in_rules() -> None:
    enabled = codes(Config())
    assert "TC101" in enabled and "TC102" not in enabled


@pytest.mark.parametrize(
    ("config", "expected_in", "expected_out"),
    [
        (Config(select=("TC2",)), {"TC201", "TC203"}, {"TC101", "TC301"}),
        (Config(select=("boilerplate",)), {"TC201"}, {"TC301"}),
        (Config(ignore=("TC2",)), {"TC101"}, {"TC201"}),
        (Config(ignore=("TC2",), extend_select=("TC203",)), {"TC203"}, {"TC201"}),  # more specific wins
        (Config(select=("ALL",)), {"TC102"}, set()),
        (Config(extend_select=("TC102",)), {"TC102", "TC101"}, set()),
        (Config(profile="encoding"), {"TC101"}, {"TC201", "TC102"}),
        (Config(profile="ftfy"), {"TC101", "TC102"}, {"TC201"}),
    ],
)
def test_selection(config: Config, expected_in: set[str], expected_out: set[str]) -> None:
    enabled = set(codes(config))
    assert expected_in <= enabled and not expected_out & enabled


def test_unknown_selector_and_profile_say_where() -> None:
    with pytest.raises(TranscleanError, match=r"'TC0' in pyproject\.toml"):
        Config(select=("TC0",), origin="pyproject.toml").rules()
    with pytest.raises(TranscleanError, match="unknown profile 'nope'"):
        Config(profile="nope").rules()


def test_fix_is_idempotent_and_check_does_not_change_text() -> None:
    once = transclean.fix(DIRTY)
    assert once == "Title\n\nIl caffè è buono, disse. Poi uscì.\n"
    assert transclean.fix(once) == once
    assert transclean.check(once) == []
    assert Pipeline().check(DIRTY).text == DIRTY


def test_findings_of_later_passes_are_in_source_offsets() -> None:
    result = Pipeline().process(DIRTY)
    for f in result.findings:
        assert DIRTY[f.start : f.end] == f.text


class _Unsafe(Rule):
    """Test rule: an unsafe suggestion."""

    code, name, category, severity, fix = "TC998", "test-unsafe", Category.GRAMMAR, Severity.MINOR, Applicability.UNSAFE

    def check(self, ctx: Context) -> Iterator[Finding]:
        i = ctx.text.find("She")
        if i >= 0:
            yield self.finding(ctx.text, i, i + 3, "test", suggestion="He")


class _Flipper(Rule):
    """Test rule: never converges."""

    code, name, category, severity, fix = "TC999", "test-flipper", Category.GRAMMAR, Severity.MINOR, Applicability.SAFE

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield self.finding(ctx.text, 0, 1, "flip", suggestion="b" if ctx.text[0] == "a" else "a")


@pytest.fixture
def test_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(REGISTRY, "TC998", _Unsafe)
    monkeypatch.setitem(REGISTRY, "TC999", _Flipper)


@pytest.mark.usefixtures("test_rules")
def test_unsafe_fixes_only_on_request() -> None:
    assert Pipeline(select=("TC998",)).process("She left.").text == "She left."
    assert Pipeline(select=("TC998",), unsafe_fixes=True).process("She left.").text == "He left."


@pytest.mark.usefixtures("test_rules")
def test_iteration_cap_names_the_rule() -> None:
    result = Pipeline(select=("TC999",), max_iterations=3).process("abc")
    assert not result.converged and result.unconverged == ("TC999",)


def test_pipeline_pickles() -> None:
    pipeline = Pipeline(select=("TC2",))
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone.codes == pipeline.codes
    assert clone.process(DIRTY).text == pipeline.process(DIRTY).text


def test_config_file(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from transclean.config import load_config

    (tmp_path / "pyproject.toml").write_text('[tool.transclean]\nselect = ["TC2"]\nignore = ["TC202"]\n')
    config = load_config(tmp_path)
    expected = sorted(code for code in REGISTRY if code.startswith("TC2") and code != "TC202")
    assert codes(config) == expected and config.origin.endswith("pyproject.toml")
    (tmp_path / "transclean.toml").write_text('selct = ["TC2"]\n')
    with pytest.raises(TranscleanError, match="unknown key 'selct'"):
        load_config(tmp_path)


def test_later_passes_reuse_recoveries(monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged word left as it was (an ambiguous recovery) is not recovered again in the pass that follows
    another rule's fix: the passes over one document share a memo keyed by source offsets."""
    from transclean.rules.encoding import tc103_lost_character as lost

    calls: list[str] = []
    real = lost.recover

    def counting(token: str, **kwargs: object) -> object:
        calls.append(token)
        return real(token, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lost, "recover", counting)
    text = "Her name was Tom?s. . Then she left."
    result = Pipeline(select=("TC103", "TC301")).process(text)
    assert result.text == "Her name was Tom?s. Then she left."  # TC301 fixed, "Tom?s" only suggested
    assert len(result.document.log) == 1  # two passes: TC301's fix, then a pass that finds nothing to fix
    assert calls == ["Tom?s", "Tom?s"]  # the first pass ranks it, then re-ranks with the name's languages


def test_chosen_edits_overlap_test_agrees_with_pairwise_comparison() -> None:
    """The indexed overlap test of fix selection answers as comparing with every chosen edit would: spans
    sharing a character, an insertion strictly inside a span, two insertions at one point."""
    import random

    from transclean.model import Edit
    from transclean.pipeline import _Taken

    def pairwise(a: Edit, b: Edit) -> bool:
        if a.start == a.end == b.start == b.end:
            return True
        return a.start < b.end and b.start < a.end

    rng = random.Random(3)
    for _ in range(200):
        taken, chosen = _Taken(), []
        for _ in range(30):
            start = rng.randrange(40)
            edit = Edit(start, start + rng.choice((0, 0, 1, 2, 5)), "")
            assert taken.overlaps(edit) == any(pairwise(edit, b) for b in chosen)
            if not taken.overlaps(edit):
                taken.add(edit)
                chosen.append(edit)


def test_language_is_the_sources_whichever_pass_asks() -> None:
    source = "Il governo ha annunciato nuove misure per le famiglie e le imprese."
    later = Document(source).replace(text="The government announced new measures for families and firms.")
    assert Context(later, memo={}).language == "it"  # first asked in a later pass: still the source's
    repaired = Document("Ciao!").replace(text=source)
    assert Context(repaired, memo={}).language == "it"  # a source too short to tell: the pass's text
