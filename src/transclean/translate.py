"""Offline retranslation: clean, split into sentences, translate in batches through the Argos package's
CTranslate2 model, enforce glossary terms, check the output.

Sentence splitting is transclean's own (argostranslate's default splitter downloads a model on first use and
fails offline). Sentences are translated in one batch per call, as argostranslate's beam search does it
(beam 4, length penalty 0.2, 4 hypotheses), and repeated sentences come from a cache. Glossary terms are
enforced by re-ranking the hypotheses (the first that contains every required target term wins), then the
output goes through the chain in the target language, where a glossary's preferred forms are safe fixes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from transclean import argos
from transclean.analysis.sentences import sentences
from transclean.config import Config
from transclean.errors import E, TranscleanError
from transclean.glossary import Glossary
from transclean.model import Document, Finding
from transclean.pipeline import Pipeline, pipeline_for

#: argostranslate's decoding settings, so a model behaves here as it does there.
BEAM_SIZE, HYPOTHESES, LENGTH_PENALTY = 4, 4, 0.2


@dataclass
class Translator:
    """One installed language pair; the model loads on first use. Not shared across processes."""

    from_code: str
    to_code: str
    data_dir: str | os.PathLike[str] | None = None
    cache: dict[str, list[str]] = field(default_factory=dict)

    @cached_property
    def model(self) -> argos.Model:
        for model in argos.installed(self.data_dir):
            if (model.from_code, model.to_code) == (self.from_code, self.to_code):
                return model
        installed = ", ".join(m.pair for m in argos.installed(self.data_dir)) or "none"
        raise TranscleanError(
            E.NO_MODEL,
            what=f"{self.from_code}-{self.to_code}",
            installed=installed,
            store=argos.models_dir(self.data_dir),
        )

    @cached_property
    def _engine(self) -> tuple[Any, Any]:
        try:
            import ctranslate2
            import sentencepiece
        except ImportError:
            raise TranscleanError(
                E.NEEDS_EXTRA, what="translation", package="argostranslate", extra="translate"
            ) from None
        model = self.model
        translator = ctranslate2.Translator(str(model.path / "model"), device="cpu", inter_threads=1)
        return translator, sentencepiece.SentencePieceProcessor(model_file=str(model.path / "sentencepiece.model"))

    def hypotheses(self, batch: list[str]) -> list[list[str]]:
        """The n-best translations of each sentence, best first (cached by sentence)."""
        todo = [s for s in dict.fromkeys(batch) if s not in self.cache]
        if todo:
            translator, sp = self._engine
            results = translator.translate_batch(
                [sp.encode(s, out_type=str) for s in todo],
                beam_size=BEAM_SIZE,
                num_hypotheses=HYPOTHESES,
                length_penalty=LENGTH_PENALTY,
                replace_unknowns=True,
                max_batch_size=32,
            )
            for sentence, result in zip(todo, results, strict=True):
                self.cache[sentence] = [sp.decode(h) for h in result.hypotheses]
        return [self.cache[s] for s in batch]


def required_terms(sentence: str, glossary: Glossary, from_code: str, to_code: str) -> list[str]:
    """Target terms the translation of ``sentence`` must contain: for each glossary form of the source
    language found in it, the concept's preferred target form (or target acronym for an acronym)."""
    terms = []
    for m in glossary.match(sentence):
        for entry in m.entries:
            if entry.lang not in (from_code, "*") or entry.kind == "forbidden":
                continue
            concept = entry.concept
            target = concept.acronym(to_code) if entry.kind == "acronym" else concept.preferred(to_code)
            if target:
                terms.append(target)
                break
    return list(dict.fromkeys(terms))


@dataclass(frozen=True)
class Translation:
    """A translated document: the checked text, the raw translation, the check's findings (offsets into the
    raw translation; safe ones already applied to ``text``), and the glossary term counts."""

    text: str
    raw: str
    findings: tuple[Finding, ...]
    terms_required: int
    terms_found: int


def translate_text(
    text: str,
    translator: Translator,
    *,
    pipeline: Pipeline | None = None,
    rerank: bool = True,
) -> Translation:
    """Clean ``text`` (source language), translate it, enforce glossary terms, and check the result in the
    target language (safe fixes applied, findings returned)."""
    return translate_texts([text], translator, pipeline=pipeline, rerank=rerank)[0]


def translate_texts(
    texts: list[str],
    translator: Translator,
    *,
    pipeline: Pipeline | None = None,
    rerank: bool = True,
) -> list[Translation]:
    """:func:`translate_text` for many documents, with all their sentences in one batch."""
    pipeline = pipeline or pipeline_for(Config())
    glossary = pipeline.glossary()
    source_chain = pipeline_for(pipeline.config.merged(language=translator.from_code))
    target_chain = pipeline_for(pipeline.config.merged(language=translator.to_code))
    layouts: list[list[list[str]]] = []  # per document, per paragraph, its sentences
    for text in texts:
        cleaned = source_chain.process(Document(text, language=translator.from_code), findings=False).text
        layouts.append([[p[a:b].strip() for a, b in sentences(p)] if p.strip() else [] for p in cleaned.split("\n")])
    flat = [s for layout in layouts for paragraph in layout for s in paragraph]
    chosen = iter(_choose(flat, translator.hypotheses(flat), glossary, translator, rerank))
    out = []
    for layout in layouts:
        picked = [[next(chosen) for _ in paragraph] for paragraph in layout]
        output = "\n".join(" ".join(h for h, _, _ in paragraph) for paragraph in picked)
        result = target_chain.process(Document(output, language=translator.to_code))
        required = sum(r for paragraph in picked for _, r, _ in paragraph)
        found = sum(f for paragraph in picked for _, _, f in paragraph)
        out.append(Translation(result.text, output, result.findings, required, found))
    return out


def _choose(
    flat: list[str], nbest: list[list[str]], glossary: Glossary, translator: Translator, rerank: bool
) -> list[tuple[str, int, int]]:
    """For each sentence: the hypothesis kept, how many glossary terms it required, how many it has."""
    chosen = []
    for sentence, hypotheses in zip(flat, nbest, strict=True):
        terms = required_terms(sentence, glossary, translator.from_code, translator.to_code)
        best = hypotheses[0]
        if rerank and terms:
            best = next((h for h in hypotheses if all(t in h for t in terms)), best)
        chosen.append((best, len(terms), sum(t in best for t in terms)))
    return chosen
