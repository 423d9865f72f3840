"""Lost-character recovery: exact recoveries, wrong changes and abstentions on real names, corrupted the
ways legacy systems corrupt them.

Two sets of real text, neither used to build transclean's lexicons:

- ``places``: pycountry's subdivision names (place names of every country, many transliterated from
  Arabic or Persian with macrons that no word list has);
- ``names``: capitalised words with accented letters from the evaluation sets in ../shared/data
  (Wikipedia persons in GAP, MT-GenEval's Spanish, French and Italian sides, WMT MQM's German side);
- ``people``: "First Last" names from Faker's per-country name lists (a source independent of the
  names-dataset package in transclean's lexicon), up to 40 per locale, at least one accented word each.

Corruptions:

- ``cp1252?``: encoded to Windows-1252 with '?' replacement (letters outside Western Europe lost);
- ``latin1?``: ISO-8859-1 with '?' replacement;
- ``ascii?``: 7-bit with '?' replacement (every accented letter lost);
- ``utf8-fffd``: UTF-8 bytes decoded as ASCII with replacement (one U+FFFD per byte).

Each name is one line of a list (no sentence context, language unknown) run through ``transclean fix``'s
lost-character rule. Counted per damaged word: exact, the word is restored; wrong, it was changed to
another word; abstained, left damaged (flagged, with the suggestion counted when it is right).

Run: .venv/bin/python bench/bench_recovery.py [--limit N]
"""

from __future__ import annotations

import argparse
import random
import time

import pycountry
import regex

from common import shared
from transclean import Pipeline

WORD = regex.compile(r"[\p{L}\p{M}?\ufffd]+")

CORRUPTIONS = {
    "cp1252?": lambda s: s.encode("cp1252", "replace").decode("cp1252"),
    "latin1?": lambda s: s.encode("latin-1", "replace").decode("latin-1"),
    "ascii?": lambda s: s.encode("ascii", "replace").decode("ascii"),
    "utf8-fffd": lambda s: s.encode("utf-8").decode("ascii", "replace"),
}


def names(limit: int) -> list[str]:
    """Subdivision names with at least one letter beyond ASCII, deduplicated, in a fixed random order."""
    found = sorted({s.name for s in pycountry.subdivisions if not s.name.isascii() and s.name.isprintable()})
    latin = [n for n in found if all(c.isascii() or "\u00c0" <= c <= "\u024f" or not c.isalpha() for c in n)]
    random.Random(3).shuffle(latin)
    return latin[:limit]


def _faker_names(locale: str, kind: str) -> list[str]:
    """First or last names of a Faker locale with only Latin letters."""
    import importlib

    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    found: set[str] = set()
    for suffix in ("", "_male", "_female"):
        value = provider.__dict__.get(f"{kind}_names{suffix}", ())
        if isinstance(value, (dict, list, tuple)):
            found.update(value)
    return sorted(n for n in found if n.isalpha() and all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in n))


def people(per_locale: int = 40) -> list[str]:
    """'First Last' lines from Faker's name lists of every locale written in Latin letters, each with at
    least one accented word, paired in a fixed random order."""
    import pkgutil

    import faker.providers.person as person

    rng = random.Random(7)
    lines = []
    for locale in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        firsts, lasts = _faker_names(locale, "first"), _faker_names(locale, "last")
        if not firsts or not lasts:
            continue
        pairs = {f"{rng.choice(firsts)} {last}" for last in lasts}
        pairs |= {f"{first} {rng.choice(lasts)}" for first in firsts}
        accented = sorted(p for p in pairs if not p.isascii())
        rng.shuffle(accented)
        lines += accented[:per_locale]
    return lines


def text_names(limit: int) -> list[str]:
    """Capitalised words with accented Latin letters from the shared evaluation sets."""
    files = [
        shared("data", "gap-coreference", "gap-test.tsv"),
        shared("data", "wmt-mqm-ted-ende", "mqm_ted_ende.seg1-60.tsv"),
    ]
    files += sorted(shared("data", "mt-geneval").glob("*.e[s]")) + sorted(shared("data", "mt-geneval").glob("*.fr"))
    files += sorted(shared("data", "mt-geneval").glob("*.it"))
    found = set()
    for path in files:
        for word in regex.findall(r"\b\p{Lu}\p{Ll}+\b", path.read_text("utf-8")):
            if not word.isascii() and all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in word):
                found.add(word)
    ordered = sorted(found)
    random.Random(5).shuffle(ordered)
    return ordered[:limit]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    pipeline = Pipeline(select=("TC103",))
    sets = (("places", names(args.limit)), ("names", text_names(args.limit)), ("people", people()))
    for label, sample in sets:
        print(f"\n{label}: {len(sample)} items with accented Latin letters, one per line\n")
        evaluate(pipeline, sample, one_document=True)
    in_sentences(people())
    cost_on_clean_text()
    sample = sentences(args.limit // 3)
    print(f"\nsentences: {len(sample)} MT-GenEval sentences (es, fr, it), each its own document\n")
    evaluate(pipeline, sample, one_document=False)


#: English sentences (written for this benchmark) that carry a person's name, with a real question mark.
TEMPLATES = (
    "On Monday {} told reporters that the talks would continue. Is it over? No.",
    "The delegation was led by {}, who arrived in the capital on Friday.",
    '{} said the agreement was "a first step". What comes next?',
)


def in_sentences(sample: list[str]) -> None:
    """The people set inside English sentences, each its own document, through the whole default chain
    (every rule, safe fixes applied): the damaged words are counted as above, and any change to the rest of
    the sentence counts as collateral damage."""
    pipeline = Pipeline()
    print(f"\npeople in sentences: {len(sample)} English sentences, the whole default chain\n")
    print("| corruption | damaged words | exact | wrong | abstained | sentences changed elsewhere |")
    print("|---|---|---|---|---|---|")
    for label, corrupt in CORRUPTIONS.items():
        counts = {"exact": 0, "wrong": 0, "abstained": 0}
        collateral = 0
        for i, name in enumerate(sample):
            template = TEMPLATES[i % len(TEMPLATES)]
            prefix, suffix = template.split("{}")
            out = pipeline.process(corrupt(template.format(name))).text
            if not (out.startswith(corrupt(prefix)) and out.endswith(corrupt(suffix))):
                collateral += 1
                continue
            fixed = out[len(prefix) : len(out) - len(suffix)]
            for word, bad, got in zip(*(WORD.findall(x) for x in (name, corrupt(name), fixed)), strict=False):
                if bad != word:
                    counts["exact" if got == word else "abstained" if got == bad else "wrong"] += 1
        total = sum(counts.values())
        print(
            f"| {label} | {total} | {counts['exact'] / total:.1%} | {counts['wrong'] / total:.2%} "
            f"| {counts['abstained'] / total:.1%} | {collateral} |"
        )


def cost_on_clean_text() -> None:
    """What the lost-character rules cost on text without '?' or U+FFFD: ratio to a chain without them."""
    from common import best_of, gap_text

    text = gap_text().replace("?", ".")
    base = Pipeline(select=("TC201",))
    with_rules = Pipeline(select=("TC201", "TC103", "TC104"))
    t_base = best_of(lambda: base.check(text), repeat=5)
    t_rules = best_of(lambda: with_rules.check(text), repeat=5)
    print(
        f"\nclean text ({len(text) / 1e6:.2f} MB, no '?'): chain with TC103+TC104 takes "
        f"{t_rules / t_base:.3f}x the time of the chain without them"
    )


def sentences(per_language: int) -> list[str]:
    """Sentences with accented letters from MT-GenEval's Spanish, French and Italian sides."""
    out = []
    for lang in ("es", "fr", "it"):
        lines = shared("data", "mt-geneval", f"geneval-sentences-feminine-test.en_{lang}.{lang}").read_text("utf-8")
        out += [line for line in lines.splitlines() if not line.isascii()][:per_language]
    return out


def evaluate(pipeline: Pipeline, sample: list[str], *, one_document: bool) -> None:
    print("| corruption | damaged words | exact | wrong | abstained | right suggestion when abstaining | time |")
    print("|---|---|---|---|---|---|---|")
    for label, corrupt in CORRUPTIONS.items():
        damaged = [corrupt(n) for n in sample]
        start = time.perf_counter()
        if one_document:
            result = pipeline.process("\n".join(damaged))
            outputs = result.text.split("\n")
            suggestions = {(f.start, f.end): f.suggestion for f in result.remaining}
        else:
            results = [pipeline.process(d) for d in damaged]
            outputs = [r.text for r in results]
            suggestions = {}
            for r in results:
                suggestions.update({(f.start, f.end, f.text): f.suggestion for f in r.remaining})
        elapsed = time.perf_counter() - start
        counts = {"exact": 0, "wrong": 0, "abstained": 0, "hint": 0}
        offset = 0
        for name, bad, out in zip(sample, damaged, outputs, strict=True):
            words, bad_words, out_words = (WORD.findall(x) for x in (name, bad, out))
            starts = [offset + m.start() for m in WORD.finditer(bad)]
            offset = offset + len(out) + 1 if one_document else 0
            if not len(words) == len(bad_words) == len(out_words):
                continue
            for word, b, o, s in zip(words, bad_words, out_words, starts, strict=True):
                if b == word:
                    continue
                kind = "exact" if o == word else "abstained" if o == b else "wrong"
                counts[kind] += 1
                key = (s, s + len(b)) if one_document else (s, s + len(b), b)
                if kind == "abstained" and suggestions.get(key) == word:
                    counts["hint"] += 1
        total = counts["exact"] + counts["wrong"] + counts["abstained"]
        print(
            f"| {label} | {total} | {counts['exact'] / total:.1%} | {counts['wrong'] / total:.2%} "
            f"| {counts['abstained'] / total:.1%} | {counts['hint'] / total:.1%} | {elapsed:.1f} s |"
        )


if __name__ == "__main__":
    main()
