"""Batch cleaning: chunks are tasks; each writes its output, rejects and stats atomically, then a marker.

Every record comes out: in the output, or in ``rejects/`` with its source, line and reason (malformed,
or dropped by ``--mode drop``). Stats merge by addition; ``in = out + rejected + dropped`` is checked at the
end of every run. A rerun skips chunks whose marker exists, so a killed run resumes where it stopped.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from transclean.batch.formats import DEFAULT_CHUNK_BYTES, Chunk, ChunkWriter, expand_inputs, plan_chunks, read_records
from transclean.config import Config
from transclean.corpus.learn import learn, learn_chunk, record_group
from transclean.errors import E, TranscleanError
from transclean.files import write_atomic
from transclean.lexicon import ensure_cache
from transclean.model import Document, Severity
from transclean.pipeline import Pipeline

MODES = ("fix", "flag", "drop")
EXTENSIONS = {
    "jsonl": ".jsonl",
    "jsonl.gz": ".jsonl.gz",
    "jsonl.zst": ".jsonl.zst",
    "parquet": ".parquet",
    "txt": ".txt",
}


@dataclass(frozen=True)
class Options:
    """What a batch run does to each record (picklable: it travels to workers)."""

    config: Config = field(default_factory=Config)
    text_field: str = "text"
    id_field: str | None = None
    lang_field: str | None = None
    mode: str = "fix"
    annotate: bool = False
    drop_severity: str = "major"
    output_format: str | None = None
    #: (source, target, field): also translate the cleaned text into ``field`` with an installed model.
    translate: tuple[str, str, str] | None = None
    #: first learn a corpus profile (spellings, site templates) that the cleaning pass uses.
    learn: bool = True
    #: the field naming a record's site (a URL gives its host); records without it: their input file.
    group_field: str | None = "url"


class Examples(dict[str, dict[str, Any]]):
    """One example per rule code (the first met); merging keeps the earlier one."""

    def __add__(self, other: dict[str, dict[str, Any]]) -> Examples:
        return Examples({**other, **self})


#: Characters of context kept around an example change.
EXAMPLE_CONTEXT = 60


def _example(text: str, finding: Any, line: int, source: str) -> dict[str, Any]:
    start, end = max(0, finding.start - EXAMPLE_CONTEXT), finding.end + EXAMPLE_CONTEXT
    return {
        "source": source,
        "line": line,
        "message": finding.message,
        "before": text[start:end],
        "text": finding.text,
        "suggestion": finding.suggestion,
        "fix": finding.applicability.value,
    }


@dataclass
class Stats:
    """Counts for a chunk or a run; merged by addition."""

    documents_in: int = 0
    documents_out: int = 0
    changed: int = 0
    rejected: int = 0
    dropped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    seconds: float = 0.0
    findings_by_code: Counter[str] = field(default_factory=Counter)
    findings_by_category: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    rejects_by_reason: Counter[str] = field(default_factory=Counter)
    examples: Examples = field(default_factory=Examples)

    def __add__(self, other: Stats) -> Stats:
        merged = Stats()
        for f in fields(self):
            setattr(merged, f.name, getattr(self, f.name) + getattr(other, f.name))
        return merged

    def to_dict(self) -> dict[str, Any]:
        # Not dataclasses.asdict: it rebuilds a Counter from (key, value) pairs and counts the pairs.
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            data[f.name] = dict(sorted(value.items())) if isinstance(value, dict) else value
        data["seconds"] = round(self.seconds, 3)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Stats:
        stats = cls(**{k: v for k, v in data.items() if not isinstance(v, dict)})
        for key, value in data.items():
            if isinstance(value, dict):
                setattr(stats, key, Examples(value) if key == "examples" else Counter(value))
        return stats

    @property
    def adds_up(self) -> bool:
        return self.documents_in == self.documents_out + self.rejected + self.dropped


def _reject(chunk: Chunk, line: int, reason: str, raw: str, record_id: Any = None) -> dict[str, Any]:
    out = {"source": chunk.path, "line": line, "reason": reason, "record": raw[:100_000]}
    if record_id is not None:
        out["id"] = record_id
    return out


def process_chunk(chunk: Chunk, options: Options, outdir: str) -> dict[str, Any]:
    """Clean one chunk: write its output, rejects and stats, then its completion marker. Returns the stats."""
    started = time.perf_counter()
    out = Path(outdir)
    keeps_findings = options.annotate or options.mode != "fix"
    pipeline = Pipeline(options.config.merged(only_fixable=not keeps_findings or None))
    fmt = options.output_format or chunk.fmt
    writer = ChunkWriter(out / f"{chunk.name}{EXTENSIONS[fmt]}", fmt)
    rejects = ChunkWriter(out / "rejects" / f"{chunk.name}.jsonl", "jsonl")
    stats = Stats()
    threshold = Severity(options.drop_severity).weight
    kept: list[dict[str, Any]] = []  # a chunk's records, held so its sentences translate in one batch
    try:
        for raw in read_records(chunk, options.text_field):
            stats.documents_in += 1
            stats.bytes_in += raw.size
            if raw.data is None:
                stats.rejected += 1
                stats.rejects_by_reason[raw.error.split(":")[0] if raw.error else "?"] += 1
                rejects.write(_reject(chunk, raw.line, raw.error or "", raw.raw), "text")
                continue
            record = raw.data
            record_id = record.get(options.id_field) if options.id_field else None
            language = record.get(options.lang_field) if options.lang_field else None
            group = record_group(record, options.group_field, chunk)  # for TC204's site templates
            result = pipeline.process(
                Document(
                    record[options.text_field],
                    language=language if isinstance(language, str) else None,
                    metadata={"group": group},
                ),
                fix=options.mode != "flag",
            )
            stats.languages[result.document.language or "und"] += 1
            for f in result.findings:
                stats.findings_by_code[f.code] += 1
                stats.findings_by_category[f.category.value] += 1
                if f.code not in stats.examples:
                    stats.examples[f.code] = _example(record[options.text_field], f, raw.line, chunk.path)
            worst = [f for f in result.remaining if f.severity.weight >= threshold]
            if options.mode == "drop" and worst:
                stats.dropped += 1
                reason = "dropped: " + ", ".join(sorted({f"{f.code} {f.severity.value}" for f in worst}))
                rejects.write(
                    _reject(chunk, raw.line, reason, raw.raw or json.dumps(record, ensure_ascii=False), record_id),
                    "text",
                )
                continue
            if result.text != record[options.text_field]:
                stats.changed += 1
                record = {**record, options.text_field: result.text}
            if options.annotate or options.mode == "flag":
                record = {**record, "transclean": _annotation(result)}
            kept.append(record)
        for record in _translated(kept, options):
            writer.write(record, options.text_field)
            stats.documents_out += 1
        writer.commit()
        rejects.commit()
    except OSError as exc:  # disk full, permissions: a clear error; the chunk has no marker, so a rerun redoes it
        writer.abort()
        rejects.abort()
        raise TranscleanError(E.UNWRITABLE, path=writer.target, reason=exc.strerror or exc) from None
    except BaseException:
        writer.abort()
        rejects.abort()
        raise
    stats.bytes_out = writer.bytes
    stats.seconds = time.perf_counter() - started
    data = stats.to_dict()
    write_atomic(out / ".done" / f"{chunk.name}.json", json.dumps(data).encode())  # the marker comes last
    return data


def _translated(records: list[dict[str, Any]], options: Options) -> list[dict[str, Any]]:
    """The records with their translation added, all sentences of the chunk in one batch."""
    if not options.translate:
        return records
    from transclean.translate import translate_texts

    source, target, out_field = options.translate
    results = translate_texts(
        [r[options.text_field] for r in records], _translator(source, target), pipeline=Pipeline(options.config)
    )
    return [{**r, out_field: t.text} for r, t in zip(records, results, strict=True)]


@lru_cache(maxsize=4)
def _translator(source: str, target: str) -> Any:
    """One translator (model and cache) per process and language pair."""
    from transclean.translate import Translator

    return Translator(source, target)


def _annotation(result: Any) -> dict[str, Any]:
    return {
        "language": result.document.language,
        "changed": result.document.changed,
        "edits": len(result.log),
        "findings": [f.to_dict() for f in result.findings],
    }


@dataclass
class RunReport:
    """What ``clean`` did: the merged stats, how many chunks ran and were skipped, and the output folder."""

    stats: Stats
    chunks: int
    skipped: int
    outdir: Path

    def summary(self) -> str:
        s = self.stats
        mb = s.bytes_in / 1e6
        rate = f", {mb / s.seconds:.2f} MB/s per worker-second" if s.seconds else ""
        codes = ", ".join(f"{c} {n}" for c, n in s.findings_by_code.most_common(8))
        return (
            f"{s.documents_in} records in = {s.documents_out} out + {s.rejected} rejected + {s.dropped} dropped "
            f"({'ok' if s.adds_up else 'MISMATCH'}); {s.changed} changed; {mb:.1f} MB{rate}\n"
            f"chunks: {self.chunks} ({self.skipped} already done); findings: {codes or 'none'}\n"
            f"output: {self.outdir} (stats.json, rejects/)"
        )


def _check_plan(outdir: Path, plan: dict[str, Any]) -> None:
    path = outdir / "plan.json"
    if path.exists():
        old = json.loads(path.read_text("utf-8"))
        if old["chunks"] != plan["chunks"]:
            reason = (
                f"{len(old['chunks'])} chunks of {old['chunk_bytes']} bytes, now {len(plan['chunks'])} of "
                f"{plan['chunk_bytes']}"
            )
            raise TranscleanError(E.PLAN_MISMATCH, outdir=outdir, reason=reason)
    write_atomic(path, json.dumps(plan, indent=1).encode())


def clean(
    inputs: list[str],
    outdir: str | Path,
    *,
    options: Options = Options(),
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    progress: Callable[[int, int, dict[str, Any]], None] | None = None,
    report: bool = False,
) -> RunReport:
    """Clean a corpus into ``outdir``; resumable. ``progress(done_bytes, total_bytes, chunk_stats)``;
    ``report`` also writes ``report.html`` (counts per rule and language, an example of each change)."""
    out = Path(outdir)
    paths = expand_inputs(inputs)
    chunks = plan_chunks(paths, chunk_bytes)
    if "TC103" in Pipeline(options.config).codes:  # validates rules and glossaries before any work starts
        ensure_cache()  # workers then load the lost-letter lexicon instead of each building it
    try:
        (out / "rejects").mkdir(parents=True, exist_ok=True)
        (out / ".done").mkdir(exist_ok=True)
    except OSError as exc:
        raise TranscleanError(E.UNWRITABLE, path=out, reason=exc.strerror or exc) from None
    for leftover in [*out.glob(".*.tmp"), *(out / "rejects").glob(".*.tmp")]:
        leftover.unlink()  # from a run that was killed
    plan = {"chunk_bytes": chunk_bytes, "chunks": [[c.path, c.start, c.end, c.name] for c in chunks]}
    _check_plan(out, plan)
    if options.learn and not options.config.corpus_profile:
        execute = partial(
            _execute,
            options=options,
            outdir=str(out),
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            task=learn_chunk,
        )
        profile = learn(chunks, out, execute)
        options = replace(options, config=options.config.merged(corpus_profile=str(profile.resolve())))
    todo = [c for c in chunks if not (out / ".done" / f"{c.name}.json").exists()]
    sizes = {c.name: _chunk_bytes(c) for c in chunks}  # once: a file's size is one stat per chunk
    total = sum(sizes.values())
    done_bytes = total - sum(sizes[c.name] for c in todo)
    for stats in _execute(todo, options, str(out), workers, engine, scheduler):
        done_bytes += sizes[stats["_name"]]
        if progress:
            progress(done_bytes, total, stats)
    merged = Stats()
    for chunk in chunks:
        merged = merged + Stats.from_dict(json.loads((out / ".done" / f"{chunk.name}.json").read_text("utf-8")))
    write_atomic(out / "stats.json", json.dumps(merged.to_dict(), indent=1, ensure_ascii=False).encode())
    if report:
        from transclean.report import corpus_report

        write_atomic(out / "report.html", corpus_report(merged.to_dict(), str(out)).encode("utf-8"))
    if not merged.adds_up:
        raise TranscleanError(
            E.COUNTS_DO_NOT_ADD_UP,
            total=merged.documents_in,
            out=merged.documents_out,
            rejected=merged.rejected,
            dropped=merged.dropped,
        )
    return RunReport(merged, len(chunks), len(chunks) - len(todo), out)


def _chunk_bytes(chunk: Chunk) -> int:
    """Bytes a chunk covers, for progress: its range, or its file's size."""
    return chunk.end - chunk.start if chunk.fmt == "jsonl" else os.path.getsize(chunk.path)


def _task(chunk: Chunk, options: Options, outdir: str) -> dict[str, Any]:
    return {**process_chunk(chunk, options, outdir), "_name": chunk.name}


def _execute(
    chunks: list[Chunk],
    options: Options,
    outdir: str,
    workers: int,
    engine: str,
    scheduler: str | None,
    task: Callable[[Chunk, Options, str], dict[str, Any]] = _task,
) -> Iterator[dict[str, Any]]:
    """Run ``task`` (cleaning, or learning) on each chunk: in-process, in a local process pool, or on a
    Dask cluster."""
    if not chunks:
        return
    if engine == "dask":
        try:
            from distributed import Client, as_completed
        except ImportError:
            raise TranscleanError(E.NEEDS_EXTRA, what="--engine dask", package="distributed", extra="dask") from None
        with Client(scheduler) if scheduler else Client(n_workers=workers, threads_per_worker=1) as client:
            futures = client.map(task, chunks, options=options, outdir=outdir, pure=False)
            for future in as_completed(futures):
                yield future.result()
        return
    if workers <= 1:
        for chunk in chunks:
            yield task(chunk, options, outdir)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(task, c, options, outdir) for c in chunks]
        for future in as_completed(futures):
            yield future.result()
