"""The Pipeline: runs the enabled rules in order, applies their fixes, logs every edit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from transclean.config import Config
from transclean.model import Applicability, Document, Edit, EditLog, Finding
from transclean.rules import Context, Rule

if TYPE_CHECKING:
    from transclean.corpus import CorpusProfile
    from transclean.glossary import Glossary


@dataclass(frozen=True)
class Result:
    """What :meth:`Pipeline.process` returns.

    ``document.findings`` are every finding raised on the way, in source offsets; ``remaining`` are those
    still present in the output, in output offsets; ``converged`` is False when the pass cap was reached,
    and ``unconverged`` then names the rules still changing the text.
    """

    document: Document
    remaining: tuple[Finding, ...]
    converged: bool = True
    unconverged: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.document.findings

    @property
    def log(self) -> EditLog:
        return self.document.log


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one point: order would be a guess
    return a.start < b.end and b.start < a.end


class Pipeline:
    """A configured chain of rules. Holds no per-document state: safe to share across threads and to pickle."""

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = (config or Config()).merged(**options)
        self.rules: tuple[Rule, ...] = tuple(rule() for rule in self.config.rules())
        self._glossary_cache: Glossary | None = None
        if self.config.glossaries:
            self.glossary()  # the user's glossaries are validated up front, not at the first match
        if self.config.corpus_profile:
            self.corpus_profile()  # so is the corpus profile

    def __reduce__(self) -> tuple[Any, ...]:
        return (Pipeline, (self.config,))

    @property
    def codes(self) -> tuple[str, ...]:
        """Codes of the enabled rules, in order."""
        return tuple(rule.code for rule in self.rules)

    def glossary(self) -> Glossary:
        """The configured glossaries, loaded on first use and kept for the pipeline's life."""
        if self._glossary_cache is None:
            from transclean.glossary import glossaries_for

            self._glossary_cache = glossaries_for(self.config.glossaries, shipped=self.config.shipped_glossaries)
        return self._glossary_cache

    def corpus_profile(self) -> CorpusProfile | None:
        """The configured corpus profile (loaded once per process), or None."""
        if not self.config.corpus_profile:
            return None
        from transclean.corpus import load_profile

        return load_profile(self.config.corpus_profile)

    def _document(self, doc: Document | str, metadata: Mapping[str, Any] | None = None) -> Document:
        if isinstance(doc, str):
            return Document(doc, language=self.config.language, metadata=metadata or {})
        return doc

    def detect(self, doc: Document | str) -> list[Finding]:
        """Run every enabled rule on the document's current text; findings sorted by position."""
        return self._detect(self._document(doc))[0]

    def _detect(self, doc: Document, memo: dict[object, object] | None = None) -> tuple[list[Finding], str | None]:
        """Findings, and the document language if a rule needed it (detected at most once)."""
        ctx = Context(doc, self.config.language, self.glossary, {} if memo is None else memo, self.corpus_profile)
        findings = [finding for rule in self.rules for finding in rule.check(ctx)]
        language = ctx.__dict__.get("language", doc.language)  # set only if a rule asked for it
        return sorted(findings, key=lambda f: (f.start, f.end, f.code)), language

    def check(self, doc: Document | str) -> Document:
        """The document with its findings attached; the text is not changed."""
        doc = self._document(doc)
        return doc.replace(findings=tuple(self.detect(doc)))

    def _applicable(self, finding: Finding) -> bool:
        wanted = {Applicability.SAFE} | ({Applicability.UNSAFE} if self.config.unsafe_fixes else set())
        return finding.fix is not None and finding.applicability in wanted

    def process(self, doc: Document | str, *, fix: bool = True) -> Result:
        """Detect and (with ``fix``) apply fixes until none apply: ``fix(fix(x)) == fix(x)``."""
        doc = self._document(doc)
        memo: dict[object, object] = {}
        findings, language = self._detect(doc, memo)
        if language != doc.language:
            doc = doc.replace(language=language)
        if not fix:
            return Result(doc.replace(findings=tuple(findings)), tuple(findings))
        text, log = doc.text, doc.log
        seen: dict[tuple[str, int, int], Finding] = {}
        unconverged: tuple[str, ...] = ()
        for passes in range(self.config.max_iterations + 1):
            for f in findings:
                start, end = log.to_source(f.start), log.to_source(f.end)
                seen.setdefault((f.code, start, end), _relocate(f, start, end, doc.source or ""))
            chosen = self._choose([f for f in findings if self._applicable(f)])
            if not chosen:
                break
            if passes == self.config.max_iterations:
                unconverged = tuple(sorted({f.code for f in chosen}))
                break
            text, log = log.apply(text, [(e, f.code) for f in chosen for e in f.fix.edits])  # type: ignore[union-attr]
            findings, _ = self._detect(doc.replace(text=text, log=log), memo)
        ordered = tuple(sorted(seen.values(), key=lambda f: (f.start, f.end, f.code)))
        return Result(
            doc.replace(text=text, log=log, findings=ordered),
            tuple(findings),
            converged=not unconverged,
            unconverged=unconverged,
        )

    @staticmethod
    def _choose(findings: Iterable[Finding]) -> list[Finding]:
        """Fixes whose edits overlap no earlier chosen fix; the rest wait for the next pass."""
        chosen: list[Finding] = []
        taken: list[Edit] = []
        for f in sorted(findings, key=lambda f: (min(e.start for e in f.fix.edits), f.code)):  # type: ignore[union-attr]
            edits = f.fix.edits  # type: ignore[union-attr]
            if any(_overlaps(a, b) for a in edits for b in taken):
                continue
            chosen.append(f)
            taken.extend(edits)
        return chosen


def _relocate(finding: Finding, start: int, end: int, source: str) -> Finding:
    """A finding from a later pass, with its span moved to source offsets (its fix stays in its pass)."""
    if (start, end, source[start:end]) == (finding.start, finding.end, finding.text):
        return finding
    return replace(finding, start=start, end=end, text=source[start:end])
