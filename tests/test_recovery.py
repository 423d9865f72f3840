"""Lost characters (TC103/TC104): recovery, conventions, lists, and silence on correct text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import transclean
from conftest import shared_path
from transclean import Pipeline
from transclean.analysis.recovery import _fits, _fixed_ends, plausible_code_pages, recover, recovery_inputs
from transclean.lexicon import skeleton


def test_reference_patronymic_is_recovered_and_normalised() -> None:
    text = "The Russian Foreign Ministry, Sergei Viktorovi? Lavrov called for a ceasefire."
    assert "Sergei Viktorovich Lavrov" in transclean.fix(text, language="en")
    # Without a glossary the word list still knows the Czech-style spelling, but only suggests it.
    result = Pipeline(shipped_glossaries=False, language="en").process(text)
    assert result.text == text
    assert [f.suggestion for f in result.remaining if f.code == "TC103"] == ["Viktorovič"]


def test_real_question_marks_stay() -> None:
    for text in (
        "Is it Lavrov? Yes.",
        "Who won? Nobody knows.",
        "Really?!",
        "Was it Dvořák? No, Smetana.",
        "Voir https://example.org/?page=2&q=x",
        "¿Qué pasa? Nada.",
    ):
        assert transclean.fix(text) == text
        assert not [f for f in transclean.check(text) if f.code == "TC103"]


def test_name_list_without_context() -> None:
    names = "Anton?n Dvo??k\n?ukasz Piszczek\nFran?ois Hollande\n"  # 7-bit: every accented letter lost
    assert transclean.fix(names) == "Antonín Dvořák\nŁukasz Piszczek\nFrançois Hollande\n"


def test_utf8_double_replacement_and_fffd() -> None:
    assert recover("Dvo\ufffd\ufffdák").best.word == "dvořák"  # one 2-byte letter, one U+FFFD per byte
    assert transclean.fix("La canci\ufffdn del verano es buena.") == "La canción del verano es buena."


def test_code_page_constraint() -> None:
    assert plausible_code_pages("")[0] == "ascii"
    assert "cp1252" not in plausible_code_pages("ł")
    # In a cp1252 text, a letter cp1252 can hold cannot have been lost.
    assert all("â" not in c.word for c in recover("Am?nat", code_pages=("cp1252",)).candidates)


def test_dropped_c1_bytes_in_cyrillic() -> None:
    original = "Сергей Лавров прибыл в Россию. Нагорный Карабах."
    damaged = original.encode("utf-8").decode("cp1252", errors="ignore")
    assert transclean.fix(damaged) == original


def test_no_false_recoveries_on_clean_text_with_question_marks() -> None:
    """Correct English and Russian text with real question marks (MLQE-PE post-edits and sources, trafilatura's
    scraped pages): no TC103/TC104 finding at all."""
    folder = shared_path("data", "mlqe-pe", "ru-en-dev")
    lines = (folder / "dev.pe").read_text("utf-8") + (folder / "dev.src").read_text("utf-8")
    lines += shared_path("data", "trafilatura-eval", "evaldata-full.json").read_text("utf-8")
    questions = [line for line in lines.splitlines() if "?" in line][:400]
    assert len(questions) >= 20
    pipeline = Pipeline(select=("TC103", "TC104"))
    flagged = [line for line in questions if pipeline.check(line).findings]
    assert flagged == []


def test_surnames_from_name_lists() -> None:
    """names-dataset's surnames are in the lexicon, tagged as names, and a list of names recovers them:
    Turkish dotless i inside a word, a lost capital after a first name."""
    from transclean.lexicon import lexicon

    assert "name:sl" in lexicon().candidates("?inkovec")["šinkovec"]
    # Misspellings from social-network profiles are filtered by each language's alphabet: Spanish has no "à".
    assert "name:es" not in lexicon().candidates("gonz?lez").get("gonzàlez", {})
    assert transclean.fix("Zora ?estak\nErseç Y?ld?r?m\n") == "Zora Šestak\nErseç Yıldırım\n"


def test_word_lists_only_for_their_own_language() -> None:
    """A language wordfreq lacks has no list (Waray raised, Esperanto got English); Croatian uses Serbo-Croatian's."""
    from transclean.lexicon import zipf

    assert zipf("ang", "war") == 0.0 and zipf("la", "eo") == 0.0
    assert zipf("kuća", "hr") > 4
    # A document in a language without a list still recovers from the other languages' lists.
    assert transclean.fix("Antonín Dvo?ák", language="war") == "Antonín Dvořák"


def test_dropped_byte_in_cp1251() -> None:
    """UTF-8 read as cp1251 loses 0x98, the second byte of "И": ftfy alone leaves "Рванов"."""
    for original in ("Министр Иванов заявил", "Италия и Иран", "Југославија"):
        assert transclean.fix(original.encode("utf-8").decode("cp1251", errors="ignore")) == original
    damaged = "Иван Петров.\n" + "Сергей Иванович".encode().decode("cp1251", errors="ignore")
    assert transclean.fix(damaged) == "Иван Петров.\nСергей Иванович"
    assert transclean.fix("Россия и Франция. Иван Рванов") == "Россия и Франция. Иван Рванов"


def test_batch_builds_the_lexicon_once_in_a_child(tmp_path, monkeypatch) -> None:
    """A missing lexicon cache is built by one child process before the workers start, not by each worker."""
    import subprocess

    from transclean import lexicon

    calls: list[list[str]] = []
    monkeypatch.setattr(subprocess, "run", lambda command, **_: calls.append(command))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon.ensure_cache()
    assert len(calls) == 1 and "lexicon()" in calls[0][-1] and "first_names()" in calls[0][-1]
    lexicon._cache_path().parent.mkdir(parents=True)
    lexicon._cache_path().write_bytes(b"")
    lexicon.ensure_cache()
    assert len(calls) == 2  # its line index and the first-name table are missing
    lexicon._index_path(lexicon._cache_path()).write_bytes(b"")
    lexicon._first_names_path().write_bytes(b"")
    lexicon.ensure_cache()
    assert len(calls) == 2  # present: nothing to do


def test_damaged_names_in_sentences_leave_the_rest_alone() -> None:
    """The whole default chain around damaged names: a '?' opening a word keeps its space (TC302), a word
    restored by TC103 is not re-read as mojibake by ftfy (TC101), a name after a lower-case word keeps
    its capital, and two letters lost side by side in UTF-8 are read as two."""
    pipeline = Pipeline(language="en")
    assert pipeline.process("On Monday U?ur ?ahin told reporters.").text == "On Monday U?ur Şahin told reporters."
    text = "On Monday Tobi\ufffd\ufffd\ufffd\ufffd Lep\ufffd\ufffd\ufffd\ufffdk told reporters."
    assert pipeline.process(text).text.startswith("On Monday Tobiáš Lep\ufffd")
    assert "by ákos" not in pipeline.process("The delegation was led by \ufffd\ufffdkos Pap.").text
    assert recover("Wa\ufffd\ufffd\ufffd\ufffdsa").best.word == "wałęsa"


@settings(deadline=None)
@given(
    st.text(alphabet="аоеiIΣσς?\ufffdİß", max_size=6),
    st.text(alphabet="аоеiIΣσς?\ufffdİß", max_size=6),
)
def test_fixed_ends_keep_every_fitting_word(reading: str, word: str) -> None:
    """The look at a word's ends before :func:`_fits` passes every word that fits."""
    head, tail = _fixed_ends(reading)
    restored = "".join("а" if c in "?\ufffd" else c.lower() for c in reading)  # fits, unless lower() grows
    for candidate in (word, restored):
        if _fits(reading, candidate):
            assert candidate.startswith(head) and candidate.endswith(tail)


@settings(deadline=None, max_examples=60)
@given(st.sets(st.sampled_from(["москва", "привет", "масква", "мосева", "дво?ак", "møller", "moller", "mëller"])))
def test_a_token_s_fitting_words_decide_its_recovery(extra: set[str]) -> None:
    """Words of the document that the token cannot be change nothing in its recovery."""
    for token in ("Мо\ufffdква", "M?ller", "Dvo?ák"):
        base = {"москва", "møller"}
        words = [base, base | extra]
        indexes = [{} for _ in words]
        for index, group in zip(indexes, words, strict=True):
            for word in group:
                index.setdefault(skeleton(word), set()).add(word)
        if recovery_inputs(token, (), indexes[0], None) == recovery_inputs(token, (), indexes[1], None):
            assert recover(token, document_words=indexes[0]) == recover(token, document_words=indexes[1])
