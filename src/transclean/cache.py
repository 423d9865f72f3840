"""The user cache folder, and the compiled ``regex`` and ``re`` patterns kept there between processes.

The ``regex`` module parses and compiles a pattern in Python: the rules compile about 110 patterns at
import, 0.05-0.18 s of a cold ``transclean check`` (a quarter of its import), and a check compiles a few
long ones at run time (the speech verbs, titles and auxiliaries of the document's language: 0.03-0.04 s).
A compiled pattern pickles as its compiled code, so unpickling it skips the parser; and ``regex`` keeps its
own in-process cache keyed by pattern text and flags. Seeding that cache with the patterns of an earlier
run makes each ``regex.compile`` a dictionary hit. An entry whose pattern text has since changed is never
hit, so a file needs no key but the ``regex`` version (the compiled code's format); a block that compiled
patterns its file lacked rewrites it. ``re`` patterns pickle as their text; the mojibake pre-check's and the
other ``re`` patterns compiled at import (0.02-0.03 s) are kept as the arguments ``re`` passes to its engine
(``_sre.compile``), under the exact Python build, and seed ``re``'s cache the same way.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import regex


def cache_dir() -> Path:
    """transclean's folder in the user cache (``$XDG_CACHE_HOME``, else ``~/.cache``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "transclean"


#: Patterns compiled at run time are kept from this length on: the per-language alternations that cost the
#: time are hundreds of characters long, patterns built from a document's own words (an acronym, a name)
#: are short and would only grow the file.
LONG_PATTERN = 100

#: At most this many patterns compiled at run time are kept (a file that would outgrow it starts again
#: from the last run's), well under the 500 of ``regex``'s own cache.
RUN_PATTERNS = 200


@contextlib.contextmanager
def kept_regex_patterns(kind: str = "import") -> Iterator[None]:
    """Seed ``regex``'s cache with the patterns an earlier run kept in the file of ``kind``, run the block,
    then keep the patterns it compiled that the file lacked: all of them for the package's imports
    (``"import"``), the long ones (:data:`LONG_PATTERN`) for a command's run (``"run"``), which would
    otherwise keep every document's own patterns. A missing, unreadable or foreign file, or a ``regex``
    without this cache, costs nothing but the speed-up."""
    internals = getattr(regex, "_main", None)
    if not all(hasattr(internals, name) for name in ("_cache", "_cache_lock", "_named_args", "_locale_sensitive")):
        yield
        return
    version = f"{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    path = cache_dir() / (f"regex-{version}.pickle" if kind == "import" else f"regex-{kind}-{version}.pickle")
    seeded: dict[Any, Any] = {}
    # A pickle from the user's own cache is trusted as the lexicons there are. Any failure to read it
    # (truncated, another regex build) leaves regex's cache as it was: never an error.
    with contextlib.suppress(Exception):
        seeded, named_args, locale_sensitive = pickle.loads(path.read_bytes())
        with internals._cache_lock:
            internals._cache.update(seeded)
            internals._named_args.update(named_args)
            internals._locale_sensitive.update(locale_sensitive)
    with internals._cache_lock:
        before = set(internals._cache)
    yield
    with internals._cache_lock:
        new = {
            key: compiled
            for key, compiled in internals._cache.items()
            if key not in before and (kind == "import" or len(key[0]) >= LONG_PATTERN)
        }
        if not new:
            return
        patterns = new if kind != "import" and len(seeded) + len(new) > RUN_PATTERNS else {**seeded, **new}
        texts = {key[0] for key in patterns}
        named_args = {key: value for key, value in internals._named_args.items() if key[0] in texts}
        locale_sensitive = {key: value for key, value in internals._locale_sensitive.items() if key[1] in texts}
    with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError):
        keep(path, pickle.dumps((patterns, named_args, locale_sensitive), pickle.HIGHEST_PROTOCOL))


@contextlib.contextmanager
def kept_re_patterns() -> Iterator[None]:
    """Seed ``re``'s cache with the patterns an earlier import compiled, as :func:`kept_regex_patterns`
    does for ``regex``'s, then keep what the block compiled that the file lacked. Each is kept as the
    arguments of ``_sre.compile`` (the compiled code), read back only by the same Python build, and only if
    the pattern they rebuild equals the one ``re`` compiled (code, flags, groups). Anything unexpected in
    ``re``'s internals (another Python) leaves its cache alone."""
    import _sre

    compiler = getattr(re, "_compiler", None)
    if not (hasattr(re, "_cache") and hasattr(compiler, "_code") and hasattr(re, "_parser")):
        yield
        return
    path = cache_dir() / f"re-{sys.implementation.name}-{sys.hexversion:x}-{_sre.MAGIC}.marshal"
    seeded: dict[tuple[bool, str | bytes, int], tuple[Any, ...]] = {}
    with contextlib.suppress(Exception):
        seeded = marshal.loads(path.read_bytes())
        compiled = {
            (bytes if isbytes else str, text, flags): _sre.compile(*args)
            for (isbytes, text, flags), args in seeded.items()
        }
        re._cache.update(compiled)  # type: ignore[attr-defined]
    before = set(re._cache)  # type: ignore[attr-defined]
    yield
    new = {}
    for key, compiled in list(re._cache.items()):  # type: ignore[attr-defined]
        kind, text, flags = key
        if key in before or kind not in (str, bytes) or flags & re.DEBUG:
            continue
        with contextlib.suppress(Exception):
            args = _engine_arguments(text, flags)
            rebuilt = _sre.compile(*args)
            if rebuilt == compiled and rebuilt.groupindex == compiled.groupindex and rebuilt.groups == compiled.groups:
                new[kind is bytes, text, flags] = args
    if new:
        with contextlib.suppress(ValueError):
            keep(path, marshal.dumps({**seeded, **new}))


def _engine_arguments(text: str | bytes, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for this pattern (Python 3.11-3.13)."""
    parsed = re._parser.parse(text, flags)  # type: ignore[attr-defined]
    code = [int(op) for op in re._compiler._code(parsed, flags)]  # type: ignore[attr-defined] # named opcodes
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return text, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def keep(path: Path, data: bytes) -> None:
    """Write a cache file atomically (processes may race); a cache that cannot be written is only slower
    next time, never an error."""
    from transclean.errors import TranscleanError
    from transclean.files import write_atomic  # only when a cache is written: not paid by every start

    with contextlib.suppress(OSError, TranscleanError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)


def kept(path: Path, key: object, build: Callable[[], Any], codec: ModuleType = pickle) -> Any:
    """The value kept at ``path`` under ``key`` (written by ``codec``: pickle or marshal), else ``build()``'s,
    kept there for the next process. A missing, unreadable or stale file means building again; a value the
    codec cannot write (a TOML date for marshal) is only not kept."""
    with contextlib.suppress(Exception):
        kept_key, value = codec.loads(path.read_bytes())
        if kept_key == key:
            return value
    value = build()
    with contextlib.suppress(ValueError, TypeError, RecursionError, pickle.PicklingError):
        keep(path, codec.dumps((key, value)))
    return value
