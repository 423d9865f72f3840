"""The learning pass of ``transclean clean``: one partial profile per chunk, merged by addition.

It runs on the cleaning pass's engine and resumes like it: each chunk writes ``.learn/<chunk>.gz``
atomically, then its marker ``.learn/<chunk>.done``; a rerun learns only the chunks without a marker. The
partials are merged in plan order, so the profile is the same bytes with 1 or N workers, with Dask, and
after a kill and resume.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from transclean.corpus.profile import CorpusProfile, save_profile
from transclean.files import write_atomic

if TYPE_CHECKING:
    from transclean.batch.formats import Chunk
    from transclean.batch.runner import Options

PROFILE_NAME = "profile.json.gz"
LEARN_DIR = ".learn"


def record_group(record: Mapping[str, Any], group_field: str | None, chunk: Chunk) -> str:
    """The group (site) of a record: the value of ``group_field`` (a URL's host when it is a URL), else the
    input file, else for one-document ``.txt`` files their folder (a file per article: the folder is the site).

    >>> from transclean.batch.formats import Chunk
    >>> c = Chunk("/data/a.jsonl", "jsonl", 0, 0, 10, 1, "a-0")
    >>> record_group({"url": "https://www.Example.org/x?y=1"}, "url", c), record_group({}, "url", c)
    ('example.org', '/data/a.jsonl')
    """
    value = record.get(group_field) if group_field else None
    if isinstance(value, str) and value:
        if "://" in value:
            host = (urlsplit(value).hostname or "").removeprefix("www.")
            if host:
                return host
        return value
    return os.path.dirname(chunk.path) if chunk.fmt == "txt" else chunk.path


def _part(outdir: Path, chunk: Chunk) -> Path:
    """Where a chunk's partial profile goes: one flat name per chunk (chunk names of text folders hold '/')."""
    return outdir / LEARN_DIR / f"{quote(chunk.name, safe='')}.gz"


def learn_chunk(chunk: Chunk, options: Options, outdir: str, tmpdir: str) -> dict[str, Any]:
    """Learn one chunk's partial profile; write it (through ``tmpdir``, the run's temporary folder), then
    its marker. Malformed records are skipped here: the cleaning pass rejects them with their reason."""
    from transclean.batch.formats import read_records

    profile = CorpusProfile()
    for raw in read_records(chunk, options.text_field):
        if raw.data is None:
            continue
        text = raw.data[options.text_field]
        # Spellings go by language only when records carry it: detecting it here doubled the pass's cost.
        # Without it they go under "und", which serves documents of every language.
        language = raw.data.get(options.lang_field) if options.lang_field else None
        group = record_group(raw.data, options.group_field, chunk)
        profile.learn(text, group, language if isinstance(language, str) else None)
    part = _part(Path(outdir), chunk)
    write_atomic(part, profile.to_bytes(final=False), tmpdir=tmpdir)
    write_atomic(part.with_suffix(".done"), b"", tmpdir=tmpdir)  # the marker comes last
    return {"_name": chunk.name}


def learn(
    chunks: list[Chunk],
    outdir: Path,
    execute: Callable[[list[Chunk]], None],
) -> Path:
    """Build ``outdir/profile.json.gz`` from every chunk (``execute`` runs :func:`learn_chunk` on the
    chunks it is given); a profile already saved by an earlier run is kept."""
    path = outdir / PROFILE_NAME
    if path.exists():
        return path
    folder = outdir / LEARN_DIR
    folder.mkdir(exist_ok=True)
    execute([c for c in chunks if not _part(outdir, c).with_suffix(".done").exists()])
    merged = CorpusProfile()
    for chunk in chunks:  # plan order: the same profile whatever order the chunks finished in
        part = _part(outdir, chunk)
        merged = merged + CorpusProfile.from_bytes(part.read_bytes(), str(part))
    save_profile(merged, path)
    return path
