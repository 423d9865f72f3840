"""Every rule's own examples: must fire (with span and fix), must not fire, known false positives."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest

from transclean import Config, Document, Pipeline
from transclean.corpus import CorpusProfile, save_profile
from transclean.rules import REGISTRY, Example, Rule

_PROFILES = tempfile.TemporaryDirectory(prefix="transclean-examples-")


@cache
def _corpus_profile(rule: type[Rule]) -> str | None:
    """The profile of a rule's example corpus, for rules that learn from one."""
    if not rule.example_corpus:
        return None
    profile = CorpusProfile()
    for text in rule.example_corpus:
        profile.learn(text, "examples", None)
    path = Path(_PROFILES.name) / f"{rule.code}.json.gz"
    save_profile(profile, path)
    return str(path)


def _pipeline(rule: type[Rule]) -> Pipeline:
    return Pipeline(Config(select=(rule.code,), unsafe_fixes=True, corpus_profile=_corpus_profile(rule)))


def _findings(rule: type[Rule], example: Example) -> list:
    doc = Document(example.plain, language=example.language)
    return [f for f in _pipeline(rule).detect(doc) if f.code == rule.code]


def test_every_rule_ships_examples() -> None:
    missing = [code for code, rule in REGISTRY.items() if not rule.must_fire or not rule.must_not_fire]
    assert not missing, f"rules without must-fire and must-not-fire examples: {missing}"


def test_rule_examples() -> None:
    """Runs all examples of all rules and reports every failure at once."""
    failures: list[str] = []
    for code, rule in sorted(REGISTRY.items()):
        for ex in rule.must_fire + rule.known_false_positives:
            found = _findings(rule, ex)
            spans = [(f.start, f.end) for f in found]
            if not found:
                failures.append(f"{code}: did not fire on {ex.text!r}")
                continue
            if ex.spans and spans != ex.spans:
                failures.append(f"{code}: spans {spans} != expected {ex.spans} in {ex.text!r}")
            for f in found:
                if f.text != ex.plain[f.start : f.end]:
                    failures.append(f"{code}: finding text {f.text!r} is not the slice in {ex.text!r}")
            if ex.fixed is not None:
                result = _pipeline(rule).process(Document(ex.plain, language=ex.language))
                if result.text != ex.fixed:
                    failures.append(f"{code}: fixed {result.text!r} != expected {ex.fixed!r}")
                if any(f.fix for f in result.remaining if f.code == code):
                    failures.append(f"{code}: fixing {ex.text!r} did not silence the rule")
        for ex in rule.must_not_fire:
            found = _findings(rule, ex)
            if found:
                failures.append(f"{code}: fired on must-not-fire {ex.text!r}: {[f.text for f in found]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_rule_declaration(code: str) -> None:
    rule = REGISTRY[code]
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.summary(), f"{code} has no docstring"
    assert rule.default_enabled or rule.off_reason, f"{code} is off by default without a stated reason"
