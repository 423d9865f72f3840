"""Site chrome: what the lines a page template adds around an article look like.

Shared by the boilerplate rules TC205-TC210. The words are language data (the ``[chrome]`` table of each
``data/lang/<code>.toml``), read once per process; a line is judged by the *kind* of its words (all widget
words, all date words) rather than by a list of exact labels, so "Leave a comment", "0 Comments" and
"Lasa un comentariu" are one case.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from transclean.langdata import across_languages

#: a word of a chrome line: letters with inner apostrophes, dots or hyphens ("what's", "e-mail").
WORD = regex.compile(r"%d|[\p{L}\p{M}]+(?:['’.-][\p{L}\p{M}]+)*")

#: a line ends a sentence when its last visible character is one of these (closing quotes aside).
SENTENCE_END = regex.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")

#: bullets, dashes and stars a template puts before a widget or menu item.
BULLET = regex.compile(r"\s*(?:[•·▪►▶■□◦‣*]|[-–—](?=\s))\s*")

#: at most this many words make a widget line ("About agency Contacts Advertisement Partners Photo Site map Tags").
WIDGET_MAX_WORDS = 10


#: a social-media handle or a site name stands in a widget line without being a word of it.
_HANDLE = regex.compile(r"@\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|[a-z]{2})\b")


def words(line: str) -> list[str]:
    """The lower-cased words of ``line``, handles and site names left out (``%d``, a template's placeholder,
    counts as a word)."""
    return [w.lower().replace("’", "'") for w in WORD.findall(_HANDLE.sub(" ", line))]


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
    found = words(line)
    if not found or len(found) > WIDGET_MAX_WORDS:
        return None
    glue = vocabulary("glue")
    for lang, widgets in vocabulary("widgets").items():
        own = widgets | glue.get(lang, frozenset())
        if all(w in own for w in found) and any(w in widgets for w in found):
            return lang
    return None


def is_list_label(line: str) -> bool:
    """True when ``line`` is a label that heads a list of other articles' headlines ("More headlines")."""
    return " ".join(words(line)) in all_languages("list_labels")


def has_notice(line: str) -> bool:
    """True when ``line`` carries a phrase that only site notices use ("All rights reserved")."""
    folded = " ".join(line.lower().replace("’", "'").split())
    return any(phrase in folded for phrase in all_languages("notices"))
