"""Offline retranslation with the tiny model built by tests/fixtures/argos/build_model.py.

The model only knows its 24 training sentences (tests/fixtures/argos/corpus.tsv); exact output is asserted
only on them. It is installed through argostranslate's own installer, with every XDG folder in a temp dir.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, offline_env

MODEL = FIXTURES / "argos" / "translate-it_en-0_1.argosmodel"
PAIRS = [line.split("\t") for line in (FIXTURES / "argos" / "corpus.tsv").read_text("utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    pytest.importorskip("argostranslate")
    tmp = tmp_path_factory.mktemp("argos")
    environ = {
        **os.environ,
        "TRANSCLEAN_DATA_DIR": str(tmp / "data"),
        "XDG_DATA_HOME": str(tmp / "xdg"),
        "XDG_CONFIG_HOME": str(tmp / "xdg"),
        "XDG_CACHE_HOME": str(tmp / "cache"),
        # CTranslate2 multiplies with MKL on Intel CPUs and oneDNN on others; their rounding decides which junk
        # beams of the memorising test models finish early. Both models are exact under MKL (it runs on AMD
        # too); only the it->en one is built exact under both (see build_model.py).
        "CT2_USE_MKL": "1",
    }
    proc = run("models", "install", str(MODEL), env=environ)
    assert proc.returncode == 0, proc.stderr
    return environ


def run(*args: str, env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "transclean", *args], capture_output=True, text=True, env=env, input=stdin
    )


def test_trained_sentences_translate_exactly(env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "it.txt"
    source.write_text(f"{PAIRS[0][0]} {PAIRS[4][0]}\n{PAIRS[7][0]}\n", "utf-8")
    proc = run("translate", str(source), "--from", "it", "--to", "en", env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"{PAIRS[0][1]} {PAIRS[4][1]}\n{PAIRS[7][1]}\n"
    every = run(
        "translate",
        "-",
        "--from",
        "it",
        "--to",
        "en",
        "--format",
        "json",
        env=env,
        stdin="\n".join(s for s, _ in PAIRS),
    )
    assert json.loads(every.stdout)["raw"].split("\n") == [t for _, t in PAIRS]


def test_source_is_cleaned_and_glossary_form_enforced(env: dict[str, str], tmp_path: Path) -> None:
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("id\ttype\tit\ten\nminsk\torganization\tGruppo di Minsk\tOSCE Minsk Group|Minsk Group\n")
    source = tmp_path / "it.txt"
    source.write_text("Il Gruppo di Minsk parla con Baku. .\n\n[ad_1]\n", "utf-8")  # debris cleaned first
    proc = run(
        "translate", str(source), "--from", "it", "--to", "en", "--glossary", str(glossary), "--format", "json", env=env
    )
    data = json.loads(proc.stdout)
    assert data["raw"] == "The Minsk Group talks to Baku.\n"  # what the model says
    assert data["text"] == "The OSCE Minsk Group talks to Baku.\n"  # the glossary's form, by the check
    assert [f["code"] for f in data["findings"]] == ["TC901"]
    assert (data["terms_required"], data["terms_found"]) == (2, 1)  # "OSCE Minsk Group" and "Baku"; Baku found
    text = run("translate", str(source), "--from", "it", "--to", "en", "--glossary", str(glossary), env=env)
    assert "check: " in text.stderr and "TC901 terminology" in text.stderr


def test_missing_pair_says_what_to_do(env: dict[str, str]) -> None:
    proc = run("translate", "-", "--from", "fr", "--to", "en", env=env, stdin="Bonjour.")
    assert proc.returncode == 2
    assert "no translation model for fr-en; installed: it-en" in proc.stderr
    assert "transclean models install FILE.argosmodel" in proc.stderr


def test_batched_translation_caches_repeated_sentences(env: dict[str, str]) -> None:
    from transclean.translate import Translator

    translator = Translator("it", "en", env["TRANSCLEAN_DATA_DIR"])
    sources = [s for s, _ in PAIRS] * 3
    assert [h[0] for h in translator.hypotheses(sources)] == [t for _, t in PAIRS] * 3
    assert len(translator.cache) == len(PAIRS)


def test_batch_field_in_field_out(env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "text": s}, ensure_ascii=False) + "\n" for i, (s, _) in enumerate(PAIRS))
        + '{"id": "bad"\n',
        "utf-8",
    )
    proc = run(
        "clean",
        str(src),
        "-o",
        str(tmp_path / "out"),
        "--translate",
        "it:en:text_en",
        "--workers",
        "2",
        "--chunk-size",
        "300",
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    records = [
        json.loads(line)
        for p in sorted((tmp_path / "out").glob("c-*.jsonl"))
        for line in p.read_text("utf-8").splitlines()
    ]
    assert [r["text_en"] for r in records] == [t for _, t in PAIRS]
    assert "25 records in = 24 out + 1 rejected" in proc.stderr


def test_reverse_model_en_it(env: dict[str, str]) -> None:
    proc = run("models", "install", str(FIXTURES / "argos" / "translate-en_it-0_1.argosmodel"), env=env)
    assert proc.returncode == 0, proc.stderr
    assert "en-it" in run("models", "list", env=env).stdout
    out = run("translate", "-", "--from", "en", "--to", "it", env=env, stdin=f"{PAIRS[5][1]} {PAIRS[13][1]}")
    assert out.stdout == f"{PAIRS[5][0]} {PAIRS[13][0]}"


def test_argostranslate_itself_translates_offline_with_the_packaged_splitter(env: dict[str, str]) -> None:
    """argostranslate's own translate() on the installed package: its MiniSBD splitter finds the package's
    minisbd/it.onnx, so nothing is downloaded (every socket connection would raise)."""
    code = (
        "import socket\n"
        "def blocked(*a, **k):\n    raise RuntimeError('network access attempted')\n"
        "socket.socket.connect = blocked\nsocket.create_connection = blocked\n"
        "import argostranslate.translate as t\n"
        f"print(t.translate({PAIRS[0][0] + ' ' + PAIRS[7][0]!r}, 'it', 'en'))\n"
    )
    environ = {**env, "ARGOS_PACKAGES_DIR": str(Path(env["TRANSCLEAN_DATA_DIR"]) / "models")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environ, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == f"{PAIRS[0][1]} {PAIRS[7][1]}"


def test_translate_cli_never_touches_the_network(env: dict[str, str], tmp_path: Path) -> None:
    proc = run("translate", "-", "--from", "it", "--to", "en", env=offline_env(tmp_path, env), stdin=PAIRS[3][0])
    assert proc.returncode == 0 and proc.stdout == PAIRS[3][1], proc.stderr[-2000:]
