"""TC103: lost-character."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from transclean.analysis.recovery import (
    CODE_PAGES,
    MARKERS,
    TOKEN,
    Recovery,
    convention,
    plausible_code_pages,
    reading_keys,
    recover,
    recovery_inputs,
    restore_case,
    word_languages,
)
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: Score (Zipf plus bonuses) from which a word is common enough to be written in lower case mid-sentence.
COMMON_WORD = 5.0

# A '?' in a URL query or code is not a lost letter.
_URLISH = regex.compile(r"[/=&]|://")

#: characters looked at on each side of a token for its neighbouring words (three words fit).
_REACH = 120


def _name_window(text: str, start: int, end: int) -> tuple[list[str], int]:
    """The words of the line around a token (up to 3 each side) and the token's index among them."""
    line_start = text.rfind("\n", max(0, start - _REACH), start) + 1 or max(0, start - _REACH)
    line_end = text.find("\n", end, end + _REACH)
    line_end = min(len(text), end + _REACH) if line_end < 0 else line_end
    before = TOKEN.findall(text[line_start:start])[-3:]
    after = TOKEN.findall(text[end:line_end])[:3]
    return [*before, text[start:end], *after], len(before)


def _recovered(ctx: Context, token: str, start: int, words: list[str], pages: tuple[str, ...]) -> Recovery:
    """The recovery of a damaged word among its neighbours, computed once per document: a later pass reuses
    the first pass's result for a token still at the same place in the source."""
    document_words = ctx.document_words
    # Keyed by the document's words that fit too: one restored by another rule ("ŠAL" from a C1 byte) is
    # evidence the first pass did not have, and fix(fix(x)) must equal fix(x).
    fitting = frozenset(w for k in reading_keys(token) for w in document_words.get(k, ()))
    key = ("recover", token, ctx.document.log.to_source(start), pages, fitting)
    if key in ctx.memo:
        return ctx.memo[key]  # type: ignore[return-value]
    # A later pass that restored words of the token's skeleton, none of which it could be (all Cyrillic words
    # of its length share one), or names around a token whose recovery needs no tie broken, asks with what
    # recover() reads unchanged: the same recovery, not computed again.
    kwargs: dict[str, Any] = {
        "language": ctx.language,
        "neighbours": words,
        "glossary": ctx.glossary,
        "code_pages": pages,
        "document_words": document_words,
        "corpus_words": ctx.corpus_profile.spellings_for(ctx.language) if ctx.corpus_profile else None,
    }
    inputs = ("recover inputs", token, pages, ctx.language, recovery_inputs(token, words, document_words, ctx.glossary))
    if inputs not in ctx.memo:
        ctx.memo[inputs] = recover(token, **kwargs)
    result: Recovery = ctx.memo[inputs]  # type: ignore[assignment]
    if not result.safe and len(result.candidates) > 1:  # let the rest of the name break the tie
        names = tuple(w for w in words if w != token and w[:1].isupper() and not any(c in MARKERS for c in w))
        tie = (*inputs, names)
        if tie not in ctx.memo:
            ctx.memo[tie] = recover(token, name_languages=[g for w in names for g in word_languages(w)], **kwargs)
        result = ctx.memo[tie]  # type: ignore[assignment]
    ctx.memo[key] = result
    return result


def _upper_first(text: str, start: int) -> bool | None:
    """Whether a lost first letter was a capital: yes at a line or sentence start, else unknown (None):
    "Karlovačka ?upanija" is lower case, "Jakub ?ukasz" and "Jurij ob ??avnici" are not."""
    prefix = text[max(0, start - 3) : start].rstrip(" \t\"'“‘«(")
    return True if not prefix or prefix[-1] in "\n.!?:" else None


@register
class LostCharacter(Rule):
    """A letter lost to '?' or U+FFFD ("Viktorovi? Lavrov", "Dvo?ák"), recovered from word and name lexicons.

    ## What it finds
    A '?' inside a word, before a lower-case letter at a word's start ("?ubrinovac"), or U+FFFD anywhere in
    one, is damage; a '?' ending a word is damage only when the word without it is unknown and a lexicon word
    fits ("Is it Lavrov? Yes." stays), or, on a page that lost letters inside words, when it ends an unknown
    capitalised word after another ("Ana Drezgi?": flagged without a fix). Two known words joined by a '?'
    ("Why?The") are a question with its space lost. Candidates come from
    the document's own undamaged words, the glossaries (names with all their spellings), gender-guesser's
    and names-dataset's names and wordfreq's lists for 29 languages, ranked by frequency, the document
    language and the language of the rest of the name.

    ## Why it matters
    Text that passed through a legacy code page loses every letter it cannot encode, mostly in names:
    the person can no longer be found, matched against a glossary or spelt right in a translation.

    ## Fix safety
    Safe only when one candidate carries at least 97% of the weight (a lookup, not a guess: see the
    evaluation in docs/); otherwise the candidates are suggested and the text is left alone. A lost first
    letter inside a sentence is only suggested: it may be a capital or not.
    """

    code = "TC103"
    name = "lost-character"
    category = Category.ENCODING
    severity = Severity.MAJOR
    fix = Applicability.SAFE
    trigger = Trigger(strings=("?", "\ufffd"))
    must_fire = (
        Example(
            "The Russian Foreign Minister, Sergei ⟦Viktorovi?⟧ Lavrov, spoke.",
            fixed="The Russian Foreign Minister, Sergei Viktorovich Lavrov, spoke.",
            language="en",
        ),
        Example("Antonín ⟦Dvo?ák⟧ wrote nine symphonies.", fixed="Antonín Dvořák wrote nine symphonies."),
        Example("Squad:\n⟦?ukasz⟧ Piszczek\nJakub Kuba", fixed="Squad:\nŁukasz Piszczek\nJakub Kuba"),
        Example("Czech premier Andrej ⟦Babi?⟧ rejected the claim."),
        Example("Coach ⟦Micha?⟧ Probierz named ⟦Szcz?sny⟧.\nIs it Lavrov? Yes."),
        Example("The club ⟦Pogo?⟧ Szczecin won.", language="en"),
        Example("La ⟦canci\ufffdn⟧ del verano", fixed="La canción del verano", language="es"),
        Example("Mayor Dragan ⟦?ubrinovac⟧ opened the bridge."),
        Example("Ministers:\nAna ⟦Drezgi?⟧\nIvo ⟦Vu?eti?⟧ (acting)"),
        Example("Ivo ⟦Vu?eti?⟧ asked: who is Drezgi?\nNobody knew."),
        Example("Is it in ⟦Gda?sk⟧? Nobody knows.", fixed="Is it in Gdańsk? Nobody knows."),
        Example(
            "Mustafa Cerić spoke. 'Mustafa ⟦Ceri?⟧' read the sign.",
            fixed="Mustafa Cerić spoke. 'Mustafa Cerić' read the sign.",
        ),
        Example(
            "Hanne Møller won the race.\nRunner-up: ⟦M\ufffd\ufffdller⟧, then Berg.",
            fixed="Hanne Møller won the race.\nRunner-up: Møller, then Berg.",
        ),
    )
    must_not_fire = (
        Example("Is it Lavrov? Yes."),
        Example("Why? Because the talks failed. Really?"),
        Example("See https://example.org/search?q=talks&page=2 for more."),
        Example("Who is there?\nNobody."),
        Example('"Is it Paris?" she asked. Was it Rome? No, Paris?'),
        Example("``You Rang, M'Lord? gave us the wonderful Cissy"),
        Example("Was it Rome? The minister said Paris? Maybe."),
        Example("``Wait ... Falcon? Fuckin'? Falcon? How do you say it?''"),
        Example("Why?The talks failed, and nobody asked why?the envoy left."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        # Letters that survived the damage tell which code pages could have lost the others: read them from
        # the source, since letters restored by an earlier pass did not survive anything.
        source = ctx.document.source or text
        pages = plausible_code_pages("".join(c for c in set(source) if not c.isascii() and c.isalpha()))
        # A page that lost letters inside words ("Wroc?aw") lost them at the ends of its names too ("Micha?").
        damaged = _LOST_INSIDE.search(text) is not None
        for m in TOKEN.finditer(text):
            token = m.group()
            if "?" not in token and "\ufffd" not in token:
                continue  # most words: passed at C speed, not character by character below
            markers = [i for i, c in enumerate(token) if c in MARKERS]
            letters = len(token) - len(markers)
            if not markers or letters < 2:
                continue
            start, end = m.start(), m.end()
            chunk_start = text.rfind(" ", 0, start) + 1
            if _URLISH.search(text[chunk_start : end + 1]):
                continue
            # A '?' glued before a lower-case letter after a space ("Dragan ?utanovac", "?ód?") stands for a
            # letter as surely as one inside a word: no writer's question mark sits there.
            inner = (
                any(c in MARKERS for c in token.strip(MARKERS))
                or "\ufffd" in token
                or (token[0] in MARKERS and token.lstrip(MARKERS)[:1].islower())
            )
            attested = ctx.corpus_profile.attests(token, ctx.language) if ctx.corpus_profile else None
            question = not inner and not attested and _known(token.strip(MARKERS).lower(), ctx.language)
            # The document spelling a word that fits ("Cerić" beside "Ceri?") tells a lost letter from a question.
            spelt = any(k in ctx.document_words for k in reading_keys(token))
            if question and not (
                spelt or _name_goes_on(text, token, end, ctx.language) or (damaged and token[:1].isupper())
            ):
                continue  # a question mark after a word, not a lost letter (unless the corpus spells it)
            if inner and token[-1] == "?" and token[-2] not in MARKERS and _ASKS.match(text, end):
                # "Is it Gda?sk? Nobody knows.": the last mark ends a question about a damaged word; read the
                # word without it when that recovers ("Gdańsk", not "Gdańską").
                trial = _recovered(ctx, token[:-1], start, _name_window(text, start, end - 1)[0], pages)
                if trial.best is not None:
                    token, end = token[:-1], end - 1
            words, index = _name_window(text, start, end)
            result = _recovered(ctx, token, start, words, pages)
            if result.best is None and spelt:
                # The letter survived elsewhere on the page, so no one code page damaged it all (a page put
                # together from two sources): the document's own spelling fits under any code page.
                result = _recovered(ctx, token, start, words, CODE_PAGES)
            best = result.best
            if best is None and _fused_question(token, ctx.language):
                continue  # "Why?The", "why?the": a question whose space was lost (TC304's), no word fits
            if not inner and best is None and not (damaged and _unknown_name_end(text, token, start, ctx.language)):
                continue
            if question and best is not None and best.source == "lexicon":
                continue  # only a name is read through a known word's '?': "You Rang, M'Lord? gave us" stays
            if best is None:
                yield self.finding(
                    text,
                    start,
                    end,
                    f"Letter lost to {'U+FFFD' if chr(0xFFFD) in token else repr('?')} in a word; no lexicon word fits",
                    applicability=Applicability.NONE,
                    severity=Severity.MINOR,
                )
                continue
            upper = _upper_first(text, start)
            previous = words[index - 1] if index > 0 else ""
            if upper is None and best.source == "corpus" and ctx.corpus_profile:
                upper = ctx.corpus_profile.capitalised(best.word)  # as the corpus writes it
            if upper is None and previous.islower() and best.source != "name" and best.score >= COMMON_WORD:
                upper = False  # a common word after a lower-case one: "il ?tait" is "il était" ("by ??kos": Ákos)
            if upper is None and best.source == "name" and previous[:1].isupper():
                upper = True  # a name after a capitalised word: "Zora ?estak" (not "Karlovačka ?upanija")
            word = restore_case(token, best.word, upper is not False)
            if best.concept is not None and ctx.language:
                word = convention(word, token, words, index, best.concept, ctx.language)
            # A lost first letter inside a sentence may be a capital or not: suggest, do not apply.
            confident = result.safe and (token[0] not in MARKERS or upper is not None)
            others = ", ".join(c.word for c in result.candidates[1:4])
            yield self.finding(
                text,
                start,
                end,
                f"Letter lost to '?' or U+FFFD in {token!r}: probably {word!r}"
                + (f" (also possible: {others})" if others else ""),
                suggestion=word,
                title=f"Restore {word!r}",
                confidence=result.confidence,
                applicability=Applicability.SAFE if confident else Applicability.UNSAFE,
            )


# A word with a letter lost inside it, standing alone (not a URL's "search?q=").
_LOST_INSIDE = regex.compile(r"(?<![^\s\"'“‘«(])\p{L}+[?\ufffd]+\p{L}+(?![\p{L}\p{N}=&/])")

#: What follows a question's mark: the end of the line or the next sentence ("Gda?sk? Nobody ...").
_ASKS = regex.compile(r"[ \t]*(?:\n|\Z)|[ \t]+[\p{Lu}\"“‘'(]")
#: What follows a name's final '?' when the sentence goes on: a lower-case word or a comma ("Babi? said").
_GOES_ON = regex.compile(r"[ \t]?[\p{Ll},;]")
#: ...or the next word of the name: capitalised and rare as a word ("Micha? Probierz", not "Falcon? Fuckin'?").
_NEXT_NAME = regex.compile(r"[ \t](\p{Lu}[\p{Ll}\p{M}]+)")
#: the Zipf frequency below which that capitalised word is read as part of a name.
RARE_NAME_WORD = 3.5


def _name_goes_on(text: str, token: str, end: int, language: str | None) -> bool:
    """Whether a capitalised word ending in '?' is followed by the rest of its sentence or of its name: then
    the mark is a lost letter ("Andrej Babi? rejected", "Pogo? Szczecin"); a question ends before a line
    break or a sentence's first word ("Is it Lavrov? The minister ...")."""
    if not token[:1].isupper():
        return False
    if _GOES_ON.match(text, end):
        return True
    name = _NEXT_NAME.match(text, end)
    return name is not None and not _known(name.group(1).lower(), language, RARE_NAME_WORD)


def _fused_question(token: str, language: str | None) -> bool:
    """Whether a token is two known words joined by one '?' ("Why?The"): a lost space, not a lost letter."""
    left, mark, right = token.partition("?")
    return (
        bool(mark and left and right)
        and "?" not in right
        and _known(left.lower(), language, 3.0)
        and _known(right.lower(), language, 3.0)
    )


#: What may stand before a name's last word: a capitalised word on the same line ("Ana Brnabi?").
_NAME_BEFORE = regex.compile(r"\p{Lu}[\p{L}\p{M}?]*[ \t]+$")


def _unknown_name_end(text: str, token: str, start: int, language: str | None) -> bool:
    """On a page that lost letters inside words, a capitalised word ending in '?' that no lexicon knows, after
    another capitalised word ("Ana Brnabi?", "Tomislav Nikoli?"): a surname that lost its last letter, even
    when no name list has it (flagged without a fix). A question's last word is a known word or stands alone."""
    stem = token.rstrip(MARKERS)
    return (
        token[:1].isupper()
        and len(stem) >= 3
        and "?" not in stem
        and not _known(stem.lower(), language)
        and _NAME_BEFORE.search(text, max(0, start - 40), start) is not None
    )


def _known(word: str, language: str | None, threshold: float = 2.0) -> bool:
    """Whether a word is common in the document language (English when unknown): then '?' ends a question."""
    from transclean.lexicon import zipf

    return zipf(word, language or "en") >= threshold
