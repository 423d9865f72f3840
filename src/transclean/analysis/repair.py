"""Encoding repair with ftfy, line by line, shared by the encoding rules (TC101, TC102, TC104)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from transclean.model import Edit

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

    from transclean.context import Context


# ftfy's fixes split in two. Encoding fixes undo a wrong decoding and are what TC101 applies. Formatting
# fixes (uncurling quotes, full-width to half-width, ligatures, HTML entities, NFC) change text that was
# correct: on 510 clean multilingual documents ftfy's defaults altered 40, mostly curly quotes, and width
# folding damages CJK. They are TC102, opt-in.
_ENCODING_ONLY = {
    "unescape_html": False,
    "remove_terminal_escapes": False,
    "fix_latin_ligatures": False,
    "fix_character_width": False,
    "uncurl_quotes": False,
    "fix_line_breaks": False,
    "remove_control_chars": False,
    "normalization": None,
    "explain": False,
}

_FORMATTING_ONLY = {
    "fix_encoding": False,
    "restore_byte_a0": False,
    "replace_lossy_sequences": False,
    "decode_inconsistent_utf8": False,
    "fix_c1_controls": False,
    "fix_surrogates": False,
    "explain": False,
}


@lru_cache(maxsize=2)
def ftfy_config(kind: str) -> TextFixerConfig:
    from ftfy import TextFixerConfig

    return TextFixerConfig(**(_ENCODING_ONLY if kind == "encoding" else _FORMATTING_ONLY))


def _diff_edits(old: str, new: str, offset: int) -> list[Edit]:
    """Edits turning ``old`` into ``new``, shifted by ``offset``: one per stretch that changed.

    Words that stay equal split the change, so a line with two mojibake words gives two edits; a
    character-level diff (difflib) was the chain's biggest cost on long mojibake lines.
    """
    old_words, new_words = old.split(" "), new.split(" ")
    if len(old_words) != len(new_words):
        return [_trimmed(old, new, offset)]
    edits, pos = [], offset
    for a, b in zip(old_words, new_words, strict=True):
        if a != b:
            edits.append(_trimmed(a, b, pos))
        pos += len(a) + 1
    return edits


def _trimmed(old: str, new: str, offset: int) -> Edit:
    """One edit, without the prefix and suffix the two strings share."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return Edit(offset + start, offset + len(old) - end, new[start : len(new) - end])


#: the single-byte code pages whose reading of UTF-8 bytes the pre-check below looks for
SIGN_CODECS = (
    "cp1252",
    "latin-1",
    "cp1251",
    "mac_roman",
    "cp437",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso-8859-2",
)


def _mojibake_signs() -> re.Pattern[str]:
    """A cheap pre-check for the encoding fixes: a UTF-8 lead byte followed by a continuation byte, both as
    some single-byte code page ftfy knows would show them ("Ã©", "Ð¡", "РЎ", "√©"), a C1 control, or a
    lone surrogate. ftfy runs only on lines where it fires, and it fired on every line ftfy changes in
    ftfy's own test cases (tests/test_ftfy_cases.py).

    One character class of every lead opens the pattern, so that `re` skips the other characters at C
    speed; a lookahead for any continuation byte then passes the lead of a clean word ("é" before a letter),
    and each code page's pair is read back from the lead in a lookbehind. An alternation of the pairs
    themselves tried all 32 at every position: 6x slower on non-ASCII lines (80 against 14 µs a line).
    """
    firsts: set[str] = set()
    seconds: set[str] = set()
    pairs = []
    for codec in SIGN_CODECS:
        leads = bytes(range(0xC2, 0xF0)).decode(codec, "ignore")
        conts = bytes(range(0x80, 0xC0)).decode(codec, "ignore")
        firsts.update(leads)
        seconds.update(conts)
        pairs.append(f"(?<=[{re.escape(leads)}])[{re.escape(conts)}]")
        # A four-byte lead only before the second byte of an assigned plane: 0xF0 0x90-0xB3 (planes 1-3:
        # emoji, CJK extensions), 0xF3 0xA0 (plane 14: tags of flag emoji, variation selectors). The other
        # pairs are real words before a closing quote ("habló»", "сказу»" read as 0xF3 0xBB): firing on them
        # imported ftfy for clean Spanish and Russian text.
        for lead, second_bytes in ((0xF0, range(0x90, 0xB4)), (0xF3, range(0xA0, 0xA1))):
            first = bytes([lead]).decode(codec, "ignore")
            second = bytes(second_bytes).decode(codec, "ignore")
            if first and second:
                firsts.update(first)
                pairs.append(f"(?<={re.escape(first)})[{re.escape(second)}]")  # continuation bytes: in seconds
    # "Ã " where a no-break space was lost ("voilÃ le travail"); C1 controls, surrogates, U+FFFD alone.
    pairs.append("(?<=[ÂÃ])\\s")
    single = "\x80-\x9f\ud800-\udfff\ufffd"
    opening = re.escape("".join(sorted(firsts)))
    following = re.escape("".join(sorted(seconds)))
    return re.compile(f"[{opening}{single}](?:(?=[{following}\\s])(?:{'|'.join(pairs)})|(?<=[{single}]))")


_MOJIBAKE_SIGN = _mojibake_signs()

#: Runs of U+FFFD after a letter that is no UTF-8 lead byte read in a legacy code page: letters lost
#: whole ("Lep����k"), not the lost second byte of mojibake ("AmĂ©rica, Ă�frica").
_LEAD_BYTES = "".join(
    sorted({bytes([b]).decode(cp, "ignore") for b in range(0xC2, 0xF5) for cp in ("cp1252", "cp1250", "cp1251")})
)

_LOST_LETTERS = re.compile(f"(?<![{re.escape(_LEAD_BYTES)}])\ufffd+")


def encoding_repair(ctx: Context, line: str) -> str:
    """ftfy's encoding repair of one line, computed once per document and shared by the rules that need it;
    UTF-8 read as cp1251 with its one undefined byte dropped is decoded whole first (ftfy leaves "Рванов")."""
    key = ("ftfy-encoding", line)
    if key not in ctx.memo and not _MOJIBAKE_SIGN.search(line):
        ctx.memo[key] = line  # no sign of mojibake: ftfy is not even imported
    if key not in ctx.memo:
        from ftfy import fix_text

        config = ftfy_config("encoding")
        fixed = _other_script_words(fix_text(_closing_quote_dropped(_cp1251_dropped(line) or line), config))
        if fixed != line and "\ufffd" in line:
            masked = _LOST_LETTERS.sub(lambda m: "x" * len(m.group()), line)
            if masked != line and fix_text(masked, config) == masked:
                fixed = line  # only letters lost to U+FFFD looked like mojibake to ftfy ("Tobiáš Lep����k")
        ctx.memo[key] = fixed
    return ctx.memo[key]  # type: ignore[return-value]


# "”" (E2 80 9D) read as Windows-1252 loses its undefined last byte and leaves "â€" before the next character;
# ftfy then takes a following space for a lost no-break byte and writes "†" (E2 80 A0), eating the space.
# A '?' or U+FFFD after it is the lost byte's replacement, which ftfy's lossy repair already reads.
_CP1252_CONTINUATIONS = bytes(range(0x80, 0xC0)).decode("cp1252", "ignore")
_QUOTE_WITHOUT_LAST_BYTE = re.compile(f"â€(?![{re.escape(_CP1252_CONTINUATIONS)}?\ufffd])")


def _closing_quote_dropped(line: str) -> str:
    """The line with each "â€" that lost its third byte completed as a closing quote, on lines that open a
    quote the same way ("â€œ"): in news the pair is a quotation, not a dagger before a no-break space.

    >>> _closing_quote_dropped("said â€œnoâ€ twice")
    'said â€œnoâ€\x9d twice'
    """
    if "â€œ" not in line:
        return line
    return _QUOTE_WITHOUT_LAST_BYTE.sub("â€\x9d", line)


# Words of a script ftfy's badness measure does not know as mojibake, read as Windows-1252: Armenian ("Õ€Õ¡Õµ"),
# Georgian, Hebrew, Arabic, Thai, Indic, CJK. A run of the code page's non-ASCII characters is a candidate.
_CP1252_RUN = re.compile(f"[{re.escape(bytes(range(0x80, 0x100)).decode('cp1252', 'ignore'))}]+")
#: the bytes Windows-1252 leaves undefined, which a page that read UTF-8 with it dropped (also TC104's).
DROPPED_BYTES = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
#: a Windows-1252 character that is a UTF-8 lead byte of a two- or three-byte letter.
_LEAD_CHAR = re.compile(f"[{re.escape(bytes(range(0xC2, 0xF0)).decode('cp1252', 'ignore'))}]")
#: a letter, mark or punctuation of a script other than those ftfy and the lexicon rules (TC101, TC104) already repair.
_OTHER_SCRIPT = regex.compile(r"(?![\p{Latin}\p{Cyrillic}\p{Greek}\p{Common}])[\p{L}\p{M}\p{P}]")
#: letters a run must decode to: one letter is as often a symbol before an ellipsis ("×…", "Õ…": ftfy's cases).
MIN_RUN_LETTERS = 2


def _other_script_words(line: str) -> str:
    """The line with each run of Windows-1252 characters that is the UTF-8 of letters of another script
    decoded; a letter whose last or middle byte the code page dropped is restored when one letter of the
    script fits the gap, else it becomes U+FFFD (TC103 flags it).

    >>> _other_script_words("Nikol Õ“Õ¡Õ·Õ«Õ¶ÕµÕ¡Õ¶ Õ§ Ö…Õ¶ÕµÕ¡Õ¶; Straße, Øresund, 3×4")
    'Nikol Փաշինյան է օնյան; Straße, Øresund, 3×4'
    """
    if line.isascii():
        return line
    first = _CP1252_RUN.sub(lambda m: _decoded(line, m, MIN_RUN_LETTERS), line)
    if first == line:
        return line
    # Once the line shows words of the script, a one-letter word of it is no symbol either ("Õ§": "է").
    return _CP1252_RUN.sub(lambda m: _decoded(first, m, 1), first)


def _decoded(line: str, m: re.Match[str], min_letters: int) -> str:
    """One run of ``line`` decoded, or as it is."""
    # Beside letters ftfy already decoded, the run is the rest of their word ("ר×ש", "ველáƒáƒ¡"): a lone lead
    # byte is a letter whose continuation was dropped, and no letter needs to survive whole.
    beside = any(map(_other_script_letter, line[m.start() - 1 : m.start()] + line[m.end() : m.end() + 1]))
    if len(m.group()) == 1:
        return _only_letter(m.group().encode("cp1252")) if beside and _LEAD_CHAR.match(m.group()) else m.group()
    return _decoded_run(m.group(), 0 if beside else min_letters) or m.group()


def _other_script_letter(char: str) -> bool:
    """Whether a character is a letter, mark or punctuation of a script other than Latin, Cyrillic and Greek."""
    return _OTHER_SCRIPT.match(char) is not None


def _only_letter(partial: bytes) -> str:
    """The one letter of another script that a UTF-8 sequence missing one dropped byte can be, else U+FFFD:
    Armenian "Ö" + a dropped byte is "ց" (the other fills are symbols or unassigned), Arabic "Ù" is "ف";
    Hebrew "×" may be "א" or "ם", so it stays unknown (TC103 flags it).

    >>> [_only_letter(bytes([lead])) for lead in (0xD6, 0xD9, 0xD7)]
    ['ց', 'ف', '\ufffd']
    """
    found = set()
    for byte in DROPPED_BYTES:
        for at in range(1, len(partial) + 1):
            try:
                char = (partial[:at] + bytes([byte]) + partial[at:]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if regex.match(r"\p{L}", char) and _other_script_letter(char):
                found.add(char)
    return found.pop() if len(found) == 1 else "\ufffd"


def _decoded_run(run: str, min_letters: int) -> str | None:
    """A run's UTF-8 reading, when every byte sequence decodes to letters, marks or punctuation of scripts
    other than Latin, Cyrillic and Greek, ``min_letters`` of them letters, and (unless the run continues a
    word) at most every other letter lost a byte; else None."""
    raw = run.encode("cp1252")
    out, i, gaps = [], 0, 0
    while i < len(raw):
        lead = raw[i]
        need = 1 if 0xC2 <= lead <= 0xDF else 2 if 0xE0 <= lead <= 0xEF else 3 if 0xF0 <= lead <= 0xF4 else -1
        if need < 0:
            return None
        k = 0
        while k < need and i + 1 + k < len(raw) and 0x80 <= raw[i + 1 + k] <= 0xBF:
            k += 1
        if k == need:
            out.append(raw[i : i + 1 + need].decode("utf-8", "replace"))
        elif k == need - 1:
            letter = _only_letter(raw[i : i + need])
            gaps += letter == "\ufffd"
            out.append(letter)
        else:
            return None
        i += 1 + k
    text = "".join(out)
    letters = [c for c in text if c != "\ufffd"]
    if not all(map(_other_script_letter, letters)) or (min_letters and gaps * 2 > len(text)):
        return None
    if sum(regex.match(r"\p{L}", c) is not None for c in letters) < min_letters:
        return None
    return text


# A UTF-8 lead byte of Cyrillic (0xD0, 0xD1) and a continuation byte, both read as Windows-1251.
_CP1251_PAIR = re.compile(f"[РС][{re.escape(bytes(range(0x80, 0xC0)).decode('cp1251', 'ignore'))}]")


def _cp1251_dropped(line: str) -> str | None:
    """Words of UTF-8 read as Windows-1251, which drops 0x98 (the second byte of "И" and "ј"), decoded with
    each lone lead byte 0xD0/0xD1 completed by 0x98 (a word that does not then decode is kept); None when no
    byte was missing.

    >>> _cp1251_dropped("РњРёРЅРёСЃС‚СЂ РРІР°РЅРѕРІ заявил")
    'Министр Иванов заявил'
    """
    if len(_CP1251_PAIR.findall(line)) < 2:
        return None  # no cp1251 mojibake here (real Russian text has no "Рё", "С‚")
    words = re.split(r"([ \t\r\n]+)", line)  # not at U+00A0: in cp1251 it is the byte 0xA0 of "Р"
    dropped = False
    for n, word in enumerate(words):
        try:
            raw = word.encode("cp1251")
        except UnicodeEncodeError:
            continue
        out = bytearray()
        for i, byte in enumerate(raw):
            out.append(byte)
            if byte in (0xD0, 0xD1) and not (i + 1 < len(raw) and 0x80 <= raw[i + 1] <= 0xBF):
                out.append(0x98)
        try:
            decoded = out.decode("utf-8")
        except UnicodeDecodeError:
            continue  # real Cyrillic, or another damage: left to ftfy
        dropped = dropped or len(out) > len(raw)
        words[n] = decoded
    return "".join(words) if dropped else None


def line_repairs(ctx: Context, kind: str) -> Iterator[tuple[tuple[Edit, ...], str]]:
    """What ftfy's ``kind`` fixes ("encoding" or "formatting") change, line by line: the edits, one per
    changed stretch, and the repaired text from the first edit's start to the last one's end. ftfy is
    imported only when a line needs it (about 0.1 s of a cold check)."""
    for start, line in ctx.lines:
        if kind == "encoding":
            if line.isascii():
                continue  # no sign of mojibake: ftfy would leave the line as it is
            fixed = encoding_repair(ctx, line)
        else:
            from ftfy import fix_text

            fixed = fix_text(line, ftfy_config(kind))
        if fixed == line:
            continue
        edits = tuple(_diff_edits(line, fixed, start))
        first, last = edits[0].start, edits[-1].end
        yield edits, fixed[first - start : len(fixed) - (start + len(line) - last)]
