"""A learned line classifier: how much a line of a page looks like template (chrome) rather than article prose.

The word-list chrome rules (TC205-TC216) recognise a site's labels; on unseen sites they miss most chrome
because every site words its widgets differently. This module describes each non-blank line by features that
name no word of any site: its size, its punctuation, its share of the language's most frequent words, its
capitals, digits and symbols, its place against the article's prose body and its neighbours. A logistic
model over these features, trained on annotated pages by ``bench/train_line_model.py`` (provenance in
docs/line-model.md), turns them into a probability. Inference is pure Python: one pass over the lines, one
dot product per line, so its cost is linear in the document and needs no numpy at run time.
"""

from __future__ import annotations

import json
import math
import string
from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from transclean.analysis.chrome import BULLET, ends_sentence, is_prose

#: the package's data folder (a path, as elsewhere: importlib.resources cost every start 0.006 s)
_DATA = Path(__file__).parent.parent / "data"

#: the language's most frequent words a line of prose is made of ("the", "of", "that"); chrome lines have few.
FREQUENT_WORDS = 200

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_LINK_SIGN = regex.compile(r"https?://|www\.|@|#|\||\.(?:com|net|org|html?)\b", regex.IGNORECASE)
_DIGIT = regex.compile(r"\d")
#: a sentence ends inside the line and another begins: running text, even when the scraper wrapped it
#: into short lines ("rules. Vaccination").
_INNER_STOP = regex.compile(r"\p{Ll}[.!?][\"'”’»)]*\s+[\"'“‘«(]*\p{Lu}")
_SYMBOL = regex.compile(r"[^\p{L}\p{M}\d\s]")
#: runs of letters of one script: a line in another script than the page's ("승인", "أخبار") is seldom prose.
_SCRIPTS = ("Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Han", "Hangul", "Hiragana", "Katakana", "Thai",
            "Devanagari", "Armenian", "Georgian")  # fmt: skip
_SCRIPT_RUN = regex.compile("|".join(f"(?P<{name}>\\p{{{name}}}+)" for name in _SCRIPTS))

#: feature names, in the order of the model's weights (the model file lists them too and must agree).
FEATURES: tuple[str, ...] = (
    "log_tokens",
    "log_chars",
    "sentence_end",
    "capitalised_share",
    "upper_share",
    "digit_share",
    "symbol_share",
    "frequent_share",
    "comma_per_token",
    "no_letters",
    "lower_start",
    "has_colon",
    "ends_colon",
    "indented",
    "inner_stop",
    "link_sign",
    "bullet",
    "other_script_share",
    "prose",
    "header",
    "footer",
    "log_distance",
    "relative_length",
    "repeated",
    "first_line",
    "position",
    "prev_prose",
    "next_prose",
    "prev_log_tokens",
    "next_log_tokens",
    "prev_frequent_share",
    "next_frequent_share",
    "next_lower_start",
)


#: where the own features a neighbour lends (:func:`_lent`) are in a row
_TOKENS, _FREQUENT, _LOWER = (
    FEATURES.index("log_tokens"),
    FEATURES.index("frequent_share"),
    FEATURES.index("lower_start"),
)


@lru_cache(maxsize=1)
def _frequent_table() -> dict[str, Any]:
    """``data/frequent_words.json``: ``lists`` (wordfreq language -> its most frequent words) and ``aliases``
    (ISO 639-1 code -> the wordfreq list of the same language, "no" -> "nb"). Shipped as data, written by
    ``bench/train_line_model.py --write``: importing wordfreq and reading a list cost a cold check 0.3 s."""
    raw = (_DATA / "frequent_words.json").read_text("utf-8")
    table: dict[str, Any] = json.loads(raw)
    return table


@lru_cache(maxsize=16)
def frequent_words(lang: str | None) -> frozenset[str] | None:
    """The ``FREQUENT_WORDS`` most frequent words of ``lang`` (wordfreq's list of that language); None when
    wordfreq has none: without them prose and chrome look alike, so the page is not judged."""
    table = _frequent_table()
    code = table["aliases"].get(lang or "en", lang or "en")
    found = table["lists"].get(code)
    return frozenset(found) if found else None


#: the ASCII letters, all of the Latin script: an ASCII line's letters are counted without the scan
_ASCII_LETTERS = bytes(string.ascii_letters, "ascii")


def _scripts(line: str) -> dict[str, int]:
    """Letters of ``line`` by script (the scripts of ``_SCRIPTS``)."""
    if line.isascii():
        latin = len(line) - len(line.encode("ascii").translate(None, _ASCII_LETTERS))
        return {"Latin": latin} if latin else {}
    counts: dict[str, int] = {}
    for m in _SCRIPT_RUN.finditer(line):
        counts[m.lastgroup or ""] = counts.get(m.lastgroup or "", 0) + len(m[0])
    return counts


def _frequent_share(found: list[str], frequent: frozenset[str]) -> float:
    """The share of the line's words (``found``, lower-cased) among the language's most frequent."""
    return sum(w in frequent for w in found) / max(len(found), 1)


def _lower_start(stripped: str) -> float:
    """Whether the first letter of ``stripped`` (the line without its bullet) is lower-case."""
    return float(next((c for c in stripped if c.isalpha()), "").islower())


def _lent(line: str, frequent: frozenset[str]) -> tuple[float, float, float]:
    """The features ``line`` lends its neighbours' rows (log_tokens, frequent_share, lower_start), as
    :func:`_own` computes them: alone for a neighbour that is not judged, often the article's first long
    paragraph, whose own row costs five scans of it more."""
    found = [w.lower() for w in _WORD.findall(line)]
    stripped = BULLET.sub("", line, count=1).strip()
    return math.log1p(len(line.split())), _frequent_share(found, frequent), _lower_start(stripped)


def _own(line: str, frequent: frozenset[str]) -> list[float]:
    """The features of ``line`` that need no other line (its script share needs the page's, added later)."""
    tokens = line.split()
    n = len(tokens)
    chars = len(line)
    raw = _WORD.findall(line)
    found = [w.lower() for w in raw]
    lettered = [t for t in tokens if _WORD.search(t)]
    stripped = BULLET.sub("", line, count=1).strip()
    return [
        math.log1p(n),
        math.log1p(chars),
        float(ends_sentence(line.strip())),
        sum(t[0].isupper() for t in lettered if t[0].isalpha()) / max(len(lettered), 1),
        sum(w.isupper() and len(w) > 1 for w in raw) / max(len(found), 1),
        len(_DIGIT.findall(line)) / max(chars, 1),
        len(_SYMBOL.findall(line)) / max(chars, 1),
        _frequent_share(found, frequent),
        line.count(",") / max(n, 1),
        float(not found),
        _lower_start(stripped),
        float(":" in line),
        float(line.rstrip().endswith(":")),
        float(line[:1].isspace()),
        float(bool(_INNER_STOP.search(line))),
        float(bool(_LINK_SIGN.search(line))),
        float(bool(BULLET.match(line)) and stripped != line.strip()),
    ]


#: characters of prose lines whose letters decide the page's main script: a bounded sample, as telling
#: scripts apart costs about a microsecond a character here.
SCRIPT_SAMPLE = 500


def _main_script(lines: list[str], prose: list[bool]) -> str:
    """The script most letters of the page's prose are in, from its first ``SCRIPT_SAMPLE`` characters."""
    totals: dict[str, int] = {}
    seen = 0
    for line, p in zip(lines, prose, strict=True):
        if p and seen < SCRIPT_SAMPLE:
            for name, n in _scripts(line[: SCRIPT_SAMPLE - seen]).items():
                totals[name] = totals.get(name, 0) + n
            seen += len(line)
    return max(totals, key=totals.__getitem__) if totals else ""


def line_features(
    paragraphs: list[tuple[int, int, str]],
    frequent: frozenset[str],
    edge: Collection[int],
    wanted: Sequence[int] | None = None,
) -> list[list[float]]:
    """Feature rows, in the order of ``FEATURES``, for the paragraphs (non-blank lines) of index ``wanted``
    (all when None); ``frequent`` is the document language's :func:`frequent_words`, ``edge`` the indices of
    the page header and footer (``analysis.chrome.edge_zone``, computed once per pass by ``Context``).

    Linear in the document: the prose body, the median length and the repeated lines are computed once; the
    costlier features of a line's own text only for the lines wanted and their neighbours (the rule wants
    the header and footer, not the article's paragraphs).
    """
    if not paragraphs:
        return []
    lines = [line for *_, line in paragraphs]
    rows_wanted = set(range(len(lines)) if wanted is None else wanted)
    own: dict[int, list[float]] = {}
    lent: dict[int, tuple[float, float, float]] = {}

    def own_at(i: int) -> list[float]:
        if i not in own:
            own[i] = _own(lines[i], frequent)
        return own[i]

    def lent_at(i: int) -> tuple[float, float, float]:
        if i in rows_wanted:
            row = own_at(i)
            return row[_TOKENS], row[_FREQUENT], row[_LOWER]
        if i not in lent:
            lent[i] = _lent(lines[i], frequent)
        return lent[i]

    prose = [is_prose(line) for line in lines]
    main = _main_script(lines, prose)
    has_prose = any(prose)
    first_prose = prose.index(True) if has_prose else len(lines)
    # distance to the nearest prose line, two sweeps
    far = len(lines)
    distance = [far] * len(lines)
    last = None
    for i, p in enumerate(prose):
        last = i if p else last
        if last is not None:
            distance[i] = i - last
    last = None
    for i in range(len(lines) - 1, -1, -1):
        last = i if prose[i] else last
        if last is not None:
            distance[i] = min(distance[i], last - i)
    lengths = sorted(len(line) for line in lines)
    median = lengths[len(lengths) // 2]
    counts: dict[str, int] = {}
    for line in lines:
        key = line.strip()
        counts[key] = counts.get(key, 0) + 1
    rows = []
    last_index = len(lines) - 1
    for i in range(len(lines)) if wanted is None else wanted:
        line = lines[i]
        prev_lent = lent_at(i - 1) if i else None
        next_lent = lent_at(i + 1) if i < last_index else None
        scripts = _scripts(line)
        letters = sum(scripts.values())
        rows.append(
            [
                *own_at(i),
                (letters - scripts.get(main, 0)) / max(letters, 1),
                float(prose[i]),
                float(i in edge and i < first_prose),
                float(i in edge and i >= first_prose),
                math.log1p(distance[i]),
                math.log((len(line) + 1) / (median + 1)),
                float(counts[line.strip()] > 1),
                float(i == 0),
                i / max(last_index, 1),
                float(prose[i - 1]) if i else 0.0,
                float(prose[i + 1]) if i < last_index else 0.0,
                prev_lent[0] if prev_lent else 0.0,
                next_lent[0] if next_lent else 0.0,
                prev_lent[1] if prev_lent else 0.0,
                next_lent[1] if next_lent else 0.0,
                next_lent[2] if next_lent else 0.0,
            ]
        )
    return rows


@lru_cache(maxsize=1)
def line_model() -> dict[str, Any]:
    """The trained model (``data/line_model.json``): feature names, scaling, weights, bias, thresholds."""
    raw = (_DATA / "line_model.json").read_text("utf-8")
    model: dict[str, Any] = json.loads(raw)
    if tuple(model["features"]) != FEATURES:
        raise ValueError("data/line_model.json was trained on other features: rerun bench/train_line_model.py")
    return model


def chrome_probability(row: list[float], model: dict[str, Any]) -> float:
    """The model's probability that the line of ``row`` is chrome (logistic regression on scaled features)."""
    z = model["bias"]
    for x, mean, scale, w in zip(row, model["mean"], model["scale"], model["weights"], strict=True):
        z += w * (x - mean) / scale
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


#: a line opens with a lower-case word ("and", "rules."), not with a name written in lower case such as a
#: domain ("dziennik.pl 3 weeks ago"), which a scraper's wrap never begins with.
_LOWER_WORD = regex.compile(r"\p{Ll}[\p{L}\p{M}'’-]*(?:\.?(?:\s|$)|[,;:!?])")
#: characters one of two lines must reach for the second to continue the first's sentence: a scraper wraps
#: running text at a width (70-80 characters on the real pages), so one of the two fills it; two short lines
#: ("2 days" above "recommended") are a list, not a wrapped sentence.
WRAP_WIDTH = 40


def bars(
    paragraphs: list[tuple[int, int, str]], edge: Collection[int], text: str, threshold: float, last: float
) -> list[float]:
    """The score each line must reach to be flagged (infinite: not judged): ``threshold`` for the lines of
    the page's header and footer (``edge``, as for :func:`line_features`), ``last`` for a last line right
    after a prose paragraph, which is judged only when ``text`` ends with a line break after it;
    not a sentence wrapped over lines.

    Between the article's paragraphs, short lines are mostly its own subheadings ("CITY REACTION", a quoted
    headline): on dev pages, left out site by site, judging them found 14 more problems (6 beyond the
    word-list rules) for 9 more extra findings. A line that continues a sentence (it opens with a lower-case
    word after a line with no sentence end, one of the two at least ``WRAP_WIDTH`` long, or the next line
    does so after it) is running text the scraper wrapped ("their second shots. The"); the model, trained on
    pages with one paragraph per line, reads its pieces as short labels. A last line directly after a prose
    paragraph is often the article's last paragraph cut off where the text was truncated ("Hydro One in
    Ontario", "The c", "Prime Minister Viktor Orbá" on clean and dev pages, all in texts that end without a
    line break or with a space), which has the shape of a footer label; a text that ends with a line break
    after a line without trailing space was not cut there, so its last line ("Source link", "Bir yanıt
    yazın") is judged, at the higher bar ``last`` (a truncated text may still end with a line break), unless
    it ends a sentence: a short last paragraph ("Lavrov called for a ceasefire.") is the article's.
    """
    lines = [line.strip() for *_, line in paragraphs]
    ends = [ends_sentence(line) for line in lines]
    lower = [bool(_LOWER_WORD.match(line)) for line in lines]

    def continues(i: int) -> bool:
        return lower[i] and not ends[i - 1] and max(len(lines[i - 1]), len(lines[i])) >= WRAP_WIDTH

    out = [
        math.inf if (i and continues(i)) or (i + 1 < len(lines) and continues(i + 1)) or i not in edge else threshold
        for i in range(len(lines))
    ]
    if len(paragraphs) >= 2 and is_prose(paragraphs[-2][2]):
        cut = "\n" not in text[paragraphs[-1][1] :] or paragraphs[-1][2][-1:].isspace()
        out[-1] = math.inf if cut or ends[-1] or out[-1] == math.inf else last
    return out


def blocks(paragraphs: list[tuple[int, int, str]], chrome: list[bool]) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of consecutive lines judged chrome: a template block ("10 hours" under
    "10 hours") is one finding, not one per line."""
    found: list[tuple[int, int]] = []
    for i, ((start, end, _), is_chrome) in enumerate(zip(paragraphs, chrome, strict=True)):
        if not is_chrome:
            continue
        if found and chrome[i - 1]:
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
    return found
