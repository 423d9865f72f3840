"""Glossaries: format, validation with positions, TBX round trip, matching, rules and CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from transclean import Document, Pipeline
from transclean.glossary import (
    Concept,
    Glossary,
    GlossaryError,
    load_glossary,
    shipped_glossary_paths,
    to_tbx,
    to_tsv,
)

BROKEN = FIXTURES / "glossaries" / "broken.tsv"
ENGINEERING = FIXTURES / "glossaries" / "engineering.tsv"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "transclean", *args], capture_output=True, text=True)


def test_broken_glossary_is_rejected_whole_with_positions() -> None:
    with pytest.raises(GlossaryError) as info:
        load_glossary(BROKEN)
    messages = [str(i) for i in info.value.issues]
    path = str(BROKEN)
    assert f"{path}:1:6: error: unknown column 'xx' (not a field or ISO 639-1 code)" in messages
    assert f"{path}:3:1: error: duplicate id 'acme' (first on line 2)" in messages
    assert f"{path}:3:4: error: empty variant in 'Acme Holdings||Acme H'" in messages
    assert f"{path}:4:3: error: unknown gender 'tall'; expected one of female, male, other" in messages
    assert f"{path}:5:1: error: row has no term in any language" in messages


def test_cli_glossary_check() -> None:
    shipped = [str(p) for p in shipped_glossary_paths()]
    assert len(shipped) == 3
    ok = run("glossary", "check", *shipped)
    assert ok.returncode == 0, ok.stderr
    bad = run("glossary", "check", str(BROKEN))
    assert bad.returncode == 1 and "broken.tsv:3:4: error: empty variant" in bad.stderr


def test_shipped_glossaries_content() -> None:
    glossary = Glossary([c for p in shipped_glossary_paths() for c in load_glossary(p).concepts])
    orgs = [c for c in glossary.concepts if c.type == "organization"]
    assert len(orgs) >= 60
    by_id = glossary.by_id()
    assert by_id["oecd"].acronym("it") == "OCSE" and by_id["osce"].acronym("it") == "OSCE"
    assert by_id["who"].acronym("es") == "OMS" and by_id["nato"].acronym("fr") == "OTAN"
    assert by_id["sergey-lavrov"].gender == "male" and by_id["angela-merkel"].gender == "female"
    assert by_id["nagorno-karabakh"].preferred("en") == "Nagorno-Karabakh"
    for lang in ("en", "it", "es", "fr", "de", "ru", "pt"):
        assert by_id["osce"].acronym(lang) and by_id["osce"].preferred(lang)


def test_tsv_and_tbx_round_trip(tmp_path: Path) -> None:
    original = load_glossary(ROOT / "glossaries" / "organizations.tsv")
    tbx = tmp_path / "orgs.tbx"
    tbx.write_text(to_tbx(original), "utf-8")
    back = load_glossary(tbx)
    tsv = tmp_path / "orgs.tsv"
    tsv.write_text(to_tsv(back), "utf-8")
    again = load_glossary(tsv)
    for a, b in zip(original.concepts, again.concepts, strict=True):
        assert (a.id, a.type, a.terms, a.context) == (b.id, b.type, b.terms, b.context)
        assert {k: v for k, v in a.forbidden.items()} == b.forbidden
        for lang in a.terms:
            assert a.acronym(lang) == b.acronym(lang)


def test_tbx_import_of_tbx2_term_entries(tmp_path: Path) -> None:
    tbx = tmp_path / "v2.tbx"
    tbx.write_text(
        '<martif type="TBX"><text><body><termEntry id="c1">'
        '<langSet xml:lang="en"><tig><term>gear box</term></tig>'
        '<tig><term>gearbox</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>'
        '<tig><term>gear-case</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>'
        '</langSet><langSet xml:lang="de-DE"><tig><term>Getriebe</term></tig></langSet>'
        "</termEntry></body></text></martif>",
        "utf-8",
    )
    (concept,) = load_glossary(tbx).concepts
    assert concept.terms == {"en": ("gearbox", "gear box"), "de": ("Getriebe",)}
    assert concept.forbidden == {"en": ("gear-case",)}
    bad = tmp_path / "bad.tbx"
    bad.write_text("<tbx><text>\n<body></text>", "utf-8")
    with pytest.raises(GlossaryError, match=r"bad\.tbx:2:\d+: error: invalid XML"):
        load_glossary(bad)


def test_matching_folds_case_and_diacritics_at_word_boundaries() -> None:
    glossary = Glossary(
        [
            Concept("zurich", "place", terms={"en": ("Zürich",)}),
            Concept("osce", "organization", acronyms={"en": ("OSCE",)}),
            Concept("moscow", "place", terms={"ru": ("Москва",), "zh": ("莫斯科",)}),
        ]
    )
    text = "ZURICH and zurich; osce, OSCE; Москва, Москвавия; 在莫斯科的会议; Zürichsee"
    found = [(m.text, m.entries[0].concept.id) for m in glossary.match(text)]
    assert found == [
        ("ZURICH", "zurich"),
        ("zurich", "zurich"),
        ("OSCE", "osce"),
        ("Москва", "moscow"),
        ("莫斯科", "moscow"),
    ]


def test_variant_prefilter_finds_every_variant_match() -> None:
    glossary = Glossary([Concept("kyiv", "place", terms={"en": ("Kyiv", "Kiev")})])
    assert (
        glossary.may_have_variant("talks in KÍEV") and glossary.match("talks in KÍEV")[0].entries[0].kind == "variant"
    )
    assert glossary.may_have_variant("Kievan Rus") and not glossary.match("Kievan Rus")  # boundaries are match's
    assert not glossary.may_have_variant("talks in Kyiv") and not Glossary().may_have_variant("Kiev")


def test_user_glossary_is_enforced_and_forbidden_flagged() -> None:
    pipeline = Pipeline(glossaries=(str(ENGINEERING),), language="en")
    text = "Replace the flux-valve before the turbine test. The flux vane is worn."
    result = pipeline.process(Document(text, language="en"))
    assert result.text == "Replace the flux valve before the turbine test. The flux vane is worn."
    assert [f.code for f in result.remaining] == ["TC902"]
    assert result.remaining[0].suggestion == "flux valve"


def test_config_file_lists_glossaries(tmp_path: Path) -> None:
    (tmp_path / "transclean.toml").write_text(f'glossaries = ["{ENGINEERING}"]\n')
    proc = subprocess.run(
        [sys.executable, "-m", "transclean", "fix", "--language", "en", "-"],
        input="Check the flux-valve today, before the engine starts.\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.stdout == "Check the flux valve today, before the engine starts.\n"


def test_glossary_show() -> None:
    out = run("glossary", "show", "OCSE").stdout
    assert "oecd (organization)" in out and "it: Organizzazione per la cooperazione e lo sviluppo economico" in out
    assert run("glossary", "show", "no such thing").returncode == 1


def test_missing_glossary_file_is_a_clear_error() -> None:
    proc = run("check", "--glossary", "nope.tsv", "-")
    assert proc.returncode == 2 and "nope.tsv: no such file" in proc.stderr


def test_reference_article_nagorno_karabakh_is_normalised() -> None:
    text = (ROOT / "examples" / "reference_article.txt").read_text("utf-8")
    fixed = Pipeline().process(text).text
    assert "Nagorno Karabakh" not in fixed and fixed.count("Nagorno-Karabakh") == 3
