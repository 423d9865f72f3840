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


def test_install_goes_through_argostranslate(tmp_path: Path) -> None:
    """A well-formed archive is extracted by argostranslate's own installer into transclean's store (the XDG
    folders argostranslate creates at import point into the test's temporary folder)."""
    pytest.importorskip("argostranslate")
    env = {
        **os.environ,
        "TRANSCLEAN_DATA_DIR": str(tmp_path / "data"),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
    }
    good = archive(
        tmp_path / "good.argosmodel",
        {"translate-it_en-1_0/metadata.json": json.dumps(META).encode(), "translate-it_en-1_0/README.md": b"tiny"},
    )
    proc = run("models", "install", str(good), env=env)
    assert proc.returncode == 0, proc.stderr
    assert "installed it-en (translate-it_en-1_0, version 1.0)" in proc.stdout
    assert (tmp_path / "data" / "models" / "translate-it_en-1_0" / "README.md").read_text() == "tiny"
