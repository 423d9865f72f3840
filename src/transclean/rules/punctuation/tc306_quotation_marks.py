"""TC306: quotation-marks."""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from transclean.analysis.pronouns import pronoun_table
from transclean.analysis.speakers import person_words
from transclean.context import Context
from transclean.langdata import language_data
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

# English curly quotes: “ (or a German „) opens and ” closes; ‘ opens and ’ closes unless a letter or digit
# follows (an apostrophe: "party’s", "’90s"). A ’ with nothing open is a plural's apostrophe ("the parties’").
_CURLY_DOUBLE = regex.compile(r"[“„”]")
_CURLY_SINGLE = regex.compile(r"‘|’(?![\p{L}\p{N}])")
# where a sentence starts, for the reporting sentence a quotation ran into
_SENTENCE_START = regex.compile(r"(?<=[.!?…]) +(?=\p{Lu})")
_WORD = regex.compile(r"\p{L}+")
# a low opening quote of German or Central European typography in English text: '„Liberty of the press”'
_LOW_OPENING = regex.compile(r"„(?=\S)")
#: a reporting verb among a sentence's first words makes it the narrator's ("The minister said, ...").
REPORTING_WORDS = 5

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
    after a quotation before the reporting verb ('plans”, - added') are flagged too, and curly quotes are
    paired by shape: a closing one with nothing open is flagged, and a quotation left open that runs into
    the narrator's next sentence ('said, “We act. The minister said ...') is flagged where its closing mark
    is missing, the stop before that sentence; of several marks a paragraph leaves open, the last; a
    quotation opened right after a reporting verb ('said, “We') and left open to the end of a paragraph
    that ends a sentence, when the next paragraph does not go on quoting.

    ## Why it matters
    Scrapers and translators lose or move quote marks; the reader can no longer tell who said what.

    ## Fix safety
    Safe where the mark's place is sure: an apostrophe written as a quote, a space before a closing curly
    quote, a curly closing quote and its space swapped after a comma or full stop, the dash before a
    reporting verb in English. Unpaired quotes are flagged only: which mark is missing, or where, is a guess.
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
        Example("⟦„⟧Liberty of the press” in Hungary", language="en"),
        Example("“We will see our future plans”,⟦ -⟧ added Kobakhidze.",
                fixed="“We will see our future plans”, added Kobakhidze.", language="en"),
        Example("The minister said, “The party is ready. We will not give up the ⟦streets. The⟧ minister said "
                "this in response to a question.", language="en"),
        Example("The minister said, “They attacked the camp. Houses burn and the police did not come, "
                "the minister added, ⟦“⟧The report is false.", language="en"),
        Example("We will retaliate if we are attacked from the North⟦”⟧\nThe talks continue.", language="en"),
        Example("The minister said, ‘They marched from union to union and attacked our party’s rally on the "
                "⟦streets. Hasan⟧ Mahmud said this in response to a question.", language="en"),
        Example("The minister said, ⟦“⟧We are confident that we will arrest him soon.\n\nThe talks went on.",
                language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example('He said "no" and left. "We will see," she said, "what comes."'),
        Example('"The first paragraph of a long quotation.\n\n"The second, which closes it."'),
        Example('"A sitting chaired by the "Nur Otan" party will take place," he told.'),
        Example('The board measured 5\' 11" by 3\' 2" and weighed "about" a ton.'),
        Example("“We will see,” he said. “Not today.”", language="en"),
        Example("Han sa: ”Vi ses i morgon.”", language="sv"),
        Example("“A sitting chaired by the “Nur Otan” party will take place,” he said.", language="en"),
        Example("“The first paragraph of a long quotation.\n\n“The second, which closes it.”", language="en"),
        Example("The ‘students’ union’ met the parties’ leaders in the ’90s.", language="en"),
        Example("The minister said, “We will not give up the fight for", language="en"),
        Example("The minister said, “We will not give up the fight.\n\n“Nor will we rest,” he added.", language="en"),
        Example("Scholz: “Tanks cannot simply be ordered from a dealer.\n\nThe talks went on.", language="en"),
        Example("The minister said, “We will not give up.", language="en"),
        Example('Il parle pour le programme " Aujourd\'hui au Parlement ".', language="fr"),
    )
    trigger = Trigger(strings=('"', "”", "“", "»", "„", "‘"))  # every finding is at a quote mark

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _QUOTE_FOR_APOSTROPHE.finditer(text):
            yield self.finding(text, m.start(), m.end(), "A quote mark stands for an apostrophe", suggestion="'")
        yield from self._straight(ctx)
        if not any(mark in text for mark in "”“„‘") and _DASH_AFTER_QUOTE.search(text) is None:
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
        yield from self._curly(ctx)
        for m in _DASH_AFTER_QUOTE.finditer(text):
            yield self.finding(
                text, m.start(), m.end(), "Dash between a quotation and its reporting verb", suggestion="",
                title="Remove the dash",
            )  # fmt: skip

    def _straight(self, ctx: Context) -> Iterator[Finding]:
        """Straight double quotes that do not pair up, each paragraph's by the role their spacing gives them."""
        for at in _unpaired_in_paragraphs(ctx, '"', lambda line, continued: _unpaired(_quotes(line), continued)):
            yield self.finding(
                ctx.text, at, at + 1, "Quotation mark that does not pair up", applicability=Applicability.NONE
            )

    def _curly(self, ctx: Context) -> Iterator[Finding]:
        """English curly quotes that do not pair up, double and single apart. A quotation left open is
        flagged where the narrator's next sentence starts (the closing mark is missing before it), or, when
        no such sentence follows before the next mark, at the last of several marks a paragraph leaves open
        (“They attacked ... “The report): one finding per missing mark keeps the count honest. A lone mark
        left open with neither sign is flagged only when it follows a reporting verb and runs to the end of
        a finished paragraph that the next one does not go on quoting: pages cut mid-paragraph and long
        quotations leave lone marks in edited text (two of five human-written control pages did)."""
        text = ctx.text
        for m in _LOW_OPENING.finditer(text):
            yield self.finding(text, m.start(), m.end(), "A low opening quote in English text", suggestion="“",
                               applicability=Applicability.UNSAFE)  # fmt: skip
        verbs = frozenset(language_data("en").get("lists", {}).get("reporting_verbs", ()))
        speakers = person_words("en") | {w for w, (_, role) in pronoun_table("en").items() if role == "subject"}
        for pattern, opening in ((_CURLY_DOUBLE, "“"), (_CURLY_SINGLE, "‘")):
            marks = [m.start() for m in pattern.finditer(text)]
            if not marks:
                continue

            unpaired = _unpaired_in_paragraphs(ctx, opening, _curly_scan(pattern), broken_lines=True)
            for i, at in enumerate(unpaired):
                if text[at] == "’":
                    continue
                if text[at] not in "“„‘":
                    yield self.finding(text, at, at + 1, "Closing quote with no quotation open",
                                       applicability=Applicability.NONE)  # fmt: skip
                    continue
                k = bisect_right(marks, at)
                line_end = text.find("\n", at)
                end = min(marks[k] if k < len(marks) else len(text), line_end if line_end >= 0 else len(text))
                boundary = _narrator_sentence(text, at, end, verbs, speakers)
                if boundary is not None:
                    yield self.finding(text, *boundary, "Quotation not closed before the narrator's sentence",
                                       applicability=Applicability.NONE)  # fmt: skip
                elif _last_of_several(text, unpaired, i):
                    yield self.finding(text, at, at + 1, "Quotation mark that does not pair up",
                                       applicability=Applicability.NONE)  # fmt: skip
                elif _reported_to_the_end(text, at, verbs):
                    yield self.finding(text, at, at + 1, "Quotation after the reporting verb is never closed",
                                       applicability=Applicability.NONE)  # fmt: skip


#: a reporting verb and its comma or colon right before a quotation's opening mark: 'Kamal said, “We'
_REPORTED = regex.compile(r"(?P<verb>\p{L}+)[ \t]*[,:][ \t]*$")


def _reported_to_the_end(text: str, at: int, verbs: frozenset[str]) -> bool:
    """Whether the quotation opened at ``at``, right after a reporting verb ('said, “We'), runs open to the
    end of a paragraph that ends a sentence, and the next paragraph does not go on quoting (it opens with
    no quote mark of the same kind). A paragraph cut mid-sentence, the text's last paragraph (the page may
    be cut there) and an interview's "Name: “..." (no verb) are left alone."""
    start = text.rfind("\n", 0, at) + 1
    reported = _REPORTED.search(text[start:at])
    if reported is None or reported["verb"].lower() not in verbs:
        return False
    end = text.find("\n", at)
    if end < 0 or text[at:end].rstrip()[-1:] not in (".", "!", "?"):
        return False
    following = text[end:].lstrip()
    return bool(following) and following[0] not in (text[at], '"', "„", "«")


def _curly_scan(pattern: regex.Pattern[str]) -> Callable[[str, bool], tuple[list[tuple[int, str]], int | None]]:
    """Pairs one paragraph's curly quotes of ``pattern`` by shape. A mark whose place contradicts its shape
    ('lawmaker: ”Far') is flagged as such and plays the role of its place here."""

    def scan(line: str, continued: bool) -> tuple[list[tuple[int, str]], int | None]:
        shapes = [
            _Quote(m.start(), "open" if (m.group() in "“„‘") != _contradicted(line, m.start()) else "close")
            for m in pattern.finditer(line)
        ]
        return _unpaired(shapes, continued, sure=True)

    return scan


def _last_of_several(text: str, unpaired: list[int], i: int) -> bool:
    """Whether the mark ``unpaired[i]`` is the last unpaired mark of its paragraph and follows another
    opening mark left open in it."""
    at = unpaired[i]
    last = i + 1 == len(unpaired) or text.find("\n", at, unpaired[i + 1]) >= 0
    return last and i > 0 and text[unpaired[i - 1]] in "“„‘" and text.find("\n", unpaired[i - 1], at) < 0


def _unpaired_in_paragraphs(
    ctx: Context,
    mark: str,
    scan: Callable[[str, bool], tuple[list[tuple[int, str]], int | None]],
    broken_lines: bool = False,
) -> list[int]:
    """Offsets of the marks that do not pair up, paragraph by paragraph (``scan`` pairs one paragraph's). A
    quotation left open may close in the next paragraph (a quotation over two paragraphs whose second lost
    its opening quote); one continues when the next paragraph opens with ``mark`` or, with ``broken_lines``,
    when the line stops mid-sentence (a scraper broke the paragraph at a link: 'said: ‘The current\n')."""
    paragraphs = ctx.paragraphs
    flagged: list[int] = []
    left_open: int | None = None
    for index, (start, _end, line) in enumerate(paragraphs):
        if not any(c in line for c in _MARKS[mark]):
            if left_open is not None:
                flagged.append(left_open)
            left_open = None
            continue
        continued = index + 1 < len(paragraphs) and (
            paragraphs[index + 1][2].lstrip().startswith(mark)
            or (broken_lines and line.rstrip()[-1:] not in _SENTENCE_END_MARKS)
        )
        unpaired, still_open = scan(line, continued)
        if left_open is not None:
            if unpaired and unpaired[0][1] == "close":
                unpaired.pop(0)
            else:
                flagged.append(left_open)
        flagged.extend(start + at for at, _ in unpaired)
        left_open = None if still_open is None else start + still_open
    if left_open is not None:
        flagged.append(left_open)
    return sorted(flagged)


_SENTENCE_END_MARKS = frozenset('.!?…:;"”’»)]')

#: the marks a paragraph must hold to be paired, by opening mark
_MARKS = {'"': '"', "“": "“„”", "‘": "‘’"}


def _contradicted(line: str, at: int) -> bool:
    """Whether the curly double quote at ``at`` sits where the other shape belongs."""
    return bool(_CLOSING_OPENS.match(line, at) or _OPENING_CLOSES.match(line, at - 1))


def _narrator_sentence(
    text: str, start: int, end: int, verbs: frozenset[str], speakers: frozenset[str] | set[str]
) -> tuple[int, int] | None:
    """The span from the last word before the first sentence in ``start:end`` that opens with a speaker and
    a reporting verb (the narrator speaking again: "Hasan Mahmud said", "The minister said") to that
    sentence's first word: "streets. Hasan". The verb must follow a name, a person noun or a pronoun:
    "The government has continued ..." goes on quoting."""
    for m in _SENTENCE_START.finditer(text, start, end):
        words = _WORD.findall(text, m.end(), min(end, m.end() + 80))[:REPORTING_WORDS]
        if any(w in verbs and (p[:1].isupper() or p.lower() in speakers) for p, w in itertools.pairwise(words)):
            before = text.rfind(" ", start, m.start())
            return max(before + 1, start + 1), m.end() + len(_WORD.match(text, m.end()).group())
    return None


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


def _unpaired(quotes: list[_Quote], continued: bool, sure: bool = False) -> tuple[list[tuple[int, str]], int | None]:
    """The quotes that do not pair up, nested quotations allowed ('"the "Nur Otan" party,"'), as
    ``(offset, "open"|"close")`` in order, and the one quotation left open for the next paragraph to close.

    An opening quote pushes, a closing one pops, a quote spaced alike on both sides does whichever is due.
    A closing quote with nothing open is unpaired. Of the quotations left open at the end, one is fine when
    the next paragraph opens with a quote (a quotation running over paragraphs); of several, the last was a
    closing quote spaced on the wrong side ('"Our way is peaceful! "says the president'). Marks whose shape
    is ``sure`` (curly quotes) leave every quotation still open unpaired but the last, which the next
    paragraph may close.
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
    if sure and len(stack) > 1:
        unpaired.extend((quote.at, "open") for quote in stack[:-1])
        stack = stack[-1:]
    if len(stack) > 1:
        unpaired.append((stack[-1].at, "open"))
    elif stack and not continued:
        return unpaired, stack[0].at
    return unpaired, None
