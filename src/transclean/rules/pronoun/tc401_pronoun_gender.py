"""TC401: pronoun-gender."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache, partial
from typing import TYPE_CHECKING

import regex

from transclean.analysis.mentions import Mention
from transclean.analysis.pronouns import PRONOUN, pronoun_table
from transclean.analysis.sentences import (
    first_sentence_start,
    in_quotes,
    opens_sentence,
    sentence_index,
)
from transclean.analysis.speakers import (
    institution_speaker,
    person_words,
    reported_speaker,
)
from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

if TYPE_CHECKING:
    from ahocorasick_rs import AhoCorasick

_LETTERS = regex.compile(r"\p{L}+")
#: a whole word starting where it is matched
_WORD_AT = regex.compile(r"(?<!\p{L})\p{L}+")
#: capitalised words (a title, a party) before a name that opens a sentence: "IYI Party Chairman ".
_TITLE_RUN = regex.compile(r"\s*(?:\p{Lu}\S*\s+)*")


def _role(word: str, role: str, next_word: str) -> str:
    """The role of an English "her": possessive before a word ("her plan"), else object."""
    if word.lower() != "her":
        return role
    return "possessive" if next_word[:1].isalpha() and next_word.lower() not in ("and", "or", "to") else "object"


def _next_word(text: str, end: int) -> str:
    rest = text[end : end + 40].split(maxsplit=1)
    return rest[0] if rest else ""


def _swap(word: str, gender: str, role: str, lang: str) -> str:
    """The pronoun of the other gender in the same role and case ("She" -> "He", "her" -> "his"/"him")."""
    other = "male" if gender == "female" else "female"
    new = language_data(lang)["pronouns"][other][role]
    return new.capitalize() if word[0].isupper() else new


def _window(ctx: Context, start: int) -> list[Mention]:
    """Mentions from the start of the sentence WINDOW_SENTENCES before ``start`` up to ``start``."""
    first = first_sentence_start(ctx, start)
    return [m for m in ctx.mentions_starting(first, start) if first <= m.start and m.end <= start]


@cache
def _nouns(lang: str) -> tuple[dict[str, str], AhoCorasick | None]:
    """The language's nouns for people by gender ("wife": "female", "coach": "person"), and an automaton that
    finds them in a lower-cased text."""
    from ahocorasick_rs import AhoCorasick

    nouns = dict(language_data(lang).get("gendered_nouns", {}))
    nouns.update(dict.fromkeys(language_data(lang).get("lists", {}).get("person_nouns", ()), "person"))
    return nouns, AhoCorasick(sorted(nouns)) if nouns else None


def _first_nouns(text: str, lang: str) -> dict[str, int]:
    """Where a noun of each gender ("male", "female", "person") first stands: the first word of the text that,
    lower-cased, is such a noun. The nouns are found in the lower-cased text by an automaton and the word at
    each read there (a word scan of the whole text was most of the rule's time); a text with a letter that
    lower-cases to two ("İ") moves the offsets, and is scanned word by word."""
    nouns, automaton = _nouns(lang)
    if automaton is None:
        return {}
    lowered = text.lower()
    if len(lowered) != len(text):
        words = ((w.start(), w.group().lower()) for w in _LETTERS.finditer(text))
    else:
        # every letter lower-cases to one character here, a letter or not as it was (checked over Unicode in the
        # tests), so a word of the lower-cased text is a word of the text, lower-cased (a final sigma aside,
        # which no noun has)
        starts = sorted({start for _, start, _ in automaton.find_matches_as_indexes(lowered, overlapping=True)})
        words = ((start, w.group()) for start in starts if (w := _WORD_AT.match(lowered, start)))
    first: dict[str, int] = {}
    for start, word in words:
        if word in nouns:
            first.setdefault(nouns[word], start)
    return first


def _key(person: Mention) -> str:
    """What identifies a person across mentions: the surname ("Kathleen Nott" and "Nott")."""
    return person.text.split()[-1]


def _salient(text: str, start: int, role: str) -> bool:
    """Subject pronouns, and possessives opening a sentence, refer back to a salient person; object pronouns
    and mid-sentence possessives are too often bound to someone else ("X has a crush on her")."""
    return role == "subject" or (role == "possessive" and opens_sentence(text, start))


@register
class PronounGender(Rule):
    """A pronoun whose gender contradicts every person it can refer to ("Ilham Aliyev ... She also claimed").

    ## What it finds
    Looks at subject pronouns and sentence-opening possessives; an object pronoun or a mid-sentence possessive only
    when it is the text's one pronoun of its gender, no noun of that gender or for people ("the coach") stands in
    the text, and every person named has the other gender from a full name, a glossary or an honorific; a
    mid-sentence possessive also when the one person named nearby opens its sentence with a sure gender ("Party
    Chairman Meral Aksener ... organised by his party"). Fires when persons are named in the pronoun's sentence or
    the two before it and all of them have the other gender: from the glossaries, the gazetteer of public figures (a
    full name, or a surname alone in a text naming the person's country: "Meloni" beside "Rome"), honorifics,
    gender-guesser's first names, or the other pronouns of the text ("Clapp left. He ..." makes Clapp male); after a
    reporting verb ("Elly Schlein said he would") the speaker is the referent when nobody of the pronoun's gender is
    named nearby. Silent when another pronoun of its gender (in the same window, or in the sentence after) or an
    earlier noun of its gender ("wife") shows that someone of that gender is about, when anyone nearby has an
    unknown gender, and inside quotations.

    ## Why it matters
    Source languages that drop subjects or mark gender differently (Italian, Turkish, Persian) leave the
    system to guess the pronoun; a wrong one changes who did what.

    ## Fix safety
    Unsafe: the referent is inferred.
    """

    code = "TC401"
    name = "pronoun-gender"
    category = Category.PRONOUN
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    must_fire = (
        Example("President Ilham Aliyev threatened Armenia. ⟦She⟧ also claimed victory.", language="en"),
        Example("Mrs Eleanor Vance founded the school in 1901. ⟦He⟧ ran it for thirty years.", language="en"),
        Example("Angela Merkel spoke first. ⟦His⟧ spokesman answered questions.", language="en"),
        Example("Isabel opened the bakery in 1990. ⟦He⟧ sold it in 2001.", language="en"),
        Example("Recep Tayyip Erdogan said Ankara would talk to Athens. ⟦She⟧ added a warning.", language="en"),
        Example("Angela Merkel presented the plan. The parliament approved ⟦his⟧ proposal on Friday.", language="en"),
        Example(
            "The opposition criticised the plan, Meloni said. Elly Schlein said ⟦he⟧ would present amendments.",
            language="en",
        ),
        Example(
            "Olaf Scholz said on Monday he would stay. The talks went on for hours. Energy Minister Svitlana "
            "Hrynchuk said repairs would take weeks. ⟦He⟧ added that some regions would face blackouts.",
            language="en",
        ),
        Example(
            "Chancellor Olaf Scholz warned of a long crisis. ⟦She⟧ said relief would come. Annalena Baerbock "
            "flew to Paris on Monday. She stressed that Europe must stay united.",
            language="en",
        ),
        Example(
            "Okonkwo grew up in Lagos. She trained as a surgeon. In 1995 Okonkwo founded a clinic. She ran it. "
            "⟦He⟧ sold it in 2015.",
            language="en",
        ),
        Example("Foreign Ministry spokeswoman Zakharova spoke to reporters. ⟦He⟧ added that the talks would go on.",
                language="en"),
        Example("Party Chairman Giorgia Meloni answered questions at a meeting organised by ⟦his⟧ party.",
                language="en"),
        Example("Sanae Takaichi spoke in Tokyo on Monday. ⟦He⟧ said the budget would pass.", language="en"),
        Example("Meloni met the press in Rome. ⟦He⟧ said the talks were useful.", language="en"),
    )  # fmt: skip
    must_not_fire = (
        Example("Ilham Aliyev met Angela Merkel in Berlin. She said the talks were useful.", language="en"),
        Example("The minister resigned. She said it was time to go.", language="en"),
        Example("Sergei Lavrov arrived late. “She is a friend,” he said of the envoy.", language="en"),
        Example("Kim Taylor joined the band in 1990. She left in 1995.", language="en"),
        Example("John Smith thanked the nurses. He said they had saved his life.", language="en"),
        Example("Lifeguard Terry Pole has an unrequited crush on her.", language="en"),
        Example("Robert Martin died in 1355, his wife surviving him. She sold the manor.", language="en"),
        Example("Okonkwo grew up in Lagos. He trained as a surgeon and founded a clinic.", language="en"),
        Example("Mario Rossi was not invited. Elly Schlein said he would present amendments.", language="en"),
        Example("May opened the bakery in 1990. He sold it in 2001.", language="en"),
        Example("The coach agreed. Susan Lee was born in Baltimore. Lee spent years researching him.", language="en"),
        Example("The coach agreed. Peter Dalby wrote that Moore had played her part well.", language="en"),
        Example("Labour Minister Andrea Orlando met the unions. He said the talks were useful.", language="en"),
        Example("Meloni scored twice for the club. He said the team deserved it.", language="en"),
        Example("Harris spoke in Washington. He said the vote would pass.", language="en"),
        Example("Giorgia Meloni met Olaf Scholz in Rome and thanked him.", language="en"),
        Example("Giorgia Meloni thanked the coach for his support.", language="en"),
        Example("Giorgia Meloni praised the nuns and thanked them for her school.", language="en"),
        Example("Okonkwo met Adeyemi in Lagos. She trained him as a surgeon. He ran a clinic.", language="en"),
        Example(
            "Okonkwo grew up in Lagos. She trained as a surgeon. In 1995 Okonkwo founded a clinic. He ran it.",
            language="en",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        lang = ctx.language
        table = pronoun_table(lang) if lang else {}
        people = [p for p in ctx.mentions if p.kind == "person"]
        if not table or not people:
            return
        text = ctx.text
        # Where a noun of each gender first stands: a look at every word of the text, the rule's largest cost,
        # so taken only when a pronoun gets as far as asking (most never do).
        first_noun = cache(partial(_first_nouns, text, lang or ""))
        known: dict[str, str] = {}
        for p in people:
            if p.gender:
                known.setdefault(_key(p), p.gender)
        items = []
        for m in PRONOUN.finditer(text):
            gender, role = table[m.group().lower()]
            items.append((m, gender, _role(m.group(), role, _next_word(text, m.end()))))
        windows = [[p for p in _window(ctx, m.start()) if p.kind == "person"] for m, _, _ in items]
        eligible = [_salient(text, m.start(), role) and not in_quotes(ctx, m.start()) for m, _, role in items]
        votes = [
            self._vote(g, window, known) if ok else None
            for (_, g, _), window, ok in zip(items, windows, eligible, strict=True)
        ]
        # A person of unknown gender gets the gender most of the pronouns that can only mean them have.
        tally: dict[str, Counter[str]] = {}
        for vote in votes:
            if vote:
                tally.setdefault(vote[0], Counter())[vote[1]] += 1
        inferred = {key: max(c, key=c.__getitem__) for key, c in tally.items() if len(set(c.values())) == len(c)}
        # Genders from a full name, a glossary or an honorific, not from a lone word read as a first name.
        strong = {_key(p) for p in people if p.gender and (p.concept is not None or " " in p.text)}
        # Where the pronouns of each gender stand, and whether every person has the other gender for sure:
        # computed once, so that each pronoun costs a bisection, not a scan of the document.
        at: dict[str, list[int]] = {}
        for m, gender, _ in items:
            at.setdefault(gender, []).append(m.start())
        settled = {
            gender: all(_key(p) in strong and known.get(_key(p)) not in (None, gender) for p in people) for gender in at
        }
        for i, ((m, gender, role), window) in enumerate(zip(items, windows, strict=True)):
            sole = not eligible[i] and self._sole_subject(m, gender, role, window, strong, known, ctx)
            if (
                not eligible[i]
                and not sole
                and not self._unbound(m, gender, window, len(at[gender]) > 1, first_noun, settled[gender], ctx)
            ):
                continue
            first = first_sentence_start(ctx, m.start())
            limit = ctx.sentences[min(len(ctx.sentences) - 1, sentence_index(ctx, m.start()) + 1)][1]
            nearby = bisect_left(at[gender], limit) - bisect_left(at[gender], first) - (first <= m.start() < limit)
            if nearby:
                continue  # another pronoun of this gender nearby: someone of it is about
            if not sole and first_noun().get(gender, m.start()) < m.start():
                continue  # "his wife ... her son"
            genders = [p.gender or known.get(_key(p)) or inferred.get(_key(p)) for p in window]
            if role == "subject" and institution_speaker(ctx, sentence_index(ctx, m.start()), m.start()):
                continue  # "The government said he would": an institution speaks (TC402)
            reporter = reported_speaker(ctx, m.start(), role, window)
            named = [p.gender or known.get(_key(p)) for p in window]  # without the pronouns' votes
            if reporter is not None and gender not in named:  # "Elly Schlein said he would": the speaker
                window, genders = [reporter], [reporter.gender or known.get(_key(reporter))]
                if genders[0] in (None, gender):
                    continue
            elif not window or gender in genders or None in genders:
                continue  # nobody named nearby, someone of this gender, or someone of unknown gender
            new = _swap(m.group(), gender, role, lang or "en")
            yield self.finding(
                text,
                m.start(),
                m.end(),
                f"{m.group()!r} refers to {window[-1].text!r}, who is {genders[-1]}",
                suggestion=new,
                title=f"Use {new!r}",
                confidence=0.8,
            )

    @staticmethod
    def _unbound(
        m: regex.Match[str],
        gender: str,
        window: list[Mention],
        another: bool,
        first_noun: Callable[[], dict[str, int]],
        settled: bool,
        ctx: Context,
    ) -> bool:
        """Whether an object pronoun or mid-sentence possessive ("him", "her career") can be checked: it is
        the text's only pronoun of its gender, no noun of that gender stands anywhere ("the nuns"), and
        every person of the text has a gender from a full name, a glossary or an honorific, the other one:
        then nobody it could stand for is named. Title case ("Miley Cyrus & Her Dead Petz") is no pronoun.
        ``another``: another pronoun of its gender stands in the text; ``first_noun``: where a noun of each
        gender first stands (computed on demand); ``settled``: every person's gender is sure and the other one."""
        if m.group()[0].isupper() or in_quotes(ctx, m.start()) or not window:
            return False
        if another:
            return False
        if gender in first_noun() or "person" in first_noun():
            return False  # "the nuns", or "thanked the coach for his help"
        return settled

    @staticmethod
    def _sole_subject(
        m: regex.Match[str],
        gender: str,
        role: str,
        window: list[Mention],
        strong: set[str],
        known: dict[str, str],
        ctx: Context,
    ) -> bool:
        """Whether a mid-sentence possessive ("organized by his party") can be checked against the one person
        named in the window: that person opens the pronoun's sentence (after a title, "Party Chairman Meral
        Aksener answered ..."), has a sure gender, and no capitalised word or noun for a person ("wife",
        "coach") stands between them. A masculine title before the name says nothing: translation systems
        write "Chairman" for women too. Object pronouns stay out: "Luery spent time researching him"."""
        if role != "possessive" or m.group()[0].isupper() or in_quotes(ctx, m.start()):
            return False
        if len({_key(p) for p in window}) != 1:
            return False
        person = window[-1]  # its mention nearest the pronoun
        a = ctx.sentences[sentence_index(ctx, m.start())][0]
        if person.start < a or not _TITLE_RUN.fullmatch(ctx.text, a, person.start):
            return False
        if _key(person) not in strong or known.get(_key(person)) in (None, gender):
            return False
        between = _LETTERS.findall(ctx.text, person.end, m.start())
        # a capitalised word may be a name the mentions missed ("wrote that Moore had played her part")
        return not any(w[0].isupper() or w.lower() in person_words(ctx.language or "") for w in between)

    @staticmethod
    def _vote(gender: str, window: list[Mention], known: dict[str, str]) -> tuple[str, str] | None:
        """What a salient pronoun tells about a person: (surname, gender) when it can refer to one person only.

        "Clapp joined Menzies's staff. He ..." says nothing (two candidates); "Clapp left. He ..." makes
        Clapp male, unless someone of that gender is named nearby.
        """
        if any((p.gender or known.get(_key(p))) == gender for p in window):
            return None
        unknown = {_key(p) for p in window if not (p.gender or known.get(_key(p)))}
        return (unknown.pop(), gender) if len(unknown) == 1 else None
