"""Every rule lives in its own file, named after its code and name, in its category's folder, imports no
other rule, and documents itself in the same sections."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from transclean.langdata import languages
from transclean.rules import REGISTRY, Rule
from transclean.rules.docs import SECTIONS

RULES = [REGISTRY[c] for c in sorted(REGISTRY)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_file_is_named_after_code_name_and_category(rule: type[Rule]) -> None:
    path = Path(inspect.getsourcefile(rule) or "")
    assert path.name == f"{rule.code.lower()}_{rule.name.replace('-', '_')}.py"
    assert path.parent.name == rule.category.value
    assert rule.code[2] == path.name[2]  # the code's hundred is the category's (TC4xx: pronoun)


def test_one_rule_per_file() -> None:
    files = [inspect.getsourcefile(rule) for rule in RULES]
    assert len(set(files)) == len(files)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_imports_no_other_rule(rule: type[Rule]) -> None:
    """A rule may import the rule base, the Context, shared analysis and data loaders; never another rule."""
    tree = ast.parse(Path(inspect.getsourcefile(rule) or "").read_text("utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    rule_modules = [m for m in imported if m.startswith("transclean.rules") and m != "transclean.rules.base"]
    assert not rule_modules, f"{rule.code} imports {rule_modules}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docstring_has_the_sections(rule: type[Rule]) -> None:
    assert tuple(rule.sections()) == SECTIONS
    assert all(rule.sections().values())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_declared_languages_have_data(rule: type[Rule]) -> None:
    assert set(rule.languages) <= set(languages()), f"{rule.code} declares a language without a data file"
