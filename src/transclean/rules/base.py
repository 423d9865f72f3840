"""The rule protocol, its examples, and the registry of rule codes.

A rule is declared once, as a class: code, kebab-case name, category, default severity, fix applicability,
whether it is on by default, its examples and a docstring. It detects; it never mutates the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar

from transclean.model import Applicability, Category, Document, Edit, Finding, Fix, Severity

if TYPE_CHECKING:
    from transclean.corpus import CorpusProfile
    from transclean.entities import Mention
    from transclean.glossary import Glossary, Match

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


@dataclass
class Context:
    """What a rule may look at besides the text: the document and views built on demand, once per pass."""

    document: Document
    language_hint: str | None = None
    glossary_loader: Callable[[], Glossary] | None = None
    #: results that depend on content only (ftfy's repair of a line, the recovery of a damaged word), shared
    #: by the rules of a pass (TC101 and TC104 both repair lines) and by the passes over one document.
    memo: dict[object, object] = field(default_factory=dict)
    corpus_profile_loader: Callable[[], CorpusProfile | None] | None = None

    @property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def language(self) -> str | None:
        """The document language: given, or detected from a bounded sample (lazy: only rules that ask pay)."""
        if self.document.language:
            return self.document.language
        if self.language_hint:
            return self.language_hint
        from transclean.lang import detect_language

        return detect_language(self.document.text)

    @cached_property
    def glossary(self) -> Glossary:
        """The configured glossaries (loaded once per process)."""
        from transclean.glossary import Glossary

        return self.glossary_loader() if self.glossary_loader else Glossary()

    @cached_property
    def corpus_profile(self) -> CorpusProfile | None:
        """What a learning pass found in the corpus (spellings, site templates), when one is configured."""
        return self.corpus_profile_loader() if self.corpus_profile_loader else None

    @cached_property
    def lines(self) -> list[tuple[int, str]]:
        """``(offset, line)`` for every line of the text, without line breaks."""
        from transclean.text import lines_with_offsets

        return list(lines_with_offsets(self.document.text))

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans of the text."""
        from transclean.entities import sentences

        return sentences(self.document.text)

    @cached_property
    def mentions(self) -> list[Mention]:
        """Persons (with gender), organisations and places named in the text."""
        from transclean.entities import mentions

        return mentions(self.document.text, self.glossary, self.matches, self.language or "en")

    @cached_property
    def matches(self) -> list[Match]:
        """Every glossary form found in the text, shared by all rules of this pass."""
        return self.glossary.match(self.document.text)


class Rule:
    """Base class of all rules. Subclasses set the class attributes and implement :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    fix: ClassVar[Applicability]
    default_enabled: ClassVar[bool] = True
    #: why the rule is off by default, when it is.
    off_reason: ClassVar[str] = ""
    must_fire: ClassVar[tuple[Example, ...]] = ()
    must_not_fire: ClassVar[tuple[Example, ...]] = ()
    #: known false positives: they must keep firing until the rule is improved.
    known_false_positives: ClassVar[tuple[Example, ...]] = ()
    #: for a rule that learns from a corpus: the documents of one site its examples are checked against.
    example_corpus: ClassVar[tuple[str, ...]] = ()

    def check(self, ctx: Context) -> Iterator[Finding]:
        """Yield findings for the document in ``ctx`` (offsets into ``ctx.text``)."""
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        """The first line of the rule's docstring."""
        return (cls.__doc__ or "").strip().splitlines()[0]

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
