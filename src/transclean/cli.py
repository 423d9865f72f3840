"""The command line: thin typer commands over the library. Exit 0 clean, 1 findings remain, 2 error."""

# No `from __future__ import annotations`: typer reads every command's annotations at start, and as
# strings each is compiled and evaluated (0.02 s of a cold check).
import json
import signal
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
import typer.core

from transclean import __version__
from transclean.cli_common import (
    ConfigPath,
    CorpusProfilePath,
    ExitZero,
    ExtendSelect,
    Glossaries,
    Ignore,
    Isolated,
    Language,
    Paths,
    Profile,
    Select,
    UnsafeFixes,
    _fail,
)
from transclean.cli_core import Format, run_check, run_config, write_stdout
from transclean.cli_tools import glossary_app, models_app
from transclean.config import profiles
from transclean.errors import E, TranscleanError
from transclean.files import STDIN, encode_text, read_document, read_text, write_atomic
from transclean.pipeline import Pipeline
from transclean.report import (
    findings_object,
    findings_text,
    unified_diff,
)
from transclean.rules import REGISTRY

# typer prints a type after each argument (`<list[str]>`) even when it has a metavar; the help names the
# metavar only, as ruff's does. Plain (not rich) help below also drops `<bool>` after flags.
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

app = typer.Typer(
    name="transclean",
    help="Repair and check machine-translated, scraped text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"transclean {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """Repair and check machine-translated, scraped text."""


class TranslateFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def check(
    paths: Paths = None,
    output_format: Annotated[
        Format,
        typer.Option(
            "--output-format",
            help="full: each finding with its source line; concise: one line each; json: one object per "
            "file; sarif: SARIF 2.1.0; html: one self-contained review page.",
        ),
    ] = Format.full,
    format_alias: Annotated[Format | None, typer.Option("--format", hidden=True)] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Fix the files in place (atomically, mode kept).")] = False,
    unsafe_fixes: UnsafeFixes = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per rule instead.")] = False,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", help="Path patterns to skip in directories (comma-separated).", metavar="GLOBS"),
    ] = None,
    exit_zero: ExitZero = False,
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    profile: Profile = None,
    language: Language = None,
    glossary: Glossaries = None,
    config_path: ConfigPath = None,
    isolated: Isolated = False,
    corpus_profile: CorpusProfilePath = None,
) -> None:
    """Report what is wrong with each file (and what a fix would repair); with --fix, repair it in place."""
    try:
        config = run_config(
            select,
            extend_select,
            ignore,
            profile,
            language,
            glossary,
            unsafe_fixes or None,
            config_path=config_path,
            isolated=isolated,
            exclude=exclude,
            corpus_profile=corpus_profile,
        )
        status = run_check(
            paths,
            config,
            output_format=format_alias or output_format,
            fix=fix,
            statistics=statistics,
            exit_zero=exit_zero,
        )
    except TranscleanError as exc:
        _fail(exc)
    raise typer.Exit(status)


@app.command()
def fix(
    path: Annotated[str, typer.Argument(help="File to fix; '-' reads standard input.")],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of stdout ('-': stdout).", metavar="FILE"),
    ] = None,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print a unified diff instead of the text; exit 1 if it is not empty.")
    ] = False,
    unsafe_fixes: UnsafeFixes = False,
    exit_zero: ExitZero = False,
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    profile: Profile = None,
    language: Language = None,
    glossary: Glossaries = None,
    config_path: ConfigPath = None,
    isolated: Isolated = False,
    corpus_profile: CorpusProfilePath = None,
) -> None:
    """Apply fixes and print the fixed text (or a diff); findings left unfixed are listed on stderr."""
    from transclean.model import Document

    try:
        config = run_config(
            select,
            extend_select,
            ignore,
            profile,
            language,
            glossary,
            unsafe_fixes or None,
            config_path=config_path,
            isolated=isolated,
            corpus_profile=corpus_profile,
        )
        source, bom, codec = read_document(path)
        pipeline = Pipeline(config.for_path(path))
        result = pipeline.process(Document(source, metadata={"path": path}))
        name = "<stdin>" if path == STDIN else path
        if diff:
            write_stdout(unified_diff(name, source, result.text))
        elif output is not None and output != STDIN:
            write_atomic(output, encode_text(result.text, bom, codec))  # in the input's encoding
        else:
            sys.stdout.buffer.write(encode_text(result.text, bom, codec))
            sys.stdout.buffer.flush()
        for line in findings_text(name, source, result.remaining_in_source()):
            typer.echo(f"remaining: {line}", err=True)
        if not result.converged:
            warning = E.NO_CONVERGENCE.value.format(
                iterations=pipeline.config.max_iterations, codes=", ".join(result.unconverged)
            )
            typer.echo(f"transclean: warning: {warning}", err=True)
    except TranscleanError as exc:
        _fail(exc)
    pending = diff and result.text != source
    raise typer.Exit(1 if (result.remaining or pending) and not exit_zero else 0)


class Mode(str, Enum):
    fix = "fix"
    flag = "flag"
    drop = "drop"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class CorpusFormat(str, Enum):
    jsonl = "jsonl"
    jsonl_gz = "jsonl.gz"
    jsonl_zst = "jsonl.zst"
    parquet = "parquet"
    txt = "txt"


class SeverityChoice(str, Enum):
    info = "info"
    minor = "minor"
    major = "major"
    critical = "critical"


@app.command()
def clean(
    inputs: Annotated[
        list[str],
        typer.Argument(help="JSONL (.jsonl, .jsonl.gz, .jsonl.zst), Parquet or .txt files, directories or globs."),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output directory.")],
    text_field: Annotated[str, typer.Option("--text-field", help="Field holding the text.")] = "text",
    id_field: Annotated[
        str | None, typer.Option("--id-field", help="Field with a record id (kept in rejects).")
    ] = None,
    lang_field: Annotated[
        str | None, typer.Option("--lang-field", help="Field with the record's language (skips detection).")
    ] = None,
    mode: Annotated[
        Mode,
        typer.Option(
            "--mode",
            help="fix: apply safe fixes; flag: annotate only; drop: also move records with severe, confident "
            "findings to rejects.",
        ),
    ] = Mode.fix,
    annotate: Annotated[
        bool, typer.Option("--annotate", help="Add findings and an edit summary under 'transclean'.")
    ] = False,
    drop_severity: Annotated[
        SeverityChoice, typer.Option("--drop-severity", help="Lowest severity that drops a record (--mode drop).")
    ] = SeverityChoice.major,
    drop_confidence: Annotated[
        float,
        typer.Option(
            "--drop-confidence",
            min=0.0,
            max=1.0,
            help="Lowest finding confidence that drops a record (--mode drop); heuristic pronoun and acronym "
            "flags (0.6-0.8) stay below the default.",
        ),
    ] = 0.9,
    output_format: Annotated[
        CorpusFormat | None,
        typer.Option("--output-format", help="Output format (default: each input's own)."),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help="Redo an output folder that holds a run with other inputs or options."),
    ] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Local worker processes.")] = 1,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local process pool, or an existing Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (tcp://host:port).")
    ] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", help="Bytes per JSONL chunk.")] = 16 * 1024 * 1024,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    report: Annotated[
        str | None, typer.Option("--report", help="'html': also write OUTDIR/report.html (counts and examples).")
    ] = None,
    translate_to: Annotated[
        str | None,
        typer.Option(
            "--translate",
            help="FROM:TO:FIELD, e.g. it:en:text_en: also translate the cleaned text into "
            "FIELD with an installed model.",
        ),
    ] = None,
    no_learn: Annotated[
        bool,
        typer.Option(
            "--no-learn",
            help="Skip the learning pass (the corpus's spellings and site templates; saved in OUTDIR/profile.json.gz).",
        ),
    ] = False,
    group_field: Annotated[
        str,
        typer.Option(
            "--group-field",
            help="Field naming a record's site, for template lines (a URL gives its host); records without "
            "it are grouped by input file.",
        ),
    ] = "url",
    corpus_profile: CorpusProfilePath = None,
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    profile: Profile = None,
    language: Language = None,
    glossary: Glossaries = None,
) -> None:
    """Clean a corpus in batch: cleaned records, rejects with reasons, stats.json; resumable.

    Ctrl-C or SIGTERM stops the run (exit 130 or 143), keeping finished chunks: rerun the same command to
    resume. One run at a time per output folder. A first pass learns a profile of the corpus (spellings,
    site templates) that the cleaning pass uses (--no-learn skips it)."""
    from transclean.batch import Interrupted, Options
    from transclean.batch import clean as run_clean

    try:
        config = run_config(select, extend_select, ignore, profile, language, glossary, corpus_profile=corpus_profile)
        if report not in (None, "html"):
            raise typer.BadParameter("--report takes 'html'")
        pair = tuple(translate_to.split(":")) if translate_to else None
        if pair is not None and len(pair) != 3:
            raise typer.BadParameter("--translate takes FROM:TO:FIELD, e.g. it:en:text_en")
        options = Options(
            translate=pair,  # type: ignore[arg-type]
            config=config,
            text_field=text_field,
            id_field=id_field,
            lang_field=lang_field,
            mode=mode.value,
            annotate=annotate,
            drop_severity=drop_severity.value,
            drop_confidence=drop_confidence,
            output_format=output_format.value if output_format else None,
            learn=not no_learn,
            group_field=group_field,
        )
        with _progress(quiet) as progress:
            report = run_clean(
                inputs,
                output,
                options=options,
                workers=workers,
                engine=engine.value,
                scheduler=scheduler,
                chunk_bytes=chunk_size,
                progress=progress,
                report=report == "html",
                overwrite=overwrite,
            )
    except TranscleanError as exc:
        _fail(exc)
    except Interrupted as exc:
        for signum in (signal.SIGINT, signal.SIGTERM):  # the run has stopped: a second Ctrl-C changes nothing
            signal.signal(signum, signal.SIG_IGN)
        typer.echo(
            f"transclean: interrupted by {exc}: {exc.done} of {exc.total} chunks are done and kept in {output}; "
            "run the same command again to resume.",
            err=True,
        )
        raise typer.Exit(exc.exit_status) from None
    if not quiet:
        typer.echo(report.summary(), err=True)


class _progress:
    """A rich progress bar on a terminal (documents, MB/s, ETA); nothing otherwise or with --quiet."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.documents = 0

    def __enter__(self) -> Callable[[int, int, dict[str, object]], None] | None:
        if not self.enabled:
            return None
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

        self.bar = Progress(
            TextColumn("{task.fields[docs]} docs"),
            BarColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("clean", total=None, docs=0)
        return self.update

    def update(self, done: int, total: int, stats: dict[str, object]) -> None:
        self.documents += int(stats.get("documents_in", 0))  # type: ignore[call-overload]
        self.bar.update(self.task, completed=done, total=total, docs=self.documents)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.stop()


@app.command()
def rule(code: Annotated[str, typer.Argument(help="A rule code, e.g. TC201.")]) -> None:
    """Explain one rule: what it finds, why it matters, how safe its fix is, its examples and its file."""
    if code.upper() not in REGISTRY:
        _fail(TranscleanError(E.UNKNOWN_RULE, code=code))
    from transclean.rules.docs import rule_doc, source_file

    rule_cls = REGISTRY[code.upper()]
    typer.echo(rule_doc(rule_cls, source_file(rule_cls)), nl=False)


@app.command()
def rules() -> None:
    """List every rule as a Markdown table."""
    from transclean.rules.docs import rule_table

    typer.echo(rule_table(), nl=False)


@app.command("profiles")
def list_profiles() -> None:
    """List the named rule selections."""
    for name, profile in sorted(profiles().items()):
        typer.echo(f"{name}: {profile['description']} (select: {', '.join(profile['select'])})")


@app.command()
def translate(
    path: Annotated[str, typer.Argument(help="File to translate; '-' reads standard input.")],
    from_code: Annotated[str, typer.Option("--from", help="Source language (ISO 639-1).")],
    to_code: Annotated[str, typer.Option("--to", help="Target language (ISO 639-1).")],
    glossary: Glossaries = None,
    output_format: Annotated[
        TranslateFormat, typer.Option("--format", help="text (findings on stderr) or json.")
    ] = TranslateFormat.text,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="transclean's data directory.")] = None,
) -> None:
    """Clean, translate offline with an installed Argos model, enforce glossary terms, check the output."""
    from transclean.translate import Translator, translate_text

    try:
        pipeline = Pipeline(run_config(None, None, None, None, None, glossary))
        source = read_text(path)
        result = translate_text(source, Translator(from_code, to_code, data_dir), pipeline=pipeline)
    except TranscleanError as exc:
        _fail(exc)
    name = "<stdin>" if path == "-" else path
    if output_format is TranslateFormat.json:
        data = findings_object(name, to_code, result.findings)
        data.update(
            {
                "text": result.text,
                "raw": result.raw,
                "terms_required": result.terms_required,
                "terms_found": result.terms_found,
            }
        )
        write_stdout(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        write_stdout(result.text)
        for line in findings_text(f"{name} (translated)", result.raw, result.findings):
            typer.echo(f"check: {line}", err=True)
    raise typer.Exit(1 if result.findings else 0)


app.add_typer(glossary_app, name="glossary")
app.add_typer(models_app, name="models")
