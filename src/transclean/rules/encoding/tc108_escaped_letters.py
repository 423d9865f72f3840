"""TC108: escaped-letters."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A word whose non-ASCII letters stand as escapes: the percent-encoded UTF-8 bytes of a URL path
# ("Vu%C4%8Di%C4%87") or a programming language's escapes ("Vu\u010di\u0107", "caf\xe9").
_PERCENT = r"(?:%[89A-Fa-f][0-9A-Fa-f])+"
_BACKSLASH = r"(?:\\u[0-9A-Fa-f]{4}|\\x[A-Fa-f][0-9A-Fa-f])"
_WORD = regex.compile(
    rf"(?<![\w%\\])(?:[\p{{L}}]*(?:{_PERCENT}|{_BACKSLASH})+)+[\p{{L}}]*(?![\w%\\])",
)
#: what marks the whitespace-delimited chunk around a word as a URL, a path or code, where escapes belong.
_URLISH = regex.compile(r"[/=&?#@]|://|\.\w{2,4}\b|\\[nrt\"']")
#: what an escaped word must decode to: letters and their marks, with the typographic apostrophe, quotes and
#: dashes that JSON-escaped text writes so ("it\u2019s", "\u201cWe"); no control character or symbol.
_LETTERS = regex.compile(r"[\p{L}\p{M}’‘“”«»–—]+")


def _decoded(word: str) -> str | None:
    """The word with its escapes decoded, when each stands for a letter; else None."""
    if "%" in word:
        try:
            text = unquote(word, errors="strict")
        except UnicodeDecodeError:
            return None
    else:
        text = regex.sub(r"\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})", lambda m: chr(int(m[1] or m[2], 16)), word)
    return text if _LETTERS.fullmatch(text) and text != word else None


@register
class EscapedLetters(Rule):
    """Letters left as escapes in running text: "Vu%C4%8Di%C4%87", "Vu\\u010di\\u0107" for "Vučić".

    ## What it finds
    A word whose non-ASCII letters are written as the percent-encoded UTF-8 bytes of a web address
    ("%C4%87") or as a programming language's escapes ("\\u0107", "\\xe9"), standing in running text, not
    inside an address, a path or code.

    ## Why it matters
    A scraper that builds the text from a page's address or its script data (a title taken from the URL, a
    JSON string copied raw) leaves the escapes where the name should be: readers see "Vu%C4%8Di%C4%87".

    ## Fix safety
    Safe: the escapes decode to exactly one string, and only words whose escapes all decode to letters are
    touched. Words inside a chunk with '/', '=', '?', '&', '#', '@' or a file extension are left alone (there
    the escapes belong to the address).
    """

    code = "TC108"
    name = "escaped-letters"
    category = Category.ENCODING
    severity = Severity.MAJOR
    fix = Applicability.SAFE
    trigger = Trigger(strings=("%C", "%c", "%D", "%d", "%E", "%e", "\\u", "\\x"))
    must_fire = (
        Example("Get ⟦Vu%C4%8Di%C4%87⟧ essential facts below.", fixed="Get Vučić essential facts below."),
        Example("The singer ⟦Bj\\u00f6rk⟧ performed.", fixed="The singer Björk performed."),
        Example("She said ⟦it\\u2019s⟧ over.", fixed="She said it’s over."),
        Example("Mayor of ⟦Gda%C5%84sk⟧ and ⟦%C5%81%C3%B3d%C5%BA⟧", fixed="Mayor of Gdańsk and Łódź"),
    )
    must_not_fire = (
        Example("See https://en.wikipedia.org/wiki/Aleksandar_Vu%C4%8Di%C4%87 for more."),
        Example("Open /wiki/Gda%C5%84sk or wiki?title=%C5%81%C3%B3d%C5%BA."),
        Example("Prices rose 5% Dec and 7% Feb; 100%E is not a word."),
        Example('print("caf\\u00e9\\n")'),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _WORD.finditer(text):
            word = m.group()
            fixed = _decoded(word)
            if fixed is None:
                continue
            chunk_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            ends = [i for i in (text.find(" ", m.end()), text.find("\n", m.end())) if i >= 0]
            chunk = text[chunk_start : min(ends) if ends else len(text)]
            if _URLISH.search(chunk):
                continue  # an address, a path or code: its escapes belong there
            yield self.finding(
                text,
                m.start(),
                m.end(),
                f"Letters left as escapes in {word!r}: {fixed!r}",
                suggestion=fixed,
                title=f"Decode to {fixed!r}",
                confidence=0.95,
            )
