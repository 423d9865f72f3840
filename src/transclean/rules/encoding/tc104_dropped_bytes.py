"""TC104: dropped-bytes."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.analysis.recovery import (
    cyrillic_languages,
)
from transclean.analysis.repair import DROPPED_BYTES, encoding_repair
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

_CONTINUATION = frozenset(bytes(range(0x80, 0xC0)).decode("cp1252", "ignore"))

# UTF-8 lead bytes whose dropped continuation was a letter: Ã Ä Å (Latin), Î Ï (Greek), Ð Ñ (Cyrillic).
LEADS = "ÃÄÅÎÏÐÑ"

_LEAD = regex.compile(f"[{LEADS}]")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_GREEK = regex.compile(r"\p{Greek}")

_CONTINUATION_CLASS = regex.escape("".join(sorted(_CONTINUATION)), special_only=False)

# A debris token: letters, lead characters and the continuation characters that follow them ("Ð¸").
# Where a lone lead character is debris and not a letter ("Ärger", "Ñandú", "Straße"): beside Cyrillic or
# Greek letters, after a lower-case letter, in a run of lead + continuation pairs ("Ð¤Ñ€"), or "Ã"
# before lower case, which no language writes.
_DEBRIS_SIGN = regex.compile(
    f"[\\p{{Cyrillic}}\\p{{Greek}}][{LEADS}]|[{LEADS}][\\p{{Cyrillic}}\\p{{Greek}}]|\\p{{Ll}}[{LEADS}]|Ã\\p{{Ll}}"
    f"|[{LEADS}][{_CONTINUATION_CLASS}][{LEADS}]"
)

_DEBRIS_TOKEN = regex.compile(
    f"[\\p{{L}}\\p{{M}}{_CONTINUATION_CLASS}]*[{LEADS}][\\p{{L}}\\p{{M}}{_CONTINUATION_CLASS}]*"
)

MAX_GAPS = 4


def _gaps(token: str) -> list[int]:
    """Positions of lead characters with no continuation after them (their second byte was dropped)."""
    return [m.start() for m in _LEAD.finditer(token) if token[m.start() + 1 : m.start() + 2] not in _CONTINUATION]


def _refill(token: str, gaps: list[int]) -> list[str]:
    """Every reading of ``token`` with each gap's lead byte completed by one of the dropped bytes.

    Mojibake characters go back to their Windows-1252 bytes and letters already decoded to their UTF-8
    bytes, so a token that ftfy half-repaired ("РоÑÑÐ¸Ñ") decodes as a whole.
    """
    from itertools import product

    parts = []
    for char in token:
        try:
            parts.append(char.encode("cp1252"))
        except UnicodeEncodeError:
            parts.append(char.encode("utf-8"))
    readings = []
    for fill in product(DROPPED_BYTES, repeat=len(gaps)):
        filled = list(parts)
        for pos, byte in zip(gaps, fill, strict=True):
            filled[pos] += bytes([byte])
        try:
            readings.append(b"".join(filled).decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return readings


def _script_languages(word: str, language: str | None) -> tuple[str, ...]:
    """The wordfreq lists to look a repaired word up in: by its script, the document's language first.
    Each list costs 50-100 MB in memory; loading all 29 costs 1 GB, so a worker loads only these."""
    if _CYRILLIC.search(word):
        return cyrillic_languages(language)
    if _GREEK.search(word):
        return ("el",)
    return tuple(dict.fromkeys(x for x in (language, "en") if x))


@register
class DroppedBytes(Rule):
    """Mojibake whose undefined bytes were dropped, leaving debris ftfy cannot decode ("Ðагорный", "Ãbel").

    ## What it finds
    UTF-8 read as Windows-1252 loses the bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, so "Н", "с", "я" or "Á"
    leave a lone "Ð", "Ñ" or "Ã". Each lone lead character is completed with every dropped byte and the
    readings are ranked by word frequency.

    ## Why it matters
    ftfy cannot decode such words, so they stay unreadable after TC101.

    ## Fix safety
    Safe when one reading is a known word and no other comes close; otherwise suggested only.
    """

    code = "TC104"
    name = "dropped-bytes"
    category = Category.ENCODING
    severity = Severity.MAJOR
    fix = Applicability.SAFE
    trigger = Trigger(strings=tuple(LEADS))  # then _DEBRIS_SIGN, a slower scan, in check()
    must_fire = (
        Example("Конфликт в ⟦Ðагорном⟧ Карабахе", fixed="Конфликт в Нагорном Карабахе"),
        Example("Президент ⟦РоÑÑии⟧ заявил", fixed="Президент России заявил"),
        Example("Garrafa de ⟦Ãgua⟧ mineral", fixed="Garrafa de Água mineral"),
        Example("⟦РоÑÑÐ¸Ñ⟧ и Франция", fixed="Россия и Франция"),
        Example("Η Ελλάδα και η ⟦ΚÏÏ€Ïος⟧", fixed="Η Ελλάδα και η Κύπρος"),
    )
    must_not_fire = (
        Example("Ðe Ñandú: Ð alone is an Icelandic eth, Ñ a Spanish letter."),
        Example("Straße, Ñoño, Ørsted, Ærø, Øresund, Ärger, Ðorđe, SÃO PAULO"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        from transclean.lexicon import zipf

        text = ctx.text
        if not _DEBRIS_SIGN.search(text):  # the trigger found a lead character; is it debris?
            return
        for m in _DEBRIS_TOKEN.finditer(text):
            token = m.group()
            gaps = _gaps(token) if _DEBRIS_SIGN.search(token) else []
            if gaps:
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                line = text[line_start : line_end if line_end >= 0 else len(text)]
                if encoding_repair(ctx, line) != line:
                    continue  # TC101 decodes this line first; what it leaves is looked at in the next pass
            # Debris sits beside letters of another script or other debris, never in a clean Latin word.
            if not gaps or len(gaps) > MAX_GAPS or len(token) < 3:
                continue
            scored = []
            for reading in _refill(token, gaps):
                langs = _script_languages(reading, ctx.language)
                best = max((zipf(reading.lower(), lang) for lang in langs), default=0.0)
                if best > 0:
                    scored.append((best, reading))
            if not scored:
                continue
            scored.sort(reverse=True)
            top, word = scored[0]
            weights = [10**z for z, _ in scored]
            confidence = weights[0] / sum(weights)
            safe = top >= 2.0 and confidence >= 0.95
            yield self.finding(
                text,
                m.start(),
                m.end(),
                f"Mojibake with dropped bytes in {token!r}: probably {word!r}",
                suggestion=word,
                title=f"Restore {word!r}",
                confidence=confidence,
                applicability=Applicability.SAFE if safe else Applicability.UNSAFE,
            )
