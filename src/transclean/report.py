"""Renderers: every format is built from the one JSON shape of a finding."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence

from transclean.model import Finding
from transclean.rules import REGISTRY, Rule
from transclean.text import LineIndex


def findings_json(path: str, language: str | None, findings: Iterable[Finding]) -> str:
    """One JSON object per input: ``{"path", "language", "findings": [...]}``."""
    return json.dumps(
        {"path": path, "language": language, "findings": [f.to_dict() for f in findings]},
        ensure_ascii=False,
    )


def findings_text(path: str, text: str, findings: Sequence[Finding]) -> list[str]:
    """Linter-style lines: ``path:line:col: CODE category message [*]`` (``*``: a fix is available)."""
    index = LineIndex(text)
    lines = []
    for f in findings:
        line, col = index.position(f.start)
        mark = f" [{f.applicability.value}-fix]" if f.fix else ""
        lines.append(f"{path}:{line}:{col}: {f.code} {f.category.value} {f.message}{mark}")
    return lines


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of a fix."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


def rule_table(rules: Iterable[type[Rule]] | None = None) -> str:
    """The Markdown rule table for the README, generated from the rule declarations."""
    rows = ["| code | name | category | severity | fix | default | what it finds |", "|---|---|---|---|---|---|---|"]
    for rule in rules or [REGISTRY[c] for c in sorted(REGISTRY)]:
        default = "on" if rule.default_enabled else f"off ({rule.off_reason})"
        rows.append(
            f"| {rule.code} | {rule.name} | {rule.category.value} | {rule.severity.value} | "
            f"{rule.fix.value} | {default} | {rule.summary()} |"
        )
    return "\n".join(rows) + "\n"


def rule_doc(rule: type[Rule]) -> str:
    """Everything about one rule: declaration, docstring and examples."""
    out = [
        f"{rule.code} {rule.name}",
        "",
        f"category: {rule.category.value} (ITS: {rule.category.its_type})",
        f"severity: {rule.severity.value}",
        f"fix: {rule.fix.value}",
        f"default: {'on' if rule.default_enabled else 'off: ' + rule.off_reason}",
        "",
        (rule.__doc__ or "").strip(),
        "",
    ]
    for title, examples in (
        ("Fires on", rule.must_fire),
        ("Does not fire on", rule.must_not_fire),
        ("Known false positives", rule.known_false_positives),
    ):
        if examples:
            out.append(f"{title}:")
            out.extend(f"  {ex.text!r}" + (f"\n    -> {ex.fixed!r}" if ex.fixed is not None else "") for ex in examples)
    return "\n".join(out)
