"""Shared test helpers: paths to the repository, its examples and the shared evaluation data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# `make fuzz`: the property tests with many more examples, bounded in time by the Makefile.
settings.register_profile("fuzz", max_examples=50_000, deadline=None, suppress_health_check=list(HealthCheck))

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = Path(os.environ.get("TRANSCLEAN_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared evaluation data not found at {path} (only CI and developer machines have it)")
    return path


def offline_env(folder: Path, env: dict[str, str]) -> dict[str, str]:
    """``env`` for a subprocess in which every socket connection raises (a sitecustomize in ``folder``)."""
    (folder / "sitecustomize.py").write_text(
        "import socket\n"
        "def _blocked(*a, **k):\n    raise RuntimeError('network access attempted')\n"
        "socket.socket.connect = _blocked\nsocket.socket.connect_ex = _blocked\n"
        "socket.create_connection = _blocked\nsocket.getaddrinfo = _blocked\n"
    )
    return {**env, "PYTHONPATH": f"{folder}{os.pathsep}{env.get('PYTHONPATH', '')}"}
