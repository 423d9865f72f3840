"""Configuration as a frozen value: profiles, rule selection, fix safety; read from TOML files.

Precedence: CLI options override the config file (``transclean.toml``, or ``[tool.transclean]`` in
``pyproject.toml``), which overrides the defaults below.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from transclean.errors import E, TranscleanError
from transclean.model import Applicability
from transclean.rules import REGISTRY, Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@lru_cache(maxsize=1)
def profiles() -> dict[str, dict[str, Any]]:
    """The shipped profiles (``data/profiles.toml``)."""
    return tomllib.loads(resources.files("transclean").joinpath("data/profiles.toml").read_text("utf-8"))


@dataclass(frozen=True)
class Config:
    """What the pipeline runs and how.

    - ``profile``: named starting selection (see ``transclean profiles``).
    - ``select``: replaces the profile's selection; ``extend_select`` adds to it; ``ignore`` removes.
      For each rule the most specific matching selector wins; on a tie, ignore wins.
    - ``unsafe_fixes``: also apply fixes that guess meaning (off: they are only suggested).
    - ``language``: the document language when known; otherwise detected when a rule needs it.
    - ``glossaries``: the user's glossary files (TSV, CSV, TBX); their preferred forms are enforced.
    - ``shipped_glossaries``: also load ``glossaries/`` (organisations, people, places) as knowledge.
    - ``only_fixable``: skip rules whose fixes could not be applied (flag-only, or unsafe without
      ``unsafe_fixes``): they cannot change the output, so a batch run that keeps no findings skips them.
    - ``max_iterations``: fix passes before giving up (the error names the rules still changing text).
    - ``corpus_profile``: a profile saved by ``transclean clean`` (``OUTDIR/profile.json.gz``): lost letters
      are read from the corpus's own spellings and its sites' template lines are removed (TC204).
    """

    profile: str = "default"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    unsafe_fixes: bool = False
    language: str | None = None
    glossaries: tuple[str, ...] = ()
    shipped_glossaries: bool = True
    only_fixable: bool = False
    max_iterations: int = 10
    corpus_profile: str | None = None
    origin: str = "defaults"

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given non-None fields replaced (CLI over file over defaults)."""
        changes = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **changes)

    def rules(self) -> list[type[Rule]]:
        """The enabled rules, in code order."""
        known = profiles()
        if self.profile not in known:
            raise TranscleanError(
                E.UNKNOWN_PROFILE, profile=self.profile, origin=self.origin, known=", ".join(sorted(known))
            )
        base = self.select if self.select is not None else tuple(known[self.profile]["select"])
        select = base + self.extend_select
        for selector in select + self.ignore:
            _check_selector(selector, self.origin)
        fixable = {Applicability.SAFE} | ({Applicability.UNSAFE} if self.unsafe_fixes else set())
        return [
            rule
            for code, rule in sorted(REGISTRY.items())
            if _enabled(rule, select, self.ignore) and (not self.only_fixable or rule.fix in fixable)
        ]


def _matches(selector: str, rule: type[Rule]) -> int | None:
    """Specificity of ``selector`` for ``rule`` (higher is more specific), or None if it does not match."""
    if selector == "ALL":
        return 0
    if selector == rule.category.value:
        return 1
    if rule.code.startswith(selector):
        return len(selector)
    return None


def _check_selector(selector: str, origin: str) -> None:
    if not any(_matches(selector, rule) is not None for rule in REGISTRY.values()):
        raise TranscleanError(E.UNKNOWN_SELECTOR, selector=selector, origin=origin)


def _enabled(rule: type[Rule], select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    def best(selectors: tuple[str, ...]) -> int:
        scores = [s for sel in selectors if (s := _matches(sel, rule)) is not None]
        if not rule.default_enabled:  # opt-in rules need their exact code or ALL
            scores = [s for s in scores if s in (0, len(rule.code))]
        return max(scores, default=-1)

    chosen, dropped = best(select), best(ignore)
    return chosen >= 0 and chosen > dropped


_FILE_KEYS = {f.name.replace("_", "-"): f.name for f in fields(Config) if f.name != "origin"}


def load_config(directory: Path | None = None) -> Config:
    """Read ``transclean.toml`` or ``[tool.transclean]`` from ``pyproject.toml`` in ``directory`` (cwd)."""
    directory = directory or Path.cwd()
    for name, section in (("transclean.toml", ()), ("pyproject.toml", ("tool", "transclean"))):
        path = directory / name
        if not path.is_file():
            continue
        try:
            data: Any = tomllib.loads(path.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise TranscleanError(E.BAD_CONFIG, path=path, reason=exc) from exc
        for key in section:
            data = data.get(key, {})
        if not data:
            continue
        return config_from_mapping(data, origin=str(path))
    return Config()


def config_from_mapping(data: dict[str, Any], origin: str) -> Config:
    """Build a Config from a TOML table with kebab-case keys; unknown keys are an error."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _FILE_KEYS:
            raise TranscleanError(E.BAD_CONFIG, path=origin, reason=f"unknown key {key!r}")
        values[_FILE_KEYS[key]] = tuple(value) if isinstance(value, list) else value
    return Config(origin=origin, **values)
