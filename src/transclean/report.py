"""Renderers: every format is built from the one JSON shape of a finding."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence

from transclean.model import Finding
from transclean.rules import REGISTRY, Rule
from transclean.text import LineIndex


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
    import click

    def style(value: str, **how: object) -> str:
        return click.style(value, **how) if colour else value  # type: ignore[arg-type]

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
    from transclean.model import Applicability

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
    from collections import Counter

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


def rule_table(rules: Iterable[type[Rule]] | None = None) -> str:
    """The Markdown rule table for the README, generated from the rule declarations."""
    rows = ["| code | name | category | severity | fix | default | what it finds |", "|---|---|---|---|---|---|---|"]
    for rule in rules or [REGISTRY[c] for c in sorted(REGISTRY)]:
        default = "on" if rule.default_enabled else f"off ({rule.off_reason})"
        rows.append(
            f"| {rule.code} | {rule.name} | {rule.category.value} | {rule.severity.value} | "
            f"{rule.fix.value} | {default} | {rule.summary()} |"
        )
    return "\n".join(rows) + "\n"


def rule_doc(rule: type[Rule]) -> str:
    """Everything about one rule: declaration, docstring and examples."""
    out = [
        f"{rule.code} {rule.name}",
        "",
        f"category: {rule.category.value} (ITS: {rule.category.its_type})",
        f"severity: {rule.severity.value}",
        f"fix: {rule.fix.value}",
        f"default: {'on' if rule.default_enabled else 'off: ' + rule.off_reason}",
        "",
        (rule.__doc__ or "").strip(),
        "",
    ]
    for title, examples in (
        ("Fires on", rule.must_fire),
        ("Does not fire on", rule.must_not_fire),
        ("Known false positives", rule.known_false_positives),
    ):
        if examples:
            out.append(f"{title}:")
            out.extend(f"  {ex.text!r}" + (f"\n    -> {ex.fixed!r}" if ex.fixed is not None else "") for ex in examples)
    return "\n".join(out)


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


def html_report(articles: Sequence[tuple[str, str, str, Sequence[Finding]]]) -> str:
    """One self-contained HTML page for ``(path, source, fixed, findings)`` articles (several files make one
    document, not one page each): per article, the original with findings highlighted (message on hover and
    in a list), the fixed text beside it with the differences marked, and counts per category."""
    from html import escape

    title = articles[0][0] if len(articles) == 1 else f"{len(articles)} files"
    several = len(articles) > 1
    body = "".join(_html_article(f"a{n}-" if several else "", *article) for n, article in enumerate(articles))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>transclean: {escape(title)}</title>
<style>
body {{ font: 15px/1.5 system-ui, sans-serif; margin: 1.5em; color: #212529; }}
.cols {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; }}
pre {{ white-space: pre-wrap; background: #f8f9fa; padding: 1em; border-radius: 6px; }}
mark {{ color: inherit; }} del {{ background: #ffc9c9; }} ins {{ background: #b2f2bb; text-decoration: none; }}
.swatch {{ display: inline-block; width: .9em; height: .9em; margin-right: .4em; border-radius: 2px; }}
ul {{ padding-left: 1.2em; }}
</style></head><body>
{body}</body></html>
"""


def _html_article(prefix: str, path: str, source: str, fixed: str, findings: Sequence[Finding]) -> str:
    """One file's part of :func:`html_report`; ``prefix`` keeps element ids unique in the page."""
    from collections import Counter
    from html import escape

    spans, pos = [], 0
    for i, f in enumerate(sorted(findings, key=lambda f: (f.start, -f.end))):
        if f.start < pos:
            continue  # nested or overlapping: listed below, not highlighted twice
        spans.append(escape(source[pos : f.start]))
        colour = CATEGORY_COLOURS[f.category.value]
        title = escape(f"{f.code} {f.category.value} ({f.severity.value}): {f.message}", quote=True)
        body = escape(source[f.start : f.end]) or "&#8203;"
        spans.append(
            f'<mark id="{prefix}f{i}" class="finding" data-code="{f.code}" title="{title}" '
            f'style="background:{colour}33;border-bottom:2px solid {colour}">{body}</mark>'
        )
        pos = f.end
    spans.append(escape(source[pos:]))
    diff = []
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, source, fixed, autojunk=False).get_opcodes():
        if tag == "equal":
            diff.append(escape(fixed[b1:b2]))
        else:
            if a2 > a1:
                diff.append(f"<del>{escape(source[a1:a2])}</del>")
            if b2 > b1:
                diff.append(f"<ins>{escape(fixed[b1:b2])}</ins>")
    counts = Counter(f.category.value for f in findings)
    rows = "".join(
        f'<li><span class="swatch" style="background:{CATEGORY_COLOURS[c]}"></span>{c}: {n}</li>'
        for c, n in sorted(counts.items())
    )
    items = "".join(
        f'<li><a href="#{prefix}f{i}"><b>{f.code}</b></a> <i>{f.category.value}, {f.severity.value}</i> '
        f"{escape(f.message)}" + (f" → <code>{escape(f.suggestion)}</code>" if f.suggestion else "") + "</li>"
        for i, f in enumerate(sorted(findings, key=lambda f: (f.start, -f.end)))
    )
    return f"""<article id="{prefix}article">
<h1>transclean report: {escape(path)}</h1>
<p class="summary">{len(findings)} findings</p><ul class="counts">{rows}</ul>
<div class="cols"><section><h2>Original, findings highlighted</h2><pre class="original">{"".join(spans)}</pre></section>
<section><h2>Fixed, differences marked</h2><pre class="fixed">{"".join(diff)}</pre></section></div>
<h2>Findings</h2><ol class="findings">{items}</ol>
</article>
"""


def corpus_report(stats: dict[str, object], title: str) -> str:
    """A self-contained HTML summary of a batch run: counts per rule, category and language, an example of
    each rule's finding with its context, and the reject reasons."""
    from html import escape

    def table(counts: object, label: str) -> str:
        rows = "".join(f"<tr><td>{escape(str(k))}</td><td>{v}</td></tr>" for k, v in dict(counts).items())  # type: ignore[call-overload]
        return f"<table><tr><th>{label}</th><th>count</th></tr>{rows}</table>"

    examples = stats.get("examples", {})
    cards = "".join(
        f'<section class="example" data-code="{escape(code)}"><h3>{escape(code)} {escape(REGISTRY[code].name)}</h3>'
        f"<p>{escape(ex['message'])} ({escape(ex['fix'])} fix; {escape(ex['source'])}, record at line {ex['line']})</p>"
        f"<pre>{escape(ex['before']).replace(escape(ex['text']), '<mark>' + escape(ex['text']) + '</mark>', 1)}</pre>"
        + (
            f"<p>suggestion: <code>{escape(str(ex['suggestion']))}</code></p>"
            if ex.get("suggestion") is not None
            else ""
        )
        + "</section>"
        for code, ex in sorted(dict(examples).items())  # type: ignore[call-overload]
    )
    keys = ("documents_in", "documents_out", "changed", "rejected", "dropped", "bytes_in", "bytes_out")
    summary = "".join(f"<tr><td>{k}</td><td>{stats.get(k)}</td></tr>" for k in keys)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>transclean corpus report: {escape(title)}</title>
<style>
body {{ font: 15px/1.5 system-ui, sans-serif; margin: 1.5em; color: #212529; }}
table {{ border-collapse: collapse; margin: .5em 2em 1em 0; display: inline-table; vertical-align: top; }}
td, th {{ border: 1px solid #dee2e6; padding: .2em .6em; text-align: left; }}
pre {{ white-space: pre-wrap; background: #f8f9fa; padding: .6em; }} mark {{ background: #ffe066; }}
</style></head><body>
<h1>transclean corpus report: {escape(title)}</h1>
<table id="summary">{summary}</table>
{table(stats.get("findings_by_code", {}), "rule")}{table(stats.get("findings_by_category", {}), "category")}
{table(stats.get("languages", {}), "language")}{table(stats.get("rejects_by_reason", {}), "reject reason")}
<h2>An example of each rule</h2>{cards}
</body></html>
"""
