"""The rule protocol, its examples, and the registry of rule codes.

A rule is declared once, as a class: code, kebab-case name, category, default severity, fix applicability,
whether it is on by default, the languages it supports, its examples and a docstring in sections. It
detects; it never mutates the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from string import ascii_lowercase, ascii_uppercase, digits
from typing import TYPE_CHECKING, ClassVar

import regex

from transclean.model import Applicability, Category, Edit, Finding, Fix, Severity
from transclean.scan import Scan
from transclean.text import block_removal

if TYPE_CHECKING:
    from transclean.context import Context

#: Marks the expected span in a must-fire example: ``"army⟦ .⟧ Both"``.
SPAN_OPEN, SPAN_CLOSE = "⟦", "⟧"


@dataclass(frozen=True)
class Example:
    """A rule example. ``text`` may mark the expected finding span with ⟦…⟧; ``fixed`` is the expected output."""

    text: str
    fixed: str | None = None
    language: str | None = None

    @property
    def plain(self) -> str:
        """The example text without span markers."""
        return self.text.replace(SPAN_OPEN, "").replace(SPAN_CLOSE, "")

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The marked spans, as offsets into :attr:`plain`."""
        spans, removed = [], 0
        for m in re.finditer(f"{SPAN_OPEN}(.*?){SPAN_CLOSE}", self.text, re.S):
            start = m.start() - removed
            spans.append((start, start + len(m.group(1))))
            removed += 2
        return spans


def byte_classes(classes: Mapping[str, str]) -> bytes:
    """A ``bytes.translate`` table mapping each ASCII character of a key to that key's class character and
    every other byte to NUL: an ASCII text read through it is a string of classes, in which a run of
    classes is a substring test (:class:`AsciiGate`)."""
    table = bytearray(256)
    for chars, cls in classes.items():
        for char in chars:
            table[ord(char)] = ord(cls)
    return bytes(table)


#: ASCII letters by case, and digits: "aAa" is a lower-case, a capital and a lower-case letter in a row.
CASE_CLASSES = byte_classes({ascii_lowercase: "a", ascii_uppercase: "A", digits: "0"})


@dataclass(frozen=True)
class AsciiGate:
    """What a trigger's ``pattern`` matches, read on an ASCII text at memory speed: the text's classes under
    ``table`` (:func:`byte_classes`) hold one of ``needles``, or ``pattern`` (a `re` pattern, cheaper than a
    `regex` one) matches. It must fire on exactly the ASCII texts the trigger's pattern matches
    (tests/test_rule_gate.py checks each against its pattern). A `regex` class tried at every position cost
    4-37 µs a 500-character document per gate, the classes 1 µs for all gates of a table. ``precheck``,
    when given, is a cheaper test that every text ``pattern`` matches passes (two words alike in a row:
    :meth:`Scan.repeats_a_word`): where it fails, the pattern is not tried."""

    needles: tuple[bytes, ...] = ()
    table: bytes = CASE_CLASSES
    pattern: re.Pattern[str] | None = None
    precheck: Callable[[Scan], bool] | None = None

    def fires(self, scan: Scan) -> bool:
        if self.needles:
            classes = scan.classes(self.table)
            for needle in self.needles:
                if needle in classes:
                    return True
        if self.pattern is None or (self.precheck is not None and not self.precheck(scan)):
            return False
        return self.pattern.search(scan.text) is not None


@dataclass(frozen=True)
class Trigger:
    """A rule's document gate: fires on a text holding any of ``strings``, a match of ``pattern``, or (with
    ``non_ascii``) any non-ASCII character; on an ASCII text ``ascii``, when given, decides for ``pattern``.
    Substring and ASCII tests run at memory speed; a regex character class scans at a few tens of MB/s, so
    strings are preferred where they say enough. ``needs``, when given, are strings one of which every match
    of ``pattern`` (and of ``ascii``) holds: the pattern is tried only on a text that has one (a
    :class:`GatePlan` finds them with the ``strings``, in the same pass)."""

    strings: tuple[str, ...] = ()
    pattern: re.Pattern[str] | regex.Pattern[str] | None = None
    non_ascii: bool = False
    ascii: AsciiGate | None = None
    needs: tuple[str, ...] = ()

    def fires(self, text: str) -> bool:
        """Whether the rule can find anything in ``text``: the gate's definition, one rule at a time (a
        :class:`GatePlan` decides the same for all rules at once; tests/test_rule_gate.py checks both agree)."""
        scan = Scan(text)
        if self.non_ascii and not scan.is_ascii:
            return True
        for string in self.strings:
            if scan.holds(string):
                return True
        if self.needs and not any(scan.holds(string) for string in self.needs):
            return False
        return self.matches(scan)

    def matches(self, scan: Scan) -> bool:
        """Whether ``pattern`` (or ``ascii`` for it, on an ASCII text) matches, ``needs`` aside: the part of
        :meth:`fires` that a :class:`GatePlan` cannot decide for all rules at once."""
        if self.ascii is not None and scan.is_ascii:
            return self.ascii.fires(scan)
        return self.pattern is not None and self.pattern.search(scan.text) is not None


class GatePlan:
    """The rules of a pass that can fire on a text (those whose :class:`Trigger` fires, in order), decided
    at once: every trigger string of every rule is one Aho-Corasick automaton run once over the text, and
    each string found sets the bits of the rules it fires in one integer mask; then only the rules with a
    pattern that no string decided try it, where their ``needs`` are found (the same automaton holds those
    strings). The mask picks a tuple of rules kept per mask (a few hundred masks cover a corpus). Asking
    each rule's ``fires`` in turn cost a Python call and a lookup per string (56 strings, 42 rules on the
    fix path: 60-80 µs of a 500-character document, half of ftfy's whole repair of it); a turn of every rule
    through a comprehension, with a ``matches`` call for each rule of strings only, about 4 µs more than
    the bits. The patterns tried are the rest. Built once per Pipeline;
    tests/test_rule_gate.py checks that it picks exactly the rules whose ``fires`` is true."""

    #: masks kept at most (then the memo starts again): bounded whatever the corpus
    KEPT_MASKS = 4096

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        import ahocorasick_rs  # here, not at import: the CLI's cold start does not pay for it (5 ms)

        triggers = [rule.trigger for rule in rules if rule.trigger is not None]
        strings = sorted({s for trigger in triggers for s in trigger.strings + trigger.needs})
        index = {s: i for i, s in enumerate(strings)}
        self._automaton = ahocorasick_rs.AhoCorasick(strings) if strings else None
        self._rules = rules
        #: the rules that run on every text, and those that run on every non-ASCII one
        self._always = self._non_ascii = 0
        #: by string index: the rules the string fires
        self._fired_by = [0] * len(strings)
        #: the rules with a pattern (or an ASCII gate): their bit, trigger and needs (indexes; None: none)
        tried: list[tuple[int, Trigger, frozenset[int] | None]] = []
        for i, rule in enumerate(rules):
            trigger, bit = rule.trigger, 1 << i
            if trigger is None:
                self._always |= bit
                continue
            if trigger.non_ascii:
                self._non_ascii |= bit
            for s in trigger.strings:
                self._fired_by[index[s]] |= bit
            if trigger.pattern is not None or trigger.ascii is not None:
                tried.append((bit, trigger, frozenset(index[s] for s in trigger.needs) if trigger.needs else None))
        self._tried = tuple(tried)
        self._picked: dict[int, tuple[Rule, ...]] = {}

    def rules_for(self, scan: Scan) -> tuple[Rule, ...]:
        """The rules whose gate fires on the scanned text, in order."""
        # every occurrence of every string (overlapping: ' "' and '" ' in ' " ' are both found)
        # (no lone surrogate, which the automaton cannot read, reaches here: the Pipeline refuses such a text)
        found = (
            {i for i, _, _ in self._automaton.find_matches_as_indexes(scan.text, overlapping=True)}
            if self._automaton is not None
            else set()
        )
        mask = self._always if scan.is_ascii else self._always | self._non_ascii
        fired_by = self._fired_by
        for i in found:
            mask |= fired_by[i]
        for bit, trigger, needs in self._tried:
            if not mask & bit and (needs is None or not found.isdisjoint(needs)) and trigger.matches(scan):
                mask |= bit
        picked = self._picked.get(mask)
        if picked is None:
            if len(self._picked) >= self.KEPT_MASKS:
                self._picked.clear()
            picked = self._picked[mask] = tuple(rule for i, rule in enumerate(self._rules) if mask >> i & 1)
        return picked


class Rule:
    """Base class of all rules. Subclasses set the class attributes and implement :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    fix: ClassVar[Applicability]
    default_enabled: ClassVar[bool] = True
    #: the languages (ISO 639-1) the rule knows how to check; empty: any language.
    languages: ClassVar[tuple[str, ...]] = ()
    #: why the rule is off by default, when it is.
    off_reason: ClassVar[str] = ""
    must_fire: ClassVar[tuple[Example, ...]] = ()
    must_not_fire: ClassVar[tuple[Example, ...]] = ()
    #: known false positives: they must keep firing until the rule is improved.
    known_false_positives: ClassVar[tuple[Example, ...]] = ()
    #: for a rule that learns from a corpus: the documents of one site its examples are checked against.
    example_corpus: ClassVar[tuple[str, ...]] = ()
    #: the document gate: what every text the rule can find anything in contains ('[' for markers, '?' or
    #: U+FFFD for lost letters). The pipeline runs the rule only on a text it fires on, so a clean document
    #: costs one C-level scan per rule; None: always run. It must never skip a finding
    #: (tests/test_rule_gate.py checks the examples and random texts with and without it).
    trigger: ClassVar[Trigger | None] = None

    def check(self, ctx: Context) -> Iterator[Finding]:
        """Yield findings for the document in ``ctx`` (offsets into ``ctx.text``)."""
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the rule's docstring, its wrapped lines joined."""
        return " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split())

    @classmethod
    def sections(cls) -> dict[str, str]:
        """The docstring's ``## Title`` sections (What it finds, Why it matters, Fix safety), dedented."""
        import inspect

        doc = inspect.cleandoc(cls.__doc__ or "")
        parts = re.split(r"^## (.+)$", doc, flags=re.M)
        return {title.strip(): body.strip() for title, body in zip(parts[1::2], parts[2::2], strict=True)}

    def line_removal(
        self, text: str, start: int, end: int, message: str, *, title: str, confidence: float = 1.0
    ) -> Finding:
        """A finding on the visible text of the whole lines ``text[start:end]`` whose fix removes them with the
        blank lines after (:func:`transclean.text.block_removal`): what most line rules report."""
        line = text[start:end]
        s, e, new = block_removal(text, start, end)
        return self.finding(
            text,
            start + len(line) - len(line.lstrip()),
            start + len(line.rstrip()),
            message,
            suggestion="",
            edits=(Edit(s, e, new),),
            title=title,
            confidence=confidence,
        )

    def finding(
        self,
        text: str,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        edits: tuple[Edit, ...] | None = None,
        title: str = "",
        confidence: float = 1.0,
        applicability: Applicability | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Build a finding of this rule. Without ``edits``, a suggestion becomes a replacement of the span."""
        applicability = applicability or self.fix
        fix = None
        if applicability is not Applicability.NONE:
            if edits is None and suggestion is not None:
                edits = (Edit(start, end, suggestion),)
            if edits:
                fix = Fix(title or f"Replace with {suggestion!r}", applicability, edits)
        return Finding(
            code=self.code,
            category=self.category,
            severity=severity or self.severity,
            start=start,
            end=end,
            text=text[start:end],
            message=message,
            suggestion=suggestion,
            confidence=confidence,
            fix=fix,
        )


REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry; a code can be registered once."""
    if not re.fullmatch(r"TC\d{3}", cls.code):
        raise ValueError(f"bad rule code {cls.code!r}")
    if cls.code in REGISTRY:
        raise ValueError(f"rule code {cls.code} registered twice")
    REGISTRY[cls.code] = cls
    return cls
