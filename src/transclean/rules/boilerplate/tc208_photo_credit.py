"""TC208: photo-credit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import SENTENCE_END, all_languages, words
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: a caption or credit line is short; a longer line is prose that starts with "Source:".
CREDIT_MAX_CHARS = 120

#: "Photo: ...", two labels joined by a slash ("Foto/Quelle: dts") or a label of two words ("File photo: ...").
_LABEL = regex.compile(r"\s*(?P<label>[\p{L}\p{M}]+(?:[/ ][\p{L}\p{M}]+)?)\s*:\s*\S")
#: a caption opened by its label and a spaced dash, then a name or a capitalised word: "Illustration photo –
#: Czech Prime Minister Petr Fiala.", "zdjęcie - Mariusz Błaszczak – new Minister". A caption may end in a stop.
_DASH_CAPTION = regex.compile(r"\s*(?P<label>[\p{L}\p{M}]+(?:[ \t][\p{L}\p{M}]+)?)[ \t]+[-–—][ \t]+\p{Lu}")
#: a copyright sign after a space or at the start: "Ã©" is mojibake of "é", not a credit. The word counts
#: before a sign or a year, or opening the line: in "Understanding AP's Copyright Position" it is a heading's word.
_COPYRIGHT = regex.compile(r"(?<!\S)©|\(C\)|\bCopyrights?\b(?=\s*(?:©|\(C\)|\d))|^\s*Copyrights?\b", regex.IGNORECASE)
#: a copyright line names someone: "© Reuters"; "[x] ©" is a symbol, not a credit.
_CREDITED = regex.compile(r"\b(?!Copyright)\p{Lu}\p{L}+")
#: a credit in brackets at the end of a paragraph: "... crisis.(Source: CCTV)", "(Photo: VNA)".
_INLINE = regex.compile(r"[ \t]*\((?P<label>[\p{L}\p{M}]+)\s*:\s*[^()\n]{1,60}\)[ \t]*$")
#: a credit closing a caption line after its stop or a bar: "... in Kyiv. Photo: Jane Roe/Reuters", "... ao
#: Sul21 | Foto: Guilherme Santos/Sul21", "... (File photo). Image Credit: ANI".
_TAIL = regex.compile(
    r"(?:(?<=[.!?)])|[ \t]+\|)[ \t]*(?P<label>[\p{L}\p{M}]+(?:[ \t][\p{L}\p{M}]+)?)[ \t]*:"
    r"[ \t]*(?P<value>[^:\n]{2,60}?)[ \t]*$"
)
#: a caption's bracketed credit word at its end: "... Kampfpanzern. (Archivbild)", "... village (File photo)".
_TAIL_WORD = regex.compile(r"[ \t]*\((?P<label>[\p{L}\p{M}' ]{3,30})\)[ \t]*$")
#: a photographer's or agency's credit written with a slash, closing a caption after its stop: "... March 20,
#: 2013. REUTERS/KCNA", "... 3. júna 2021. FOTO TASR/AP", "... 2022. [Anatoly Maltsev/EPA]": up to three
#: capitalised words on each side ("FOTO TASR" too), one side ending or starting in an agency's capitals.
_SLASH = regex.compile(
    r"(?<=[.!?)])[ \t]+\[?"
    r"(?P<left>\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*){0,2})[ \t]?/[ \t]?"
    r"(?P<right>\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*){0,2})\]?[ \t]*$"
)
#: an agency's capitals: "REUTERS", "TASR", "AP", "EPA"
_AGENCY = regex.compile(r"\p{Lu}{2,10}")
#: a bracketed credit glued to the next caption or sentence: "Illustrative image (Photo: VNA)A deputy ...".
_GLUED = regex.compile(r"\((?P<label>[\p{L}\p{M}]+)[ \t]*:[ \t]*[^()\n]{1,40}\)(?=[\p{Lu}\-–—])")
#: an agency signature: "AGERPRES(RO - author: Florentina Peia, editor: Andreea Marinescu)".
_SIGNATURE = regex.compile(
    r"\b\p{Lu}{3,}\s*\((?:[^()\n]*?\s)?(?:author|editor|autor|redactor|translator)\s*:[^()\n]*\)?", regex.IGNORECASE
)


def _credit_label(label: str) -> bool:
    """One credit word, two joined by a slash, or two words each a credit word or together one entry
    ("file photo", "Illustration photo")."""
    credits = all_languages("credits")
    folded = label.lower()
    return folded in credits or all(part in credits for part in regex.split(r"[/ ]", folded))


@register
class PhotoCredit(Rule):
    """A photo caption or credit left in the text: "Photo: Akorda", "© Blondet Eliot-POOLSIPA", "(Source: CCTV)".

    ## What it finds
    A line of at most 120 characters, without a sentence-final stop, that opens with a credit word of any
    language with a `[chrome]` table and a colon ("Photo:", "Source:", "Zdjęcie:", "Фото:") or that carries a
    copyright sign; a caption of at most 120 characters opened by one or two credit words and a spaced dash
    ("Illustration photo – Czech Prime Minister Petr Fiala.", "zdjęcie - Mariusz Błaszczak"), with its stop only
    where the label names a picture ("Source – The ministry said ..." may be a sentence); a bracketed credit
    closing a paragraph ("(Photo: VNA)"); a credit closing a caption after its last stop or a bar ("... in Kyiv.
    Photo: Jane Roe/Reuters", "... | Foto: X") or a credit word alone in brackets at its end ("(File photo)",
    "(Archivbild)"); an agency signature with its author and editor ("AGERPRES(RO - author: ..."); a credit
    with a slash and an agency's capitals after a caption's stop ("... 2013. REUTERS/KCNA", "FOTO TASR/AP",
    "[Anatoly Maltsev/EPA]"); a bracketed credit glued to the next caption ("Illustrative image (Photo:
    VNA)A deputy ...", flagged only).

    ## Why it matters
    Captions and credits belong to the picture, which the scraper dropped; in the text they interrupt the
    article and are translated as if they were part of it.

    ## Fix safety
    Safe for the line and the credits at a paragraph's end: they name the picture's source, not anything
    the article says. The agency signature is only flagged: where the article text ends inside
    it is a guess.
    """

    code = "TC208"
    name = "photo-credit"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any document; the credit words come from every language file
    must_fire = (
        Example(
            "Akorda\n⟦Photo: Akorda⟧\n\nThe president met residents.", fixed="Akorda\nThe president met residents."
        ),
        Example(
            "Headline\n\n⟦Emmanuel Macron on the carrier © Eliot Blondet⟧\n\nThe president spoke.",
            fixed="Headline\n\nThe president spoke.",
        ),
        Example("The president spoke.\n⟦Zdjęcie: Rzecznik rządu / PAP⟧\n", fixed="The president spoke.\n"),
        Example("The president spoke.\n⟦Foto/Quelle: dts⟧\n", fixed="The president spoke.\n"),
        Example(
            "The cabinet met.\n⟦Illustration photo – Prime Minister Jan Novák.⟧\nThe talks went on.",
            fixed="The cabinet met.\nThe talks went on.",
        ),
        Example("The cabinet met.\n⟦zdjęcie - Jan Nowak, the new minister⟧\n", fixed="The cabinet met.\n"),
        Example(
            "He hoped to solve these tasks.⟦(Source: CCTV)⟧\nNext paragraph.",
            fixed="He hoped to solve these tasks.\nNext paragraph.",
        ),
        Example("He said so in a statement.⟦AGERPRES(RO - author: Jane Roe, editor: John Doe)⟧"),
        Example(
            "The minister met farmers in Kyiv. ⟦Photo: Jane Roe/Reuters⟧\n\nThe talks went on.",
            fixed="The minister met farmers in Kyiv.\n\nThe talks went on.",
        ),
        Example("A minister arrives for the talks. ⟦(File photo)⟧\n", fixed="A minister arrives for the talks.\n"),
        Example(
            "A rocket is fired during a drill, March 20, 2013. ⟦REUTERS/KCNA⟧\n",
            fixed="A rocket is fired during a drill, March 20, 2013.\n",
        ),
        Example(
            "Believers attend a service in St. Petersburg, 06 January 2022. ⟦[Anatoly Maltsev/EPA]⟧\nNEWS",
            fixed="Believers attend a service in St. Petersburg, 06 January 2022.\nNEWS",
        ),
        Example("Illustrative image ⟦(Photo: VNA)⟧A deputy asks a question ⟦(Photo: VNA)⟧"),
    )
    must_not_fire = (
        Example("Source: the ministry said that the talks would resume on Monday after a short break.\n"),
        Example("Photo: a day in the life of a nurse, in pictures.\n"),
        Example("The minister spoke (source: his office) and left."),
        Example("The plan has three parts. Source: the ministry said that the first would start in May."),
        Example("The envoy wrote a report (Photographer unknown) on the talks."),
        Example("The vote was 12/3. Turnout rose in Kyiv/Kiev.\n"),
        Example("The talks went on (Source: the ministry).\n"),
        Example("He joined the party in 1990. Labour/Co-operative\n"),
        Example("Note: the vote was postponed\n\nThe minister spoke."),
        Example("Photo – a day in the life of a nurse, in pictures.\n"),
        Example("Health – The ministry opened two clinics in May.\n"),
        Example("Source – The ministry said that the talks would resume on Monday.\n"),
        Example("Crème brÃ»lÃ©e"),
        Example("[x]\xa0©"),
        Example("Understanding AP's Copyright Position\n\nThe agency said its rules were firm."),
    )
    # a label's colon (captions, inline credits, signatures), a bracketed credit word ("(File photo)") or a
    # copyright sign, as _COPYRIGHT reads it; a caption's spaced dash; a credit's slash ("REUTERS/KCNA")
    trigger = Trigger(
        strings=(":", "©", ")", " - ", " – ", " — ", "/"), pattern=regex.compile(r"Copyright", regex.IGNORECASE)
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for line in ctx.chrome_lines:
            start, body = line.start, line.text
            # a credit line is short: asked first, so that no long paragraph has its words counted
            if len(line.stripped) <= CREDIT_MAX_CHARS and (
                _dash_caption(body, line.sentence_end) or (not line.sentence_end and _credit_line(body, line.stripped))
            ):
                yield self.line_removal(
                    text, start, line.end, "Photo caption or credit line", title="Remove the credit", confidence=0.9
                )
                continue
            # both scans run only on a line that can hold their match: a closing bracket at its end; a
            # bracket and a colon
            inline = _INLINE.search(body) if body.rstrip(" \t").endswith(")") else None
            if inline and _credit_label(inline["label"]) and inline.start() > 0:
                yield self.finding(
                    text,
                    start + inline.start() + len(inline[0]) - len(inline[0].lstrip()),
                    start + inline.start() + len(inline[0].rstrip()),
                    "Photo or source credit at the end of the paragraph",
                    suggestion="",
                    edits=(Edit(start + inline.start(), start + inline.end(), ""),),
                    title="Remove the credit",
                    confidence=0.8,
                )
            elif tail := _tail_credit(body):
                yield self.finding(
                    text,
                    start + tail.start() + len(tail[0]) - len(tail[0].lstrip(" \t|")),
                    start + tail.start() + len(tail[0].rstrip()),
                    "Photo credit closing a caption",
                    suggestion="",
                    edits=(Edit(start + tail.start(), start + tail.end(), ""),),
                    title="Remove the credit",
                    confidence=0.8,
                )
            for glued in _GLUED.finditer(body) if "(" in body and ":" in body else ():
                if _credit_label(glued["label"]):
                    yield self.finding(
                        text,
                        start + glued.start(),
                        start + glued.end(),
                        "Photo credit glued to the next caption or sentence",
                        applicability=Applicability.NONE,
                        confidence=0.8,
                    )
            for sig in _SIGNATURE.finditer(body) if "(" in body and ":" in body else ():
                yield self.finding(
                    text,
                    start + sig.start(),
                    start + sig.end(),
                    "Agency signature with author and editor",
                    applicability=Applicability.NONE,
                    confidence=0.8,
                )


def _tail_credit(line: str) -> regex.Match[str] | None:
    """A credit label (one or two credit words: "Photo", "Image Credit") and a short name after a caption's
    last stop or a bar, a credit word alone in brackets ("(Archivbild)"), or a credit with a slash and an
    agency's capitals ("REUTERS/KCNA"), with text before it."""
    credits = all_languages("credits")
    m = _SLASH.search(line) if "/" in line else None
    if m and (_AGENCY.fullmatch(m["left"].split()[-1]) or _AGENCY.fullmatch(m["right"].split()[0])):
        return m
    m = _TAIL.search(line)
    if m and m.start() > 0 and all(w in credits for w in words(m["label"])) and len(m["value"].split()) <= 6:
        return m if not SENTENCE_END.search(m["value"]) else None
    m = _TAIL_WORD.search(line)
    if m and m.start() > 0 and " ".join(words(m["label"])) in credits:
        return m
    return None


def _credit_line(line: str, stripped: str) -> bool:
    """A labelled credit ("Photo: Reuters") or a copyright line with a name and a few words."""
    m = _LABEL.match(line)
    if m is not None and _credit_label(m["label"]) and _named_credit(stripped):
        return True
    return (
        _COPYRIGHT.search(stripped) is not None
        and _CREDITED.search(stripped) is not None
        and len(words(stripped)) <= 12
    )


def _dash_caption(line: str, sentence_end: bool) -> bool:
    """A caption opened by a credit label and a spaced dash ("Photo – Jane Roe / Reuters"). With a final
    stop, the label must name a picture: "Source – The ministry said ..." is a sentence."""
    m = _DASH_CAPTION.match(line) if "-" in line or "–" in line or "—" in line else None
    if m is None or not _credit_label(m["label"]):
        return False
    return not sentence_end or not any(w in all_languages("source_credits") for w in words(m["label"].lower()))


def _named_credit(line: str) -> bool:
    """After the label, a name or agency: the first word is capitalised or the credit is a few words."""
    rest = line.split(":", 1)[1].strip()
    return bool(rest) and (rest[0].isupper() or len(words(rest)) <= 3)
