"""The Python API as a new user calls it: lists or strings for selectors, what `check` reports, per-file
and inline suppression, configuration discovery."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import transclean
from transclean import Config, Document, Pipeline
from transclean.config import find_config, load_config
from transclean.errors import TranscleanError

SCRAPED = "Body.\n\n[ad_1]\n"


@pytest.mark.parametrize("select", [["TC2"], ("TC2",), "TC2", "TC2,TC3"])
def test_selectors_accept_any_sequence_or_a_string(select: object) -> None:
    """Selectors given as a list or a plain string once raised TypeError (only tuples worked)."""
    assert "TC201" in Pipeline(select=select).codes
    assert transclean.fix(SCRAPED, select=select) == "Body.\n"
    assert "TC201" not in Pipeline(ignore=["TC201"]).codes
    assert Config(ignore="TC1, TC2").ignore == ("TC1", "TC2")
    assert Config(glossaries=Path("g.tsv")).glossaries == ("g.tsv",)


def test_unknown_language_code_is_an_error() -> None:
    with pytest.raises(TranscleanError, match="unknown language code 'xx'"):
        Config(language="xx")


@pytest.mark.parametrize("call", ["fix", "check", "detect"])
def test_a_lone_surrogate_is_a_clear_error(call: str) -> None:
    """A str with a lone surrogate (JSON "\\ud800", a surrogateescape decode) once raised UnicodeEncodeError
    from inside a rule; it now says what and where."""
    with pytest.raises(TranscleanError, match="lone surrogate U\\+D800 at character 12"):
        getattr(Pipeline() if call == "detect" else transclean, call)("The minister\ud800 spoke.")


def test_check_reports_findings_that_appear_after_earlier_fixes() -> None:
    """`check` reports what `fix` would meet: the punctuation error hidden behind mojibake too."""
    codes = {f.code for f in transclean.check("The CafÃ© . .")}
    assert {"TC101", "TC301"} <= codes
    assert Pipeline().check("The CafÃ© . .").text == "The CafÃ© . ."  # the text is not changed


def test_fix_reports_remaining_in_source_offsets() -> None:
    source = "[ad_1]\n\nHe left., then came back.\n"
    result = Pipeline().process(source)
    [left] = [f for f in result.remaining_in_source() if f.code == "TC301"]
    assert source[left.start : left.end] == left.text and left.start > source.index("\n\n")


def test_inline_comment_silences_the_next_paragraph() -> None:
    text = "<!-- transclean: ignore TC3 -->\nHe left . . Then.\n\nShe left . . Then.\n"
    doc = Document(text, metadata={"path": "notes.md"})
    fixed = Pipeline().process(doc).text
    assert "He left . . Then." in fixed and "She left. Then." in fixed
    assert Pipeline().process(Document(text, metadata={"path": "notes.txt"})).text.count(" . .") == 0


def test_per_file_ignores_match_from_the_right() -> None:
    config = Config(per_file_ignores={"drafts/*.txt": ["TC3"]})
    assert "TC301" not in Pipeline(config.for_path("corpus/drafts/a.txt")).codes
    assert "TC301" in Pipeline(config.for_path("corpus/final/a.txt")).codes


def test_config_is_found_in_the_nearest_parent(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.transclean]\nignore = ["TC201"]\n')
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no table: skipped
    assert find_config(tmp_path / "sub" / "deeper") == (tmp_path / "pyproject.toml").resolve()
    assert load_config(tmp_path / "sub" / "deeper").ignore == ("TC201",)
    assert load_config(tmp_path, isolated=True) == Config()
    (tmp_path / "other.toml").write_text('per-file-ignores = { "*.md" = ["TC4"] }\n')
    assert load_config(path=tmp_path / "other.toml").per_file_ignores == (("*.md", ("TC4",)),)


@pytest.mark.parametrize("before", ["", "gc.disable(); "])
def test_import_leaves_the_collector_as_it_found_it(before: str) -> None:
    """The package pauses the cyclic GC while it imports; an application's setting is kept."""
    code = f"import gc; {before}import transclean; print(gc.isenabled())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ("False" if before else "True")
