"""The `glossary` and `models` sub-commands: term glossaries and offline translation models.

Registered on :data:`transclean.cli.app`; apart from it because they work on files of their own, not on texts.
"""

# No `from __future__ import annotations`: typer reads every command's annotations at start, and as
# strings each is compiled and evaluated (0.02 s of a cold check).
from pathlib import Path
from typing import Annotated

import typer

from transclean.cli_common import Glossaries, _fail
from transclean.errors import TranscleanError
from transclean.files import write_atomic

glossary_app = typer.Typer(help="Validate, look up and convert term glossaries.", no_args_is_help=True)


@glossary_app.command("check")
def glossary_check(files: Annotated[list[Path], typer.Argument(help="Glossary files (.tsv, .csv, .tbx).")]) -> None:
    """Validate glossaries: duplicates, conflicts, unknown languages, empty cells (errors with line and column)."""
    from transclean.glossary import read_glossary

    errors = 0
    try:
        for path in files:
            concepts, issues = read_glossary(path)
            for issue in issues:
                typer.echo(str(issue), err=True)
            errors += sum(issue.level == "error" for issue in issues)
            typer.echo(f"{path}: {len(concepts)} concepts, {len(issues)} issues")
    except TranscleanError as exc:
        _fail(exc)
    raise typer.Exit(1 if errors else 0)


@glossary_app.command("show")
def glossary_show(
    term: Annotated[str, typer.Argument(help="A term in any language, case and accents ignored.")],
    glossary: Glossaries = None,
) -> None:
    """Show every concept with a form equal to TERM."""
    from transclean.glossary import glossaries_for

    try:
        found = glossaries_for(tuple(str(p) for p in glossary or ())).lookup(term)
    except TranscleanError as exc:
        _fail(exc)
    if not found:
        typer.echo(f"{term!r}: not in any glossary", err=True)
        raise typer.Exit(1)
    for concept in found:
        typer.echo(f"{concept.id} ({concept.type}{', ' + concept.gender if concept.gender else ''}) {concept.origin}")
        for lang in sorted(concept.terms.keys() | concept.acronyms.keys() | concept.forbidden.keys()):
            parts = [" | ".join(concept.terms.get(lang, ()))]
            if concept.acronyms.get(lang):
                parts.append("acronym " + " | ".join(concept.acronyms[lang]))
            if concept.forbidden.get(lang):
                parts.append("forbidden " + " | ".join(concept.forbidden[lang]))
            typer.echo(f"  {lang}: " + "; ".join(p for p in parts if p))
        if concept.context:
            typer.echo("  context: " + ", ".join(concept.context))
        if concept.note:
            typer.echo(f"  note: {concept.note}")


@glossary_app.command("convert")
def glossary_convert(
    source: Annotated[Path, typer.Argument(help="Glossary to read (.tsv, .csv, .tbx).")],
    target: Annotated[Path, typer.Argument(help="File to write; its extension (.tsv, .csv, .tbx) names the format.")],
) -> None:
    """Convert between TSV, CSV and TBX (ISO 30042)."""
    from transclean.glossary import dump_glossary, load_glossary

    try:
        loaded = load_glossary(source)
        write_atomic(target, dump_glossary(loaded, target).encode("utf-8"))
    except TranscleanError as exc:
        _fail(exc)
    typer.echo(f"{target}: {len(loaded)} concepts")


models_app = typer.Typer(help="Manage offline translation models (Argos Translate packages).", no_args_is_help=True)
DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="transclean's data directory (default: $TRANSCLEAN_DATA_DIR, else $XDG_DATA_HOME/transclean).",
    ),
]


@models_app.command("install")
def models_install(
    archive: Annotated[Path, typer.Argument(help="An .argosmodel file.")], data_dir: DataDir = None
) -> None:
    """Validate an .argosmodel archive (one folder, metadata.json, no absolute path, '..' or link, sizes and
    compression within limits); install it, all or nothing."""
    from transclean import argos

    try:
        model = argos.install(archive, data_dir)
    except TranscleanError as exc:
        _fail(exc)
    typer.echo(f"installed {model.pair} ({model.name}, version {model.version}) in {model.path}")


@models_app.command("list")
def models_list(data_dir: DataDir = None) -> None:
    """List the installed models."""
    from transclean import argos

    models = argos.installed(data_dir)
    if not models:
        typer.echo(f"no model installed in {argos.models_dir(data_dir)}", err=True)
    for model in models:
        typer.echo(f"{model.pair}\t{model.name}\t{model.version}\t{model.path}")


@models_app.command("remove")
def models_remove(
    model: Annotated[str, typer.Argument(help="A model's folder name or its pair, e.g. it-en.")],
    data_dir: DataDir = None,
) -> None:
    """Remove an installed model."""
    from transclean import argos

    try:
        removed = argos.remove(model, data_dir)
    except TranscleanError as exc:
        _fail(exc)
    typer.echo(f"removed {removed.pair} ({removed.name})")
