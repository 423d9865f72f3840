"""Model store: archives are validated before anything is extracted; listing needs no argostranslate."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from transclean import argos
from transclean.errors import TranscleanError

META = {"package_version": "1.0", "from_code": "it", "to_code": "en", "name": "tiny"}


def archive(path: Path, members: dict[str, bytes], links: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
        for name in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, "/etc/passwd")
    return path


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "transclean", *args], capture_output=True, text=True, env=env)


@pytest.mark.parametrize(
    ("members", "links", "reason"),
    [
        ({"pkg/../../evil.txt": b"x", "pkg/metadata.json": json.dumps(META).encode()}, (), "path leaving the archive"),
        ({"/etc/evil": b"x", "pkg/metadata.json": json.dumps(META).encode()}, (), "absolute path"),
        ({"pkg/metadata.json": json.dumps(META).encode()}, ("pkg/link",), "link 'pkg/link'"),
        ({"a/metadata.json": b"{}", "b/x": b""}, (), "expected one top-level folder, found 2"),
        ({"pkg/model.bin": b""}, (), "no pkg/metadata.json"),
        ({"pkg/metadata.json": b"{"}, (), "metadata.json is not JSON"),
    ],
)
def test_malicious_or_broken_archives_are_refused(
    tmp_path: Path, members: dict[str, bytes], links: tuple[str, ...], reason: str
) -> None:
    path = archive(tmp_path / "m.argosmodel", members, links)
    with pytest.raises(TranscleanError, match=reason):
        argos.validate_archive(path)


def test_cli_refuses_traversal_and_manages_the_store(tmp_path: Path) -> None:
    env = {**os.environ, "TRANSCLEAN_DATA_DIR": str(tmp_path / "data")}
    evil = archive(
        tmp_path / "evil.argosmodel", {"pkg/../../escape.txt": b"x", "pkg/metadata.json": json.dumps(META).encode()}
    )
    proc = run("models", "install", str(evil), env=env)
    assert proc.returncode == 2 and "path leaving the archive folder" in proc.stderr
    assert not (tmp_path / "escape.txt").exists()
    not_zip = tmp_path / "x.argosmodel"
    not_zip.write_text("hello")
    assert "not a zip archive" in run("models", "install", str(not_zip), env=env).stderr
    listing = run("models", "list", env=env)
    assert listing.returncode == 0 and "no model installed" in listing.stderr
    # A store filled by hand (as install_from_path leaves it): list and remove read metadata only.
    folder = tmp_path / "data" / "models" / "translate-it_en-1_0"
    folder.mkdir(parents=True)
    (folder / "metadata.json").write_text(json.dumps(META))
    assert run("models", "list", env=env).stdout.startswith("it-en\ttranslate-it_en-1_0\t1.0")
    missing = run("models", "remove", "fr-en", env=env)
    assert missing.returncode == 2 and "installed: it-en" in missing.stderr and "models install" in missing.stderr
    assert run("models", "remove", "it-en", env=env).returncode == 0 and not folder.exists()


def test_install_extracts_into_the_store_and_replaces_a_previous_version(tmp_path: Path) -> None:
    """No argostranslate import: the archive is extracted by transclean (argostranslate's installer is a bare
    extractall) into a hidden staging folder, then renamed into place."""
    env = {**os.environ, "TRANSCLEAN_DATA_DIR": str(tmp_path / "data")}
    members = {"translate-it_en-1_0/metadata.json": json.dumps(META).encode(), "translate-it_en-1_0/README.md": b"v1"}
    proc = run("models", "install", str(archive(tmp_path / "good.argosmodel", members)), env=env)
    assert proc.returncode == 0, proc.stderr
    assert "installed it-en (translate-it_en-1_0, version 1.0)" in proc.stdout
    members["translate-it_en-1_0/README.md"] = b"v2"
    assert run("models", "install", str(archive(tmp_path / "v2.argosmodel", members)), env=env).returncode == 0
    store = tmp_path / "data" / "models"
    assert (store / "translate-it_en-1_0" / "README.md").read_text() == "v2"
    assert [p.name for p in store.iterdir()] == ["translate-it_en-1_0"]


def _forge_size(path: Path, declared: int) -> None:
    """Make the archive's only member declare ``declared`` unpacked bytes (local and central headers)."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(signature) + offset
        data[at : at + 4] = declared.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def test_real_sizes_are_checked_and_a_refused_install_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A member declaring 10 bytes that holds 2 MB, a 5 MB run of zeros (ratio ~1000x), too many members:
    refused with the reason, and neither the model nor a staging folder is left in the store."""
    meta = json.dumps(META).encode()
    liar = tmp_path / "liar.argosmodel"
    with zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("pkg/model.bin", os.urandom(2 << 20))
    _forge_size(liar, 10)
    with zipfile.ZipFile(liar, "a") as z:
        z.writestr("pkg/metadata.json", meta)
    bomb = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("pkg/metadata.json", meta)
        z.writestr("pkg/model.bin", bytes(5 << 20))
    many = archive(tmp_path / "many.argosmodel", {"pkg/metadata.json": meta, **{f"pkg/{i}": b"" for i in range(6)}})
    monkeypatch.setattr(argos, "MAX_ENTRIES", 5)
    store = tmp_path / "store"
    for path, reason in (
        (liar, "damaged archive"),
        (bomb, "unpacks to 5242880 bytes from"),
        (many, "7 members, over 5"),
    ):
        with pytest.raises(TranscleanError, match=reason):
            argos.install(path, store)
        assert argos.installed(store) == []
        assert not any((store / "models").iterdir())
