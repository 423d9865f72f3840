"""The corpus profile: lost letters read from the corpus, site templates removed, and what learning costs.

1. ``recovery``: held-out names (Faker's per-country lists, as in bench_recovery.py: not the names-dataset
   lists of transclean's lexicon), each the subject of one short news document per mention. A name is
   written intact in ``i`` documents and damaged in ``d`` others ('?' for every accented letter: 7-bit
   replacement), for several (i, d). Counted per damaged word after ``transclean clean``, with and without
   the learning pass: exact, wrong (changed to another word), abstained (left damaged).
2. ``templates``: a synthetic multi-site corpus (template lines written for this benchmark, filled with the
   site's name, each in 60-100% of its site's documents; content lines are sentences of GAP's Wikipedia
   paragraphs; every site has a quotation and a plain sentence each repeated in three documents, and
   template-free sites) and a corpus built from ../shared/data/trafilatura-eval (a page's ``without``
   snippets, real navigation and footer text, as its site's template lines in 80% of 30 documents;
   ``with`` snippets of other pages, real article text, as content). TC204 alone, after the learning pass.
3. ``cost``: ``transclean clean`` with and without the learning pass on a larger synthetic corpus, wall time
   and peak memory (``ru_maxrss``) of each run.

Run: .venv/bin/python bench/bench_profile.py [--names 400] [--cost-mb 8]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex

from bench_recovery import people
from common import shared
from transclean import Config, Document, Pipeline
from transclean.batch import Options, clean, process_chunk
from transclean.batch.formats import plan_chunks
from transclean.corpus import CorpusProfile, save_profile
from transclean.corpus.learn import learn_chunk

WORD = regex.compile(r"[\p{L}\p{M}?\ufffd]+")
NEWS = (
    "{} arrived in the capital on Monday for talks with the government.\nThe meeting lasted three hours.",
    "The committee heard {} on Tuesday.\nA decision is expected next month.",
    "Speaking after the vote, {} thanked the delegates.\nThe session then closed.",
    "The award went to {} this year.\nThe ceremony took place in the old town hall.",
)
RATIOS = ((3, 1), (1, 1), (1, 3), (0, 1))


def damage(name: str) -> str:
    return name.encode("ascii", "replace").decode("ascii")


def recovery(limit: int, workdir: Path) -> None:
    sample = people()
    random.Random(11).shuffle(sample)
    sample = sample[:limit]
    print(f"\n## Lost letters: {len(sample)} held-out names, every accented letter lost to '?'\n")
    print("| intact : damaged mentions | learning | damaged words | exact | wrong | abstained |")
    print("|---|---|---|---|---|---|")
    for intact, damaged in RATIOS:
        rows, originals = [], []
        for i, name in enumerate(sample):
            for k in range(intact + damaged):
                original = NEWS[(i + k) % len(NEWS)].format(name)
                rows.append(
                    {"id": len(rows), "text": original.replace(name, damage(name)) if k >= intact else original}
                )
                originals.append(original)
        src = workdir / f"names-{intact}-{damaged}.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        for learn in (False, True):
            out = workdir / f"names-{intact}-{damaged}-{learn}"
            clean([str(src)], out, options=Options(learn=learn, id_field="id"))
            texts = {}
            for path in sorted(out.glob("names-*.jsonl")):
                for line in path.read_text("utf-8").splitlines():
                    record = json.loads(line)
                    texts[record["id"]] = record["text"]
            exact = wrong = abstained = 0
            for row, original in zip(rows, originals, strict=True):
                after_words = WORD.findall(texts[row["id"]])
                # strict=False: no recovery adds or removes a word, so the three lists align
                words = zip(WORD.findall(original), WORD.findall(str(row["text"])), after_words, strict=False)
                for truth, before, after in words:
                    if before == truth:
                        continue  # an undamaged word
                    if after == truth:
                        exact += 1
                    elif "?" in after:
                        abstained += 1
                    else:
                        wrong += 1
            total = exact + wrong + abstained
            print(
                f"| {intact} : {damaged} | {'yes' if learn else 'no'} | {total} | {exact / total:.1%} | "
                f"{wrong / total:.2%} | {abstained / total:.1%} |"
            )


SITE_TEMPLATES = (
    "Follow {site} on Telegram for breaking news.",
    "© 2024 {site}. All rights reserved.",
    "Subscribe to the {site} newsletter",
    "Read more stories on {site}.com",
    "Share this article: Facebook | X | WhatsApp",
    "Advertisement",
    "Download the {site} app for iOS and Android.",
)


def gap_sentences() -> list[str]:
    rows = shared("data", "gap-coreference", "gap-test.tsv").read_text("utf-8").splitlines()[1:]
    found = []
    for row in rows:
        found += [s.strip() for s in regex.split(r"(?<=[.!?])\s+(?=[A-Z])", row.split("\t")[1]) if len(s) > 30]
    return sorted(set(found))


def synthetic_sites(rng: random.Random, sites: int = 30, docs: int = 40) -> list[dict[str, object]]:
    """Documents with their lines labelled: ("template" | "content" | "quote" | "shared", line)."""
    content = gap_sentences()
    out: list[dict[str, object]] = []
    for s in range(sites + 10):
        site = f"Site{s}News"
        templated = s < sites
        lines = rng.sample(SITE_TEMPLATES, 4) if templated else []
        shares = {t: rng.choice((0.6, 0.8, 1.0)) for t in lines}
        quote = f'The spokesperson told reporters: "{rng.choice(content)}"'
        shared_sentence = rng.choice(content)
        repeated = set(rng.sample(range(docs), 3))
        for d in range(docs):
            body = [("content", x) for x in rng.sample(content, rng.randint(3, 8))]
            if d in repeated:
                body.insert(1, ("quote", quote))
                body.insert(2, ("shared", shared_sentence))
            tail = [("template", t.format(site=site)) for t in lines if rng.random() < shares[t]]
            out.append({"group": site, "lines": body + tail, "templated": templated})
    return out


def trafilatura_sites(rng: random.Random, docs: int = 30) -> list[dict[str, object]]:
    data = json.loads(shared("data", "trafilatura-eval", "evaldata-full.json").read_text("utf-8"))
    pages = [v for v in data.values() if len(v.get("without", [])) >= 2 and v.get("with")]
    content = sorted({s for v in data.values() for s in v.get("with", []) if "\n" not in s and s.strip()})
    out: list[dict[str, object]] = []
    for p, page in enumerate(pages):
        template = [s for s in dict.fromkeys(page["without"]) if "\n" not in s and s.strip()]
        for _ in range(docs):
            body = [("content", x) for x in rng.sample(content, rng.randint(4, 8))]
            tail = [("template", t) for t in template if rng.random() < 0.8]
            out.append({"group": f"page{p}", "lines": body + tail, "templated": True})
    return out


def template_scores(label: str, documents: list[dict[str, object]], workdir: Path) -> None:
    profile = CorpusProfile()
    texts = ["\n".join(line for _, line in doc["lines"]) + "\n" for doc in documents]  # type: ignore[union-attr]
    for doc, text in zip(documents, texts, strict=True):
        profile.learn(text, str(doc["group"]), "en")
    path = workdir / f"{label}.json.gz"
    save_profile(profile, path)
    pipeline = Pipeline(Config(select=("TC204",), corpus_profile=str(path)))
    counts: dict[str, list[int]] = {}
    identical = untouched = 0
    for doc, text in zip(documents, texts, strict=True):
        out = pipeline.process(Document(text, metadata={"group": doc["group"]})).text
        left = out.split("\n")
        for kind, line in doc["lines"]:  # type: ignore[union-attr]
            kept = line in left
            counts.setdefault(kind, [0, 0])[0 if kept else 1] += 1
        if not doc["templated"]:
            untouched += 1
            identical += out == text
    removed = {k: v[1] for k, v in counts.items()}
    total = {k: sum(v) for k, v in counts.items()}
    all_removed = sum(removed.values())
    print(f"\n## Template lines: {label} ({len(documents)} documents, {len({d['group'] for d in documents})} groups)\n")
    print("| lines | count | removed |")
    print("|---|---|---|")
    for kind in sorted(total):
        print(f"| {kind} | {total[kind]} | {removed[kind]} ({removed[kind] / total[kind]:.1%}) |")
    precision = removed.get("template", 0) / all_removed if all_removed else 1.0
    print(f"\nprecision {precision:.1%}, recall {removed.get('template', 0) / total['template']:.1%}")
    if untouched:
        print(f"template-free documents byte-identical: {identical} of {untouched}")


def cost(megabytes: float, workdir: Path) -> None:
    rng = random.Random(13)
    docs, size = [], 0
    names = people()
    while size < megabytes * 1e6:
        for doc in synthetic_sites(rng, sites=20, docs=30):
            lines = [line for _, line in doc["lines"]]  # type: ignore[union-attr]
            if rng.random() < 0.1:
                lines.insert(0, damage(rng.choice(names)) + " said so.")
            text = "\n".join(lines)
            docs.append({"url": f"https://{str(doc['group']).lower()}.test/{len(docs)}", "text": text})
            size += len(text.encode())
    src = workdir / "cost.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    print(f"\n## Cost: {size / 1e6:.1f} MB, {len(docs)} documents, one worker\n")
    print("| run | wall s | peak RSS MB |")
    print("|---|---|---|")
    for label, extra in (("clean --no-learn", ["--no-learn"]), ("clean (learning pass + cleaning)", [])):
        out = workdir / f"cost-{len(extra)}"
        start = time.perf_counter()
        cmd = [sys.executable, "-m", "transclean", "clean", str(src), "-o", str(out), "-q", *extra]
        child = subprocess.Popen(cmd)
        _, status, usage = os.wait4(child.pid, 0)  # this run's own peak, not the largest child's so far
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            sys.exit(f"{' '.join(cmd)} failed with {child.returncode}")
        wall = time.perf_counter() - start
        peak = usage.ru_maxrss
        print(f"| {label} | {wall:.1f} | {peak / 1024:.0f} |")
    # The difference of the two runs is noisy on a shared machine: time the passes themselves, in turn.
    chunks = plan_chunks({src: src.name})
    (workdir / "passes" / ".learn").mkdir(parents=True)
    tmpdir = workdir / "passes" / ".tmp"
    tmpdir.mkdir()
    start = time.perf_counter()
    for chunk in chunks:
        learn_chunk(chunk, Options(), str(workdir / "passes"), str(tmpdir))
    learning = time.perf_counter() - start
    options = Options(config=Config(corpus_profile=str(workdir / "cost-0" / "profile.json.gz")))
    (workdir / "passes" / ".done").mkdir()
    (workdir / "passes" / "rejects").mkdir()
    start = time.perf_counter()
    for chunk in chunks:
        process_chunk(chunk, options, str(workdir / "passes"), str(tmpdir))
    cleaning = time.perf_counter() - start
    print(f"\nlearning pass {learning:.1f} s, cleaning pass {cleaning:.1f} s: {learning / cleaning:.2f}x")
    profile = workdir / "cost-0" / "profile.json.gz"
    print(f"profile: {profile.stat().st_size / 1e3:.0f} KB on disk")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", type=int, default=400)
    parser.add_argument("--cost-mb", type=float, default=8.0)
    parser.add_argument("--only", choices=("recovery", "templates", "cost"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.only in (None, "recovery"):
            recovery(args.names, work)
        if args.only in (None, "templates"):
            rng = random.Random(17)
            template_scores("synthetic sites", synthetic_sites(rng), work)
            template_scores("trafilatura-eval snippets", trafilatura_sites(rng), work)
        if args.only in (None, "cost"):
            cost(args.cost_mb, work)


if __name__ == "__main__":
    main()
