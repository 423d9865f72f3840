"""CLI behaviour: formats, exit codes, errors, atomic output, diff, rule docs, ruff's conventions."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

DIRTY = "Title\n\n[ad_1]\n\nIl caffÃ¨ Ã¨ buono. . Poi uscì.\n"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "transclean", *args], input=stdin, capture_output=True, cwd=cwd)


def test_check_text_lines_and_exit_codes(tmp_path: Path) -> None:
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY, "utf-8")
    proc = run("check", "--output-format", "concise", str(dirty))
    assert proc.returncode == 1
    lines = proc.stdout.decode().splitlines()
    assert lines[0] == f"{dirty}:3:1: TC201 boilerplate Scraper marker line [safe-fix]"
    assert any(":5:8: TC101 encoding" in line for line in lines)
    assert run("check", "-", stdin=b"All good here.\n").returncode == 0


def test_check_json_lines_for_several_inputs(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DIRTY, "utf-8")
    b.write_text("Nothing to see.\n", "utf-8")
    proc = run("check", "--format", "json", str(a), str(b))
    objects = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["path"] for o in objects] == [str(a), str(b)]
    assert objects[1]["findings"] == []
    first = objects[0]["findings"][0]
    assert set(first) >= {"code", "category", "severity", "start", "end", "text", "message", "suggestion"}


def test_select_and_ignore() -> None:
    proc = run("check", "--output-format", "concise", "--select", "TC2", "-", stdin=DIRTY.encode())
    assert {line.split()[1] for line in proc.stdout.decode().splitlines()[:-1]} == {"TC201"}
    assert run("check", "--ignore", "TC1,TC2,TC3", "-", stdin=DIRTY.encode()).returncode == 0
    bad = run("check", "--select", "XX1", "-", stdin=b"x")
    assert bad.returncode == 2 and b"unknown rule selector 'XX1'" in bad.stderr


def test_invalid_utf8_names_file_and_offset(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"line one\nline \xe9two\n")
    proc = run("check", str(bad))
    assert proc.returncode == 2
    assert f"{bad}: invalid UTF-8 at byte offset 14 (line 2)".encode() in proc.stderr
    missing = run("fix", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and b"no such file" in missing.stderr


def test_fix_to_file_diff_and_line_breaks(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(DIRTY.replace("\n", "\r\n").encode())
    out = tmp_path / "out.txt"
    assert run("fix", str(src), "-o", str(out)).returncode == 0
    assert out.read_bytes() == "Title\r\n\r\nIl caffè è buono. Poi uscì.\r\n".encode()
    assert {p.name for p in tmp_path.iterdir()} == {"in.txt", "out.txt"}  # no temporary file left
    diff = run("fix", "--diff", str(src)).stdout.decode()
    assert "-[ad_1]" in diff.replace("\r", "") and "+Il caffè è buono. Poi uscì." in diff.replace("\r", "")


def test_fix_reports_remaining_findings(tmp_path: Path) -> None:
    proc = run("fix", "-", stdin=b"He left., then came back.\n")
    assert proc.returncode == 1 and b"remaining:" in proc.stderr and b"TC301" in proc.stderr
    assert run("fix", "--exit-zero", "-", stdin=b"He left., then.\n").returncode == 0


def test_rule_docs_and_table() -> None:
    doc = run("rule", "TC203").stdout.decode()
    assert "related-article-box" in doc and "Fires on:" in doc and "Does not fire on:" in doc
    assert run("rule", "TC000").returncode == 2
    assert "| TC101 | mojibake |" in run("rules").stdout.decode()


def test_config_file_is_read_from_cwd(tmp_path: Path) -> None:
    (tmp_path / "transclean.toml").write_text('ignore = ["TC201"]\n')
    proc = run("check", "-", stdin=b"Body.\n\n[ad_1]\n", cwd=tmp_path)
    assert proc.returncode == 0


def test_import_stays_light() -> None:
    heavy = "('argostranslate', 'torch', 'langdetect', 'ftfy')"
    code = f"import sys, transclean; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_full_output_shows_the_source_line_a_caret_and_a_summary(tmp_path: Path) -> None:
    out = run("check", "-", stdin=DIRTY.encode()).stdout.decode()
    assert "5 | Il caffÃ¨ Ã¨ buono. . Poi uscì.\n  |        ^^^^^ 'è è'" in out
    assert "\x1b[" not in out  # colour only on a terminal
    assert out.endswith("Found 3 problems (3 fixable with --fix, 0 with --unsafe-fixes).\n")
    assert run("check", "-", stdin=b"All good here.\n").stdout == b"All checks passed!\n"
    stats = run("check", "--statistics", "-", stdin=DIRTY.encode()).stdout.decode().splitlines()
    assert stats[0] == "1\tTC101\t[*] mojibake" and len(stats) == 4


def test_check_reports_what_fix_would_repair() -> None:
    """`check` on "The CafÃ© . ." reported only TC101 while `fix` also repaired the punctuation."""
    out = run("check", "--output-format", "json", "-", stdin="The CafÃ© . .\n".encode()).stdout
    assert {"TC101", "TC301"} <= {f["code"] for f in json.loads(out)["findings"]}


def test_unknown_language_code_exits_2() -> None:
    proc = run("check", "-l", "xx", "-", stdin=b"Text.\n")
    assert proc.returncode == 2 and b"unknown language code 'xx'" in proc.stderr


def test_check_walks_directories_skipping_gitignored_and_excluded(tmp_path: Path) -> None:
    for name in ("a.txt", "sub/b.md", "build/c.txt", "drafts/d.txt", ".hidden/e.txt", "sub/data.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DIRTY, "utf-8")
    (tmp_path / ".gitignore").write_text("build/\n")
    proc = run("check", "--output-format", "json", "--exclude", "drafts", ".", cwd=tmp_path)
    assert sorted(json.loads(line)["path"] for line in proc.stdout.decode().splitlines()) == ["a.txt", "sub/b.md"]


def test_check_fix_repairs_files_in_place(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text(DIRTY, "utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing here.\n", "utf-8")
    proc = run("check", "--fix", str(tmp_path))
    assert proc.returncode == 0 and proc.stdout.decode().endswith("Found 3 problems (3 fixed, 0 remaining).\n")
    assert target.read_text("utf-8") == "Title\n\nIl caffè è buono. Poi uscì.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "clean.txt"]  # no temporary file left


def test_check_fix_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text(DIRTY, "utf-8")
    target.chmod(0o644)
    run("check", "--fix", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_fix_diff_exits_1_when_changes_are_pending() -> None:
    assert run("fix", "--diff", "-", stdin=DIRTY.encode()).returncode == 1
    assert run("fix", "--diff", "-", stdin=b"All good here.\n").returncode == 0


def test_fix_remaining_lines_are_input_positions(tmp_path: Path) -> None:
    """`fix` printed positions of the fixed output under the input's name."""
    src = tmp_path / "a.txt"
    src.write_text("[ad_1]\n\nAll fine.\n\nHe left., then came back.\n", "utf-8")
    proc = run("fix", str(src))
    assert f"remaining: {src}:5:8: TC301".encode() in proc.stderr


def test_fix_output_dash_is_stdout(tmp_path: Path) -> None:
    proc = run("fix", "-", "-o", "-", stdin=DIRTY.encode(), cwd=tmp_path)
    assert proc.stdout == "Title\n\nIl caffè è buono. Poi uscì.\n".encode() and not (tmp_path / "-").exists()


class _Doctypes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.doctypes = 0
        self.articles = 0

    def handle_decl(self, decl: str) -> None:
        self.doctypes += decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.articles += tag == "article"


def test_html_for_several_files_is_one_document(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DIRTY, "utf-8")
    b.write_text("Nothing to see.\n", "utf-8")
    html = run("check", "--output-format", "html", str(a), str(b)).stdout.decode()
    parser = _Doctypes()
    parser.feed(html)
    assert (parser.doctypes, parser.articles, html.count("</html>")) == (1, 2, 1)
    assert str(a) in html and str(b) in html


def test_check_parses_its_options_without_pydantic(tmp_path: Path) -> None:
    """typer's pydantic coercion is replaced for flags, text, paths and choices: same values, same messages."""
    article = tmp_path / "a.txt"
    article.write_text("All good here.\n", "utf-8")
    (tmp_path / "settings.toml").write_text("", "utf-8")
    code = (
        "import sys, transclean.cli\n"
        "try:\n"
        f"    transclean.cli.app(['check', '--output-format', 'json', '--select', 'TC1,TC2', '--exclude', '*.md', "
        f"'--config', {str(tmp_path / 'settings.toml')!r}, {str(article)!r}])\n"
        "except SystemExit as exit:\n"
        "    print(exit.code, 'pydantic' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.splitlines()[-1] == "0 False", proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["findings"] == []
    bad = run("check", "--output-format", "bad", str(article))
    assert bad.returncode == 2
    assert b"Invalid value for '--output-format': Value error, 'bad' is not one of 'full', 'concise'" in bad.stderr


def test_plain_check_without_the_typer_app_answers_as_the_app(tmp_path: Path) -> None:
    """`check` with paths and plain flags runs without building the typer app: the same bytes on stdout and
    stderr and the same exit status as the app, for findings, clean text, a missing file, stdin and --fix."""
    dirty, clean = tmp_path / "dirty.txt", tmp_path / "clean.txt"
    clean.write_text("All good here.\n", "utf-8")
    app = "import sys; sys.argv[0] = 'transclean'; from transclean.cli import app; app()"
    calls = [
        ["check", str(dirty)],
        ["check", str(dirty), "--statistics", "--exit-zero"],
        ["check", str(clean), str(tmp_path / "nope.txt"), str(dirty)],
        ["check", "-"],
        ["check", "--isolated", str(tmp_path)],
        ["check", "--fix", "--unsafe-fixes", str(dirty)],
    ]
    for args in calls:
        answers = []
        for command in ([sys.executable, "-m", "transclean"], [sys.executable, "-c", app]):
            dirty.write_text(DIRTY, "utf-8")
            proc = subprocess.run([*command, *args], input=DIRTY.encode(), capture_output=True)
            answers.append((proc.returncode, proc.stdout, proc.stderr, dirty.read_bytes()))
        assert answers[0] == answers[1], args
    code = "import atexit, sys, transclean.__main__\natexit.register(lambda: print('typer' in sys.modules))\n"
    proc = subprocess.run(
        [sys.executable, "-c", code + "transclean.__main__.main()", "check", str(clean)], capture_output=True
    )
    assert (proc.returncode, proc.stdout.splitlines()[-1]) == (0, b"False"), proc.stderr


def test_translate_offers_only_the_formats_it_writes() -> None:
    proc = run("translate", "--from", "it", "--to", "en", "--format", "sarif", "-", stdin=b"Ciao.\n")
    assert proc.returncode == 2 and b"'sarif' is not one of" in proc.stderr


def test_glossary_convert_writes_the_format_of_the_extension(tmp_path: Path) -> None:
    src = tmp_path / "g.tsv"
    src.write_text("id\ttype\ten\tit\nun\torganization\tUnited Nations, The\tNazioni Unite\n", "utf-8")
    assert run("glossary", "convert", str(src), str(tmp_path / "g.csv")).returncode == 0
    data = (tmp_path / "g.csv").read_text("utf-8")
    assert data.splitlines()[1].startswith('un,organization,,"United Nations, The",Nazioni Unite')
    assert run("glossary", "convert", str(src), str(tmp_path / "g.txt")).returncode == 2


def test_version_short_help_and_plain_placeholders() -> None:
    assert run("--version").stdout.decode().startswith("transclean ")
    helps = run("check", "-h").stdout.decode()
    assert "--output-format" in helps and "<full|concise|json|sarif|html>" in helps
    assert "<bool>" not in helps and "<list[" not in helps and "--format" not in helps.replace("--output-format", "")


def test_rules_table_keeps_wrapped_descriptions_whole() -> None:
    from transclean.rules import REGISTRY

    rows = {
        line.split(" | ")[0][2:]: line for line in run("rules").stdout.decode().splitlines() if line.startswith("| TC")
    }
    for code, rule in REGISTRY.items():
        first_paragraph = " ".join((rule.__doc__ or "").strip().split("\n\n")[0].split())
        assert rows[code].rstrip().endswith(f"{first_paragraph} |"), code


def test_profiles_say_default_runs_rules_with_unsafe_fixes() -> None:
    default = next(line for line in run("profiles").stdout.decode().splitlines() if line.startswith("default:"))
    assert "--unsafe-fixes" in default and "safe repairs of" not in default


def test_config_flag_per_file_ignores_and_isolated(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text("Body.\n\n[ad_1]\n", "utf-8")
    settings = tmp_path / "settings.toml"
    settings.write_text('[per-file-ignores]\n"drafts/*.txt" = ["TC201"]\n')
    assert run("check", "--config", str(settings), "drafts", cwd=tmp_path).returncode == 0
    (tmp_path / "transclean.toml").write_text('ignore = ["TC2"]\n')
    sub = tmp_path / "drafts"
    assert run("check", "a.txt", cwd=sub).returncode == 0  # found in a parent directory
    assert run("check", "--isolated", "a.txt", cwd=sub).returncode == 1


def test_inline_comment_line_silences_a_paragraph(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("<!-- transclean: ignore TC201 -->\n[ad_1]\n", "utf-8")
    assert run("check", str(note)).returncode == 0
    assert os.path.exists(note)
