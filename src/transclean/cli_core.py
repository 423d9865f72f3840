"""What the commands do, apart from typer: the run's configuration, the `check` command's work, and the
plain `transclean check PATH...` run without building the typer app.

typer and click, their imports (inspect, ast) and the app built from the commands' signatures took 0.04-0.05 s
of a cold `transclean check` (a tenth of it) before a line was read. A linter is mostly called as
`transclean check FILE`, so `python -m transclean` (and the `transclean` script) first tries
:func:`quick_check`, which runs such a call itself and gives everything else to the typer app; both end in
:func:`run_check`, so output and exit status are the same whichever way a call goes.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from transclean.cache import kept_regex_patterns
from transclean.config import Config, load_config
from transclean.errors import TranscleanError


class Format(str, Enum):
    full = "full"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    html = "html"


def split_codes(values: list[str] | None) -> tuple[str, ...] | None:
    """Comma-separated option values (``--select A,B --select C``) as one tuple."""
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def run_config(
    select: list[str] | None,
    extend_select: list[str] | None,
    ignore: list[str] | None,
    profile: str | None,
    language: str | None,
    glossary: list[Path] | None,
    unsafe_fixes: bool | None = None,
    *,
    config_path: Path | None = None,
    isolated: bool = False,
    exclude: list[str] | None = None,
    corpus_profile: Path | None = None,
) -> Config:
    """The run's configuration: the config file (or defaults), then the command line's options over it."""
    config = load_config(path=config_path, isolated=isolated)
    cli: dict[str, object] = {
        "select": split_codes(select),
        "profile": profile,
        "language": language,
        "unsafe_fixes": unsafe_fixes,
    }
    if corpus_profile is not None:
        cli["corpus_profile"] = str(corpus_profile)
    if exclude:
        cli["exclude"] = config.exclude + (split_codes(exclude) or ())
    if glossary:
        cli["glossaries"] = config.glossaries + tuple(str(p) for p in glossary)
    if extend_select:
        cli["extend_select"] = config.extend_select + (split_codes(extend_select) or ())
    if ignore:
        cli["ignore"] = config.ignore + (split_codes(ignore) or ())
    if any(v is not None for v in cli.values()):
        cli["origin"] = "the command line"
    return config.merged(**cli)


def write_stdout(text: str) -> None:
    """Write UTF-8 whatever the console's encoding, so output bytes match the text."""
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def echo_error(message: str) -> None:
    """A line on stderr as typer writes it (click's stream handling: encoding, ANSI codes off a terminal);
    typer is imported here only when there is something to say."""
    import typer

    typer.echo(message, err=True)


def show_error(exc: TranscleanError) -> int:
    """Say what went wrong (a user error never shows a traceback); the exit status, 2."""
    echo_error(f"transclean: error: {exc}")
    return 2


def run_check(
    paths: Sequence[str] | None,
    config: Config,
    *,
    output_format: Format = Format.full,
    fix: bool = False,
    statistics: bool = False,
    exit_zero: bool = False,
) -> int:
    """The `check` command: report each file's findings (or, with ``fix``, repair it in place and report
    what remains); the exit status: 1 when findings remain (unless ``exit_zero``), else 0. A
    :class:`TranscleanError` (a missing file, a bad config) reaches the caller, after the files before it."""
    from transclean.report import findings_full, findings_json, findings_statistics, findings_summary, findings_text
    from transclean.workspace import check_paths

    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    results = []
    with kept_regex_patterns("run"):  # the language's long patterns, compiled by the first file's check
        for result in check_paths(paths or ["."], config=config, fix=fix):
            results.append(result)
            shown = result.remaining if fix else result.findings
            if statistics:
                continue
            if output_format is Format.json:
                write_stdout(findings_json(result.display_name, result.language, shown) + "\n")
            elif output_format is Format.full:
                lines = findings_full(result.display_name, result.source, shown, colour=colour)
                write_stdout("".join(line + "\n" for line in lines))
            elif output_format is Format.concise:
                write_stdout("".join(line + "\n" for line in findings_text(result.display_name, result.source, shown)))
    found = [f for r in results for f in r.findings]
    left = [f for r in results for f in r.remaining] if fix else found
    if statistics:
        write_stdout("".join(line + "\n" for line in findings_statistics(found)))
    elif output_format is Format.sarif:
        from transclean.report import sarif

        document = sarif([(r.display_name, r.source, r.findings) for r in results])
        write_stdout(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    elif output_format is Format.html:
        from transclean.report_html import html_report  # the html format only: not paid by every check

        write_stdout(html_report([(r.display_name, r.result) for r in results]))
    if output_format in (Format.full, Format.concise) or statistics:
        write_stdout(findings_summary(found, fixed=len(found) - len(left) if fix else 0) + "\n")
    return 1 if left and not exit_zero else 0


# `check`'s flags that take no value; any other option sends the call to the typer app.
_FLAGS = {
    "--fix": "fix",
    "--unsafe-fixes": "unsafe_fixes",
    "--statistics": "statistics",
    "--exit-zero": "exit_zero",
    "--isolated": "isolated",
}


def quick_check(argv: Sequence[str]) -> int | None:
    """Run ``check`` with paths and plain flags only (``check a.txt b.txt --exit-zero``) as the typer app
    would, and return its exit status; ``None`` (nothing done) for any other call: another command, an
    option with a value, ``--help``, ``--``, a shell-completion request. Exits as click's main loop does:
    130 on Ctrl-C, 1 on a closed output pipe."""
    if not argv or argv[0] != "check" or any(name.endswith("_COMPLETE") for name in os.environ):
        return None
    paths, flags = [], set()
    for arg in argv[1:]:
        if arg in _FLAGS:
            flags.add(_FLAGS[arg])
        elif arg == "-" or not arg.startswith("-"):
            paths.append(arg)
        else:
            return None
    try:
        unsafe_fixes = True if "unsafe_fixes" in flags else None
        config = run_config(None, None, None, None, None, None, unsafe_fixes, isolated="isolated" in flags)
        return run_check(
            paths, config, fix="fix" in flags, statistics="statistics" in flags, exit_zero="exit_zero" in flags
        )
    except TranscleanError as exc:
        return show_error(exc)
    except KeyboardInterrupt:
        return 130
    except EOFError:
        echo_error("")
        echo_error("Aborted!")
        return 1
    except OSError as exc:
        import errno

        if exc.errno != errno.EPIPE:
            raise
        try:  # what typer's own main loop uses: its bundled click (typer 0.29), else click
            from typer._click.utils import PacifyFlushWrapper
        except ImportError:  # pragma: no cover - depends on the installed typer
            from click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
        sys.stderr = PacifyFlushWrapper(sys.stderr)  # type: ignore[assignment]
        return 1
