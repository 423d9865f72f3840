"""Pronoun rules on correct English (false flags) and on GAP paragraphs with one pronoun's gender flipped.

- false flags: TC401/TC402 findings on GAP paragraphs and MT-GenEval's English sentences, all correct text;
- recall: in GAP paragraphs whose pronoun refers to exactly one of its two named candidates, the pronoun is
  flipped to the other gender (she -> he, her -> his or him, ...); the rule must flag that pronoun.

Run: .venv/bin/python bench/eval_pronouns.py
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from common import shared
from transclean import Document, Pipeline

FLIP = {
    "she": "he",
    "he": "she",
    "her": "his",
    "his": "her",
    "him": "her",
    "hers": "his",
    "herself": "himself",
    "himself": "herself",
}


def gap_rows() -> list[dict[str, str]]:
    rows = []
    for name in ("gap-test.tsv", "gap-validation.tsv"):
        with Path(shared("data", "gap-coreference", name)).open(encoding="utf-8") as handle:
            rows += list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows


def geneval_english() -> list[str]:
    folder = shared("data", "mt-geneval")
    lines = []
    for path in sorted(folder.glob("geneval-sentences-*-test.en_*.en")):
        lines += [re.sub(r"</?[FM]>", "", line) for line in path.read_text("utf-8").splitlines()]
    return sorted(set(lines))


def flipped(row: dict[str, str]) -> tuple[str, int, int] | None:
    text, pronoun, offset = row["Text"], row["Pronoun"], int(row["Pronoun-offset"])
    new = FLIP.get(pronoun.lower())
    if new is None or (row["A-coref"] == "TRUE") == (row["B-coref"] == "TRUE"):
        return None
    if pronoun[0].isupper():
        new = new.capitalize()
    return text[:offset] + new + text[offset + len(pronoun) :], offset, offset + len(new)


def measure() -> dict[str, float]:
    pipeline = Pipeline(select=("TC401", "TC402"), language="en")
    rows = gap_rows()
    false_gap = [r["ID"] for r in rows if pipeline.check(Document(r["Text"], language="en")).findings]
    sentences = geneval_english()
    false_geneval = [s for s in sentences if pipeline.check(Document(s, language="en")).findings]
    hits = total = 0
    for row in rows:
        case = flipped(row)
        if case is None:
            continue
        text, start, end = case
        total += 1
        findings = pipeline.check(Document(text, language="en")).findings
        hits += any(f.start == start and f.end == end for f in findings)
    return {
        "gap_paragraphs": len(rows),
        "gap_false_flags": len(false_gap),
        "geneval_sentences": len(sentences),
        "geneval_false_flags": len(false_geneval),
        "flipped": total,
        "flagged": hits,
    }


def main() -> None:
    r = measure()
    print(
        f"false flags on GAP paragraphs: {r['gap_false_flags']} / {r['gap_paragraphs']} "
        f"({200 * r['gap_false_flags'] / r['gap_paragraphs']:.2f} per 200)"
    )
    print(
        f"false flags on MT-GenEval English sentences: {r['geneval_false_flags']} / {r['geneval_sentences']} "
        f"({200 * r['geneval_false_flags'] / r['geneval_sentences']:.2f} per 200)"
    )
    print(f"recall on flipped GAP pronouns: {r['flagged']} / {r['flipped']} ({r['flagged'] / r['flipped']:.1%})")


if __name__ == "__main__":
    sys.exit(main())
