"""Retranslation: batched vs sentence-by-sentence decoding, the cost of glossary enforcement, and the
terminology success rate of each enforcement method, on the tiny test model (tests/fixtures/argos).

The model only knows its 24 training sentences, so the figures measure the mechanics (batching, re-ranking
cost), not translation quality. Terminology success (as in the WMT terminology task): of the source terms
found, the share whose target term is in the output.

Run: .venv/bin/python bench/bench_translate.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "tests" / "fixtures" / "argos" / "translate-it_en-0_1.argosmodel"
PAIRS = [line.split("\t") for line in (MODEL.parent / "corpus.tsv").read_text("utf-8").splitlines() if line]
GLOSSARY = """id\ttype\tit\ten\tacronym:it\tacronym:en
minsk\torganization\tGruppo di Minsk\tOSCE Minsk Group|Minsk Group\t\t
oecd\torganization\t\t\tOCSE\tOECD
osce\torganization\t\t\tOSCE\tOSCE
nato\torganization\t\t\tNATO\tNATO
ec\torganization\tCommissione europea\tEuropean Commission\t\t
"""


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ.update(
        {
            "TRANSCLEAN_DATA_DIR": str(tmp / "data"),
            "XDG_DATA_HOME": str(tmp / "x"),
            "XDG_CONFIG_HOME": str(tmp / "x"),
            "XDG_CACHE_HOME": str(tmp / "c"),
        }
    )
    subprocess.run(
        [sys.executable, "-m", "transclean", "models", "install", str(MODEL)], check=True, capture_output=True
    )
    from transclean import Pipeline
    from transclean.translate import Translator, translate_texts

    (tmp / "terms.tsv").write_text(GLOSSARY, "utf-8")
    pipeline = Pipeline(glossaries=(str(tmp / "terms.tsv"),), shipped_glossaries=False)
    documents = [" ".join(s for s, _ in PAIRS[i : i + 4]) for i in range(0, len(PAIRS), 4)] * 20

    def timed(fn) -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    translator = Translator("it", "en")
    translator.hypotheses([PAIRS[0][0]])  # load the model before timing

    def batched(rerank: bool) -> None:
        translator.cache.clear()
        translate_texts(documents, translator, pipeline=pipeline, rerank=rerank)

    def one_by_one() -> None:
        for document in documents:
            for sentence in [s for s, _ in PAIRS if s in document]:
                translator.cache.clear()
                translator.hypotheses([sentence])

    t_batch = min(timed(lambda: batched(False)) for _ in range(3))
    t_rerank = min(timed(lambda: batched(True)) for _ in range(3))
    t_single = min(timed(one_by_one) for _ in range(3))
    distinct = [s for s, _ in PAIRS]

    def single_calls() -> None:
        for sentence in distinct:
            translator.cache.clear()
            translator.hypotheses([sentence])

    def one_batch() -> None:
        translator.cache.clear()
        translator.hypotheses(distinct)

    t_single24 = min(timed(single_calls) for _ in range(3))
    t_batch24 = min(timed(one_batch) for _ in range(3))
    print(
        f"24 distinct sentences: one call each {t_single24:.2f} s, one batch {t_batch24:.2f} s "
        f"= {t_single24 / t_batch24:.1f}x faster (batching alone)"
    )
    sentences = sum(len(d.split(". ")) for d in documents)
    print(f"{len(documents)} documents, {sentences} sentences (24 distinct)")
    print(
        f"sentence by sentence, no cache: {t_single:.2f} s; batched + cached: {t_batch:.2f} s "
        f"= {t_single / t_batch:.1f}x faster"
    )
    print(f"glossary re-ranking costs {t_rerank / t_batch:.2f}x plain batched decoding")

    single = [[s for s, _ in PAIRS]]
    plain = translate_texts([" ".join(single[0])], translator, pipeline=pipeline, rerank=False)[0]
    ranked = translate_texts([" ".join(single[0])], translator, pipeline=pipeline, rerank=True)[0]

    def success(text: str) -> str:
        terms = ["OSCE Minsk Group", "OECD", "OSCE", "NATO", "European Commission"]
        return f"{sum(t in text for t in terms)}/{len(terms)}"

    print("terminology success (5 source terms in the 24 sentences):")
    print(f"  best hypothesis: {success(plain.raw)}")
    print(f"  n-best re-ranking: {success(ranked.raw)}")
    print(f"  re-ranking + post-translation check (TC901 with the glossary): {success(ranked.text)}")
    masked = translator.hypotheses(["Il TERM0 parla con Baku."])[0][0].strip()
    print(f"  placeholder masking: the model turns 'Il TERM0 parla con Baku.' into {masked[:40]!r}")


if __name__ == "__main__":
    main()
