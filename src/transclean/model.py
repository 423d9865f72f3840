"""The data that flows through the chain: Document, Finding, Edit and the edit log.

Offsets are code-point offsets (Python ``str`` indices) everywhere.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from itertools import islice
from types import MappingProxyType
from typing import Any


class Category(str, Enum):
    """The fixed set of finding categories, each mapped to an ITS 2.0 issue type."""

    ENCODING = "encoding"
    BOILERPLATE = "boilerplate"
    PUNCTUATION = "punctuation"
    PRONOUN = "pronoun"
    ACRONYM = "acronym"
    TITLE = "title"
    GRAMMAR = "grammar"
    UNTRANSLATED = "untranslated"
    TERMINOLOGY = "terminology"

    @property
    def its_type(self) -> str:
        """The ITS 2.0 localization-quality issue type (for JSON and SARIF consumers)."""
        return _ITS_TYPES[self]


_ITS_TYPES = {
    Category.ENCODING: "characters",
    Category.BOILERPLATE: "other",
    Category.PUNCTUATION: "typographical",
    Category.PRONOUN: "mistranslation",
    Category.ACRONYM: "mistranslation",
    Category.TITLE: "mistranslation",
    Category.GRAMMAR: "grammar",
    Category.UNTRANSLATED: "untranslated",
    Category.TERMINOLOGY: "terminology",
}


class Severity(str, Enum):
    """Finding severity, with the MQM penalty weight of each level."""

    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def weight(self) -> int:
        """MQM weight: info 0, minor 1, major 5, critical 25.

        >>> Severity.MAJOR.weight
        5
        """
        return {"info": 0, "minor": 1, "major": 5, "critical": 25}[self.value]


class Applicability(str, Enum):
    """How safe a rule's fix is (after ruff): safe fixes are applied by default, unsafe ones on request."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    NONE = "none"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid edit span {self.start}..{self.end}")


@dataclass(frozen=True)
class Fix:
    """The edits that repair one finding, with a title saying what they do and how safe they are."""

    title: str
    applicability: Applicability
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Finding:
    """One problem found by a rule: where it is, what is wrong, and how it could be fixed."""

    code: str
    category: Category
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    confidence: float = 1.0
    fix: Fix | None = None

    @property
    def applicability(self) -> Applicability:
        """The fix's applicability, or ``none`` when the finding has no fix."""
        return self.fix.applicability if self.fix else Applicability.NONE

    def to_dict(self) -> dict[str, Any]:
        """The one JSON shape of a finding; every report format renders from it."""
        return {
            "code": self.code,
            "category": self.category.value,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "confidence": round(self.confidence, 3),
            "fix": self.applicability.value,
        }


@dataclass(frozen=True)
class AppliedEdit:
    """An edit as applied: offsets are valid in the text just before it was applied."""

    start: int
    old: str
    new: str
    code: str

    def map_back(self, offset: int, *, after_removal: bool = False) -> int:
        """Map an offset in the text after this edit to the text before it. ``after_removal``: an offset where
        this edit removed text maps past the removed text (where what now follows it stood), for the start of
        a span."""
        if offset < self.start or (offset == self.start and not (after_removal and not self.new)):
            return offset
        if offset >= self.start + len(self.new):
            return offset - len(self.new) + len(self.old)
        return self.start + min(offset - self.start, len(self.old))

    def map_forward(self, offset: int) -> int:
        """Map an offset in the text before this edit to the text after it."""
        if offset <= self.start:
            return offset
        if offset >= self.start + len(self.old):
            return offset - len(self.old) + len(self.new)
        return self.start + min(offset - self.start, len(self.new))


@dataclass(frozen=True)
class EditLog:
    """Every edit applied to a document, in order; replays the output and undoes it back to the input.

    >>> log = EditLog().apply("a  b.", [(Edit(1, 3, " "), "TC302")])[1]
    >>> log.replay("a  b."), log.undo("a b."), log.to_source(2)
    ('a b.', 'a  b.', 3)
    """

    edits: tuple[AppliedEdit, ...] = ()

    def apply(self, text: str, edits: Iterable[tuple[Edit, str]]) -> tuple[str, EditLog]:
        """Apply non-overlapping ``(edit, rule code)`` pairs (in ``text`` offsets) and log them."""
        ordered = sorted(edits, key=lambda pair: (pair[0].start, pair[0].end), reverse=True)
        applied = []
        # Right to left, so each edit's offsets stay valid when applied. The edited text is kept in pieces
        # and joined once: rebuilding it per edit was quadratic (thousands of removed lines in one document).
        cursor = len(text)  # text[:cursor] is not edited yet
        pieces: list[str] = []  # the text after it as edited so far, right to left
        for edit, code in ordered:
            if edit.end > cursor:  # it overlaps an edit applied already: it edits the text as edited so far
                text, pieces = text[:cursor] + "".join(reversed(pieces)), []
                cursor = len(text)
            old = text[edit.start : edit.end]
            if old == edit.replacement:
                continue
            pieces += (text[edit.end : cursor], edit.replacement)
            cursor = min(edit.start, len(text))  # an edit past the end appends, as slicing does
            applied.append(AppliedEdit(edit.start, old, edit.replacement, code))
        return text[:cursor] + "".join(reversed(pieces)), EditLog(self.edits + tuple(applied))

    def replay(self, source: str) -> str:
        """Rebuild the output from the source."""
        for e in self.edits:
            if source[e.start : e.start + len(e.old)] != e.old:
                raise ValueError(f"edit log does not match the text at offset {e.start}")
            source = source[: e.start] + e.new + source[e.start + len(e.old) :]
        return source

    def undo(self, output: str) -> str:
        """Rebuild the source from the output."""
        for e in reversed(self.edits):
            if output[e.start : e.start + len(e.new)] != e.new:
                raise ValueError(f"edit log does not match the text at offset {e.start}")
            output = output[: e.start] + e.old + output[e.start + len(e.new) :]
        return output

    def to_source(self, offset: int, *, span_start: bool = False) -> int:
        """Map an offset in the output back to the source; ``span_start``: the offset starts a span, so a
        place where text was removed maps past that text ("b" after removing "a\n" from "a\nb" is at 2).

        The same as undoing the edits one by one (:meth:`AppliedEdit.map_back`, last edit first), in
        O(log n) a run instead of O(n): mapping each finding of a later pass back through every edit was
        quadratic (a 6.4 MB document: 4,000 findings through 10,000 edits, 5 s). Within a run (see
        :meth:`_runs`) the edits that end before the offset only shift it, by the sum of their length changes
        (one bisection); the few edits at or around the offset are undone one by one as before, and the run
        ends at the first edit that starts after the offset (every later one starts further right)."""
        for edits, ends, shifts in reversed(self._runs):
            passed = bisect_left(ends, offset)
            if passed:
                offset -= shifts[passed - 1]
            for e in islice(edits, passed, None):
                if offset < e.start:
                    break
                offset = e.map_back(offset, after_removal=span_start)
        return offset

    @cached_property
    def _runs(self) -> list[tuple[list[AppliedEdit], list[int], list[int]]]:
        """The edits cut into runs that one pass applied right to left, each edit wholly before the start of
        the one applied before it (what :meth:`apply` logs, an edit overlapping an earlier one starting a new
        run), each in undo order (left to right) with, per edit, where it ends in the run's output
        (non-decreasing: an edit's output ends at or before the next one's output start) and the running sum
        of the length changes up to it."""
        runs: list[tuple[list[AppliedEdit], list[int], list[int]]] = []
        current: list[AppliedEdit] = []
        for e in self.edits:
            if current and e.start + len(e.old) > current[-1].start:
                runs.append(_run(current))
                current = []
            current.append(e)
        if current:
            runs.append(_run(current))
        return runs

    def __getstate__(self) -> dict[str, Any]:
        return {"edits": self.edits}  # the runs are built again where they are needed, not shipped

    def to_output(self, offset: int) -> int:
        """Map an offset in the source forward to the output."""
        for e in self.edits:
            offset = e.map_forward(offset)
        return offset

    def __len__(self) -> int:
        return len(self.edits)


def _run(applied: list[AppliedEdit]) -> tuple[list[AppliedEdit], list[int], list[int]]:
    """One run of :meth:`EditLog._runs`: its edits left to right, their output ends and running shifts."""
    edits = applied[::-1]
    ends, shifts, shift = [], [], 0
    for e in edits:
        ends.append(e.start + shift + len(e.new))
        shift += len(e.new) - len(e.old)
        shifts.append(shift)
    return edits, ends, shifts


@dataclass(frozen=True)
class Document:
    """The one value that flows through the chain: source text, current text, language and metadata.

    Documents are frozen; each step returns a new one with :func:`dataclasses.replace`.
    """

    text: str
    language: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    source: str | None = None
    findings: tuple[Finding, ...] = ()
    log: EditLog = EditLog()

    def __post_init__(self) -> None:
        if self.source is None:
            object.__setattr__(self, "source", self.text)
        if not isinstance(self.metadata, MappingProxyType):
            object.__setattr__(self, "metadata", MappingProxyType(dict(self.metadata)))

    @property
    def changed(self) -> bool:
        """Whether the current text differs from the source."""
        return self.text != self.source

    def replace(self, **changes: Any) -> Document:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def __reduce__(self) -> tuple[Any, ...]:
        # MappingProxyType does not pickle; ship a plain dict so process pools and Dask can send documents.
        return (
            _rebuild_document,
            (self.text, self.language, dict(self.metadata), self.source, self.findings, self.log),
        )


def _rebuild_document(*args: Any) -> Document:
    return Document(*args)
