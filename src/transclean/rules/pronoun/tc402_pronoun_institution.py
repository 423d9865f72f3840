"""TC402: pronoun-institution."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.analysis.mentions import Mention
from transclean.analysis.pronouns import PRONOUN
from transclean.analysis.sentences import (
    WINDOW_SENTENCES,
    in_quotes,
)
from transclean.analysis.speakers import (
    institution_speaker,
    institution_subject,
    person_words,
    state_subject,
)
from transclean.context import Context
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

_SUBJECT_PRONOUN = regex.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_POSSESSIVE = regex.compile(r"\b(?:[Hh]is|[Hh]er)\s+(?=\p{Ll})")
_LETTERS = regex.compile(r"\p{L}+")
#: a place that acts: "Ukraine supplies", "The Netherlands has".
_ACTING_PLACE = regex.compile(r"\s*(?:The\s+)?\S+\s+(?:supplies|managed|has|is)\b")


@register
class PronounInstitution(Rule):
    """'he', 'she', 'his' or 'her' for an institution, state or place ("The Kremlin ... he managed").

    ## What it finds
    Fires when the previous sentence's subject is an organisation or place (glossary entry, including the
    buildings that name institutions, "the Farnesina"; a capitalised run ending in an institution noun; an
    acronym the text defines for one, "the Anti-Corruption Commission (ACC)") and no person is named in the
    window (a country or a people is none: "Iran", "Yemenis"), or when the same pronoun opens the sentence
    after one flagged so and no person is named between them ("The Council met. He ... He ..."), or when an
    institution is the speaker of the pronoun's own sentence ("The Commission, which mediated, said she
    hoped") and no person is named before the pronoun; suggests "it". A "his" or "her"
    is flagged (suggesting "its") in a sentence that a state or an institution opens, or opening the sentence
    after one an institution opens ("The cabinet met. His plans ..."), with no other pronoun or word for a
    person in it and no person named nearby.

    ## Why it matters
    Languages with grammatical gender refer to "the Kremlin" or "Azerbaijan" with "he" or "she"; in English
    that makes an institution a person.

    ## Fix safety
    Unsafe, since "they" may be meant.
    """

    code = "TC402"
    name = "pronoun-institution"
    category = Category.PRONOUN
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    must_fire = (
        Example(
            "The Kremlin supplies arms to both countries. And for years ⟦he⟧ managed to avoid a war.", language="en"
        ),
        Example("The Foreign Ministry issued a statement on Monday. ⟦She⟧ called for restraint.", language="en"),
        Example("The ministry published the figures on Monday. ⟦He⟧ said growth had slowed.", language="en"),
        Example("The European Commission, which mediated the talks, said ⟦she⟧ hoped for an agreement.", language="en"),
        Example("The Spanish government said ⟦he⟧ would review the measures in May.", language="en"),
        Example("Ukraine said on Tuesday ⟦he⟧ would not accept a ceasefire.", language="en"),
        Example("The Russian Foreign Ministry said ⟦he⟧ would respond in kind.", language="en"),
        Example("Azerbaijan insists on regaining ⟦his⟧ territorial integrity.", language="en"),
        Example("The Bundestag approved the budget and ⟦her⟧ committees began work.", language="en"),
        Example("The cabinet met on Monday to discuss the budget. ⟦His⟧ plans were approved.", language="en"),
        Example(
            "The Anti-Corruption Commission (ACC) was set up in 2004. The ACC opened a case on Monday. ⟦She⟧ said "
            "the mayor had taken bribes.",
            language="en",
        ),
        Example(
            "The Farnesina summoned the ambassador on Monday. ⟦He⟧ said the remarks were unacceptable.", language="en"
        ),
        Example(
            "The Council condemned Iran and the attacks on Yemenis. ⟦He⟧ also welcomed the truce. ⟦He⟧ pointed out "
            "that talks had been held.",
            language="en",
        ),
    )
    must_not_fire = (
        Example("The Kremlin said Vladimir Putin would attend. He arrived on Monday.", language="en"),
        Example("The ministry published the figures. It said growth had slowed.", language="en"),
        Example("The Central Bank Governor spoke on Monday. He said reserves had grown.", language="en"),
        Example("Moscow was cold. He wore a coat.", language="en"),
        Example("The company's founder retired in 2010. He died in 2015.", language="en"),
        Example("The government official resigned on Monday. He denied any wrongdoing.", language="en"),
        Example("The ministry, which Anna Berg leads, said she would publish the figures.", language="en"),
        Example("The government spokesman said he would resign.", language="en"),
        Example("Foreign Office Minister Baroness Symons said she was dismayed.", language="en"),
        Example("Georgia said she would stay at home.", language="en"),
        Example("Ronaldo scored twice. Brazil won the match thanks to his goals.", language="en"),
        Example("France welcomed the plan and its president praised his ministers.", language="en"),
        Example("Germany mourns his death, the chancellor said.", language="en"),
        Example(
            "The Senate approved the bill. Senate Majority Leader John Thune said the vote was historic. "
            "He thanked both parties.",
            language="en",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language != "en":
            return
        text = ctx.text
        spans = ctx.sentences
        # The institution the previous sentence's opening pronoun was flagged for, and that pronoun's end:
        # "The Council met. He also brought ... He pointed out ..." keeps meaning the Council.
        carried: tuple[Mention, str, int] | None = None
        for i, (a, b) in enumerate(spans):
            m = _SUBJECT_PRONOUN.search(text[a:b])
            previous, carried = carried, None
            if not m or in_quotes(ctx, a + m.start()):
                continue
            start = a + m.start()
            opens = not text[a:start].strip()
            subject = (
                institution_speaker(ctx, i, start)
                or self._previous_subject(ctx, i, start)
                or (self._carried_subject(ctx, previous, m.group(), start) if opens else None)
            )
            if subject is None:
                continue
            if opens:
                carried = (subject, m.group().lower(), a + m.end())
            new = "It" if m.group()[0].isupper() else "it"
            yield self.finding(
                text,
                start,
                a + m.end(),
                f"{m.group()!r} refers to {subject.text!r}, {'an' if subject.kind[0] in 'aeiou' else 'a'} "
                f"{subject.kind}",
                suggestion=new,
                title=f"Use {new!r}",
                confidence=0.7,
            )
        yield from self._possessives(ctx)

    def _possessives(self, ctx: Context) -> Iterator[Finding]:
        """ "Azerbaijan insists on regaining his territorial integrity": "his"/"her" in a sentence whose
        subject is a state or an institution, or opening the sentence after one that an institution opens
        ("The cabinet met. His plans ..."), with no other pronoun or person noun in it and no person named
        from two sentences before up to it."""
        text = ctx.text
        people_words = person_words(ctx.language or "")
        for i, (a, b) in enumerate(ctx.sentences):
            m = _POSSESSIVE.search(text[a:b])
            if m is None or in_quotes(ctx, a + m.start()):
                continue
            start = a + m.start()
            rest = text[a:start] + text[a + m.end() : b]  # the sentence without the possessive
            if PRONOUN.search(rest) or any(w.lower() in people_words for w in _LETTERS.findall(rest)):
                continue
            first = ctx.sentences[max(0, i - WINDOW_SENTENCES)][0]
            if any(x.kind == "person" and first <= x.start < start for x in ctx.mentions_starting(first, start)):
                continue
            subject = state_subject(ctx, a, b)
            if subject is None and start == a:  # "The cabinet met on Monday. His plans were approved."
                previous = self._previous_subject(ctx, i, start)
                subject = None if previous is None else previous.text
            if subject is None:
                continue
            word = m.group().strip()
            new = "Its" if word[0].isupper() else "its"
            yield self.finding(
                text,
                start,
                start + len(word),
                f"{word!r} refers to {subject!r}, which is no person",
                suggestion=new,
                title=f"Use {new!r}",
                confidence=0.6,
            )

    @staticmethod
    def _carried_subject(
        ctx: Context, previous: tuple[Mention, str, int] | None, word: str, start: int
    ) -> Mention | None:
        """The institution a flagged pronoun opening the previous sentence stood for, when the same pronoun
        opens this sentence at ``start`` and no person is named between them."""
        if previous is None or previous[1] != word.lower():
            return None
        subject, _, after = previous
        if any(x.kind == "person" for x in ctx.mentions_starting(after, start)):
            return None
        return subject

    @staticmethod
    def _previous_subject(ctx: Context, i: int, start: int) -> Mention | None:
        """The organisation or acting place that opens sentence ``i - 1``, when no person is named from
        the sentence before it up to the pronoun at ``start``."""
        spans, text = ctx.sentences, ctx.text
        if i == 0:
            return None
        prev_a, prev_b = spans[i - 1]
        first = spans[max(0, i - 2)][0]
        window = [x for x in ctx.mentions_starting(first, start) if first <= x.start < start]
        if any(x.kind == "person" for x in window):
            return None
        subject = next((x for x in window if prev_a <= x.start < prev_b), None)
        lead = text[prev_a : subject.start].strip().lower() if subject else "x"
        common = institution_subject(text[prev_a:prev_b])
        if common is not None:  # "The ministry published the figures. He said ..."
            subject, lead = Mention(prev_a, prev_a + len(common), common, "organization"), ""
        if subject is None or subject.kind not in ("organization", "place") or lead not in ("", "the"):
            return None
        if subject.text.split()[-1].lower() in person_words(ctx.language or ""):
            return None  # "The Central Bank Governor said ... He": a person's title, not the bank
        if subject.kind == "place" and not _ACTING_PLACE.match(text[subject.start : prev_b]):
            return None  # a place as subject ("Moscow was cold") is too often scenery, not an actor
        return subject
