"""Who speaks or acts in a sentence: the person before a reporting verb, an institution or a state
that opens it ("The ministry said", "Azerbaijan insists")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from transclean.analysis.mentions import Mention, first_name_gender
from transclean.analysis.sentences import sentence_index
from transclean.langdata import language_data
from transclean.places import places
from transclean.text import alternation

if TYPE_CHECKING:
    from transclean.context import Context

#: a quotation mark of any style, and a word (TC404, TC719: reported speech)
_QUOTE_MARK = regex.compile(r"[\"“”„«»]")
_WORD = regex.compile(r"\p{L}+")


@lru_cache(maxsize=4)
def reporting_end(lang: str) -> regex.Pattern[str] | None:
    """A reporting verb (and a word or a day, and "that") ending the text: "said ", "told reporters that ",
    "said on Tuesday "."""
    verbs = "|".join(language_data(lang).get("lists", {}).get("reporting_verbs", ()))
    when = r"\s+(?:on|last|this)\s+\p{L}+"
    return regex.compile(rf"\b(?:{verbs})(?:{when}|\s+\p{{Ll}}+)?(?:\s+that)?\s+$") if verbs else None


#: a relative clause or a time closing the head of "X, which mediates, said" / "X on Monday said".
_HEAD_TAIL = regex.compile(r",\s*(?:which|that|who)\b[^,]*,\s*$|\s+(?:on|last|this)\s+\p{L}+\s*$")
_CAPITAL_THEN_WORD = regex.compile(r"\s*(\p{Lu}\p{Ll}+)\s+\p{Ll}+")


def reported_speaker(ctx: Context, start: int, role: str, window: list[Mention]) -> Mention | None:
    """The person a reported-speech subject pronoun refers to: "X said (that) he", "X told reporters she",
    when X is the only person named in the sentence before the verb."""
    if role != "subject":
        return None
    pattern = reporting_end(ctx.language or "")
    sentence = ctx.sentences[sentence_index(ctx, start)][0]
    m = pattern.search(ctx.text[sentence:start]) if pattern else None
    if m is None:
        return None
    speakers = [p for p in window if sentence <= p.start and p.end <= sentence + m.start()]
    return speakers[0] if len(speakers) == 1 else None


def institution_subject(sentence: str) -> str | None:
    """ "The ministry" when a sentence opens with an institution noun and then a verb ("published",
    "says", "will"): "The ministry's spokesman" and "The government official" are persons."""
    m = _institution_opening().match(sentence)
    return m.group(1) if m else None


@lru_cache(maxsize=1)
def _institution_opening() -> regex.Pattern[str]:
    verb = r"\p{Ll}+(?:ed|s)|said|will|would|can|could|must|may|might|did|had|was|met|held|made|took|sent|gave|set"
    when = r"today|yesterday|also|then|recently|earlier|later|on\s+\p{Lu}\p{Ll}+day"  # "The Council today met"
    return regex.compile(rf"\s*({_institution_noun_phrase()})\s+(?:(?:{when})\s+)?(?:{verb})\b")


@lru_cache(maxsize=1)
def _institution_phrase() -> regex.Pattern[str]:
    return regex.compile(_institution_noun_phrase())


@lru_cache(maxsize=1)
def _institution_noun_phrase() -> str:
    """ "The ministry", "The Spanish government", "The Council": an article, an optional qualifier, an
    institution noun."""
    nouns = "|".join(language_data("en")["lists"]["institution_nouns"])
    return rf"The\s+(?:\p{{L}}+\s+)?(?i:{nouns})\b"


def _acting_place(word: str) -> bool:
    """A country or city of the shipped list that is no first name: "Ukraine", not "Georgia"."""
    return word in places() and first_name_gender(word) is None


def institution_speaker(ctx: Context, sentence: int, start: int) -> Mention | None:
    """The institution that reports, in its own sentence, what a pronoun says: "The European Commission,
    which mediates, said she hoped ...", "The Spanish government said he would ..."; None when a person
    is named before the pronoun."""
    a = ctx.sentences[sentence][0]
    pattern = reporting_end(ctx.language or "")
    m = pattern.search(ctx.text[a:start]) if pattern else None
    if m is None or any(x.kind == "person" and a <= x.start < start for x in ctx.mentions_starting(a, start)):
        return None
    head = ctx.text[a : a + m.start()]
    head = _HEAD_TAIL.sub("", head).rstrip()
    lead = len(head) - len(head.lstrip())
    ending = ctx.mentions_by_end.get(a + len(head), ())
    subject = next((x for x in ending if x.kind in ("organization", "place")), None)
    if subject is not None and any(w.lower() in person_words(ctx.language or "") for w in subject.text.split()):
        return None  # "Foreign Office Minister Baroness Symons said she"
    if subject is not None and head[lead : subject.start - a].strip() in ("", "The", "the"):
        return subject
    if _institution_phrase().fullmatch(head[lead:]):
        return Mention(a + lead, a + len(head), head[lead:], "organization")
    if _acting_place(head[lead:]):  # "Ukraine said"
        return Mention(a + lead, a + len(head), head[lead:], "place")
    return None


@lru_cache(maxsize=4)
def person_words(lang: str) -> frozenset[str]:
    """Lower-case words for people: honorifics, gendered nouns and nouns for either gender ("minister")."""
    data = language_data(lang)
    words = [*data.get("honorifics", {}), *data.get("gendered_nouns", {})]
    return frozenset(w.lower() for w in [*words, *data.get("lists", {}).get("person_nouns", ())])


def state_subject(ctx: Context, a: int, b: int) -> str | None:
    """The organisation or country that opens the sentence ``a:b`` and acts ("Azerbaijan insists", "The
    ministry published"), if any."""
    sentence = ctx.text[a:b]
    lead = len(sentence) - len(sentence.lstrip())
    near = ctx.mentions_starting(a, a + lead + 4)
    org = next((x for x in near if x.kind in ("organization", "place")), None)
    if org is not None and ctx.text[a + lead : org.start].strip() in ("", "The"):
        return org.text
    word = _CAPITAL_THEN_WORD.match(sentence)
    if word and _acting_place(word.group(1)):
        return word.group(1)
    return institution_subject(sentence)


@lru_cache(maxsize=4)
def _reported_clause(lang: str) -> regex.Pattern[str] | None:
    """A verb of `[reported_speech] verbs`, up to four words, "that", up to six words of the clause and a
    first-person word, on one line; opened at " that " (a literal) with the verb read back in a lookbehind."""
    data = language_data(lang).get("reported_speech")
    if not data:
        return None
    verbs = alternation(data["verbs"])
    addressees = "|".join(data["addressees"])
    first = alternation({*data["subjects"], *data["others"]})
    # Opens at " that " and reads the verb back in a lookbehind: opening at every word with the lookbehind
    # first cost 10% of the full check.
    return regex.compile(
        rf"[ \t]that[ \t]+(?<=\b(?<verb>{verbs})(?:[ \t]+(?!(?:{addressees})\b)[\p{{L}}\p{{N}}]+){{0,4}}"
        rf"[ \t]that[ \t]+)(?:[\p{{L}}\p{{N}},'’-]+[ \t]+){{0,6}}?(?<word>{first})\b"
    )


def reported_first_person(ctx: Context, group: str) -> Iterator[tuple[str, int, str]]:
    """Indirect speech kept in the speaker's person: for each "said that ... we/our" whose word is in
    ``[reported_speech] <group>`` of the language file ("subjects": "we", "I", TC719's; "others": "our",
    "us", TC404's), the reporting verb as written, the word's offset and the word. One function for both
    rules: they differ only in the words they take from one scan and in their messages."""
    found = _reported_clauses(ctx)
    if not found:
        return
    words = frozenset(language_data(ctx.language or "")["reported_speech"][group])
    text = ctx.text
    for verb, start, word in found:
        if word in words:
            yield text[verb : text.find(" ", verb)], start, word


def _reported_clauses(ctx: Context) -> list[tuple[int, int, str]]:
    """For each "said that ... we/our" (the first such word of a clause), the verb's offset, the word's
    offset and the word. Not when a quotation mark stands between the sentence's start and the word, the
    line opens with one (a quoted paragraph), or a word of the first or second person stands before the
    verb in its sentence (the writer speaks: "As I said, ... we"). Scanned once per text and kept in
    ``ctx.memo`` (TC404 and TC719 both ask)."""
    key = ("reported_first_person", ctx.text)
    if key in ctx.memo:
        return ctx.memo[key]  # type: ignore[return-value]
    found: list[tuple[int, int, str]] = []
    lang = ctx.language or ""
    pattern = _reported_clause(lang)
    if pattern is not None:
        speaking = frozenset(language_data(lang)["reported_speech"]["speaking"])
        text = ctx.text
        for m in pattern.finditer(text):
            a = ctx.sentences[sentence_index(ctx, m.start("verb"))][0]  # split only when a clause is found
            line = text.rfind("\n", 0, m.start()) + 1
            if (
                _QUOTE_MARK.search(text, a, m.end())
                or _QUOTE_MARK.match(text, line)
                or any(w.group() in speaking for w in _WORD.finditer(text, a, m.start("verb")))
            ):
                continue
            found.append((m.start("verb"), m.start("word"), m.group("word")))
    ctx.memo[key] = found
    return found
