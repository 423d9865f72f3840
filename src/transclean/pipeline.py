"""The Pipeline: runs the enabled rules in order, applies their fixes, logs every edit."""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from transclean.config import Config
from transclean.errors import E, TranscleanError
from transclean.model import Document, Edit, EditLog, Finding
from transclean.rules import Context, Rule
from transclean.rules.base import GatePlan
from transclean.suppression import Suppression, is_suppressed, suppressions

if TYPE_CHECKING:
    from transclean.corpus import CorpusProfile
    from transclean.glossary import Glossary


#: the most documents, and characters, of one batch of :meth:`Pipeline.process_many` (their views are held
#: together); 100 short documents ran their first pass 1.3-1.4x faster than one by one
BATCH_DOCUMENTS = 100
BATCH_CHARACTERS = 1_000_000


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

    def remaining_in_source(self) -> tuple[Finding, ...]:
        """``remaining`` with spans moved to source offsets, to report against the input file."""
        source, log = self.document.source or "", self.document.log
        return tuple(_relocate(f, source, log) for f in self.remaining)


class _Taken:
    """Edits already chosen, indexed so that testing a new edit for overlap costs a few bisections, not a
    scan of every chosen edit (thousands of fixes in one document made that quadratic).

    Two edits overlap when their spans share a character, when an insertion falls strictly inside a span,
    or when both are insertions at one point (their order would be a guess). Among spans, those ending at
    or before ``s`` are a subset of those starting before ``e`` (for ``s < e``), so a difference of two
    counts is the number that overlap ``s:e``.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []  # of the spans (non-empty edits)
        self.ends: list[int] = []
        self.points: list[int] = []  # of the insertions

    def overlaps(self, edit: Edit) -> bool:
        s, e = edit.start, edit.end
        if s == e:
            i = bisect_left(self.points, s)
            if i < len(self.points) and self.points[i] == s:
                return True
            return bisect_left(self.starts, s) > bisect_right(self.ends, s)
        spans = bisect_left(self.starts, e) - bisect_right(self.ends, s)
        return spans > 0 or bisect_left(self.points, e) > bisect_right(self.points, s)

    def add(self, edit: Edit) -> None:
        if edit.start == edit.end:
            insort(self.points, edit.start)
        else:
            insort(self.starts, edit.start)
            insort(self.ends, edit.end)


class Pipeline:
    """A configured chain of rules. Holds no per-document state: safe to share across threads and to pickle."""

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = (config or Config()).merged(**options)
        self.rules: tuple[Rule, ...] = tuple(rule() for rule in self.config.rules())
        # What a fix that reports no findings runs: the other rules' findings could never change the text.
        self._applied = self.config.applied_fixes()
        self._fixable = tuple(rule for rule in self.rules if rule.fix in self._applied)
        self._plans: dict[bool, GatePlan] = {}  # by ``fixable_only``, built at the first document
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
            doc = Document(doc, language=self.config.language, metadata=metadata or {})
        if not doc.text.isascii() and (lone := _SURROGATE.search(doc.text)):
            # A str from JSON "\ud800" or a surrogateescape decode: the rules read text as UTF-8 and cannot.
            raise TranscleanError(E.SURROGATE, code=ord(lone.group()), offset=lone.start())
        return doc

    def detect(self, doc: Document | str) -> list[Finding]:
        """Run every enabled rule on the document's current text; findings sorted by position."""
        return self._detect(self._document(doc))[0]

    def _detect(
        self,
        doc: Document,
        memo: dict[object, object] | None = None,
        silenced: tuple[Suppression, ...] = (),
        fixable_only: bool = False,
        resolve_language: bool = False,
    ) -> tuple[list[Finding], str | None]:
        """Findings of the enabled rules (``fixable_only``: of those whose fixes can apply), and the document
        language if a rule needed it or ``resolve_language`` asks for it (detected at most once). Findings in a
        region ``silenced`` by an inline comment (source offsets) are dropped, so they are neither reported
        nor fixed."""
        ctx = self._context(doc, {} if memo is None else memo)
        findings = [finding for rule in self._plan(fixable_only).rules_for(ctx.scan) for finding in rule.check(ctx)]
        return self._kept(findings, ctx, silenced, resolve_language)

    def _context(self, doc: Document, memo: dict[object, object]) -> Context:
        """What the rules read of ``doc`` in one pass (``memo`` carries over from pass to pass)."""
        return Context(doc, self.config.language, self.glossary, memo, self.corpus_profile)

    def _plan(self, fixable_only: bool) -> GatePlan:
        """The gate plan of the enabled rules (``fixable_only``: of those whose fixes can apply), built once."""
        plan = self._plans.get(fixable_only)
        if plan is None:
            plan = self._plans[fixable_only] = GatePlan(self._fixable if fixable_only else self.rules)
        return plan

    @staticmethod
    def _kept(
        findings: list[Finding], ctx: Context, silenced: tuple[Suppression, ...], resolve_language: bool
    ) -> tuple[list[Finding], str | None]:
        """A pass's findings less those ``silenced``, sorted by position, and the document language."""
        doc = ctx.document
        if silenced:
            findings = [f for f in findings if not is_suppressed(f.code, doc.log.to_source(f.start), silenced)]
        language = ctx.language if resolve_language else ctx.__dict__.get("language", doc.language)
        return sorted(findings, key=lambda f: (f.start, f.end, f.code)), language

    def check(self, doc: Document | str) -> Document:
        """The document with the findings a fix would meet attached, in source offsets; the text is not
        changed. Like ruff, this includes findings that only appear once earlier fixes are applied ("The
        CafÃ© . ." shows its punctuation error only after the encoding repair), at the cost of running the
        fix passes; :meth:`detect` is the single-pass view."""
        doc = self._document(doc)
        result = self.process(doc)
        return doc.replace(findings=result.findings, language=result.document.language)

    def _applicable(self, finding: Finding) -> bool:
        return finding.fix is not None and finding.applicability in self._applied

    def process(self, doc: Document | str, *, fix: bool = True, findings: bool = True) -> Result:
        """Detect and (with ``fix``) apply fixes until none apply: ``fix(fix(x)) == fix(x)``.

        ``findings=False`` (with ``fix``) asks for the fixed text only: only the rules whose fixes can apply
        run and no finding is kept, so ``findings`` and ``remaining`` of the result are empty; the text is
        the same as with findings. What :func:`transclean.fix` uses.
        """
        doc = self._document(doc)
        fixable_only = fix and not findings
        memo: dict[object, object] = {}
        silenced = suppressions(doc.source or "", doc.metadata.get("path"))
        # A report names the language whichever rules ran; the text alone is not worth a detection.
        found, language = self._detect(doc, memo, silenced, fixable_only, resolve_language=not fixable_only)
        return self._finish(doc, memo, silenced, fixable_only, found, language, fix=fix, findings=findings)

    def process_many(
        self, docs: Iterable[Document | str], *, fix: bool = True, findings: bool = True
    ) -> Iterator[Result]:
        """:meth:`process` of each document, in order, with the same results; the first pass runs rule by
        rule over a batch of documents (each rule over every document of the batch, then the next rule).

        What many documents cost less so: one rule's code and tables stay in the processor's caches for the
        whole batch, where a document running all ~90 rules in turn evicts them (the same rule calls took
        1.25-1.4x the time document by document; see docs/benchmarks.md). A batch holds at most
        :data:`BATCH_DOCUMENTS` documents and :data:`BATCH_CHARACTERS` characters (their views are held
        together); the later passes run per document, as in :meth:`process`.
        """
        batch: list[Document] = []
        size = 0
        for doc in docs:
            batch.append(self._document(doc))
            size += len(batch[-1].text)
            if len(batch) >= BATCH_DOCUMENTS or size >= BATCH_CHARACTERS:
                yield from self._process_batch(batch, fix=fix, findings=findings)
                batch, size = [], 0
        yield from self._process_batch(batch, fix=fix, findings=findings)

    def _process_batch(self, docs: list[Document], *, fix: bool, findings: bool) -> list[Result]:
        fixable_only = fix and not findings
        plan = self._plan(fixable_only)
        memos: list[dict[object, object]] = [{} for _ in docs]
        silenced = [suppressions(doc.source or "", doc.metadata.get("path")) for doc in docs]
        ctxs = [self._context(doc, memo) for doc, memo in zip(docs, memos, strict=True)]
        gated = [set(plan.rules_for(ctx.scan)) for ctx in ctxs]  # each document's rules, decided at once
        found: list[list[Finding]] = [[] for _ in docs]
        for rule in self._fixable if fixable_only else self.rules:
            for i, ctx in enumerate(ctxs):
                if rule in gated[i]:
                    found[i].extend(rule.check(ctx))
        results = []
        for i, doc in enumerate(docs):
            first, language = self._kept(found[i], ctxs[i], silenced[i], resolve_language=not fixable_only)
            results.append(
                self._finish(doc, memos[i], silenced[i], fixable_only, first, language, fix=fix, findings=findings)
            )
        return results

    def _finish(
        self,
        doc: Document,
        memo: dict[object, object],
        silenced: tuple[Suppression, ...],
        fixable_only: bool,
        found: list[Finding],
        language: str | None,
        *,
        fix: bool,
        findings: bool,
    ) -> Result:
        """:meth:`process` after its first pass (``found``, ``language``): the fixes applied pass by pass."""
        if language != doc.language:
            doc = doc.replace(language=language)
        if not fix:
            return Result(doc.replace(findings=tuple(found)), tuple(found))
        text, log = doc.text, doc.log
        seen: dict[tuple[str, int, int], Finding] = {}
        unconverged: tuple[str, ...] = ()
        for passes in range(self.config.max_iterations + 1):
            for f in found if findings else ():
                moved = _relocate(f, doc.source or "", log)
                seen.setdefault((f.code, moved.start, moved.end), moved)
            chosen = self._choose([f for f in found if self._applicable(f)])
            if not chosen:
                break
            if passes == self.config.max_iterations:
                unconverged = tuple(sorted({f.code for f in chosen}))
                break
            text, log = log.apply(text, [(e, f.code) for f in chosen for e in f.fix.edits])  # type: ignore[union-attr]
            found, _ = self._detect(doc.replace(text=text, log=log), memo, silenced, fixable_only)
        ordered = tuple(sorted(seen.values(), key=lambda f: (f.start, f.end, f.code)))
        if log is not doc.log or ordered != doc.findings:  # a clean document is returned as it came
            doc = doc.replace(text=text, log=log, findings=ordered)
        return Result(
            doc,
            tuple(found) if findings else (),
            converged=not unconverged,
            unconverged=unconverged,
        )

    @staticmethod
    def _choose(findings: Iterable[Finding]) -> list[Finding]:
        """Fixes whose edits overlap no earlier chosen fix; the rest wait for the next pass."""
        chosen: list[Finding] = []
        taken = _Taken()
        for f in sorted(findings, key=lambda f: (min(e.start for e in f.fix.edits), f.code)):  # type: ignore[union-attr]
            edits = f.fix.edits  # type: ignore[union-attr]
            if any(taken.overlaps(a) for a in edits):
                continue
            chosen.append(f)
            for a in edits:
                taken.add(a)
        return chosen


#: a UTF-16 surrogate code point, which only a broken decode leaves in a str
_SURROGATE = re.compile("[\ud800-\udfff]")


def pipeline_for(config: Config) -> Pipeline:
    """The process's Pipeline for ``config``, built once (rules, glossaries and their automata), used by
    the Python API, the batch runner and retranslation. A user glossary file that changes gets a new one."""
    stamps: list[tuple[int, int] | None] = []
    for path in config.glossaries:
        try:
            stat = os.stat(path)
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append(None)  # Pipeline() reports the missing file
    return _pipeline_for(config, tuple(stamps))


@lru_cache(maxsize=16)
def _pipeline_for(config: Config, stamps: tuple[tuple[int, int] | None, ...]) -> Pipeline:
    return Pipeline(config)


def _relocate(finding: Finding, source: str, log: EditLog) -> Finding:
    """A finding from a later pass, with its span and its fix's edits moved to source offsets (what a
    SARIF consumer applies to the input). An edit is moved as a span: where an earlier fix changed the text
    under it, it replaces that whole source span."""
    if not log.edits:
        return finding
    start, end = _span_to_source(finding.start, finding.end, log)
    fix = finding.fix
    if fix is not None:
        edits = []
        for e in fix.edits:
            edit_start, edit_end = _span_to_source(e.start, e.end, log)
            edits.append(replace(e, start=edit_start, end=edit_end))
        fix = replace(fix, edits=tuple(edits))
    return replace(finding, start=start, end=end, text=source[start:end], fix=fix)


def _span_to_source(start: int, end: int, log: EditLog) -> tuple[int, int]:
    """A span of a later pass in source offsets; a non-empty span's start maps past text removed just
    before it (that text is not what the span is about)."""
    source_start = log.to_source(start, span_start=start < end)
    return source_start, max(source_start, log.to_source(end))
