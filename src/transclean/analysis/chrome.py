"""Site chrome: what the lines a page template adds around an article look like.

Shared by the boilerplate rules TC205-TC214 and TC216. The words are language data (the ``[chrome]`` table of each
``data/lang/<code>.toml``), read once per process; a line is judged by the *kind* of its words (all widget
words, all date words) rather than by a list of exact labels, so "Leave a comment", "0 Comments" and
"Lasa un comentariu" are one case.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from transclean.langdata import across_languages

#: a word of a chrome line: letters with inner apostrophes, dots or hyphens ("what's", "e-mail").
WORD = regex.compile(r"%d|[\p{L}\p{M}]+(?:['’.-][\p{L}\p{M}]+)*")

#: a line ends a sentence when its last visible character is one of these (closing quotes aside).
SENTENCE_END = regex.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
#: SENTENCE_END's stops and the closing quotes and brackets it lets follow them, for :func:`ends_sentence`
_STOPS = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]"

#: a character str.isdigit() accepts (checked for every code point): dates, clock times and counters have one.
DIGIT = regex.compile(r"[\p{Nd}\p{No}]")

#: bullets, dashes and stars a template puts before a widget or menu item.
BULLET = regex.compile(r"\s*(?:[•·▪►▶■□◦‣*]|[-–—](?=\s))\s*")
#: what every BULLET match holds. Most lines hold none, and this scan is 3x cheaper than the sub, whose
#: leading whitespace is tried at every position.
_BULLET_SIGN = regex.compile(r"[•·▪►▶■□◦‣*]|[-–—](?=\s)")

#: at most this many words make a widget line ("About agency Contacts Advertisement Partners Photo Site map Tags").
WIDGET_MAX_WORDS = 10


#: a social-media handle or a site name stands in a widget line without being a word of it.
_HANDLE = regex.compile(r"@\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|[a-z]{2})\b")
#: what every handle holds: an "@", or a dot before two lower-case letters. Most lines hold neither, and
#: scanning for them is much cheaper than for the handles (tried at every word).
_HANDLE_SIGN = regex.compile(r"@|\.[a-z]{2}")


def ends_sentence(stripped: str) -> bool:
    """``SENTENCE_END.search(stripped)`` for a text without trailing whitespace (``str.strip``'s), read from
    its end: its last character, closing quotes and brackets aside, is a stop. The pattern is tried at every
    stop of a paragraph (5 µs on a 400-character line, against 0.2 µs here).

    >>> ends_sentence('He left."'), ends_sentence("Leave a Reply"), ends_sentence("")
    (True, False, False)
    """
    return stripped.rstrip(_CLOSERS)[-1:] in _STOPS


def unbulleted(line: str) -> str:
    """``line`` without its first bullet (and the spaces around it): ``BULLET.sub("", line, count=1)``."""
    return BULLET.sub("", line, count=1) if _BULLET_SIGN.search(line) else line


def words(line: str) -> list[str]:
    """The lower-cased words of ``line``, handles and site names left out (``%d``, a template's placeholder,
    counts as a word)."""
    return list(map(str.lower, WORD.findall(_unhandled(line))))


#: the ASCII characters that are not letters
_ASCII_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def word_signature(line: str) -> bytes:
    """The ASCII letters of ``words(line)``, in order: two lines with the same words have the same signature.

    Read at C speed (lower-case, drop the rest) where :func:`words` scans word by word (40 µs a paragraph),
    so that only lines that share a signature need their words: every letter of a line is in one of its
    words, and no other character lower-cases to an ASCII letter. A line with a handle or a site name, which
    its words leave out, is signed from its words.
    """
    if _HANDLE_SIGN.search(line):
        line = " ".join(words(line))
    return line.lower().encode("ascii", "ignore").translate(None, _ASCII_NOT_LETTERS)


def _unhandled(line: str) -> str:
    """``line`` as :func:`words` reads it: handles and site names blanked, "’" as "'" (WORD and _HANDLE read
    them alike, and str.lower keeps both), Turkish "İ" as "I" (str.lower makes it "i" and a combining dot,
    which no word list spells: "İçeriğe geç" is "içeriğe geç")."""
    if _HANDLE_SIGN.search(line):
        line = _HANDLE.sub(" ", line)
    return line.replace("’", "'").replace("İ", "I")


@lru_cache(maxsize=32)
def vocabulary(key: str) -> dict[str, frozenset[str]]:
    """``{lang: words}`` of the ``[chrome]`` entry ``key`` in every language file that has it, lower-cased."""
    return {lang: frozenset(w.lower() for w in ws) for lang, ws in across_languages("chrome", key).items()}


@lru_cache(maxsize=32)
def all_languages(key: str) -> frozenset[str]:
    """The ``[chrome]`` entry ``key`` of every language in one set."""
    return frozenset().union(*vocabulary(key).values())


def widget_language(line: str) -> str | None:
    """The language in whose widget vocabulary every word of ``line`` is, with at least one non-glue word.

    >>> widget_language("Leave a Reply"), widget_language("0 Comments")
    ('en', 'en')
    >>> widget_language("The minister left")
    """
    # words(line), read one at a time: a line is given up at its first word that no language's widget
    # vocabulary has ("The"... goes on), or its eleventh, before the rest of it is scanned
    anywhere = _widget_words()
    found: list[str] = []
    for m in WORD.finditer(_unhandled(line)):
        word = m[0].lower()
        if word not in anywhere or len(found) == WIDGET_MAX_WORDS:
            return None
        found.append(word)
    if not found:
        return None
    for lang, widgets, own in _widget_vocabularies():
        if all(w in own for w in found) and any(w in widgets for w in found):
            return lang
    return None


@lru_cache(maxsize=1)
def _widget_vocabularies() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """``(lang, widget words, widget and glue words)`` of every language with widget words, in the order of
    ``vocabulary("widgets")``: built once, where each line built the unions again (0.1 ms a line)."""
    glue = vocabulary("glue")
    return tuple(
        (lang, widgets, widgets | glue.get(lang, frozenset())) for lang, widgets in vocabulary("widgets").items()
    )


@lru_cache(maxsize=1)
def _widget_words() -> frozenset[str]:
    """The words of a widget line in any language: its widget and glue words."""
    return frozenset().union(*(own for *_, own in _widget_vocabularies()))


def is_list_label(line: str) -> bool:
    """True when ``line`` is a label that heads a list of other articles' headlines ("More headlines")."""
    return " ".join(words(line)) in all_languages("list_labels")


def is_related_label(line: str) -> bool:
    """True when ``line``'s words are a related-article box's label ("Read also"): TC203 and TC211 take it."""
    return " ".join(words(line)) in _related_labels()


@lru_cache(maxsize=1)
def _related_labels() -> frozenset[str]:
    """The ``[boilerplate] related_labels`` of every language, as :func:`words` reads them."""
    return frozenset(
        " ".join(words(label))
        for labels in across_languages("boilerplate", "related_labels").values()
        for label in labels
    )


def has_notice(line: str) -> bool:
    """True when ``line`` carries a phrase that only site notices use ("All rights reserved")."""
    folded = " ".join(line.replace("İ", "I").lower().replace("’", "'").split())
    short, inner_words, by_inner = _notice_index()
    for phrase in short:
        if phrase in folded:
            return True
    for word in inner_words.intersection(folded.split(" ")):
        for phrase in by_inner[word]:
            if phrase in folded:
                return True
    return False


@lru_cache(maxsize=1)
def _notice_index() -> tuple[tuple[str, ...], frozenset[str], dict[str, list[str]]]:
    """The notice phrases of one or two words; the inner words the longer ones are indexed by; the longer
    ones by their longest inner word.

    :func:`has_notice` looks for the phrases in the line's words joined by single spaces: an inner word of
    a phrase found there is one of those words whole, so a longer phrase is looked for only when its inner
    word is among them (half the time of looking for all 68 phrases in every line)."""
    short: list[str] = []
    by_inner: dict[str, list[str]] = {}
    for phrase in sorted(all_languages("notices")):
        inner = phrase.split(" ")[1:-1]
        if inner:
            by_inner.setdefault(max(inner, key=len), []).append(phrase)
        else:
            short.append(phrase)
    return tuple(short), frozenset(by_inner), by_inner


#: a paragraph of the article itself: at least this many words and a sentence end. Lines before the first
#: and after the last such paragraph are the page's header and footer, where chrome gathers.
PROSE_MIN_WORDS = 8

#: a name word of a title-case run: capitalised, all capitals, or a site name with a dot ("News.Az").
_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}\p{M}'’.&-]*|\d+[\p{L}]*|&)$")


#: whitespace-separated tokens a :class:`Line` counts, at most: one more than any rule's bound asks about
#: (3 * PROSE_MIN_WORDS for prose), so that a long paragraph is not split whole.
TOKENS_COUNTED = 3 * PROSE_MIN_WORDS + 1


def tokens_up_to(line: str, most: int) -> int:
    """``min(len(line.split()), most)``, splitting no further than ``most`` tokens."""
    return min(len(line.split(None, most)), most)


def _prose_shape(tokens: int, sentence_end: bool) -> bool:
    """:func:`is_prose` from a line's token count and sentence end."""
    return tokens >= 3 * PROSE_MIN_WORDS or (tokens >= PROSE_MIN_WORDS and sentence_end)


def is_prose(line: str) -> bool:
    """A paragraph of running text: enough words and a sentence end (a long line counts without one)."""
    return _prose_shape(tokens_up_to(line, TOKENS_COUNTED), ends_sentence(line.strip()))


def edge_zone(paragraphs: list[tuple[int, int, str]]) -> set[int]:
    """Indices of the paragraphs before the first and after the last prose paragraph: the page header and
    footer (all of them when the text has no prose paragraph)."""
    return edge_of([is_prose(line) for *_, line in paragraphs])


def edge_of(prose: Sequence[bool]) -> set[int]:
    """:func:`edge_zone` from each paragraph's :func:`is_prose`."""
    found = [i for i, p in enumerate(prose) if p]
    if not found:
        return set(range(len(prose)))
    return set(range(found[0])) | set(range(found[-1] + 1, len(prose)))


class Line:
    """A paragraph (non-blank line) of the text and what the line rules ask of it first.

    ``Context.chrome_lines`` builds them once per pass, so that the line rules do not each strip, split and
    scan every paragraph: a rule reads them to pass over in O(1) a line that cannot be its kind (a paragraph
    of forty words that ends in a stop is no widget, menu item, date or credit line). The facts are computed
    at once, not on first use: the page's header and footer (``Context.edge_zone``), which most documents
    need, ask every line whether it is prose, and a lazy attribute cost more than these few C-level calls.
    """

    __slots__ = ("end", "index", "prose", "sentence_end", "start", "stripped", "text", "tokens")

    def __init__(self, index: int, start: int, end: int, text: str) -> None:
        self.index, self.start, self.end, self.text = index, start, end, text
        self.stripped = text.strip()
        #: whitespace-separated tokens, counted up to ``TOKENS_COUNTED``
        self.tokens = tokens_up_to(text, TOKENS_COUNTED)
        #: the line ends a sentence (``SENTENCE_END``)
        self.sentence_end = ends_sentence(self.stripped)
        #: a paragraph of running text (:func:`is_prose`)
        self.prose = _prose_shape(self.tokens, self.sentence_end)

    @property
    def lead(self) -> int:
        """The offset of the line's first visible character."""
        return self.end - len(self.text.lstrip())


def title_run(line: str, max_words: int) -> bool:
    """True when ``line`` is a short run of capitalised words ("Saudi Arabia News", "News at Another
    Perspective"): at most ``max_words`` words, glue words of any language aside, and no sentence end."""
    stripped = unbulleted(line).strip()
    if not stripped or (ends_sentence(stripped) and not _HANDLE.fullmatch(stripped)):
        return False
    tokens = stripped.split()
    if len(tokens) > max_words:
        return False
    glue = all_languages("glue")
    names = [t for t in tokens if t.lower() not in glue]
    return bool(names) and all(_NAME_WORD.match(t) for t in names)


def press_words(line: str) -> bool:
    """True when ``line`` has a word that names a news outlet ("News", "Times", "Nachrichten", "Новости")."""
    return any(w in all_languages("press_words") for w in words(line))


def site_stems(text: str) -> frozenset[str]:
    """Site names written in the text as domains ("news.az" -> "newsaz", "www.dziennik.pl" -> "dziennik"),
    letters only and lower-cased: a line spelling one of them is the site's name."""
    if _DOT_LETTER.search(text) is None:
        return frozenset()  # the scan for domains tries at every word (0.16 ms a document); 9 in 10 have none
    stems = set()
    for m in _DOMAIN_NAME.finditer(text):
        labels = [x for x in m[0].lower().split(".") if x not in ("www", "m", "en", "amp")]
        if len(labels) >= 2:
            stems.add("".join(labels[:-1]).replace("-", ""))
            stems.add("".join(labels).replace("-", ""))
    return frozenset(s for s in stems if len(s) >= 4)


_DOMAIN_NAME = regex.compile(r"\b(?:[\w-]+\.)+(?:com|net|org|info|news|tv|az|am|ge|kz|[a-z]{2})\b", regex.IGNORECASE)
#: what every _DOMAIN_NAME match holds, read as it reads it: a dot before the first letter of its top-level domain
_DOT_LETTER = regex.compile(r"\.[a-z]", regex.IGNORECASE)


def squashed(line: str) -> str:
    """The letters and digits of ``line``, lower-cased: "News.Az" -> "newsaz"."""
    return "".join(c for c in line.lower() if c.isalnum())
