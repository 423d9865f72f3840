"""The translation backend's model store: Argos Translate packages, validated before anything is extracted.

Models live in ``$TRANSCLEAN_DATA_DIR/models`` (default ``$XDG_DATA_HOME/transclean/models``). Listing and
removing read ``metadata.json`` directly, so they never import argostranslate (and with it torch).
Installing is transactional: the archive is checked, extracted into a hidden folder of the store (same
disk) while the bytes really written are counted, and renamed into place only when complete, so a refused,
damaged or interrupted install leaves nothing that ``models list`` shows. argostranslate's own installer
(``install_from_path``) is a bare ``extractall`` into the same folder; it is not used.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from transclean.errors import E, TranscleanError

#: An archive that unpacks to more than this is refused (a zip bomb, or not a translation model).
MAX_UNPACKED_BYTES = 4 * 1024**3
#: One member over this is refused (a CTranslate2 model.bin of a large Argos model is about 1 GB).
MAX_ENTRY_BYTES = 2 * 1024**3
#: More members than this are refused (a model has a few dozen files).
MAX_ENTRIES = 10_000
#: A member over RATIO_FLOOR bytes that unpacks to more than MAX_RATIO times its compressed size is refused:
#: model weights and SentencePiece models compress about 1.1-3x; a bomb of zeros about 1000x.
MAX_RATIO = 100
RATIO_FLOOR = 1024**2
#: Prefix of the folders installs extract into, in the store (hidden: never listed as a model).
STAGING = ".install-"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """transclean's data directory: the option, then ``$TRANSCLEAN_DATA_DIR``, then XDG."""
    if override:
        return Path(override)
    if os.environ.get("TRANSCLEAN_DATA_DIR"):
        return Path(os.environ["TRANSCLEAN_DATA_DIR"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "transclean"


def models_dir(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / "models"


@dataclass(frozen=True)
class Model:
    """An installed translation model."""

    name: str
    from_code: str
    to_code: str
    version: str
    path: Path

    @property
    def pair(self) -> str:
        return f"{self.from_code}-{self.to_code}"


def validate_archive(path: Path) -> dict[str, object]:
    """Check an ``.argosmodel`` before extracting it; returns its metadata. Every problem is an error naming
    the archive and the offending member: not a zip, several top-level folders, no ``metadata.json``,
    absolute paths, ``..``, links, too many members, a member too large or compressed beyond belief, or an
    unpacked size over MAX_UNPACKED_BYTES. The sizes checked here are declared; :func:`install` counts the
    bytes it really writes."""

    def bad(reason: str) -> TranscleanError:
        return TranscleanError(E.BAD_MODEL, path=path, reason=reason)

    if not zipfile.is_zipfile(path):
        raise bad("not a zip archive")
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > MAX_ENTRIES:
            raise bad(f"{len(members)} members, over {MAX_ENTRIES}")
        tops = set()
        total = 0
        for info in members:
            name = info.filename
            pure = PurePosixPath(name)
            if name.startswith(("/", "\\")) or pure.is_absolute() or (len(name) > 1 and name[1] == ":"):
                raise bad(f"absolute path {name!r}")
            if ".." in pure.parts or "\\" in name:
                raise bad(f"path leaving the archive folder {name!r}")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise bad(f"link {name!r}")
            tops.add(pure.parts[0])
            _check_entry(info.filename, info.file_size, info.compress_size, bad)
            total += info.file_size
        if len(tops) != 1:
            raise bad(f"expected one top-level folder, found {len(tops)}: {', '.join(sorted(tops))[:200]}")
        if total > MAX_UNPACKED_BYTES:
            raise bad(f"unpacks to {total} bytes, over {MAX_UNPACKED_BYTES}")
        (top,) = tops
        try:
            metadata = json.loads(archive.read(f"{top}/metadata.json"))
        except KeyError:
            raise bad(f"no {top}/metadata.json") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise bad(f"metadata.json is not JSON: {exc}") from None
    if not isinstance(metadata, dict) or not {"from_code", "to_code"} <= metadata.keys():
        raise bad("metadata.json lacks from_code and to_code")
    return metadata


def installed(override: str | os.PathLike[str] | None = None) -> list[Model]:
    """The installed models, read from their metadata (no argostranslate import)."""
    folder = models_dir(override)
    found = []
    for meta in sorted(folder.glob("*/metadata.json")) if folder.is_dir() else []:
        if meta.parent.name.startswith(STAGING):
            continue  # an install in progress, or one killed mid-way
        try:
            data = json.loads(meta.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        found.append(
            Model(
                meta.parent.name,
                str(data.get("from_code")),
                str(data.get("to_code")),
                str(data.get("package_version", "?")),
                meta.parent,
            )
        )
    return found


def _check_entry(name: str, size: int, compressed: int, bad: Callable[[str], TranscleanError]) -> None:
    """Refuse a member over MAX_ENTRY_BYTES or compressed more than MAX_RATIO times."""
    if size > MAX_ENTRY_BYTES:
        raise bad(f"member {name!r} unpacks to {size} bytes, over {MAX_ENTRY_BYTES}")
    if size > RATIO_FLOOR and size > MAX_RATIO * max(compressed, 1):
        raise bad(f"member {name!r} unpacks to {size} bytes from {compressed} (over {MAX_RATIO}x)")


def install(archive: Path, override: str | os.PathLike[str] | None = None) -> Model:
    """Validate and install an ``.argosmodel`` archive into the store (replacing the same model)."""
    if not archive.is_file():
        raise TranscleanError(E.NOT_FOUND, path=archive)
    metadata = validate_archive(archive)
    store = models_dir(override)
    try:
        store.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(store)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=store))
    except OSError as exc:
        raise TranscleanError(E.UNWRITABLE, path=store, reason=exc.strerror or exc) from None
    try:
        top = _extract(archive, staging)
        _swap_in(staging / top, store / top)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    pair = (metadata["from_code"], metadata["to_code"])
    return next(m for m in installed(override) if (m.from_code, m.to_code) == pair and m.name == top)


def _extract(path: Path, staging: Path) -> str:
    """Extract the archive into ``staging``, counting the bytes really written against the limits (a member
    may declare fewer bytes than it holds). Returns the top-level folder's name."""

    def bad(reason: str) -> TranscleanError:
        return TranscleanError(E.BAD_MODEL, path=path, reason=reason)

    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                target = staging / info.filename
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                written = 0
                with archive.open(info) as source, open(target, "wb") as out:
                    while block := source.read(1 << 20):
                        written += len(block)
                        total += len(block)
                        _check_entry(info.filename, written, info.compress_size, bad)
                        if total > MAX_UNPACKED_BYTES:
                            raise bad(f"unpacks to more than {MAX_UNPACKED_BYTES} bytes")
                        out.write(block)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # e.g. a member holding more than it declares
        raise bad(f"damaged archive: {exc}") from None
    except OSError as exc:
        raise TranscleanError(E.UNWRITABLE, path=staging, reason=exc.strerror or exc) from None
    (top,) = {PurePosixPath(name).parts[0] for name in os.listdir(staging)}
    return top


def _swap_in(new: Path, target: Path) -> None:
    """Rename a complete model folder into place; a model already there is moved aside, then removed."""
    old = target.with_name(f"{STAGING}old-{os.getpid()}-{target.name}")
    try:
        if target.exists():
            os.replace(target, old)
        os.replace(new, target)
    except OSError as exc:
        raise TranscleanError(E.UNWRITABLE, path=target, reason=exc.strerror or exc) from None
    shutil.rmtree(old, ignore_errors=True)


def _remove_stale_staging(store: Path) -> None:
    """Remove the staging folders of installs whose process is gone (killed mid-way)."""
    for folder in store.glob(f"{STAGING}*"):
        pid = folder.name.removeprefix(STAGING).removeprefix("old-").split("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove(name_or_pair: str, override: str | os.PathLike[str] | None = None) -> Model:
    """Remove an installed model by folder name or by pair ("it-en")."""
    models = installed(override)
    for model in models:
        if name_or_pair in (model.name, model.pair):
            shutil.rmtree(model.path)
            return model
    raise TranscleanError(
        E.NO_MODEL, what=name_or_pair, installed=", ".join(m.pair for m in models) or "none", store=models_dir(override)
    )
