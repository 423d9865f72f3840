"""Files on disk for `check`: which files a path names (directories walked like ruff does, skipping what
.gitignore and ``exclude`` skip), and checking or fixing each with the configuration that applies to it."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from transclean.config import Config
from transclean.files import STDIN, encode_text, read_document, write_atomic
from transclean.model import Document, Finding
from transclean.pipeline import Pipeline, Result

#: Suffixes of the files a directory walk picks up; a file named on the command line is read whatever its name.
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".rst", ".tex"})
#: Directories never walked into, as ruff's default excludes (virtualenvs, VCS and tool caches).
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox"})


@dataclass(frozen=True)
class _Ignore:
    """One .gitignore line, relative to the directory that holds it."""

    base: Path
    pattern: str
    negated: bool
    dir_only: bool
    anchored: bool

    def matches(self, path: Path, is_dir: bool) -> bool:
        if self.dir_only and not is_dir:
            return False
        try:
            rel = PurePosixPath(path.relative_to(self.base).as_posix())
        except ValueError:
            return False
        if self.anchored:
            return fnmatch(str(rel), self.pattern)
        return fnmatch(rel.name, self.pattern)


def _gitignore(directory: Path) -> list[_Ignore]:
    """The patterns of ``directory/.gitignore`` (none when absent). Supports negation, trailing ``/`` and
    anchoring; ``**`` is read as ``*``, which matches across ``/`` in :func:`fnmatch`."""
    try:
        lines = (directory / ".gitignore").read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return []
    rules = []
    for line in lines:
        line = line.rstrip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        line = line[1:] if negated else line
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = "/" in line
        rules.append(
            _Ignore(directory, line.lstrip("/").replace("**/", "*").replace("/**", "/*"), negated, dir_only, anchored)
        )
    return rules


def _ignored(path: Path, is_dir: bool, rules: Sequence[_Ignore]) -> bool:
    ignored = False
    for rule in rules:  # the last matching line wins, as in git
        if rule.matches(path, is_dir):
            ignored = not rule.negated
    return ignored


def _excluded(path: Path, root: Path, exclude: Sequence[str]) -> bool:
    rel = path.relative_to(root).as_posix() if path != root else path.name
    return any(fnmatch(rel, pattern) or fnmatch(path.name, pattern) for pattern in exclude)


def _parent_rules(directory: Path) -> list[_Ignore]:
    """.gitignore patterns of the directories above ``directory``, up to the repository root."""
    rules: list[_Ignore] = []
    for parent in directory.resolve().parents:
        rules = _gitignore(parent) + rules
        if (parent / ".git").exists():
            break
    return rules


def discover(paths: Sequence[str], *, exclude: Sequence[str] = ()) -> list[str]:
    """The files named by ``paths``: files as given (``-`` is standard input), directories walked in sorted
    order for :data:`TEXT_SUFFIXES` files, skipping hidden and tool directories, ``exclude`` patterns
    (matched against the path below the named directory and against the name) and what .gitignore files
    ignore."""
    found: list[str] = []
    for name in paths:
        root = Path(name)
        if name == STDIN or not root.is_dir():
            found.append(name)  # a missing file is reported when it is read
            continue
        found.extend(str(p) for p in _walk(root, root, exclude, _parent_rules(root)))
    return found


def _walk(directory: Path, root: Path, exclude: Sequence[str], rules: list[_Ignore]) -> Iterator[Path]:
    rules = rules + _gitignore(directory)
    with os.scandir(directory) as entries:
        items = sorted(entries, key=lambda e: e.name)
    for entry in items:
        path = Path(entry.path)
        is_dir = entry.is_dir()
        if _excluded(path, root, exclude) or _ignored(path, is_dir, rules):
            continue
        if is_dir:
            if entry.name not in SKIPPED_DIRS and not entry.name.startswith("."):
                yield from _walk(path, root, exclude, rules)
        elif entry.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            yield path


@dataclass(frozen=True)
class FileResult:
    """One checked file: the pipeline's result (findings in source offsets, every pass; the text before and
    after the fixes), the findings left in source offsets, and whether the fixed text was written back."""

    path: str
    result: Result
    remaining: tuple[Finding, ...]
    written: bool = False

    @property
    def display_name(self) -> str:
        return "<stdin>" if self.path == STDIN else self.path

    @property
    def source(self) -> str:
        return self.result.document.source or ""

    @property
    def fixed(self) -> str:
        return self.result.text

    @property
    def language(self) -> str | None:
        return self.result.document.language

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.result.findings


def check_paths(paths: Sequence[str], *, config: Config, fix: bool = False) -> Iterator[FileResult]:
    """Check each file (see :func:`discover`) with ``config`` plus its per-file ignores; with ``fix``,
    write the fixed text back in place (atomically, in the file's encoding) where it changed. Standard
    input is never written back."""
    pipelines: dict[Config, Pipeline] = {}
    for path in discover(paths, exclude=config.exclude):
        file_config = config.for_path(path)
        pipeline = pipelines.get(file_config) or pipelines.setdefault(file_config, Pipeline(file_config))
        source, bom, codec = read_document(path)
        result = pipeline.process(Document(source, language=config.language, metadata={"path": path}))
        written = fix and path != STDIN and result.text != source
        if written:
            write_atomic(path, encode_text(result.text, bom, codec))
        yield FileResult(path, result, result.remaining_in_source(), written)
