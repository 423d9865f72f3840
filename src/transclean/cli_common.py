"""What the command modules share: the options several commands take, and the error and output helpers."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from transclean.errors import TranscleanError

Paths = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files or directories (walked for .txt, .md, .rst, .tex files); '-' reads standard input. Default: '.'.",
        metavar="PATH",
        show_default=False,
    ),
]
Select = Annotated[
    list[str] | None,
    typer.Option("--select", help="Rule codes, prefixes or categories (comma-separated).", metavar="CODES"),
]
ExtendSelect = Annotated[
    list[str] | None, typer.Option("--extend-select", help="Add to the selection.", metavar="CODES")
]
Ignore = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Rule codes, prefixes or categories to skip.", metavar="CODES"),
]
Profile = Annotated[
    str | None,
    typer.Option("--profile", help="Named rule selection (see `transclean profiles`).", metavar="NAME"),
]
Glossaries = Annotated[
    list[Path] | None,
    typer.Option("--glossary", "-g", help="Glossary file (TSV, CSV, TBX); repeatable.", metavar="FILE"),
]
CorpusProfilePath = Annotated[
    Path | None,
    typer.Option(
        "--corpus-profile",
        help="A corpus profile written by `transclean clean` (OUTDIR/profile.json.gz): the corpus's spellings "
        "restore lost letters, its sites' template lines are removed.",
    ),
]
Language = Annotated[
    str | None,
    typer.Option("--language", "-l", help="Document language (ISO 639-1); detected if omitted.", metavar="CODE"),
]
ConfigPath = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Read settings from this TOML file instead of the nearest transclean.toml or pyproject.toml "
        "[tool.transclean].",
        metavar="FILE",
    ),
]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")]


def _fail(exc: TranscleanError) -> NoReturn:
    """Exit 2 with the error's message on stderr: a user error never shows a traceback."""
    typer.echo(f"transclean: error: {exc}", err=True)
    raise typer.Exit(2)


def _write_stdout(text: str) -> None:
    """Write UTF-8 whatever the console's encoding, so output bytes match the text."""
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
