"""What the command modules share: the options several commands take, and the error and output helpers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn, get_args, get_origin

import typer
import typer.core

from transclean.cli_core import show_error
from transclean.errors import TranscleanError

try:  # typer 0.29 (installed here) coerces every parameter through pydantic; releases without the hook skip this
    from typer._click.exceptions import BadParameter
    from typer._click.utils import _escape_control_characters
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
except ImportError:  # pragma: no cover - depends on the installed typer
    RuntimeParam = None

if RuntimeParam is not None:

    @dataclass(frozen=True)
    class _PlainParam(RuntimeParam):  # type: ignore[misc,valid-type]
        """Coerce a flag, str, Path or Enum parameter (or a list of them) to what typer's pydantic adapters
        give, with the same messages, without importing pydantic: that import and one ``TypeAdapter`` per
        parameter took 0.15-0.2 s of every cold ``transclean check``. A value of another type (from an
        environment variable, say) goes to typer's own coercion."""

        leaf: type
        descriptor: TypeDescriptor

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if get_origin(self.annotation) is list:
                items = value if isinstance(value, (list, tuple)) else [value]
                return [self._coerce_leaf(item, param, ctx) for item in items]
            return self._coerce_leaf(value, param, ctx)

        def _coerce_leaf(self, value: Any, param: Any, ctx: Any) -> Any:
            leaf = self.leaf
            if issubclass(leaf, Enum):
                try:
                    return coerce_cli_choice(
                        value, choices=tuple(leaf), case_sensitive=self.parameter_info.case_sensitive, ctx=ctx
                    )
                except ValueError as exc:  # worded as pydantic words a validator's ValueError
                    raise BadParameter(_escape_control_characters(f"Value error, {exc}"), ctx=ctx, param=param) from exc
            if leaf is Path and isinstance(value, (str, Path)):
                return coerce_cli_path(Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx)
            if isinstance(value, leaf):  # str, or bool (a flag)
                return value
            return build_runtime_param(self.descriptor)._coerce_value(value, param, ctx)

    def _runtime_param(descriptor: TypeDescriptor) -> RuntimeParam:
        """The plain coercion for the parameter kinds above; any other (numbers, files) keeps typer's."""
        annotation = descriptor.annotation
        leaf = get_args(annotation)[0] if get_origin(annotation) is list else annotation
        plain = leaf in (bool, str, Path) or (isinstance(leaf, type) and issubclass(leaf, Enum))
        if not plain or descriptor.file_annotation is not None or descriptor.parameter_info.parser is not None:
            return build_runtime_param(descriptor)
        return _PlainParam(
            parameter_info=descriptor.parameter_info, annotation=annotation, leaf=leaf, descriptor=descriptor
        )

    typer.core.build_runtime_param = _runtime_param

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
UnsafeFixes = Annotated[bool, typer.Option("--unsafe-fixes", help="Also apply fixes that guess meaning.")]
ExitZero = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when findings remain.")]


def _fail(exc: TranscleanError) -> NoReturn:
    """Exit 2 with the error's message on stderr: a user error never shows a traceback."""
    raise typer.Exit(show_error(exc))
