"""Train the line classifier of TC217 (non-prose-line) on annotated pages, and measure it leave one site out.

Usage: train_line_model.py FOLDER [--threshold P] [--write] [--rules]

FOLDER holds pages as ``NAME.txt`` with ``NAME.expect.json`` (the format of ../shared/tools/eval_articles.py:
``site``, ``kind`` and ``must_flag`` problems with category, anchor and text). Every non-blank line gets the
features of ``transclean.analysis.lines``; a line is labelled chrome when boilerplate annotations cover at
least half of it, content when no boilerplate annotation touches it (control pages: every line content);
lines with a little chrome inside ("See alsoThe minister ...") are left out of training, as the model judges
whole lines. The model is an L2-regularised logistic regression fitted by Newton's method (numpy only, at
training time; inference is pure Python).

Leave one site out: for every site, a model trained on the other sites scores that site's lines, so the
figures predict unseen sites. Printed per threshold: boilerplate problems flagged (a problem counts when a
flagged line overlaps it), flagged lines with no boilerplate annotation (extra), pages with more than three,
and control-page lines flagged. ``--rules`` adds the union with the word-list rules' findings (run once per
page through the pipeline). ``--write`` fits on all pages and writes ``src/transclean/data/line_model.json``
with the threshold given, and first ``data/frequent_words.json`` (wordfreq's lists the features read).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from transclean.analysis.lines import FEATURES, bars, blocks, frequent_words, line_features
from transclean.context import Context
from transclean.model import Document

DATA = Path(__file__).resolve().parent.parent / "src" / "transclean" / "data"
MODEL_PATH = DATA / "line_model.json"
FREQUENT_PATH = DATA / "frequent_words.json"
#: langcodes distance within which an ISO 639-1 code takes a wordfreq list: a variant of the same language
#: ("no" -> "nb" is 1, "hr" -> "sh" is 9), never a neighbour ("hy" -> "ru" is 44).
SAME_LANGUAGE = 10
#: L2 penalty of the logistic regression (on standardised features); chosen leave one site out from 0.3, 1, 3, 10.
L2 = 0.3
#: a line is chrome for training when annotations cover at least this share of it.
CHROME_COVER = 0.5
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
#: the score a last line right after a prose paragraph must reach (``analysis.lines.bars``), never below the
#: threshold: chosen leave one site out from 0.6, 0.8 and 0.9 (0.6 flags a control page's last line).
LAST_THRESHOLD = 0.8


@dataclass
class Page:
    name: str
    site: str
    control: bool
    text: str
    paragraphs: list[tuple[int, int, str]]
    #: the page header's and footer's paragraphs (``Context.edge_zone``)
    edge: frozenset[int]
    rows: list[list[float]]
    #: annotated boilerplate problems: the spans of each (the annotation and its alternatives)
    chrome: list[list[tuple[int, int]]]
    #: the categories of each boilerplate problem (a finding of any of them counts, as in eval_articles.py)
    categories: list[frozenset[str]]
    labels: list[int] = field(default_factory=list)  # 1 chrome, 0 content, -1 left out


def write_frequent_words() -> None:
    """Write ``data/frequent_words.json``: the most frequent words of every wordfreq language, and the ISO
    639-1 codes that take one of those lists."""
    import langcodes
    from wordfreq import available_languages, top_n_list

    from transclean.analysis.lines import FREQUENT_WORDS

    have = sorted(available_languages())
    codes = (DATA / "iso639-1.txt").read_text("ascii").split()
    aliases = {}
    for code in codes:
        best, _ = langcodes.closest_match(code, have, max_distance=SAME_LANGUAGE)
        if best not in ("und", code):
            aliases[code] = best
    lists = ",\n".join(
        f"{json.dumps(lang)}: {json.dumps(top_n_list(lang, FREQUENT_WORDS), ensure_ascii=False)}" for lang in have
    )
    FREQUENT_PATH.write_text(
        f'{{"aliases": {json.dumps(aliases)},\n"lists": {{\n{lists}\n}}}}\n', "utf-8"
    )  # a language a line


def _spans(text: str, problem: dict) -> list[tuple[int, int]]:
    """Where an annotated problem is in the text: the matching of eval_articles.py (anchor, then text)."""
    found = []
    for place in [problem, *problem.get("alt", [])]:
        a = text.find(place["anchor"])
        if a >= 0:
            s = a + place["anchor"].find(place["text"])
            found.append((s, s + len(place["text"])))
    return found


def load(folder: Path) -> list[Page]:
    """Every annotated page of ``folder`` with its line features and labels."""
    pages = []
    for path in sorted(folder.glob("*.expect.json")):
        expect = json.loads(path.read_text("utf-8"))
        text = (folder / expect["input"]).read_text("utf-8")
        ctx = Context(Document(text))
        paragraphs = ctx.paragraphs
        problems = [p for p in expect["must_flag"] if "boilerplate" in p["category"]]
        chrome = [_spans(text, p) for p in problems]
        page = Page(
            name=path.name.removesuffix(".expect.json"),
            site=expect.get("site") or path.name.split("_")[0],
            control=expect.get("kind") == "control",
            text=text,
            paragraphs=paragraphs,
            edge=ctx.edge_zone,
            rows=line_features(paragraphs, frequent_words(ctx.language) or frozenset(), ctx.edge_zone),
            chrome=chrome,
            categories=[frozenset(p["category"]) for p in problems],
        )
        for start, end, _ in paragraphs:
            covered = sum(max(0, min(end, e) - max(start, s)) for spans in chrome for s, e in spans[:1])
            touched = any(s < end and e > start for spans in chrome for s, e in spans)
            if covered >= CHROME_COVER * (end - start):
                page.labels.append(1)
            else:
                page.labels.append(-1 if touched else 0)
        pages.append(page)
    return pages


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> dict:
    """Logistic regression on standardised features, Newton's method (a few dozen features: exact and fast)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"mean": mean.tolist(), "scale": scale.tolist(), "bias": float(w[0]), "weights": w[1:].tolist()}


def predict(model: dict, rows: list[list[float]]) -> np.ndarray:
    if not rows:
        return np.zeros(0)
    z = (np.asarray(rows) - model["mean"]) / model["scale"] @ np.asarray(model["weights"]) + model["bias"]
    return 1 / (1 + np.exp(-z))


def training_set(pages: list[Page]) -> tuple[np.ndarray, np.ndarray]:
    rows = [r for p in pages for r, label in zip(p.rows, p.labels, strict=True) if label >= 0]
    labels = [label for p in pages for label in p.labels if label >= 0]
    return np.asarray(rows), np.asarray(labels, dtype=float)


def leave_one_site_out(pages: list[Page], l2: float = L2) -> dict[str, np.ndarray]:
    """Out-of-site probabilities for every page's lines: each site scored by a model of the other sites."""
    by_site: dict[str, list[Page]] = defaultdict(list)
    for p in pages:
        by_site[p.site].append(p)
    scores = {}
    for site, own in by_site.items():
        model = fit(*training_set([p for p in pages if p.site != site]), l2)
        for p in own:
            scores[p.name] = predict(model, p.rows)
    return scores


def rule_spans(pages: list[Page]) -> dict[str, list[tuple[int, int, str]]]:
    """The spans and categories of the pipeline's findings on each page, TC217's aside."""
    from transclean import Config, Pipeline

    pipe = Pipeline(Config(ignore=("TC217",)))  # the model file may be stale while features change
    found = {}
    for p in pages:
        result = pipe.process(p.text)
        found[p.name] = [(f.start, f.end, f.category.value) for f in result.findings]
    return found


def score(pages: list[Page], scores: dict[str, np.ndarray], threshold: float, rules: dict | None = None) -> dict:
    """Problems flagged, extra lines, pages over three extras and control lines flagged at ``threshold``."""
    hit = total = extra = over = control_lines = 0
    hit_union = 0
    for p in pages:
        bar = bars(p.paragraphs, p.edge, p.text, threshold, max(threshold, LAST_THRESHOLD))
        flagged = blocks(p.paragraphs, [q >= b for q, b in zip(scores[p.name], bar, strict=True)])
        if p.control:
            control_lines += len(flagged)
        for spans, categories in zip(p.chrome, p.categories, strict=True):
            total += 1
            ok = any(s < fe and e > fs for s, e in spans for fs, fe in flagged)
            hit += ok
            if rules is not None:
                hit_union += ok or any(
                    s < re and e > rs and c in categories for s, e in spans for rs, re, c in rules[p.name]
                )
        # a flagged line over no annotated chrome is an extra finding
        own_extra = sum(not any(s < fe and e > fs for spans in p.chrome for s, e in spans) for fs, fe in flagged)
        extra += own_extra
        over += own_extra > 3
    out = {"threshold": threshold, "flagged": f"{hit}/{total}", "extra": extra, "pages>3": over}
    out["control_lines"] = control_lines
    if rules is not None:
        out["with_rules"] = f"{hit_union}/{total}"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--threshold", type=float, default=None, help="the threshold written with --write")
    parser.add_argument("--write", action="store_true", help="fit on every page and write the model file")
    parser.add_argument("--rules", action="store_true", help="also score the union with the word-list rules")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--show", type=float, default=None, help="print the lines flagged leave one site out at P")
    args = parser.parse_args(argv)
    if args.write:
        write_frequent_words()  # first: the features of the pages read it
    pages = load(args.folder)
    x, y = training_set(pages)
    print(f"{len(pages)} pages, {len({p.site for p in pages})} sites, {len(y)} lines ({int(y.sum())} chrome)")
    rules = rule_spans(pages) if args.rules else None
    if rules is not None:
        print("rules alone:", score(pages, {p.name: np.zeros(len(p.rows)) for p in pages}, 1.0, rules))
    cv = leave_one_site_out(pages, args.l2)
    full = fit(x, y, args.l2)
    fitted = {p.name: predict(full, p.rows) for p in pages}
    for t in THRESHOLDS:
        print("leave one site out", score(pages, cv, t, rules), "| fitted on all", score(pages, fitted, t)["flagged"])
    if args.show is not None:
        for p in pages:
            bar = bars(p.paragraphs, p.edge, p.text, args.show, max(args.show, LAST_THRESHOLD))
            for (*_, line), q, label, b in zip(p.paragraphs, cv[p.name], p.labels, bar, strict=True):
                if (q >= b) != (label == 1):
                    kind = "control" if p.control else ("missed" if label == 1 else "extra" if label == 0 else "part")
                    print(f"{kind:8} {q:.2f} {p.name}: {line[:100]!r}")
    if args.write:
        if args.threshold is None:
            parser.error("--write needs --threshold")
        model = {
            "features": list(FEATURES),
            **full,
            "threshold": args.threshold,
            "last_threshold": max(args.threshold, LAST_THRESHOLD),
            "trained_on": f"{len(pages)} pages, {len({p.site for p in pages})} sites, {len(y)} lines",
        }
        MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
        print(f"wrote {MODEL_PATH}")
        for name, w in sorted(zip(FEATURES, full["weights"], strict=True), key=lambda nw: -abs(nw[1])):
            print(f"  {name:22} {w:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
