"""Configuration as a frozen value: profiles, rule selection, fix safety; read from TOML files.

Precedence: CLI options override the config file (``transclean.toml``, or ``[tool.transclean]`` in
``pyproject.toml``), which overrides the defaults below.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path, PurePath
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
    return tomllib.loads((Path(__file__).parent / "data/profiles.toml").read_text("utf-8"))


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
    - ``exclude``: path patterns (gitignore style) that ``check`` skips when it walks a directory.
    - ``per_file_ignores``: ``{pattern: codes}``; files matching a pattern (``*.md``, ``notes/*.txt``,
      matched from the right like ruff's) have those codes ignored too.

    Selector and path fields take any sequence of strings or one string (``"TC2,TC3"`` splits at commas).
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
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    corpus_profile: str | None = None
    origin: str = "defaults"

    def __post_init__(self) -> None:
        # Frozen, so normalised in place: a list or a string from Python callers is as good as a tuple.
        if self.select is not None:
            object.__setattr__(self, "select", _strings(self.select, split=True))
        for name in ("extend_select", "ignore", "exclude"):
            object.__setattr__(self, name, _strings(getattr(self, name), split=True))
        object.__setattr__(self, "glossaries", _strings(self.glossaries, split=False))
        pairs = self.per_file_ignores.items() if isinstance(self.per_file_ignores, Mapping) else self.per_file_ignores
        object.__setattr__(
            self, "per_file_ignores", tuple((str(pattern), _strings(codes, split=True)) for pattern, codes in pairs)
        )
        if self.language is not None:
            from transclean.glossary import ISO_639_1

            # Three-letter codes pass unchecked: the detector names languages without a two-letter code by
            # their ISO 639-3 code (Waray: "war"), and no list of those ships with transclean.
            if self.language not in ISO_639_1 and not (len(self.language) == 3 and self.language.isalpha()):
                raise TranscleanError(E.UNKNOWN_LANGUAGE, language=self.language, origin=self.origin)

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given non-None fields replaced (CLI over file over defaults)."""
        changes = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **changes)

    def for_path(self, path: str | PurePath) -> Config:
        """This configuration with the ``per_file_ignores`` that match ``path`` added to ``ignore``."""
        pure = PurePath(path)
        extra = tuple(code for pattern, codes in self.per_file_ignores if pure.match(pattern) for code in codes)
        return replace(self, ignore=self.ignore + extra) if extra else self

    def applied_fixes(self) -> frozenset[Applicability]:
        """The applicabilities whose fixes are applied: safe ones, and unsafe ones with ``unsafe_fixes``."""
        return frozenset({Applicability.SAFE, Applicability.UNSAFE} if self.unsafe_fixes else {Applicability.SAFE})

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
        fixable = self.applied_fixes()
        return [
            rule
            for code, rule in sorted(REGISTRY.items())
            if _enabled(rule, select, self.ignore) and (not self.only_fixable or rule.fix in fixable)
        ]


def _strings(value: str | PurePath | Iterable[str | PurePath], *, split: bool) -> tuple[str, ...]:
    """One string (split at commas when ``split``) or any iterable of strings, as a tuple."""
    if isinstance(value, (str, PurePath)):
        value = str(value).split(",") if split else [value]
    return tuple(text for item in value if (text := str(item).strip()))


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


#: Configuration files looked for in each directory, with the table that holds transclean's settings.
CONFIG_FILES = (("transclean.toml", ()), ("pyproject.toml", ("tool", "transclean")))


def _read_table(path: Path, section: tuple[str, ...]) -> dict[str, Any] | None:
    """The settings table of a config file, or None when the file has none (a pyproject.toml without it)."""
    try:
        data: Any = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TranscleanError(E.BAD_CONFIG, path=path, reason=exc) from exc
    except OSError as exc:
        raise TranscleanError(E.UNREADABLE, path=path, reason=exc.strerror or exc) from None
    for key in section:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``transclean.toml``, or ``pyproject.toml`` with a ``[tool.transclean]`` table, in
    ``start`` (default: the working directory) or its parents, as ruff finds its settings."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name, section in CONFIG_FILES:
            path = folder / name
            if path.is_file() and _read_table(path, section) is not None:
                return path
    return None


def load_config(directory: Path | None = None, *, path: Path | None = None, isolated: bool = False) -> Config:
    """The configuration for a run: ``path`` if given, else the nearest config file above ``directory``
    (see :func:`find_config`); the defaults when ``isolated`` or when none is found."""
    if isolated:
        return Config()
    if path is None:
        path = find_config(directory)
        if path is None:
            return Config()
    elif not path.is_file():
        raise TranscleanError(E.NOT_FOUND, path=path)
    section = dict(CONFIG_FILES).get(path.name, ()) if path.suffix == ".toml" else ()
    data = _read_table(path, section)
    return config_from_mapping(data or {}, origin=str(path))


def config_from_mapping(data: dict[str, Any], origin: str) -> Config:
    """Build a Config from a TOML table with kebab-case keys; unknown keys are an error."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _FILE_KEYS:
            raise TranscleanError(E.BAD_CONFIG, path=origin, reason=f"unknown key {key!r}")
        values[_FILE_KEYS[key]] = value
    return Config(origin=origin, **values)
