"""The checked-in list of rule codes keeps codes from being dropped or reused."""

from __future__ import annotations

from conftest import FIXTURES
from transclean.rules import REGISTRY


def _listed() -> dict[str, list[str]]:
    lines = (FIXTURES / "rule_codes.txt").read_text("utf-8").splitlines()
    return {line.split()[0]: line.split()[1:] for line in lines if line and not line.startswith("#")}


def test_codes_match_checked_in_list() -> None:
    listed = _listed()
    for code, rule in REGISTRY.items():
        assert listed.get(code, [None])[0] == rule.name, f"{code} added or renamed: update rule_codes.txt"
    dropped = [c for c, words in listed.items() if c not in REGISTRY and "retired" not in words]
    assert not dropped, f"codes dropped without being marked retired: {dropped}"
