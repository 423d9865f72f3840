"""Rule documentation, generated from the rule declarations: ``transclean rule CODE``, ``transclean rules``
and the pages of ``docs/rules/`` (``make docs``; tests/test_rule_docs.py keeps them in sync)."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from transclean.rules import REGISTRY, Rule

#: the docstring sections every rule has, in this order.
SECTIONS = ("What it finds", "Why it matters", "Fix safety")


def rule_path(rule: type[Rule]) -> str:
    """The rule's file relative to the repository root ("src/transclean/rules/pronoun/tc401_pronoun_gender.py")."""
    return "src/" + rule.__module__.replace(".", "/") + ".py"


def _languages(rule: type[Rule]) -> str:
    return ", ".join(rule.languages) if rule.languages else "any"


def _default(rule: type[Rule]) -> str:
    return "on" if rule.default_enabled else f"off ({rule.off_reason})"


def rule_doc(rule: type[Rule], path: str | None = None) -> str:
    """Everything about one rule, in Markdown: declaration, docstring sections, examples and its file
    (``path``, or the file relative to the repository root)."""
    out = [
        f"# {rule.code} {rule.name}",
        "",
        rule.summary(),
        "",
        f"- category: {rule.category.value} (ITS: {rule.category.its_type})",
        f"- severity: {rule.severity.value}",
        f"- fix: {rule.fix.value}",
        f"- default: {_default(rule)}",
        f"- languages: {_languages(rule)}",
        f"- file: {path or rule_path(rule)}",
    ]
    for title, body in rule.sections().items():
        out += ["", f"## {title}", "", body]
    groups = (
        ("Fires on", rule.must_fire),
        ("Does not fire on", rule.must_not_fire),
        ("Known false positives", rule.known_false_positives),
    )
    if any(examples for _, examples in groups):
        out += ["", "## Examples", "", "Spans the rule reports are marked ⟦…⟧; `->` shows the fixed text."]
    for title, examples in groups:
        if examples:
            out += ["", f"{title}:", "", "```text"]
            out += [f"{ex.text!r}" + (f"\n  -> {ex.fixed!r}" if ex.fixed is not None else "") for ex in examples]
            out.append("```")
    return "\n".join(out) + "\n"


def rule_table() -> str:
    """The Markdown table of the rules (``transclean rules``)."""
    rows = ["| code | name | category | severity | fix | default | what it finds |", "|---|---|---|---|---|---|---|"]
    for rule in (REGISTRY[c] for c in sorted(REGISTRY)):
        rows.append(
            f"| {rule.code} | {rule.name} | {rule.category.value} | {rule.severity.value} | "
            f"{rule.fix.value} | {_default(rule)} | {rule.summary()} |"
        )
    return "\n".join(rows) + "\n"


def rules_index() -> str:
    """``docs/rules/README.md``: every rule with a link to its page."""
    rows = [
        "# Rules",
        "",
        "Generated from the rule declarations by `make docs`; do not edit. `transclean rule CODE` prints a page.",
        "Rules live in `src/transclean/rules/<category>/tcNNN_<name>.py`; select them by code, code prefix",
        "(`TC4`), category or `ALL` (see the README's configuration section).",
        "",
        "| code | name | category | fix | default | languages | what it finds |",
        "|---|---|---|---|---|---|---|",
    ]
    for code in sorted(REGISTRY):
        rule = REGISTRY[code]
        rows.append(
            f"| [{code}]({code}.md) | {rule.name} | {rule.category.value} | {rule.fix.value} | {_default(rule)} | "
            f"{_languages(rule)} | {rule.summary()} |"
        )
    return "\n".join(rows) + "\n"


def rule_pages() -> dict[str, str]:
    """File name -> content of every page of ``docs/rules/``."""
    pages = {"README.md": rules_index()}
    for code, rule in sorted(REGISTRY.items()):
        page = rule_doc(rule, f"[{rule_path(rule)}](../../{rule_path(rule)})")
        pages[f"{code}.md"] = page
    return pages


def write_rule_docs(directory: Path) -> None:
    """Write ``docs/rules/`` afresh: the pages of the registered rules, none of a retired one."""
    directory.mkdir(parents=True, exist_ok=True)
    pages = rule_pages()
    for stale in directory.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for name, content in pages.items():
        (directory / name).write_text(content, encoding="utf-8")


def source_file(rule: type[Rule]) -> str:
    """Where the rule's module is on this machine (``transclean rule`` prints it)."""
    return inspect.getsourcefile(rule) or rule_path(rule)


if __name__ == "__main__":
    write_rule_docs(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules"))
