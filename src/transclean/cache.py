"""The user cache folder, and the compiled ``regex`` patterns kept there between processes.

The ``regex`` module parses and compiles a pattern in Python: the rules compile about 110 patterns at
import, 0.05-0.18 s of a cold ``transclean check`` (a quarter of its import). A compiled pattern pickles as
its compiled code, so unpickling it skips the parser; and ``regex`` keeps its own in-process cache keyed by
pattern text and flags. Seeding that cache with the patterns of an earlier run
makes each ``regex.compile`` at import a dictionary hit. An entry whose pattern text has since changed is
never hit, so the file needs no key but the ``regex`` version (the compiled code's format); an import that
compiled patterns the file lacked rewrites it. ``re`` patterns pickle as their text and gain nothing.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import regex


def cache_dir() -> Path:
    """transclean's folder in the user cache (``$XDG_CACHE_HOME``, else ``~/.cache``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "transclean"


@contextlib.contextmanager
def kept_regex_patterns() -> Iterator[None]:
    """Seed ``regex``'s cache with the patterns an earlier run kept, run the block (the package's imports),
    then keep the cache if the block compiled patterns the file lacked. Only import-time patterns are kept:
    patterns built per document at run time would make every process rewrite the file. A missing,
    unreadable or foreign file, or a ``regex`` without this cache, costs nothing but the speed-up."""
    internals = getattr(regex, "_main", None)
    if not all(hasattr(internals, name) for name in ("_cache", "_cache_lock", "_named_args", "_locale_sensitive")):
        yield
        return
    path = cache_dir() / f"regex-{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"
    seeded: frozenset[object] = frozenset()
    # A pickle from the user's own cache is trusted as the lexicons there are. Any failure to read it
    # (truncated, another regex build) leaves regex's cache empty: never an error.
    with contextlib.suppress(Exception):
        patterns, named_args, locale_sensitive = pickle.loads(path.read_bytes())
        with internals._cache_lock:
            internals._cache.update(patterns)
            internals._named_args.update(named_args)
            internals._locale_sensitive.update(locale_sensitive)
        seeded = frozenset(patterns)
    yield
    with internals._cache_lock:
        patterns = dict(internals._cache)
        named_args = dict(internals._named_args)
        locale_sensitive = dict(internals._locale_sensitive)
    if patterns.keys() <= seeded:
        return
    with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError):
        keep(path, pickle.dumps((patterns, named_args, locale_sensitive), pickle.HIGHEST_PROTOCOL))


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
