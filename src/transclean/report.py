"""Renderers: every format is built from the one JSON shape of a finding (HTML pages: :mod:`transclean.report_html`)."""

from __future__ import annotations

import bisect
import difflib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from transclean.model import Applicability, AppliedEdit, EditLog, Finding
from transclean.rules import REGISTRY
from transclean.text import LineIndex

if TYPE_CHECKING:
    from transclean.pipeline import Result


def annotation(result: Result) -> dict[str, Any]:
    """The one annotation of a processed text, for the API, ``clean --annotate`` and the adapters' column:
    its language, whether it changed, how many edits were applied, and every finding (source offsets) with
    ``applied``, whether its fix was applied.

    >>> from transclean import Pipeline
    >>> note = annotation(Pipeline(select=("TC302",)).process("Done ."))
    >>> note["changed"], note["edits"], [(f["code"], f["applied"]) for f in note["findings"]]
    (True, 1, [('TC302', True)])
    """
    return {
        "language": result.document.language,
        "changed": result.document.changed,
        "edits": len(result.log),
        "findings": [
            {**f.to_dict(), "applied": done} for f, done in zip(result.findings, applied(result), strict=True)
        ],
    }


class _Group:
    """Edits of the log that were applied together, each left of the one before (a fix pass, or part of one):
    they all use the offsets of the text before the group, so one bisect maps an offset across all of them."""

    def __init__(self, edits: Sequence[AppliedEdit]) -> None:
        self.edits = sorted(edits, key=lambda e: e.start)
        self.before = [e.start for e in self.edits]
        self.after: list[int] = []  # each edit's start in the text after the group
        shift = 0
        for e in self.edits:
            self.after.append(e.start + shift)
            shift += len(e.new) - len(e.old)

    def map_back(self, offset: int) -> int:
        """An offset of the text after the group, in the text before it."""
        j = bisect.bisect_right(self.after, offset) - 1
        if j < 0:
            return offset
        e, at = self.edits[j], self.after[j]
        if offset >= at + len(e.new):
            return e.start + len(e.old) + offset - at - len(e.new)
        return e.start + min(offset - at, len(e.old))

    def map_forward(self, offset: int) -> int:
        """An offset of the text before the group, in the text after it."""
        j = bisect.bisect_right(self.before, offset) - 1
        if j < 0:
            return offset
        e, at = self.edits[j], self.after[j]
        if offset >= e.start + len(e.old):
            return at + len(e.new) + offset - e.start - len(e.old)
        return at + min(offset - e.start, len(e.new))


def edit_spans(log: EditLog) -> list[tuple[str, int, int, int, int]]:
    """Each applied edit as ``(code, source start, source end, output start, output end)``, in the order of
    the log's groups, left to right within one: the part it changed, its old and new text trimmed of what
    they share at either end (``"\\n\\n\\n"`` -> ``"\\n"`` removes two line breaks, not three).

    Offsets are mapped group by group (:class:`_Group`), not edit by edit: for a record of 1,600 edits
    that took 1.8 s to fix, its annotation took 2.9 s edit by edit, 0.12 s by group.

    >>> from transclean import Edit
    >>> _, log = EditLog().apply("a  b . c", [(Edit(1, 3, " "), "TC302"), (Edit(4, 5, ""), "TC302")])
    >>> edit_spans(log)
    [('TC302', 2, 3, 2, 2), ('TC302', 4, 5, 3, 3)]
    """
    groups: list[list[AppliedEdit]] = []
    for edit in log.edits:
        if groups and edit.start + len(edit.old) <= groups[-1][-1].start:
            groups[-1].append(edit)
        else:
            groups.append([edit])
    mapped = [_Group(g) for g in groups]
    spans = []
    for g, group in enumerate(mapped):
        for edit, at in zip(group.edits, group.after, strict=True):
            head, tail = _shared_ends(edit.old, edit.new)
            start, end = edit.start + head, edit.start + len(edit.old) - tail
            for earlier in reversed(mapped[:g]):
                start, end = earlier.map_back(start), earlier.map_back(end)
            out_start, out_end = at + head, at + len(edit.new) - tail
            for later in mapped[g + 1 :]:
                out_start, out_end = later.map_forward(out_start), later.map_forward(out_end)
            spans.append((edit.code, start, end, out_start, out_end))
    return spans


def _shared_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters ``old`` and ``new`` share at their start, then at their end (not overlapping)."""
    head = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    old, new = old[head:], new[head:]
    tail = next((i for i, (a, b) in enumerate(zip(reversed(old), reversed(new), strict=False)) if a != b), None)
    return head, min(len(old), len(new)) if tail is None else tail


def applied(result: Result) -> list[bool]:
    """For each of ``result.findings``, whether its fix was applied: an edit of its rule touches its span.

    Unsafe fixes (without ``unsafe_fixes``), findings without a fix, and fixes another rule's edit made
    moot are not applied.
    """
    reach: dict[str, tuple[list[int], list[int]]] = {}  # per rule: edit starts, and the furthest end so far
    for code, start, end, _, _ in sorted(edit_spans(result.log), key=lambda span: span[1]):
        starts, ends = reach.setdefault(code, ([], []))
        starts.append(start)
        ends.append(max(end, ends[-1]) if ends else end)

    def touched(finding: Finding) -> bool:
        starts, ends = reach.get(finding.code, ([], []))
        k = bisect.bisect_right(starts, finding.end)  # edits starting at or before the finding's end
        return k > 0 and ends[k - 1] >= finding.start

    return [touched(f) for f in result.findings]


def findings_object(path: str, language: str | None, findings: Iterable[Finding]) -> dict[str, object]:
    """The JSON object of one input: ``{"path", "language", "findings": [...]}``."""
    return {"path": path, "language": language, "findings": [f.to_dict() for f in findings]}


def findings_json(path: str, language: str | None, findings: Iterable[Finding]) -> str:
    """:func:`findings_object` as one line of JSON."""
    return json.dumps(findings_object(path, language, findings), ensure_ascii=False)


def findings_text(path: str, text: str, findings: Sequence[Finding]) -> list[str]:
    """Linter-style lines: ``path:line:col: CODE category message [*]`` (``*``: a fix is available)."""
    index = LineIndex(text)
    lines = []
    for f in findings:
        line, col = index.position(f.start)
        mark = f" [{f.applicability.value}-fix]" if f.fix else ""
        lines.append(f"{path}:{line}:{col}: {f.code} {f.category.value} {f.message}{mark}")
    return lines


def findings_full(path: str, text: str, findings: Sequence[Finding], *, colour: bool = False) -> list[str]:
    """Ruff's full text output: each finding's line (as :func:`findings_text`), then its source line with a
    caret under the span (to the line's end when the span runs on) and the suggested replacement."""

    def style(value: str, **how: object) -> str:
        if not colour:
            return value
        import click  # on a terminal only: click's import took 0.02 s of a cold check piped or in CI

        return click.style(value, **how)  # type: ignore[arg-type]

    index, out = LineIndex(text), []
    for head, f in zip(findings_text(path, text, findings), findings, strict=True):
        line, col = index.position(f.start)
        begin = f.start - col + 1
        stop = min((i for i in (text.find("\n", begin), text.find("\r", begin)) if i >= 0), default=len(text))
        source = text[begin:stop]
        width = max(1, min(f.end, stop) - f.start)
        gutter = " " * len(str(line))
        location, rest = head.split(f" {f.code} ", 1)
        hint = "" if f.suggestion is None else " remove" if f.suggestion == "" else f" {f.suggestion!r}"
        out += [
            f"{style(location, bold=True)} {style(f.code, fg='red', bold=True)} {rest}",
            f"{gutter} |",
            f"{line} | {source}",
            f"{gutter} | {' ' * (col - 1)}{style('^' * width, fg='red', bold=True)}{style(hint, fg='cyan')}",
            f"{gutter} |",
            "",
        ]
    return out


def findings_summary(findings: Sequence[Finding], *, fixed: int = 0) -> str:
    """The closing line of text output: counts, and how many a ``--fix`` run would repair.

    >>> findings_summary([])
    'All checks passed!'
    """
    if not findings:
        return "All checks passed!"
    safe = sum(f.fix is not None and f.applicability is Applicability.SAFE for f in findings)
    unsafe = sum(f.fix is not None and f.applicability is Applicability.UNSAFE for f in findings)
    noun = "problem" if len(findings) == 1 else "problems"
    if fixed:
        return f"Found {len(findings)} {noun} ({fixed} fixed, {len(findings) - fixed} remaining)."
    return f"Found {len(findings)} {noun} ({safe} fixable with --fix, {unsafe} with --unsafe-fixes)."


def findings_statistics(findings: Sequence[Finding]) -> list[str]:
    """Ruff's ``--statistics``: one line per rule, most frequent first: count, code, ``[*]`` when fixable,
    the rule's name."""
    counts = Counter(f.code for f in findings)
    fixable = {f.code for f in findings if f.fix is not None}
    width = len(str(max(counts.values(), default=0)))
    return [
        f"{n:>{width}}\t{code}\t{'[*]' if code in fixable else '[ ]'} {REGISTRY[code].name}"
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of a fix."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"info": "note", "minor": "note", "major": "warning", "critical": "error"}


def sarif(results: Iterable[tuple[str, str, Sequence[Finding]]]) -> dict[str, object]:
    """A SARIF 2.1.0 log for ``(path, text, findings)`` triples, one run, rules from the registry."""
    from transclean import __version__

    used = sorted({f.code for _, _, findings in results for f in findings})
    rules = [
        {
            "id": code,
            "name": REGISTRY[code].name,
            "shortDescription": {"text": REGISTRY[code].summary()},
            "fullDescription": {"text": (REGISTRY[code].__doc__ or "").strip()},
            "defaultConfiguration": {"level": _SARIF_LEVEL[REGISTRY[code].severity.value]},
            "properties": {"category": REGISTRY[code].category.value, "fix": REGISTRY[code].fix.value},
        }
        for code in used
    ]
    index = {code: i for i, code in enumerate(used)}
    out = []
    for path, text, findings in results:
        lines = LineIndex(text)
        for f in findings:
            (sl, sc), (el, ec) = lines.position(f.start), lines.position(f.end)
            result: dict[str, object] = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": _SARIF_LEVEL[f.severity.value],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": path},
                            "region": {
                                "startLine": sl,
                                "startColumn": sc,
                                "endLine": el,
                                "endColumn": ec,
                                "charOffset": f.start,
                                "charLength": f.end - f.start,
                                "snippet": {"text": f.text},
                            },
                        }
                    }
                ],
                "properties": {
                    "category": f.category.value,
                    "its": f.category.its_type,
                    "confidence": round(f.confidence, 3),
                },
            }
            if f.fix:
                result["fixes"] = [
                    {
                        "description": {"text": f.fix.title},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": path},
                                "replacements": [
                                    {
                                        "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                        "insertedContent": {"text": e.replacement},
                                    }
                                    for e in f.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            out.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "transclean",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": out,
            }
        ],
    }
