"""TC306: quotation-marks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

# A straight double quote standing for an apostrophe: "Gabunia"s monologue", "It"s damage".
_QUOTE_FOR_APOSTROPHE = regex.compile(r"(?<=\p{L})\"(?=(?:s|t|ll|re|ve|d|m)\b)")

# Curly quotes in English, which tell opening from closing by shape:
# a closing mark after a sentence mark and a space, before a word: 'at all, ”Skorohod said'
_CLOSING_SPACED_BEFORE_WORD = regex.compile(r"(?<=[.,!?]) ”(?=[\p{L}\p{N}])")
# a closing mark opening a quotation: 'lawmaker: ”Far from', 'movement. BG ”4.81%'
_CLOSING_OPENS = regex.compile(r"(?:(?<=^)|(?<=[^.,!?\s][ \t])|(?<=:))”(?=[\p{L}\p{N}])", regex.M)
# a closing mark with a space before it at the end of a quotation: 'success in life. ”'
_CLOSING_SPACED = regex.compile(r"(?<=[.,!?]) ”(?=\s|$)", regex.M)
# an opening mark closing a quotation: 'Italy and above. world “.'
_OPENING_CLOSES = regex.compile(r"(?<=\S) “(?=[.,;:!?]|\s*$)", regex.M)
# a dash after a quotation, before the reporting verb (Russian typography): 'future plans”, - added'
_DASH_AFTER_QUOTE = regex.compile(r"(?<=[”\"»],?) [-–—](?= \p{Ll})")

_OPEN_BEFORE = frozenset(" \t([{–—-/")
_CLOSE_AFTER = frozenset(" \t.,;:!?)]}–—-/…")


@dataclass
class _Quote:
    at: int
    shape: str  # "open", "close" or "" (spaced both sides or fused between two words: either role)


@register
class QuotationMarks(Rule):
    """Quotation marks that do not pair up or sit on the wrong side of their space.

    ## What it finds
    In a paragraph, straight double quotes are read in turn as opening and closing; one whose spacing says
    the other ('said "the', 'interests! "says X') or that is left open with no quotation continuing in the
    next paragraph is flagged. In English, curly quotes whose shape contradicts their place ('at all,
    ”Skorohod said', 'life. ”', 'world “.'), a straight quote standing for an apostrophe ('It"s') and a dash
    after a quotation before the reporting verb ('plans”, - added') are flagged too.

    ## Why it matters
    Scrapers and translators lose or move quote marks; the reader can no longer tell who said what.

    ## Fix safety
    Safe where the mark's place is sure: an apostrophe written as a quote, a space before a closing curly
    quote, a curly closing quote and its space swapped after a comma or full stop, the dash before a
    reporting verb in English. Unpaired straight quotes are flagged only: which mark is missing is a guess.
    """

    code = "TC306"
    name = "quotation-marks"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    fix = Applicability.SAFE
    must_fire = (
        Example("It is ready and ⟦\"⟧is \"determined to act\", he said."),
        Example("\"Our way is peaceful! ⟦\"⟧says the president."),
        Example("We read in the post ⟦\"⟧went too far."),
        Example("He replied to Gabunia⟦\"⟧s monologue.", fixed="He replied to Gabunia's monologue."),
        Example("“We will not speak at all⟦, ”⟧Skorohod said.", fixed="“We will not speak at all,” Skorohod said.",
                language="en"),
        Example("“The best answer is time⟦. ”⟧", fixed="“The best answer is time.”", language="en"),
        Example("He told the lawmaker: ⟦”⟧Far from it.”", language="en"),
        Example("“We will see our future plans”,⟦ -⟧ added Kobakhidze.",
                fixed="“We will see our future plans”, added Kobakhidze.", language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example('He said "no" and left. "We will see," she said, "what comes."'),
        Example('"The first paragraph of a long quotation.\n\n"The second, which closes it."'),
        Example('"A sitting chaired by the "Nur Otan" party will take place," he told.'),
        Example('The board measured 5\' 11" by 3\' 2" and weighed "about" a ton.'),
        Example("“We will see,” he said. “Not today.”", language="en"),
        Example("Han sa: ”Vi ses i morgon.”", language="sv"),
        Example('Il parle pour le programme " Aujourd\'hui au Parlement ".', language="fr"),
    )
    trigger = Trigger(strings=('"', "”", "“", "»"))  # every finding is at a quote mark

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _QUOTE_FOR_APOSTROPHE.finditer(text):
            yield self.finding(text, m.start(), m.end(), "A quote mark stands for an apostrophe", suggestion="'")
        yield from self._straight(ctx)
        if "”" not in text and "“" not in text and _DASH_AFTER_QUOTE.search(text) is None:
            return  # nothing for the checks below: no need to know the language
        if ctx.language != "en":
            return  # other languages use other pairs (German „…“, Swedish ”…”)
        for m in _CLOSING_SPACED_BEFORE_WORD.finditer(text):
            mark = text[m.start() - 1]
            yield self.finding(
                text, m.start() - 1, m.end(), "Closing quote on the wrong side of its space",
                suggestion=f"{mark}” ", title="Move the space after the quote",
            )  # fmt: skip
        for m in _CLOSING_SPACED.finditer(text):
            yield self.finding(
                text, m.start() - 1, m.end(), "Space before a closing quote",
                suggestion=f"{text[m.start() - 1]}”", title="Remove the space",
            )  # fmt: skip
        for m in _CLOSING_OPENS.finditer(text):
            yield self.finding(
                text, m.start(), m.end(), "A closing quote mark opens a quotation", suggestion="“",
                applicability=Applicability.UNSAFE,
            )  # fmt: skip
        for m in _OPENING_CLOSES.finditer(text):
            yield self.finding(
                text, m.start(), m.end(), "An opening quote mark closes a quotation", suggestion="”",
                applicability=Applicability.UNSAFE,
            )  # fmt: skip
        for m in _DASH_AFTER_QUOTE.finditer(text):
            yield self.finding(
                text, m.start(), m.end(), "Dash between a quotation and its reporting verb", suggestion="",
                title="Remove the dash",
            )  # fmt: skip

    def _straight(self, ctx: Context) -> Iterator[Finding]:
        """Pairs the straight double quotes of each paragraph and flags those that do not pair up. A
        quotation left open may close in the next paragraph (a quotation over two paragraphs whose second
        lost its opening quote)."""
        text = ctx.text
        paragraphs = ctx.paragraphs
        flagged: list[int] = []
        left_open: int | None = None
        for index, (start, _end, line) in enumerate(paragraphs):
            if '"' not in line:
                if left_open is not None:
                    flagged.append(left_open)
                left_open = None
                continue
            continued = index + 1 < len(paragraphs) and paragraphs[index + 1][2].lstrip().startswith('"')
            unpaired, still_open = _unpaired(_quotes(line), continued)
            if left_open is not None:
                if unpaired and unpaired[0][1] == "close":
                    unpaired.pop(0)
                else:
                    flagged.append(left_open)
            flagged.extend(start + at for at, _ in unpaired)
            left_open = None if still_open is None else start + still_open
        if left_open is not None:
            flagged.append(left_open)
        for at in flagged:
            yield self.finding(
                text, at, at + 1, "Quotation mark that does not pair up", applicability=Applicability.NONE
            )


def _quotes(line: str) -> list[_Quote]:
    """The straight double quotes of a line with the role their spacing gives them. Inch marks (5' 11")
    and quotes standing for apostrophes are no quotation marks."""
    found = []
    for m in regex.finditer('"', line):
        at = m.start()
        before = line[at - 1] if at else " "
        after = line[at + 1] if at + 1 < len(line) else " "
        if before.isdigit() or _QUOTE_FOR_APOSTROPHE.match(line, at):
            continue
        # '" Aujourd'hui au Parlement ".' (French spacing): a quote spaced before a full stop may close
        opens = before in _OPEN_BEFORE and after not in _CLOSE_AFTER
        closes = after in _CLOSE_AFTER and before not in " \t"
        found.append(_Quote(at, "open" if opens and not closes else "close" if closes and not opens else ""))
    return found


def _unpaired(quotes: list[_Quote], continued: bool) -> tuple[list[tuple[int, str]], int | None]:
    """The quotes that do not pair up, nested quotations allowed ('"the "Nur Otan" party,"'), as
    ``(offset, "open"|"close")`` in order, and the one quotation left open for the next paragraph to close.

    An opening quote pushes, a closing one pops, a quote spaced alike on both sides does whichever is due.
    A closing quote with nothing open is unpaired. Of the quotations left open at the end, one is fine when
    the next paragraph opens with a quote (a quotation running over paragraphs); of several, the last was a
    closing quote spaced on the wrong side ('"Our way is peaceful! "says the president').
    """
    unpaired: list[tuple[int, str]] = []
    stack: list[_Quote] = []
    for quote in quotes:
        if quote.shape == "open" or (not quote.shape and not stack):
            stack.append(quote)
        elif stack:
            stack.pop()
        else:
            unpaired.append((quote.at, "close"))
    if len(stack) > 1:
        unpaired.append((stack[-1].at, "open"))
    elif stack and not continued:
        return unpaired, stack[0].at
    return unpaired, None
