"""Term glossaries: concept-oriented TSV/CSV/TBX files, validated whole, matched in one pass.

One concept per row, one column per language (variants separated by ``|``, preferred first), plus
``id``, ``type`` (person, organization, place, term), ``gender`` (persons), ``acronym`` / ``acronym:<lang>``,
``dnt`` (do not translate), ``forbidden`` (known confusions, ``lang:variant`` or ``variant``), ``context``
(evidence words), ``case`` (sensitive / insensitive) and ``note``.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import regex

from transclean.cache import cache_dir, kept
from transclean.errors import E, TranscleanError
from transclean.text import CharMap

WORD = regex.compile(r"[\p{L}\p{M}]+")
ISO_639_1 = frozenset((Path(__file__).parent / "data/iso639-1.txt").read_text("ascii").split())
TYPES = ("person", "organization", "place", "term")
GENDERS = ("female", "male", "other")
FIELDS = ("id", "type", "gender", "acronym", "dnt", "forbidden", "context", "case", "note")
TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Concept:
    """One concept: its terms per language (preferred first) and what is known about it."""

    id: str
    type: str = "term"
    gender: str | None = None
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    acronyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    forbidden: dict[str, tuple[str, ...]] = field(default_factory=dict)
    context: tuple[str, ...] = ()
    dnt: bool = False
    case_sensitive: bool | None = None
    note: str = ""
    origin: str = ""
    #: from a glossary the user passed: its preferred forms are enforced, not only used for consistency.
    enforced: bool = False

    def preferred(self, lang: str) -> str | None:
        """The preferred term in ``lang``, if any."""
        return self.terms[lang][0] if self.terms.get(lang) else None

    def acronym(self, lang: str) -> str | None:
        """The acronym used in ``lang`` (or the language-independent one)."""
        forms = self.acronyms.get(lang) or self.acronyms.get("*")
        return forms[0] if forms else None

    def all_forms(self, lang: str) -> tuple[str, ...]:
        """Every accepted form in ``lang``: terms then acronyms."""
        return self.terms.get(lang, ()) + self.acronyms.get(lang, ()) + self.acronyms.get("*", ())


@dataclass(frozen=True)
class Entry:
    """What a matched string is: a form of a concept in a language."""

    concept: Concept
    lang: str
    form: str
    kind: str  # preferred | variant | acronym | forbidden
    case_sensitive: bool


class Match(NamedTuple):
    """A glossary form found in a text: ``text[start:end]`` and every entry it may be (a tuple: cheap to make)."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Issue:
    """A problem in a glossary file, with its position (1-based line and column)."""

    path: str
    line: int
    column: int
    message: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level}: {self.message}"


class GlossaryError(TranscleanError):
    """A glossary that failed validation; it is never half-loaded."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = list(issues)
        super().__init__(E.BAD_GLOSSARY, issues="\n".join(str(i) for i in issues))


def _fold_char(char: str) -> str:
    """Lower case without diacritics, one character for one (else the character itself)."""
    base = unicodedata.normalize("NFD", char)[0]
    folded = base.lower()
    return folded if len(folded) == 1 else (base if len(base) == 1 else char)


FOLD = CharMap(_fold_char)


def _word_char(char: str) -> bool:
    """A letter, digit or combining mark: a match next to one is inside a word."""
    return char.isalnum() or unicodedata.category(char)[0] == "M"


def fold(text: str) -> str:
    """Case- and diacritic-folded text of the same length.

    >>> fold("Nagórno-KARABAKH İstanbul")
    'nagorno-karabakh istanbul'
    """
    return text.lower() if text.isascii() else text.translate(FOLD)  # the same on ASCII, ten times faster


def _spaced_script(char: str) -> bool:
    """Whether words of this character's script are delimited by spaces (not CJK, Thai, Lao, Khmer...)."""
    code = ord(char)
    return not (
        0x0E00 <= code <= 0x0EFF  # Thai, Lao
        or 0x1780 <= code <= 0x17FF  # Khmer
        or 0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x9FFF  # CJK
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables (spaced, but glued particles follow names)
        or 0xF900 <= code <= 0xFAFF
    )


class Glossary:
    """A set of concepts and a one-pass matcher over all their forms (built on first use)."""

    def __init__(self, concepts: Iterable[Concept] = ()) -> None:
        self.concepts: tuple[Concept, ...] = tuple(concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def __add__(self, other: Glossary) -> Glossary:
        return Glossary(self.concepts + other.concepts)

    def entries(self) -> Iterator[Entry]:
        """Every form of every concept."""
        for c in self.concepts:
            for lang, forms in c.terms.items():
                for i, form in enumerate(forms):
                    yield Entry(c, lang, form, "preferred" if i == 0 else "variant", bool(c.case_sensitive))
            for lang, forms in c.acronyms.items():
                for form in forms:
                    yield Entry(c, lang, form, "acronym", c.case_sensitive is not False)
            for lang, forms in c.forbidden.items():
                for form in forms:
                    yield Entry(c, lang, form, "forbidden", c.case_sensitive is not False or form.isupper())

    @cached_property
    def _table(self) -> tuple[list[str], list[tuple[Entry, ...]], list[bool], list[bool], list[bool]]:
        """The folded forms, the entries of each, whether word boundaries are checked at its left and right
        edge (only in scripts written with spaces between words) and whether any entry is case-sensitive."""
        by_key: dict[str, list[Entry]] = {}
        for entry in self.entries():
            by_key.setdefault(fold(entry.form), []).append(entry)
        keys = list(by_key)
        return (
            keys,
            [tuple(by_key[k]) for k in keys],
            [_spaced_script(k[0]) for k in keys],
            [_spaced_script(k[-1]) for k in keys],
            [any(e.case_sensitive for e in by_key[k]) for k in keys],
        )

    @cached_property
    def _automaton(self) -> tuple[Any, list[tuple[Entry, ...]], list[bool], list[bool], list[bool]]:
        import ahocorasick_rs

        keys, values, left, right, cased = self._table
        automaton = (
            ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) if keys else None
        )
        return automaton, values, left, right, cased

    @cached_property
    def _variant_keys(self) -> list[str]:
        """The variant forms, folded and sorted (kept with the shipped glossaries: listing them builds an
        entry per form, about 1,800)."""
        return sorted({fold(e.form) for e in self.entries() if e.kind == "variant"})

    @cached_property
    def _variants(self) -> Any:
        """A matcher of the variant forms alone (folded)."""
        import ahocorasick_rs

        keys = self._variant_keys
        return ahocorasick_rs.AhoCorasick(keys) if keys else None

    def may_have_variant(self, text: str) -> bool:
        """Whether a variant form occurs in ``text`` at all (folded, word boundaries aside): when not, no
        match of :meth:`match` is a variant's, and a rule that needs one is spared the full match (a scan
        with a few variant forms, without a Match per form found)."""
        automaton = self._variants
        return automaton is not None and bool(automaton.find_matches_as_indexes(fold(text)))

    def match(self, text: str) -> list[Match]:
        """Leftmost-longest matches of every form, at word boundaries, honouring per-entry case."""
        automaton, values, left, right, cased = self._automaton
        if automaton is None:
            return []
        folded = fold(text)
        size = len(text)
        out = []
        for index, start, end in automaton.find_matches_as_indexes(folded):
            if start and left[index] and _word_char(folded[start - 1]):
                continue
            if end < size and right[index] and _word_char(folded[end]):
                continue
            surface = text[start:end]
            kept = values[index]
            if cased[index]:
                kept = tuple(e for e in kept if not e.case_sensitive or e.form == surface)
            if kept:
                out.append(Match(start, end, surface, kept))
        return out

    @cached_property
    def tokens(self) -> dict[str, dict[str, list[tuple[Concept, str]]]]:
        """Words of every term, by skeleton (non-ASCII letters as '?'): lower-case word -> (concept, lang)."""
        from transclean.lexicon import skeleton

        index: dict[str, dict[str, list[tuple[Concept, str]]]] = {}
        for c in self.concepts:
            for lang, forms in c.terms.items():
                for form in forms:
                    for word in WORD.findall(form):
                        lower = word.lower()
                        index.setdefault(skeleton(lower), {}).setdefault(lower, []).append((c, lang))
        return index

    def lookup(self, term: str) -> list[Concept]:
        """Concepts with a form equal to ``term`` (case- and diacritic-folded)."""
        key = fold(term.strip())
        seen: dict[str, Concept] = {}
        for entry in self.entries():
            if fold(entry.form) == key:
                seen.setdefault(entry.concept.id, entry.concept)
        return list(seen.values())

    def by_id(self) -> dict[str, Concept]:
        return {c.id: c for c in self.concepts}


# ---------------------------------------------------------------------------------------------- reading


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|"))


def _parse_rows(path: str, rows: list[list[str]], line_numbers: list[int]) -> tuple[list[Concept], list[Issue]]:
    issues: list[Issue] = []
    if not rows:
        return [], [Issue(path, 1, 1, "empty glossary: no header row")]
    header = [h.strip() for h in rows[0]]
    langs: dict[int, str] = {}
    for col, name in enumerate(header, 1):
        base, _, lang = name.partition(":")
        if name in FIELDS:
            continue
        if base in ("acronym", "forbidden") and lang in ISO_639_1:
            continue
        if name in ISO_639_1:
            langs[col] = name
        else:
            issues.append(Issue(path, line_numbers[0], col, f"unknown column {name!r} (not a field or ISO 639-1 code)"))
    if len(set(header)) != len(header):
        issues.append(Issue(path, line_numbers[0], 1, "duplicate column names"))
    if not langs:
        issues.append(Issue(path, line_numbers[0], 1, "no language column"))
    concepts: list[Concept] = []
    ids: dict[str, int] = {}
    for row, line in zip(rows[1:], line_numbers[1:], strict=True):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            issues.append(Issue(path, line, 1, f"{len(row)} cells, header has {len(header)}"))
            continue
        cells = dict(zip(header, row, strict=True))

        def column(name: str) -> int:
            return header.index(name) + 1

        def report(name: str, message: str) -> None:
            issues.append(Issue(path, line, column(name), message))  # noqa: B023

        cid = cells.get("id", "").strip() or f"line{line}"
        if cid in ids:
            report("id", f"duplicate id {cid!r} (first on line {ids[cid]})")
        ids[cid] = line
        ctype = cells.get("type", "").strip() or "term"
        if ctype not in TYPES:
            report("type", f"unknown type {ctype!r}; expected one of {', '.join(TYPES)}")
        gender = cells.get("gender", "").strip() or None
        if gender and gender not in GENDERS:
            report("gender", f"unknown gender {gender!r}; expected one of {', '.join(GENDERS)}")
        if gender and ctype != "person":
            report("gender", "gender is only for persons")
        terms: dict[str, tuple[str, ...]] = {}
        acronyms: dict[str, tuple[str, ...]] = {}
        forbidden: dict[str, tuple[str, ...]] = {}
        for name, cell in cells.items():
            if (name in FIELDS and name not in ("acronym", "forbidden")) or not cell.strip():
                continue
            variants = _split(cell)
            if any(not v for v in variants):
                report(name, f"empty variant in {cell!r}")
                continue
            if len(set(variants)) != len(variants):
                report(name, f"duplicate variant in {cell!r}")
            base, _, lang = name.partition(":")
            if name in ISO_639_1:
                terms[name] = variants
            elif base in ("acronym", "forbidden"):
                target = acronyms if base == "acronym" else forbidden
                if lang:
                    target[lang] = variants
                    continue
                for v in variants:
                    vlang, sep, form = v.partition(":")
                    if sep and vlang not in ISO_639_1:
                        report(name, f"unknown language code {vlang!r} in {v!r}")
                    key, form = (vlang, form) if sep else ("*", v)
                    target[key] = (*target.get(key, ()), form)
        if not terms and not acronyms:
            issues.append(Issue(path, line, 1, "row has no term in any language"))
        case = cells.get("case", "").strip()
        if case and case not in ("sensitive", "insensitive"):
            report("case", f"case must be 'sensitive' or 'insensitive', not {case!r}")
        dnt = cells.get("dnt", "").strip().lower()
        if dnt not in ("", "yes", "no", "true", "false", "1", "0"):
            report("dnt", f"dnt must be yes or no, not {dnt!r}")
        for lang, forms in forbidden.items():
            clash = set(forms) & set(terms.get(lang, ()) + acronyms.get(lang, ()))
            if clash:
                issues.append(Issue(path, line, 1, f"{sorted(clash)} both accepted and forbidden in {lang!r}"))
        concepts.append(
            Concept(
                id=cid,
                type=ctype,
                gender=gender,
                terms=terms,
                acronyms=acronyms,
                forbidden=forbidden,
                context=_split(cells["context"]) if cells.get("context", "").strip() else (),
                dnt=dnt in ("yes", "true", "1"),
                case_sensitive={"sensitive": True, "insensitive": False}.get(case),
                note=cells.get("note", "").strip(),
                origin=f"{path}:{line}",
            )
        )
    issues.extend(_conflicts(path, concepts))
    return concepts, issues


def _conflicts(path: str, concepts: list[Concept]) -> list[Issue]:
    """A form accepted for one concept and forbidden for another in the same language is a conflict."""
    accepted: dict[tuple[str, str], str] = {}
    for c in concepts:
        for lang in c.terms.keys() | c.acronyms.keys():
            for form in c.all_forms(lang):
                accepted.setdefault((lang, form), c.origin)
    issues = []
    for c in concepts:
        for lang, forms in c.forbidden.items():
            for form in forms:
                other = accepted.get((lang, form))
                if other and other != c.origin:
                    line = int(c.origin.rsplit(":", 1)[1])
                    issues.append(
                        Issue(path, line, 1, f"{form!r} is forbidden here but accepted in {lang!r} at {other}")
                    )
    return issues


def _read_delimited(path: str, text: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    rows, lines = [], []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t" else 0)
    line = 1
    for row in reader:
        rows.append(row)
        lines.append(line)
        line = reader.line_num + 1
    keep = [(r, n) for r, n in zip(rows, lines, strict=True) if not (r and r[0].startswith("#"))]
    return [r for r, _ in keep], [n for _, n in keep]


def _read_tbx(path: str, data: bytes) -> tuple[list[Concept], list[Issue]]:
    from xml.etree import ElementTree as ET  # TBX only: not paid by every start

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position
        return [], [Issue(path, line, column + 1, f"invalid XML: {exc}")]
    concepts: list[Concept] = []
    issues: list[Issue] = []

    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1]

    for i, entry in enumerate(el for el in root.iter() if local(el.tag) in ("conceptEntry", "termEntry")):
        cid = entry.get("id") or f"concept{i + 1}"
        descrips = {d.get("type"): (d.text or "").strip() for d in entry if local(d.tag) == "descrip"}
        notes = [(n.text or "").strip() for n in entry if local(n.tag) == "note"]
        terms: dict[str, list[str]] = {}
        acronyms: dict[str, list[str]] = {}
        forbidden: dict[str, list[str]] = {}
        for lang_sec in (el for el in entry if local(el.tag) in ("langSec", "langSet")):
            lang = (lang_sec.get(XML_LANG) or lang_sec.get("lang") or "").split("-")[0].lower()
            if lang not in ISO_639_1:
                issues.append(Issue(path, 1, 1, f"concept {cid!r}: unknown language code {lang!r}"))
                continue
            for term_sec in (el for el in lang_sec if local(el.tag) in ("termSec", "tig", "ntig")):
                term_el = next((el for el in term_sec.iter() if local(el.tag) == "term"), None)
                term = (term_el.text or "").strip() if term_el is not None else ""
                if not term:
                    issues.append(Issue(path, 1, 1, f"concept {cid!r}: empty term in {lang!r}"))
                    continue
                notes_here = {
                    n.get("type"): (n.text or "").strip() for n in term_sec.iter() if local(n.tag) == "termNote"
                }
                status = notes_here.get("administrativeStatus", "")
                if status.startswith(("deprecated", "superseded")):
                    forbidden.setdefault(lang, []).append(term)
                elif notes_here.get("termType") in ("acronym", "abbreviation", "initialism"):
                    acronyms.setdefault(lang, []).append(term)
                elif status.startswith("preferred"):
                    terms.setdefault(lang, []).insert(0, term)
                else:
                    terms.setdefault(lang, []).append(term)
        concepts.append(
            Concept(
                id=cid,
                type=descrips.get("subjectField", "term") if descrips.get("subjectField") in TYPES else "term",
                gender=descrips.get("gender") or None,
                terms={k: tuple(v) for k, v in terms.items()},
                acronyms={k: tuple(v) for k, v in acronyms.items()},
                forbidden={k: tuple(v) for k, v in forbidden.items()},
                context=_split(descrips["context"]) if descrips.get("context") else (),
                dnt=descrips.get("dnt") == "yes",
                note=" ".join(notes),
                origin=f"{path}:{cid}",
            )
        )
    return concepts, issues


def read_glossary(path: str | Path) -> tuple[list[Concept], list[Issue]]:
    """Parse a glossary file (by extension: .tsv, .csv, .tbx) into concepts and the issues found."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise TranscleanError(E.NOT_FOUND, path=p) from None
    except OSError as exc:
        raise TranscleanError(E.UNREADABLE, path=p, reason=exc.strerror or exc) from None
    suffix = p.suffix.lower()
    if suffix in (".tbx", ".xml"):
        return _read_tbx(str(p), data)
    if suffix not in (".tsv", ".csv"):
        return [], [Issue(str(p), 1, 1, f"unknown glossary format {suffix!r}; use .tsv, .csv or .tbx")]
    from transclean.files import decode_utf8

    text = decode_utf8(data, str(p))
    rows, lines = _read_delimited(str(p), text, "\t" if suffix == ".tsv" else ",")
    return _parse_rows(str(p), rows, lines)


def load_glossary(path: str | Path) -> Glossary:
    """Load and validate one glossary; any error rejects the whole file."""
    concepts, issues = read_glossary(path)
    errors = [i for i in issues if i.level == "error"]
    if errors:
        raise GlossaryError(errors)
    return Glossary(concepts)


def shipped_glossary_paths() -> list[Path]:
    """The glossaries that ship with transclean (``glossaries/`` in a checkout, or installed data files)."""
    for folder in (
        Path(__file__).resolve().parents[2] / "glossaries",
        Path(sys.prefix) / "share/transclean/glossaries",
    ):
        if folder.is_dir():
            return sorted(folder.glob("*.tsv"))
    return []


@lru_cache(maxsize=16)
def _cached(shipped: tuple[str, ...], user: tuple[str, ...], stamps: tuple[tuple[int, int], ...]) -> Glossary:
    concepts: list[Concept] = []
    for path in shipped:
        concepts.extend(load_glossary(path).concepts)
    for path in user:
        concepts.extend(replace(c, enforced=True) for c in load_glossary(path).concepts)
    return Glossary(concepts)


@lru_cache(maxsize=1)
def _kept_shipped(shipped: tuple[str, ...], stamps: tuple[tuple[int, int], ...]) -> Glossary:
    """The shipped glossaries alone (what every check without ``--glossary`` reads), with their match table,
    word index and variant forms. Parsing them and building those took 0.04-0.08 s of a cold check, so they
    are kept in the user cache (pickle), keyed by the files' paths, sizes and times and by those of the code
    that builds them (this module, the lexicon's skeleton, the language codes): any change builds them again.
    A user's glossaries are read each time: one kept file per combination would only grow the cache."""
    here = Path(__file__).parent
    code = [here / "glossary.py", here / "lexicon.py", here / "text.py", here / "data/iso639-1.txt"]
    paths = [os.path.abspath(p) for p in shipped]  # origins name the paths as given: both in the key
    key = (shipped, paths, stamps, [(p.stat().st_size, p.stat().st_mtime_ns) for p in code], sys.version_info[:2])
    path = cache_dir() / f"glossary-{zlib.crc32(repr(paths).encode()):08x}.pickle"

    def build() -> tuple[tuple[Concept, ...], Any, Any, list[str]]:
        built = _cached(shipped, (), stamps)
        return built.concepts, built._table, built.tokens, built._variant_keys

    concepts, table, tokens, variant_keys = kept(path, key, build)
    glossary = Glossary(concepts)
    glossary.__dict__.update(_table=table, tokens=tokens, _variant_keys=variant_keys)  # the cached properties
    return glossary


def glossaries_for(paths: Sequence[str | Path], *, shipped: bool = True) -> Glossary:
    """The shipped glossaries plus the user's ``paths``, loaded once per process (again if a file changes)."""
    ship = tuple(str(p) for p in shipped_glossary_paths()) if shipped else ()
    user = tuple(str(p) for p in paths)
    stamps = []
    for p in ship + user:
        try:
            stat = Path(p).stat()
        except OSError:
            raise TranscleanError(E.NOT_FOUND, path=p) from None
        stamps.append((stat.st_size, stat.st_mtime_ns))
    return _kept_shipped(ship, tuple(stamps)) if ship and not user else _cached(ship, user, tuple(stamps))


# ---------------------------------------------------------------------------------------------- writing


def _rows(glossary: Glossary) -> list[list[str]]:
    """The header and one row per concept, with every language column present in the glossary."""
    langs = sorted({lang for c in glossary.concepts for lang in c.terms})
    header = ["id", "type", "gender", *langs, "acronym", "forbidden", "context", "dnt", "case", "note"]

    def tagged(values: dict[str, tuple[str, ...]]) -> str:
        return "|".join(v if lang == "*" else f"{lang}:{v}" for lang, forms in sorted(values.items()) for v in forms)

    rows = [header]
    for c in glossary.concepts:
        case = {True: "sensitive", False: "insensitive", None: ""}[c.case_sensitive]
        rows.append(
            [
                c.id,
                c.type,
                c.gender or "",
                *("|".join(c.terms.get(lang, ())) for lang in langs),
                tagged(c.acronyms),
                tagged(c.forbidden),
                "|".join(c.context),
                "yes" if c.dnt else "",
                case,
                c.note,
            ]
        )
    return rows


def to_tsv(glossary: Glossary) -> str:
    """Write concepts as TSV (no quoting, as the TSV reader expects)."""
    return "".join("\t".join(row) + "\n" for row in _rows(glossary))


def to_csv(glossary: Glossary) -> str:
    """Write concepts as CSV (RFC 4180 quoting where a cell needs it)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(_rows(glossary))
    return out.getvalue()


def dump_glossary(glossary: Glossary, path: str | Path) -> str:
    """The glossary in the format ``path``'s extension names (.tsv, .csv or .tbx)."""
    writers = {".tsv": to_tsv, ".csv": to_csv, ".tbx": to_tbx}
    suffix = Path(path).suffix.lower()
    if suffix not in writers:
        raise TranscleanError(E.UNKNOWN_FORMAT, path=path, formats=", ".join(writers))
    return writers[suffix](glossary)


def to_tbx(glossary: Glossary) -> str:
    """Write concepts as TBX (ISO 30042:2019, TBX-Basic style)."""
    from xml.etree import ElementTree as ET

    ET.register_namespace("", TBX_NS)
    root = ET.Element(f"{{{TBX_NS}}}tbx", {"style": "dca", "type": "TBX-Basic", XML_LANG: "en"})
    header = ET.SubElement(root, f"{{{TBX_NS}}}tbxHeader")
    source = ET.SubElement(ET.SubElement(header, f"{{{TBX_NS}}}fileDesc"), f"{{{TBX_NS}}}sourceDesc")
    ET.SubElement(source, f"{{{TBX_NS}}}p").text = "Exported by transclean"
    body = ET.SubElement(ET.SubElement(root, f"{{{TBX_NS}}}text"), f"{{{TBX_NS}}}body")
    for c in glossary.concepts:
        entry = ET.SubElement(body, f"{{{TBX_NS}}}conceptEntry", {"id": c.id})
        for kind, value in (
            ("subjectField", c.type),
            ("gender", c.gender),
            ("context", "|".join(c.context)),
            ("dnt", "yes" if c.dnt else ""),
        ):
            if value:
                ET.SubElement(entry, f"{{{TBX_NS}}}descrip", {"type": kind}).text = value
        if c.note:
            ET.SubElement(entry, f"{{{TBX_NS}}}note").text = c.note
        for lang in sorted(c.terms.keys() | c.acronyms.keys() | c.forbidden.keys()):
            if lang == "*":
                continue
            sec = ET.SubElement(entry, f"{{{TBX_NS}}}langSec", {XML_LANG: lang})
            forms: list[tuple[str, str | None, str | None]] = [
                (t, "preferredTerm-admn-sts" if i == 0 else "admittedTerm-admn-sts", None)
                for i, t in enumerate(c.terms.get(lang, ()))
            ]
            forms += [(a, None, "acronym") for a in c.acronyms.get(lang, ()) + c.acronyms.get("*", ())]
            forms += [(f, "deprecatedTerm-admn-sts", None) for f in c.forbidden.get(lang, ())]
            for term, status, term_type in forms:
                term_sec = ET.SubElement(sec, f"{{{TBX_NS}}}termSec")
                ET.SubElement(term_sec, f"{{{TBX_NS}}}term").text = term
                if status:
                    ET.SubElement(term_sec, f"{{{TBX_NS}}}termNote", {"type": "administrativeStatus"}).text = status
                if term_type:
                    ET.SubElement(term_sec, f"{{{TBX_NS}}}termNote", {"type": "termType"}).text = term_type
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
