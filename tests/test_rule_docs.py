"""docs/rules/ is generated from the rule declarations (`make docs`) and must not drift from them."""

from __future__ import annotations

from conftest import ROOT
from transclean.rules.docs import rule_pages


def test_docs_rules_are_in_sync() -> None:
    directory = ROOT / "docs" / "rules"
    pages = rule_pages()
    on_disk = {p.name for p in directory.glob("*.md")}
    assert on_disk == set(pages), "docs/rules/ has stale or missing pages: run `make docs`"
    stale = [name for name, content in pages.items() if (directory / name).read_text("utf-8") != content]
    assert not stale, f"docs/rules/ is out of date ({', '.join(stale)}): run `make docs`"
