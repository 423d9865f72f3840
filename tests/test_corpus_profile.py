"""The corpus profile: bounded counting, saving, the learning pass of `clean`, and the rules that use it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import transclean
from transclean import Config, Document, Pipeline
from transclean.batch import Options, clean
from transclean.corpus import CorpusProfile, load_profile, save_profile
from transclean.corpus.sketch import FrequentItems
from transclean.errors import TranscleanError

TEMPLATE = ["Follow Example Daily on Telegram for breaking news.", "© 2024 Example Daily. All rights reserved."]
QUOTE = 'The minister said: "We will rebuild every bridge before winter."'
TOPICS = ["harbour", "school", "railway", "budget", "hospital", "market", "library", "bridge", "museum", "tax"]


def article(n: int, *, template: bool = True, quote: bool = False) -> str:
    lines = [f"The {TOPICS[n % 10]} plan, part {n}.", f"Councillors debated the {TOPICS[(n + 3) % 10]} for hours."]
    if quote:
        lines.append(QUOTE)
    lines.append(f"Bořivoj Kvapilík chaired the {TOPICS[n % 10]} meeting." if n % 3 else "The vote is next week.")
    return "\n".join(lines + (TEMPLATE if template else [])) + "\n"


def site_corpus(path: Path, n: int = 12) -> Path:
    site = "https://www.example-daily.test"
    records = [{"url": f"{site}/{i}", "text": article(i, quote=i in (1, 5, 9))} for i in range(n)]
    records += [{"url": f"https://other.test/{i}", "text": article(i, template=False)} for i in range(n)]
    records.append({"url": "https://other.test/damaged", "text": "Bo?ivoj Kvapil?k spoke first.\n"})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_frequent_items_never_overcount_and_merge_within_the_bound() -> None:
    stream = [f"w{i % 50}" for i in range(500)] + ["top"] * 300 + [f"rare{i}" for i in range(400)]
    whole, a, b = FrequentItems[str](20), FrequentItems[str](20), FrequentItems[str](20)
    whole.update(stream)
    a.update(stream[:600])
    b.update(stream[600:])
    truth = Counter(stream)
    for table in (whole, a + b):
        table.shrink()
        assert len(table) <= 20
        assert all(truth[k] - table.error <= c <= truth[k] for k, c in table.counts.items())
        assert table.get("top") >= 300 - table.error > 0
    assert (a + b).counts == (a + b).counts  # merging is a function of its parts


def test_profile_saves_deterministically_and_rejects_other_files(tmp_path: Path) -> None:
    profile = CorpusProfile()
    for n in range(5):
        profile.learn(article(n), "example", "en")
    save_profile(profile, tmp_path / "a.json.gz")
    save_profile(CorpusProfile.from_bytes((tmp_path / "a.json.gz").read_bytes()), tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
    assert load_profile(tmp_path / "a.json.gz").spellings_for("en")["kvapil?k"] == {"kvapilík": 3}
    (tmp_path / "bad.json.gz").write_text("not a profile")
    with pytest.raises(TranscleanError, match=r"bad\.json\.gz: not a usable corpus profile"):
        load_profile(tmp_path / "bad.json.gz")
    with pytest.raises(TranscleanError, match=r"missing\.json\.gz"):
        Pipeline(corpus_profile=str(tmp_path / "missing.json.gz"))


def test_check_reads_a_corpus_profile(tmp_path: Path) -> None:
    profile = CorpusProfile()
    for n in range(8):
        profile.learn(article(n), "example-daily.test", "en")
    save_profile(profile, tmp_path / "profile.json.gz")
    (tmp_path / "a.txt").write_text(article(3), "utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "transclean",
            "check",
            "--output-format",
            "concise",
            str(tmp_path / "a.txt"),
            "--corpus-profile",
            str(tmp_path / "profile.json.gz"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1 and proc.stdout.count("TC204") == 2, proc.stdout + proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "transclean", "check", str(tmp_path / "a.txt"), "--corpus-profile", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "not a usable corpus profile" in proc.stderr and "Traceback" not in proc.stderr


@pytest.fixture
def site_profile(tmp_path: Path) -> str:
    profile = CorpusProfile()
    for n in range(12):
        profile.learn(article(n, quote=n in (1, 5, 9)), "example-daily.test", "en")
        profile.learn(article(n, template=False), "other.test", "en")
    save_profile(profile, tmp_path / "profile.json.gz")
    return str(tmp_path / "profile.json.gz")


def _fix(text: str, profile: str, group: str | None = "example-daily.test", select: str = "TC") -> str:
    pipeline = Pipeline(Config(corpus_profile=profile, select=select))
    return pipeline.process(Document(text, metadata={"group": group} if group else {})).text


def test_template_lines_go_content_and_repeated_quotation_stay(site_profile: str) -> None:
    text = article(5, quote=True)
    assert _fix(text, site_profile) == "\n".join(text.splitlines()[:4]) + "\n"
    assert _fix(text, site_profile, group=None) == _fix(text, site_profile)  # an article checked alone


def test_documents_without_templates_stay_byte_identical(site_profile: str) -> None:
    for n in range(12):
        text = article(n, template=False)
        assert _fix(text, site_profile, "other.test") == text
    # another site's document is not cut by example-daily's template (TC206 removes a copyright line anyway)
    assert _fix(article(2), site_profile, "other.test", select="TC204") == article(2)


def test_lost_letters_take_the_spelling_the_corpus_attests(site_profile: str) -> None:
    damaged = "Bo?ivoj Kvapil?k spoke first."
    assert Pipeline().process(damaged).text != "Bořivoj Kvapilík spoke first."  # lexicons alone do not know him
    assert _fix(damaged, site_profile, "other.test") == "Bořivoj Kvapilík spoke first."


def _outputs(outdir: Path) -> dict[str, bytes]:
    keep = [p for p in sorted(outdir.rglob("*")) if p.is_file() and p.parent.name != ".done"]
    return {str(p.relative_to(outdir)): p.read_bytes() for p in keep if p.name not in ("stats.json", "plan.json")}


def test_clean_learns_then_cleans_identically_with_any_engine_and_after_a_kill(tmp_path: Path) -> None:
    src = site_corpus(tmp_path / "news.jsonl")
    one = tmp_path / "one"
    clean([str(src)], one, workers=1, chunk_bytes=1500)
    records = [json.loads(line) for p in sorted(one.glob("news-*.jsonl")) for line in p.read_text().splitlines()]
    texts = {r["url"]: r["text"] for r in records}
    assert not any(t in text for text in texts.values() for t in TEMPLATE)
    assert sum(QUOTE in text for text in texts.values()) == 3
    assert texts["https://other.test/damaged"] == "Bořivoj Kvapilík spoke first.\n"
    assert texts["https://other.test/4"] == article(4, template=False)
    two = tmp_path / "two"
    clean([str(src)], two, workers=2, chunk_bytes=1500)
    assert _outputs(one) == _outputs(two)
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        clean([str(src)], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address, chunk_bytes=1500)
    assert _outputs(one) == _outputs(tmp_path / "dask")
    # a kill during the learning pass: the profile and two chunks' partial profiles are lost
    resumed = tmp_path / "resumed"
    shutil.copytree(one, resumed)
    (resumed / "profile.json.gz").unlink()
    for marker in sorted((resumed / ".learn").glob("*.done"))[:2]:
        marker.unlink()
    for marker in sorted((resumed / ".done").glob("*.json"))[1:]:
        marker.unlink()
    clean([str(src)], resumed, workers=1, chunk_bytes=1500)
    assert _outputs(resumed) == _outputs(one)


def test_no_learn_leaves_templates_and_writes_no_profile(tmp_path: Path) -> None:
    src = site_corpus(tmp_path / "news.jsonl")
    clean([str(src)], tmp_path / "out", options=Options(learn=False))
    assert not (tmp_path / "out" / "profile.json.gz").exists()
    assert TEMPLATE[0] in (tmp_path / "out" / "news-00000.jsonl").read_text("utf-8")


def test_group_field_names_the_site(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    rows = [{"site": "a" if i % 2 else "b", "text": article(i, template=bool(i % 2))} for i in range(16)]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    clean([str(src)], tmp_path / "out", options=Options(group_field="site"))
    profile = load_profile(tmp_path / "out" / "profile.json.gz")
    assert profile.documents == Counter({"a": 8, "b": 8})
    assert profile.template_lines("a", 0.3, 5) and not profile.template_lines("b", 0.3, 5)


def test_inconsistent_spelling_suggests_the_corpus_majority(tmp_path: Path) -> None:
    """TC903 suggests the spelling the corpus clearly uses, even where the document's majority differs."""
    profile = CorpusProfile()
    for n in range(6):
        profile.learn(f"Antonín Dvořák wrote symphony number {n}.\n", "music.test", "en")
    save_profile(profile, tmp_path / "profile.json.gz")
    text = "The concert opened with Dvořák. Critics praised Dvorak. Dvorak was played twice.\n"
    alone = [f.suggestion for f in transclean.check(text, select="TC903")]
    with_corpus = transclean.check(text, select="TC903", corpus_profile=str(tmp_path / "profile.json.gz"))
    assert alone == ["Dvorak"]
    assert [(f.text, f.suggestion) for f in with_corpus] == [("Dvorak", "Dvořák"), ("Dvorak", "Dvořák")]
