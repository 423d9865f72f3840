"""The translation backend's model store: Argos Translate packages, validated before anything is extracted.

Models live in ``$TRANSCLEAN_DATA_DIR/models`` (default ``$XDG_DATA_HOME/transclean/models``). Listing and
removing read ``metadata.json`` directly, so they never import argostranslate (and with it torch);
installing validates the archive, then extracts it through argostranslate's own installer.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from transclean.errors import E, TranscleanError

#: An archive that unpacks to more than this is refused (a zip bomb, or not a translation model).
MAX_UNPACKED_BYTES = 4 * 1024**3


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
    absolute paths, ``..``, links, or an unpacked size over MAX_UNPACKED_BYTES."""

    def bad(reason: str) -> TranscleanError:
        return TranscleanError(E.BAD_MODEL, path=path, reason=reason)

    if not zipfile.is_zipfile(path):
        raise bad("not a zip archive")
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
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


def use_store(override: str | os.PathLike[str] | None = None) -> Path:
    """Point argostranslate at transclean's model store; call before importing it (it reads this at import)."""
    folder = models_dir(override)
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["ARGOS_PACKAGES_DIR"] = str(folder)  # argostranslate 1.11 reads this at import
    return folder


def install(archive: Path, override: str | os.PathLike[str] | None = None) -> Model:
    """Validate and install an ``.argosmodel`` archive into the store."""
    if not archive.is_file():
        raise TranscleanError(E.NOT_FOUND, path=archive)
    metadata = validate_archive(archive)
    use_store(override)
    try:
        import argostranslate.package
    except ImportError:
        raise TranscleanError(
            E.NEEDS_EXTRA, what="installing models", package="argostranslate", extra="translate"
        ) from None
    argostranslate.package.install_from_path(archive)
    pair = (metadata["from_code"], metadata["to_code"])
    return next(m for m in installed(override) if (m.from_code, m.to_code) == pair)


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
