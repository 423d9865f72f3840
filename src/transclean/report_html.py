"""The HTML pages: one review page for checked articles, one summary of a batch run.

Apart from :mod:`transclean.report` because they hold their own styles and layout; they draw on its edit
spans and applied flags like every other renderer.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transclean.model import Applicability, Finding
from transclean.report import applied, edit_spans
from transclean.rules import REGISTRY
from transclean.text import LineIndex

if TYPE_CHECKING:
    from transclean.pipeline import Result

CATEGORY_COLOURS = {
    "encoding": "#e8590c",
    "boilerplate": "#868e96",
    "punctuation": "#1c7ed6",
    "pronoun": "#c2255c",
    "acronym": "#7048e8",
    "title": "#0c8599",
    "grammar": "#2f9e44",
    "untranslated": "#e67700",
    "terminology": "#5c940d",
}

#: How removed whitespace is drawn; a removed line break keeps its break so the layout stays.
_WHITESPACE = {"\n": "↵\n", "\r": "␍", "\t": "→"}

_PAGE_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 1.5em; color: #212529; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f8f9fa; padding: 1em; border-radius: 6px; }
mark { color: inherit; }
del { background: #ffc9c9; color: #c92a2a; }
ins { background: #d3f9d8; text-decoration: underline #2f9e44 2px; }
.cut { border-left: 2px solid #e03131; margin: 0 1px; }
sup.tag { font-size: 70%; font-weight: bold; margin: 0 .15em; }
sup.tag a { color: inherit; text-decoration: none; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .4em; border-radius: 2px; }
.hint { color: #495057; font-size: 90%; margin: 0 0 .4em; }
table { border-collapse: collapse; margin: .5em 2em 1em 0; }
td, th { border: 1px solid #dee2e6; padding: .25em .6em; text-align: left; vertical-align: top; }
tr.applied td.status { color: #2b8a3e; } tr.not-applied td.status { color: #c92a2a; font-weight: bold; }
tr.no-fix td.status { color: #495057; }
code { background: #f1f3f5; padding: 0 .2em; }
ul { padding-left: 1.2em; }
"""


def _shown(text: str) -> str:
    """Escaped text whose whitespace is drawn (· space, ↵ line break, → tab), for removed or blank spans."""
    return "".join(_WHITESPACE.get(c, "·" if c.isspace() else c) for c in escape(text, quote=False))


def _quoted(text: str, empty: str) -> str:
    """A finding's text or a suggestion as shown: whitespace drawn only when there is nothing else to see."""
    if not text:
        return empty
    return _shown(text) if not text.strip() else escape(text, quote=False)


def _segments(length: int, points: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Consecutive ``(start, end)`` pieces of ``range(length)`` cut at ``points``."""
    cuts = sorted({0, length, *(p for p in points if 0 <= p <= length)})
    yield from pairwise(cuts)


def _covers(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans if s < e)


def _original_pane(source: str, findings: Sequence[Finding], removed: list[tuple[int, int]], prefix: str) -> str:
    """The source with findings highlighted and numbered (as in the table), removed text struck through.

    A finding inside or across an earlier highlight is not highlighted twice: the table lists it.
    """
    marks: list[tuple[int, int, int]] = []  # (start, end, number), outermost first
    for number, f in sorted(enumerate(findings, 1), key=lambda nf: (nf[1].start, -nf[1].end)):
        if not marks or f.start >= marks[-1][1]:
            marks.append((f.start, f.end, number))
    wide = [m for m in marks if m[1] > m[0]]
    carets = {start: number for start, end, number in marks if start == end}  # insertion points

    def mark(number: int, body: str, first: bool) -> str:
        f = findings[number - 1]
        colour = CATEGORY_COLOURS[f.category.value]
        anchor = f' id="{prefix}f{number}"' if first else ""
        return (
            f'<mark{anchor} class="finding" data-code="{f.code}" '
            f'style="background:{colour}33;border-bottom:2px solid {colour}">{body}</mark>'
        )

    def tag(number: int) -> str:
        colour = CATEGORY_COLOURS[findings[number - 1].category.value]
        return f'<sup class="tag" style="color:{colour}"><a href="#{prefix}r{number}">{number}</a></sup>'

    out, i = [], 0
    points = [p for s, e, _ in marks for p in (s, e)] + [p for s, e in removed for p in (s, e)]
    for start, end in _segments(len(source), points):
        if start in carets:
            out.append(mark(carets[start], "‸", True) + tag(carets[start]))
        while i < len(wide) and wide[i][1] <= start:
            i += 1
        inside = wide[i] if i < len(wide) and wide[i][0] <= start else None
        piece = source[start:end]
        gone = _covers(removed, start, end)
        blank = inside is not None and not findings[inside[2] - 1].text.strip()
        body = _shown(piece) if gone or blank else escape(piece, quote=False)
        body = f"<del>{body}</del>" if gone else body
        if inside is None:
            out.append(body)
            continue
        out.append(mark(inside[2], body, start == inside[0]))
        if end == inside[1]:
            out.append(tag(inside[2]))
    if len(source) in carets:  # the loop's pieces all start before the end
        out.append(mark(carets[len(source)], "‸", True) + tag(carets[len(source)]))
    return "".join(out)


def _fixed_pane(fixed: str, written: list[tuple[int, int]], cuts: set[int]) -> str:
    """The fixed text as it reads, what the fixes wrote underlined and a bar where they only removed text."""
    out = []
    for start, end in _segments(len(fixed), [p for s, e in written for p in (s, e)] + list(cuts)):
        if start in cuts:
            out.append('<span class="cut" title="text removed here"></span>')
        piece = escape(fixed[start:end], quote=False)
        out.append(f"<ins>{piece}</ins>" if _covers(written, start, end) else piece)
    if len(fixed) in cuts:
        out.append('<span class="cut" title="text removed here"></span>')
    return "".join(out)


def _status(finding: Finding, done: bool) -> tuple[str, str]:
    """(row class, status words) of a finding in the article report."""
    if done:
        return "applied", "✔ applied"
    if finding.applicability is Applicability.NONE:
        return "no-fix", "no automatic fix: review it"
    if finding.applicability is Applicability.UNSAFE:
        return "not-applied", "✘ not applied (unsafe fix: --unsafe-fixes applies it)"
    return "not-applied", "✘ not applied (another fix changed this text)"


def html_report(articles: Sequence[tuple[str, Result]]) -> str:
    """One self-contained HTML page (no script, no external asset) for ``(path, result)`` articles: several
    files make one document, an ``<article>`` each (ids prefixed ``aN-`` only then).

    Per article: the original with each finding highlighted and numbered and what the fixes removed struck
    through, spaces and line breaks drawn; the fixed text in a pane of its own, what the fixes wrote
    underlined; a table of the findings with line and column, rule, message, suggestion, fix safety and
    whether the fix was applied; counts per category. Everything reads without hovering.
    """
    title = articles[0][0] if len(articles) == 1 else f"{len(articles)} files"
    prefixed = len(articles) > 1
    body = "".join(
        _html_article(path, result, f"a{i}-" if prefixed else "") for i, (path, result) in enumerate(articles)
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>transclean: {escape(title)}</title>
<style>{_PAGE_STYLE}</style></head><body>
{body}</body></html>
"""


def _html_article(path: str, result: Result, prefix: str) -> str:
    """One article of :func:`html_report`."""
    source, fixed, findings = result.document.source or "", result.text, result.findings
    spans = edit_spans(result.log)
    done = applied(result)
    lines = LineIndex(source)
    rows = []
    for number, (f, is_done) in enumerate(zip(findings, done, strict=True), 1):
        line, col = lines.position(f.start)
        kind, status = _status(f, is_done)
        colour = CATEGORY_COLOURS[f.category.value]
        suggestion = f" → <code>{_quoted(f.suggestion, '(remove)')}</code>" if f.suggestion is not None else ""
        fix = f"{f.applicability.value}: {escape(f.fix.title)}" if f.fix else "none"
        rows.append(
            f'<tr class="finding {kind}" id="{prefix}r{number}" data-code="{f.code}">'
            f'<td><a href="#{prefix}f{number}">{number}</a></td>'
            f"<td>{line}:{col}</td>"
            f'<td><span class="swatch" style="background:{colour}"></span><b>{f.code}</b> {REGISTRY[f.code].name}<br>'
            f"<small>{f.category.value}, {f.severity.value}</small></td>"
            f"<td><code>{_quoted(f.text, '‸')}</code></td><td>{escape(f.message)}{suggestion}</td>"
            f'<td>{fix}</td><td class="status">{status}</td></tr>'
        )
    statuses = Counter(_status(f, d)[0] for f, d in zip(findings, done, strict=True))
    summary = (
        f"{len(findings)} finding{'' if len(findings) == 1 else 's'}: {statuses['applied']} applied, "
        f"{statuses['not-applied']} not applied, {statuses['no-fix']} without an automatic fix"
    )
    counts = "".join(
        f'<li><span class="swatch" style="background:{CATEGORY_COLOURS[c]}"></span>{c}: {n}</li>'
        for c, n in sorted(Counter(f.category.value for f in findings).items())
    )
    removed = [(s, e) for _, s, e, _, _ in spans if e > s]
    written = [(s, e) for _, _, _, s, e in spans if e > s]
    cuts = {s for _, _, _, s, e in spans if s == e}
    return f"""<article id="{prefix}article">
<h1>transclean report: {escape(path)}</h1>
<p id="{prefix}summary">{summary}</p><ul id="{prefix}counts">{counts}</ul>
<div class="cols"><section><h2>Original</h2>
<p class="hint">Findings highlighted and numbered as in the table below. <del>Struck through</del>: removed by a fix
(<del>·</del> a space, <del>↵</del> a line break, <del>→</del> a tab).</p>
<pre id="{prefix}original">{_original_pane(source, findings, removed, prefix)}</pre></section>
<section><h2>Fixed</h2>
<p class="hint"><ins>Underlined</ins>: written by a fix. <span class="cut"></span>: text removed there.</p>
<pre id="{prefix}fixed">{_fixed_pane(fixed, written, cuts)}</pre></section></div>
<h2>Findings</h2>
<table id="{prefix}findings"><tr><th>#</th><th>line:col</th><th>rule</th><th>found</th><th>what is wrong</th>
<th>fix (safety: what it does)</th><th>status</th></tr>{"".join(rows)}</table>
</article>
"""


#: What each count of a run's stats is called in the corpus report.
STAT_LABELS = {
    "documents_in": "Records read",
    "documents_out": "Records written",
    "changed": "Records changed by a fix",
    "rejected": "Records rejected (unreadable, or without text)",
    "dropped": "Records dropped (--mode drop)",
    "bytes_in": "Bytes read",
    "bytes_out": "Bytes written (whole records)",
    "seconds": "Worker seconds",
}
#: Rejected records shown per reason in the corpus report.
REJECT_EXAMPLES = 3


def _relative(path: str | Path) -> str:
    """A path relative to the working folder, as the user would type it (an absolute one names the machine's
    folders and the user); left as it is on another Windows drive."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return str(path)


def _reject_examples(outdir: Path, wanted: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Up to :data:`REJECT_EXAMPLES` rejected records per reason (the part before ':'), read from
    ``outdir/rejects``; reading stops once every ``wanted`` reason has its examples."""
    found: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((outdir / "rejects").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                reject = json.loads(line)
                kept = found.setdefault(str(reject.get("reason", "")).split(":")[0], [])
                if len(kept) < REJECT_EXAMPLES:
                    kept.append(reject)
                if wanted <= found.keys() and all(len(found[r]) >= REJECT_EXAMPLES for r in wanted):
                    return found
    return found


def _example_card(code: str, ex: dict[str, Any]) -> str:
    """One rule's example: the record's text around the finding, the finding marked at its own offset."""
    before, text, at = ex["before"], ex["text"], ex.get("start")
    if at is not None and before[at : at + len(text)] == text:
        after = escape(before[at + len(text) :], quote=False)
        shown = f"{escape(before[:at], quote=False)}<mark>{_quoted(text, '‸')}</mark>{after}"
    else:  # stats of an older run kept no offset: nothing can be marked safely
        shown = escape(before, quote=False)
    suggestion = ex.get("suggestion")
    return (
        f'<section class="example" data-code="{escape(code)}"><h3>{escape(code)} {escape(REGISTRY[code].name)}</h3>'
        f"<p>{escape(ex['message'])} ({escape(ex['fix'])} fix; {escape(_relative(ex['source']))}:{ex['line']})</p>"
        f"<pre>{shown}</pre>"
        + (f"<p>suggestion: <code>{_quoted(str(suggestion), '(remove)')}</code></p>" if suggestion is not None else "")
        + "</section>"
    )


def corpus_report(stats: dict[str, Any], outdir: str | Path) -> str:
    """A self-contained HTML summary of a batch run in ``outdir``: the counts with readable labels, counts
    per rule, category, language and reject reason, an example of each rule's finding in context, and
    examples of rejected records (read from ``outdir/rejects``). Paths are relative to the working folder."""
    out = Path(outdir)

    def table(counts: dict[str, int], label: str, name: Any = str) -> str:
        rows = "".join(f"<tr><td>{escape(name(k))}</td><td>{v}</td></tr>" for k, v in counts.items())
        return f"<table><tr><th>{label}</th><th>records</th></tr>{rows}</table>"

    summary = "".join(f"<tr><td>{label}</td><td>{stats.get(key)}</td></tr>" for key, label in STAT_LABELS.items())
    accounted = stats["documents_out"] + stats["rejected"] + stats["dropped"]
    notes = [
        f"Every record is accounted for: {stats['documents_in']} read = {stats['documents_out']} written + "
        f"{stats['rejected']} rejected + {stats['dropped']} dropped."
        if accounted == stats["documents_in"]
        else f"<b>Records do not add up: {stats['documents_in']} read, {accounted} written, rejected or dropped.</b>"
    ]
    if stats["bytes_out"] > stats["bytes_in"]:
        notes.append(
            "More bytes written than read: the output records carry a <code>transclean</code> annotation "
            "(<code>--annotate</code> or <code>--mode flag</code>) or are written uncompressed; the fixes "
            "themselves mostly shorten the text."
        )
    examples = "".join(_example_card(code, ex) for code, ex in sorted(stats.get("examples", {}).items()))
    reasons = dict(stats.get("rejects_by_reason", {}))
    if stats["dropped"]:
        reasons["dropped"] = stats["dropped"]
    rejects = "".join(
        f"<h3>{escape(reason)}</h3>"
        + "".join(
            f"<p>{escape(_relative(r['source']))}:{r['line']}: {escape(r['reason'])}</p>"
            f"<pre>{escape(str(r['record'])[:300])}{'…' if len(str(r['record'])) > 300 else ''}</pre>"
            for r in kept
        )
        for reason, kept in sorted(_reject_examples(out, set(reasons)).items())
    )
    title = escape(_relative(out))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>transclean corpus report: {title}</title>
<style>
body {{ font: 15px/1.5 system-ui, sans-serif; margin: 1.5em; color: #212529; }}
table {{ border-collapse: collapse; margin: .5em 2em 1em 0; display: inline-table; vertical-align: top; }}
td, th {{ border: 1px solid #dee2e6; padding: .2em .6em; text-align: left; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; background: #f8f9fa; padding: .6em; }}
mark {{ background: #ffe066; }} .notes {{ color: #495057; }}
</style></head><body>
<h1>transclean corpus report: {title}</h1>
<table id="summary">{summary}</table>
<ul class="notes">{"".join(f"<li>{n}</li>" for n in notes)}</ul>
{table(stats.get("findings_by_code", {}), "rule", lambda c: f"{c} {REGISTRY[c].name}" if c in REGISTRY else c)}
{table(stats.get("findings_by_category", {}), "category")}
{table(stats.get("languages", {}), "language", lambda lang: "undetermined" if lang == "und" else lang)}
{table(reasons, "reject reason")}
<h2>An example of each rule</h2>{examples or "<p>No findings.</p>"}
<section id="rejects"><h2>Rejected records</h2>{rejects or "<p>None.</p>"}</section>
</body></html>
"""
