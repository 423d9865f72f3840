"""Translation-error rules, found in the translated text alone: pronouns (TC4xx), acronyms (TC5xx), titles
(TC6xx), pro-drop subjects (TC7xx), untranslated sentences (TC8xx) and inconsistent spellings (TC903).

English is the first target; what the rules know about it lives in ``data/english.toml``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import regex

from transclean.entities import Mention, context_rival, first_name_gender, language_data
from transclean.glossary import Entry, Glossary
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.places import places
from transclean.rules.base import Context, Example, Rule, register

_PRONOUN = regex.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]im|[Hh]is|[Hh]ers|[Hh]erself|[Hh]imself)\b")
_QUOTES = regex.compile(r"[“\"«][^”\"»\n]*[”\"»]|``[^\n]*?''")  # ``...'': tokenised corpora
#: sentences before the pronoun's own that hold its possible referents.
WINDOW_SENTENCES = 2


def _pronoun_table(lang: str) -> dict[str, tuple[str, str]]:
    """pronoun (lower case) -> (gender, role)."""
    table = {}
    for gender, roles in language_data(lang).get("pronouns", {}).items():
        for role, word in roles.items():
            table.setdefault(word, (gender, role))
    return table


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
    return [m for m in ctx.mentions if first <= m.start and m.end <= start]


@lru_cache(maxsize=4)
def _reporting_end(lang: str) -> regex.Pattern[str] | None:
    """A reporting verb (and a word or a day, and "that") ending the text: "said ", "told reporters that ",
    "said on Tuesday "."""
    verbs = "|".join(language_data(lang).get("lists", {}).get("reporting_verbs", ()))
    when = r"\s+(?:on|last|this)\s+\p{L}+"
    return regex.compile(rf"\b(?:{verbs})(?:{when}|\s+\p{{Ll}}+)?(?:\s+that)?\s+$") if verbs else None


def _reporter(ctx: Context, start: int, role: str, window: list[Mention]) -> Mention | None:
    """The person a reported-speech subject pronoun refers to: "X said (that) he", "X told reporters she",
    when X is the only person named in the sentence before the verb."""
    if role != "subject":
        return None
    pattern = _reporting_end(ctx.language or "")
    sentence = ctx.sentences[_sentence_index(ctx, start)][0]
    m = pattern.search(ctx.text[sentence:start]) if pattern else None
    if m is None:
        return None
    speakers = [p for p in window if sentence <= p.start and p.end <= sentence + m.start()]
    return speakers[0] if len(speakers) == 1 else None


def _key(person: Mention) -> str:
    """What identifies a person across mentions: the surname ("Kathleen Nott" and "Nott")."""
    return person.text.split()[-1]


def _salient(text: str, start: int, role: str) -> bool:
    """Subject pronouns, and possessives opening a sentence, refer back to a salient person; object pronouns
    and mid-sentence possessives are too often bound to someone else ("X has a crush on her")."""
    return role == "subject" or (role == "possessive" and _opens_sentence(text, start))


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘«(")
    return not before or before[-1] in ".!?\n:;"


def _sentence_index(ctx: Context, start: int) -> int:
    """Index of the sentence holding offset ``start``."""
    spans = ctx.sentences
    return next((i for i, (a, b) in enumerate(spans) if a <= start < b + 1), len(spans) - 1)


def first_sentence_start(ctx: Context, start: int) -> int:
    """Start of the first sentence of the window that ends at ``start``."""
    return ctx.sentences[max(0, _sentence_index(ctx, start) - WINDOW_SENTENCES)][0]


def _in_quotes(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return any(m.start() < start - line_start < m.end() for m in _QUOTES.finditer(text[line_start : start + 200]))


@register
class PronounGender(Rule):
    """A pronoun whose gender contradicts every person it can refer to ("Ilham Aliyev ... She also claimed").

    Looks at subject pronouns and sentence-opening possessives; an object pronoun or a mid-sentence
    possessive only when it is the text's one pronoun of its gender, no noun of that gender or for people
    ("the coach") stands in the text, and every person named has the other gender from a full name, a
    glossary or an honorific. Fires when persons are named in the pronoun's sentence or the two before it
    and all of them have the other gender: from the glossaries, honorifics, gender-guesser's first names,
    or the other pronouns of the text ("Clapp left. He ..." makes Clapp male); after a reporting verb
    ("Elly Schlein said he would") the speaker is the referent when nobody of the pronoun's gender is
    named nearby. Silent when another pronoun of its gender (in the same window, or in the sentence after)
    or an earlier noun of its gender ("wife") shows that someone of that gender is about, when anyone
    nearby has an unknown gender, and inside quotations. The fix is unsafe: the referent is inferred.
    """

    code = "TC401"
    name = "pronoun-gender"
    category = Category.PRONOUN
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
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
    )
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
        Example("Labour Minister Andrea Orlando met the unions. He said the talks were useful.", language="en"),
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
        table = _pronoun_table(lang) if lang else {}
        people = [p for p in ctx.mentions if p.kind == "person"]
        if not table or not people:
            return
        text = ctx.text
        nouns = dict(language_data(lang or "").get("gendered_nouns", {}))
        nouns.update(dict.fromkeys(language_data(lang or "").get("lists", {}).get("person_nouns", ()), "person"))
        noun_genders = [(w.start(), nouns.get(w.group().lower())) for w in regex.finditer(r"\p{L}+", text)]
        known: dict[str, str] = {}
        for p in people:
            if p.gender:
                known.setdefault(_key(p), p.gender)
        items = []
        for m in _PRONOUN.finditer(text):
            gender, role = table[m.group().lower()]
            items.append((m, gender, _role(m.group(), role, _next_word(text, m.end()))))
        windows = [[p for p in _window(ctx, m.start()) if p.kind == "person"] for m, _, _ in items]
        eligible = [_salient(text, m.start(), role) and not _in_quotes(text, m.start()) for m, _, role in items]
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
        for i, ((m, gender, role), window) in enumerate(zip(items, windows, strict=True)):
            if not eligible[i] and not self._unbound(i, items, window, people, noun_genders, known, strong, text):
                continue
            first = first_sentence_start(ctx, m.start())
            limit = ctx.sentences[min(len(ctx.sentences) - 1, _sentence_index(ctx, m.start()) + 1)][1]
            if any(g == gender and first <= n.start() < limit for j, (n, g, _) in enumerate(items) if j != i):
                continue  # another pronoun of this gender nearby: someone of it is about
            if any(g == gender for start, g in noun_genders if start < m.start()):
                continue  # "his wife ... her son"
            genders = [p.gender or known.get(_key(p)) or inferred.get(_key(p)) for p in window]
            if role == "subject" and _institution_speaker(ctx, _sentence_index(ctx, m.start()), m.start()):
                continue  # "The government said he would": an institution speaks (TC402)
            reporter = _reporter(ctx, m.start(), role, window)
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
        i: int,
        items: list[tuple[regex.Match[str], str, str]],
        window: list[Mention],
        people: list[Mention],
        noun_genders: list[tuple[int, str | None]],
        known: dict[str, str],
        strong: set[str],
        text: str,
    ) -> bool:
        """Whether an object pronoun or mid-sentence possessive ("him", "her career") can be checked: it is
        the text's only pronoun of its gender, no noun of that gender stands anywhere ("the nuns"), and
        every person of the text has a gender from a full name, a glossary or an honorific, the other one:
        then nobody it could stand for is named. Title case ("Miley Cyrus & Her Dead Petz") is no pronoun."""
        m, gender, _ = items[i]
        if m.group()[0].isupper() or _in_quotes(text, m.start()) or not window:
            return False
        if any(g == gender for j, (_, g, _) in enumerate(items) if j != i):
            return False
        if any(g == gender for _, g in noun_genders) or any(g == "person" for _, g in noun_genders):
            return False  # "the nuns", or "thanked the coach for his help"
        return all(_key(p) in strong and known.get(_key(p)) not in (None, gender) for p in people)

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


def _institution_subject(sentence: str) -> str | None:
    """ "The ministry" when a sentence opens with an institution noun and then a verb ("published",
    "says", "will"): "The ministry's spokesman" and "The government official" are persons."""
    m = _institution_opening().match(sentence)
    return m.group(1) if m else None


@lru_cache(maxsize=1)
def _institution_opening() -> regex.Pattern[str]:
    verb = r"\p{Ll}+(?:ed|s)|said|will|would|can|could|must|may|might|did|had|was"
    return regex.compile(rf"\s*({_institution_noun_phrase()})\s+(?:{verb})\b")


@lru_cache(maxsize=1)
def _institution_noun_phrase() -> str:
    """ "The ministry", "The Spanish government": an article, an optional qualifier, an institution noun."""
    nouns = "|".join(language_data("en")["lists"]["institution_nouns"])
    return rf"The\s+(?:\p{{L}}+\s+)?(?:{nouns})"


def _acting_place(word: str) -> bool:
    """A country or city of the shipped list that is no first name: "Ukraine", not "Georgia"."""
    return word in places() and first_name_gender(word) is None


def _institution_speaker(ctx: Context, sentence: int, start: int) -> Mention | None:
    """The institution that reports, in its own sentence, what a pronoun says: "The European Commission,
    which mediates, said she hoped ...", "The Spanish government said he would ..."; None when a person
    is named before the pronoun."""
    a = ctx.sentences[sentence][0]
    pattern = _reporting_end(ctx.language or "")
    m = pattern.search(ctx.text[a:start]) if pattern else None
    if m is None or any(x.kind == "person" and a <= x.start < start for x in ctx.mentions):
        return None
    head = ctx.text[a : a + m.start()]
    head = regex.sub(r",\s*(?:which|that|who)\b[^,]*,\s*$|\s+(?:on|last|this)\s+\p{L}+\s*$", "", head).rstrip()
    lead = len(head) - len(head.lstrip())
    subject = next((x for x in ctx.mentions if x.kind in ("organization", "place") and x.end == a + len(head)), None)
    if subject is not None and any(w.lower() in _people_words(ctx.language or "") for w in subject.text.split()):
        return None  # "Foreign Office Minister Baroness Symons said she"
    if subject is not None and head[lead : subject.start - a].strip() in ("", "The", "the"):
        return subject
    if regex.fullmatch(_institution_noun_phrase(), head[lead:]):
        return Mention(a + lead, a + len(head), head[lead:], "organization")
    if _acting_place(head[lead:]):  # "Ukraine said"
        return Mention(a + lead, a + len(head), head[lead:], "place")
    return None


@lru_cache(maxsize=4)
def _people_words(lang: str) -> frozenset[str]:
    """Lower-case words for people: honorifics, gendered nouns and nouns for either gender ("minister")."""
    data = language_data(lang)
    words = [*data.get("honorifics", {}), *data.get("gendered_nouns", {})]
    return frozenset(w.lower() for w in [*words, *data.get("lists", {}).get("person_nouns", ())])


def _state_subject(ctx: Context, a: int, b: int) -> str | None:
    """The organisation or country that opens the sentence ``a:b`` and acts ("Azerbaijan insists", "The
    ministry published"), if any."""
    sentence = ctx.text[a:b]
    lead = len(sentence) - len(sentence.lstrip())
    org = next((x for x in ctx.mentions if x.kind in ("organization", "place") and a <= x.start <= a + lead + 4), None)
    if org is not None and ctx.text[a + lead : org.start].strip() in ("", "The"):
        return org.text
    word = regex.match(r"\s*(\p{Lu}\p{Ll}+)\s+\p{Ll}+", sentence)
    if word and _acting_place(word.group(1)):
        return word.group(1)
    return _institution_subject(sentence)


@register
class PronounInstitution(Rule):
    """'he', 'she', 'his' or 'her' for an institution, state or place ("The Kremlin ... he managed").

    Fires when the previous sentence's subject is an organisation or place (glossary entry, or a
    capitalised run ending in an institution noun) and no person is named in the window, or when an
    institution is the speaker of the pronoun's own sentence ("The Commission, which mediated, said she
    hoped") and no person is named before the pronoun. Suggests "it"; unsafe, since "they" may be meant.
    A "his" or "her" is flagged (suggesting "its") in a sentence that a state or an institution opens, with
    no other pronoun or word for a person in it and no person named nearby.
    """

    code = "TC402"
    name = "pronoun-institution"
    category = Category.PRONOUN
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
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
    )
    must_not_fire = (
        Example("The Kremlin said Vladimir Putin would attend. He arrived on Monday.", language="en"),
        Example("The ministry published the figures. It said growth had slowed.", language="en"),
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
        for i, (a, b) in enumerate(spans):
            m = regex.search(r"\b(?:[Hh]e|[Ss]he)\b", text[a:b])
            if not m or _in_quotes(text, a + m.start()):
                continue
            start = a + m.start()
            subject = _institution_speaker(ctx, i, start) or self._previous_subject(ctx, i, start)
            if subject is None:
                continue
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
        subject is a state or an institution, with no other pronoun or person noun in it and no person named
        from two sentences before up to it."""
        text = ctx.text
        people_words = _people_words(ctx.language or "")
        for i, (a, b) in enumerate(ctx.sentences):
            m = regex.search(r"\b(?:[Hh]is|[Hh]er)\s+(?=\p{Ll})", text[a:b])
            if m is None or _in_quotes(text, a + m.start()):
                continue
            start = a + m.start()
            rest = text[a:start] + text[a + m.end() : b]  # the sentence without the possessive
            if _PRONOUN.search(rest) or any(w.lower() in people_words for w in regex.findall(r"\p{L}+", rest)):
                continue
            first = ctx.sentences[max(0, i - WINDOW_SENTENCES)][0]
            if any(x.kind == "person" and first <= x.start < start for x in ctx.mentions):
                continue
            subject = _state_subject(ctx, a, b)
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
    def _previous_subject(ctx: Context, i: int, start: int) -> Mention | None:
        """The organisation or acting place that opens sentence ``i - 1``, when no person is named from
        the sentence before it up to the pronoun at ``start``."""
        spans, text = ctx.sentences, ctx.text
        if i == 0:
            return None
        prev_a, prev_b = spans[i - 1]
        window = [x for x in ctx.mentions if spans[max(0, i - 2)][0] <= x.start < start]
        if any(x.kind == "person" for x in window):
            return None
        subject = next((x for x in window if prev_a <= x.start < prev_b), None)
        lead = text[prev_a : subject.start].strip().lower() if subject else "x"
        common = _institution_subject(text[prev_a:prev_b])
        if common is not None:  # "The ministry published the figures. He said ..."
            subject, lead = Mention(prev_a, prev_a + len(common), common, "organization"), ""
        if subject is None or subject.kind not in ("organization", "place") or lead not in ("", "the"):
            return None
        if subject.kind == "place" and not regex.match(
            r"\s*(?:The\s+)?\S+\s+(?:supplies|managed|has|is)\b", text[subject.start : prev_b]
        ):
            return None  # a place as subject ("Moscow was cold") is too often scenery, not an actor
        return subject


@register
class AcronymFalseFriend(Rule):
    """An organisation's acronym where the context points to another organisation ("the OECD troika").

    Acronyms collide across languages: Italian OCSE is the OECD while the OSCE stays OSCE, so a system can
    turn the OSCE into the OECD, or leave "OCSE" where the OSCE is meant. Two organisations are confusable
    when any of their acronyms, in any language, are anagrams or one letter apart. When the acronym's own
    context words (from the glossary) are absent and at least two context words of a confusable
    organisation are present, the rule suggests that organisation's acronym. Unsafe: the evidence is
    circumstantial.
    """

    code = "TC501"
    name = "acronym-false-friend"
    category = Category.ACRONYM
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
    must_fire = (
        Example(
            "The Minsk Group is co-chaired by France, Russia and the United States, with the ⟦OECD⟧ troika.",
            language="en",
        ),
        Example(
            "The ⟦OCSE⟧ secretariat in Vienna sent election observers to the participating States.",
            language="en",
        ),
    )
    must_not_fire = (
        Example("The OECD cut its growth forecast for member countries in its Economic Outlook.", language="en"),
        Example("The OSCE troika met the co-chairs of the Minsk Group.", language="en"),
        Example(
            "The OECD said in its Economic Outlook in Paris that growth would slow, while the OSCE sent "
            "election observers to Moldova.",
            language="en",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        lang = ctx.language
        if not lang or not ctx.matches:
            return
        for m in ctx.matches:
            # An acronym of the document language, or a known foreign confusion ("OCSE", Italian for OECD).
            own = {e.concept.id: e.concept for e in m.entries if _acronym_entry(e, lang, m.text)}
            if len(own) != 1:
                continue
            (concept,) = own.values()
            found = context_rival(ctx.text, ctx.glossary, concept, m.text)
            if found is None:
                continue
            rival, words = found
            better = rival.acronym(lang) or rival.preferred(lang) or rival.id
            yield self.finding(
                ctx.text,
                m.start,
                m.end,
                f"{m.text!r} ({concept.preferred('en')}) in a context about the {better} "
                f"({', '.join(sorted(words)[:4])})",
                suggestion=better,
                title=f"Use {better!r}",
                confidence=min(0.5 + 0.1 * len(words), 0.9),
            )


def _acronym_entry(entry: Entry, lang: str, surface: str) -> bool:
    return (entry.kind == "acronym" and entry.lang in (lang, "*")) or (entry.kind == "forbidden" and surface.isupper())


@register
class InstitutionForTitle(Rule):
    """An institution where a person's title belongs: "the Russian Foreign Ministry, Sergei Lavrov, called".

    Fires when a person's name follows the institution noun directly or after a comma; suggests the title
    (Ministry -> Minister, Presidency -> President, from ``data/english.toml``). Unsafe.
    """

    code = "TC601"
    name = "institution-for-title"
    category = Category.TITLE
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
    must_fire = (
        Example("The Russian Foreign ⟦Ministry⟧, Sergei Lavrov, called for a ceasefire.", language="en"),
        Example("Italian Foreign ⟦Ministry⟧ Antonio Tajani arrived in Kyiv.", language="en"),
        Example("The Italian Foreign ⟦Ministry⟧ Marco Rossi arrived in Kyiv on Monday.", language="en"),
        Example("The ⟦Ministry⟧ of Foreign Affairs, José Manuel Albares, explained the deal.", language="en"),
    )
    must_not_fire = (
        Example("The Russian Foreign Ministry said on Friday that talks would resume.", language="en"),
        Example("The Foreign Ministry spokeswoman Maria Zakharova said so.", language="en"),
        Example("Foreign Minister Sergei Lavrov called for a ceasefire.", language="en"),
        Example("The spokeswoman of the Russian Foreign Ministry, Maria Zakharova, confirmed it.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        titles: dict[str, str] = language_data(ctx.language or "").get("institution_titles", {})
        if not titles:
            return
        text = ctx.text
        people = [m for m in ctx.mentions if m.kind == "person"]
        # "Ministry of Foreign Affairs, José Manuel Albares": a complement may follow the noun
        of = r"(?:\s+(?:of|for)\s+(?:the\s+)?\p{Lu}\p{L}+(?:\s+(?:and\s+)?\p{Lu}\p{L}+)*)?"
        pattern = regex.compile(r"\b(" + "|".join(titles) + rf")\b{of},?\s+")
        for m in pattern.finditer(text):
            if regex.search(r"\bof\s+(?:the\s+)?(?:\p{Lu}\p{L}+\s+)*$", text[max(0, m.start() - 80) : m.start()]):
                continue  # "the spokeswoman of the Foreign Ministry, Maria Zakharova": she is the spokeswoman
            if any(p.start == m.end() for p in people):
                title = titles[m.group(1)]
                yield self.finding(
                    text,
                    m.start(1),
                    m.end(1),
                    f"{m.group(1)!r} before a person's name: the title is probably {title!r}",
                    suggestion=title,
                    title=f"Use {title!r}",
                    confidence=0.8,
                )


@register
class ResumptivePronoun(Rule):
    """A subject repeated by a pronoun, left by a pro-drop source: "President Ilham Aliyev on Friday he threatened".

    Fires when a named person opening a clause is followed, within a few time words ("on Friday",
    "yesterday") and no comma, by a subject pronoun and a verb ("Aliyev, he said, ..." is correct). The fix
    drops the pronoun; unsafe, since the sentence may need rewriting.
    """

    code = "TC701"
    name = "resumptive-pronoun"
    category = Category.GRAMMAR
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
    must_fire = (
        Example(
            "President Ilham Aliyev on Friday ⟦he⟧ threatened Armenia with retaliation.",
            fixed="President Ilham Aliyev on Friday threatened Armenia with retaliation.",
            language="en",
        ),
        Example(
            "German Chancellor Olaf Scholz on Tuesday ⟦he⟧ warned that the crisis could last.",
            fixed="German Chancellor Olaf Scholz on Tuesday warned that the crisis could last.",
            language="en",
        ),
        Example(
            "The Prime Minister, Pedro Sánchez, yesterday ⟦he⟧ announced a new agreement.",
            fixed="The Prime Minister, Pedro Sánchez, yesterday announced a new agreement.",
            language="en",
        ),
        Example(
            "Its president, Joachim Nagel, ⟦he⟧ said inflation was on the right path.",
            fixed="Its president, Joachim Nagel, said inflation was on the right path.",
            language="en",
        ),
        Example(
            "President Vladimir Putin, who spoke at the Security Council, ⟦he⟧ said Moscow would respond.",
            fixed="President Vladimir Putin, who spoke at the Security Council, said Moscow would respond.",
            language="en",
        ),
    )
    must_not_fire = (
        Example("Ilham Aliyev, he said, would never accept it.", language="en"),
        Example("When Ilham Aliyev arrived on Friday he threatened to leave.", language="en"),
        Example("Ilham Aliyev said on Friday he would attend.", language="en"),
        Example("The Prime Minister, Pedro Sánchez, he said, would attend.", language="en"),
        Example("Pedro Sánchez, who met Macron, she said, was tired.", language="en"),
        Example("Ilham Aliyev, the president, he said, would come.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for person, m in _resumptive(ctx):
            start, end = person.end + m.start(2), person.end + m.end(2)
            cut = start - 1 if text[start - 1] == " " else start
            yield self.finding(
                text,
                start,
                end,
                f"{m.group(2)!r} repeats the subject {person.text!r}",
                suggestion="",
                edits=(Edit(cut, end, ""),),
                title="Remove the pronoun",
                confidence=0.8,
            )


_DETERMINERS = frozenset({"The", "the", "Its", "its", "Their", "their", "His", "his", "Her", "her"})


def _resumptive(ctx: Context) -> Iterator[tuple[Mention, regex.Match[str]]]:
    """Named subjects repeated by a pronoun: (the person, the match of "<time words> <pronoun> <verb>")."""
    lists = language_data(ctx.language or "").get("lists", {})
    if not lists:
        return
    text = ctx.text
    between = set(lists["time_words"])
    titles = set(lists["titles"])
    for person in (m for m in ctx.mentions if m.kind == "person"):
        sentence_start = next((a for a, b in ctx.sentences if a <= person.start <= b), 0)
        before = text[sentence_start : person.start].split()
        apposition = bool(before) and before[-1].endswith(",")  # "The Prime Minister, Pedro Sánchez, ..."
        before = [w.rstrip(",") for w in before]
        # The name opens its clause ("President Ilham Aliyev on Friday he ..."), or follows a title in a
        # run-on sentence ("... border area Azerbaijani President Ilham Aliyev on Friday he ..."); after
        # "With Umberto Eco she" or "telling Michael she" the pronoun is a new subject.
        opens = not before or all(w in titles or w in ("The", "the") for w in before) or before[-1] in titles
        # In apposition the title may be a common noun after a determiner: "Its president, Joachim Nagel, he".
        if apposition and not opens:
            opens = all(w in titles or w.capitalize() in titles or w in _DETERMINERS for w in before)
        if not opens:
            continue
        # Between the name and the pronoun: the comma closing an apposition, or a relative clause
        # ("Vladimir Putin, who spoke at the Council, he said").
        aside = r"(?:,\s+(?:who|which)\b[^,.;\n]{1,120},%s)?" % ("|," if apposition else "")
        m = regex.match(
            aside + r"((?:\s+[\w]+){0,3}?)\s+(he|she|they)\s+(\w+)\b(?!\s*,)", text[person.end : person.end + 200]
        )
        if m and all(w in between for w in m.group(1).split()):
            yield person, m


@register
class RunOnSentence(Rule):
    """Two sentences run together without a stop: "... in the border area Azerbaijani President Ilham Aliyev on
    Friday he threatened ...".

    Fires where a new clause visibly starts mid-sentence: a titled name that a pronoun then repeats (the
    pro-drop pattern of TC701), directly after a lower-case word that is not a preposition, article or
    reporting verb. Suggests a full stop before the title; unsafe.
    """

    code = "TC702"
    name = "run-on-sentence"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    must_fire = (
        Example(
            "Clashes continue in the border ⟦area Azerbaijani⟧ President Ilham Aliyev on Friday he threatened Armenia.",
            fixed="Clashes continue in the border area. Azerbaijani President Ilham Aliyev on Friday he threatened "
            "Armenia.",
            language="en",
        ),
    )
    must_not_fire = (
        Example("The talks were hosted by Azerbaijani President Ilham Aliyev on Friday.", language="en"),
        Example("President Ilham Aliyev on Friday he threatened Armenia.", language="en"),
        Example("Yesterday said Azerbaijani President Ilham Aliyev on Friday he would come.", language="en"),
        Example(
            "Talks resume on maritime borders\n\nTurkish President Recep Tayyip Erdogan on Monday he said so.",
            language="en",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        lists = language_data(ctx.language or "").get("lists", {})
        text = ctx.text
        glue = (
            set(lists.get("reporting_verbs", ()))
            | set(language_data("en")["function_words"]["words"])
            | {"by", "with", "for", "from", "to", "into", "about", "against", "between", "under", "over", "as", "than"}
        )
        titles = set(lists.get("titles", ()))
        for person, _ in _resumptive(ctx):
            words = list(regex.finditer(r"\S+", text[: person.start]))
            i = len(words)
            while i > 0 and words[i - 1].group() in titles:
                i -= 1
            if i == len(words) or i == 0:
                continue  # no title before the name, or nothing before the titles
            previous = words[i - 1]
            if not previous.group().isalpha() or not previous.group().islower() or previous.group() in glue:
                continue
            if "\n" in text[previous.end() : words[i].start()]:
                continue  # a headline without a stop, then the article
            title_start = words[i].start()
            yield self.finding(
                text,
                previous.start(),
                words[i].end(),
                "Two sentences run together: a new subject starts without a full stop",
                suggestion=f"{previous.group()}. {words[i].group()}",
                edits=(Edit(previous.end(), title_start, ". "),),
                title="Insert a full stop",
                confidence=0.6,
            )


#: Sentences shorter than this are never judged: names, short quotes and slogans mislead language ID.
UNTRANSLATED_MIN_CHARS = 50
UNTRANSLATED_MIN_PROBABILITY = 0.95
#: a sentence this rich in the document language's function words is in that language (English: 30-50%).
FUNCTION_WORD_SHARE = 0.2
_QUOTED = regex.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"")


@register
class UntranslatedSentence(Rule):
    """A sentence in another language than the document's, left untranslated.

    langdetect (seeded) on each sentence with at least 50 characters left once quotations, capitalised
    words (names) and glossary names are masked;
    fires when it is sure (probability >= 0.95) of a language other than the document's. Sentences
    with at least two of the document language's function words are skipped without running it.
    """

    code = "TC801"
    name = "untranslated-sentence"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    fix = Applicability.NONE
    must_fire = (
        Example(
            "The talks ended late on Friday after two days of negotiations in Vienna. "
            "⟦Il governo ha annunciato nuove misure per sostenere le famiglie e le imprese.⟧",
            language="en",
        ),
    )
    must_not_fire = (
        Example(
            "The talks ended late on Friday. Mr Dvořák said: “Ano.” The delegates went home after the "
            "meeting in Vienna.",
            language="en",
        ),
        Example(
            "The motto of the city, “Fluctuat nec mergitur”, is written on its coat of arms and flags.", language="en"
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        lang = ctx.language
        words = set(language_data(lang or "").get("function_words", {}).get("words", ()))
        if not lang or not words:
            return  # only target languages with a data file (English so far)
        from transclean.lang import sentence_language

        text = ctx.text
        for a, b in ctx.sentences:
            sentence = text[a:b].strip()
            if len(sentence) < UNTRANSLATED_MIN_CHARS:
                continue
            tokens = [t.lower() for t in regex.findall(r"\p{L}+", sentence)]
            if sum(t in words for t in tokens) >= max(2, FUNCTION_WORD_SHARE * len(tokens)):
                continue  # enough of the document language's function words ("in" is German too)
            masked = _QUOTED.sub(" ", sentence)  # quoted words are meant to stay in their language
            masked = regex.sub(r"\b\p{Lu}[\p{L}\p{M}'’.-]*", " ", masked)  # names say nothing of the language
            for m in ctx.matches:
                if a <= m.start and m.end <= b:
                    masked = masked.replace(m.text, " ")
            if len(masked.strip()) < UNTRANSLATED_MIN_CHARS:
                continue
            found, probability = sentence_language(masked)
            if found and found != lang and probability >= UNTRANSLATED_MIN_PROBABILITY:
                start = a + len(text[a:b]) - len(text[a:b].lstrip())
                yield self.finding(
                    text,
                    start,
                    start + len(sentence),
                    f"Sentence in {found!r} inside a {lang!r} document",
                    confidence=probability,
                )


#: A capitalised word this frequent in lower case opens a sentence rather than a name ("Later", "The").
COMMON_WORD_ZIPF = 4.5


def _spelling_key(form: str) -> str:
    """The form without hyphens, spaces and accents; case is kept ("LAURA" is emphasis, not a spelling)."""
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
    return regex.sub(r"[\s\-‐‑]+", "", bare)


_TRANSLITERATION_FOLDS = (("kh", "h"), ("ks", "x"), ("ph", "f"), ("ou", "u"), ("y", "i"), ("j", "i"), ("w", "v"))


def _transliteration_key(word: str) -> str:
    """A name with the usual differences of romanisation folded ("Zelenskyy" and "Zelensky", "Dmitry" and
    "Dmitri", "Aleksei" and "Alexei", "Harutyunyan" and "Harutiunian"); "Johnson" and "Johnston" differ.

    >>> _transliteration_key("Zelenskyy") == _transliteration_key("Zelensky")
    True
    """
    key = _spelling_key(word)  # case kept: "LeFroy" and "Lefroy" are not a romanisation
    for a, b in _TRANSLITERATION_FOLDS:
        key = key.replace(a, b)
    return regex.sub(r"(.)\1+", r"\1", key)


def _transliterations(ctx: Context) -> list[tuple[str, str]]:
    """Pairs of full names of persons that differ in one word by romanisation only ("Dmitry Peskov" and
    "Dmitri Peskov", "Araik Harutyunyan" and "Arayik Harutyunyan")."""
    forms = sorted({m.text for m in ctx.mentions if m.kind == "person" and m.concept is None and " " in m.text})
    pairs = []
    for i, a in enumerate(forms):
        for b in forms[i + 1 :]:
            wa, wb = a.split(), b.split()
            diff = [(x, y) for x, y in zip(wa, wb, strict=False) if x != y]
            if len(wa) != len(wb) or len(diff) != 1 or _spelling_key(a) == _spelling_key(b):
                continue
            if any(regex.fullmatch(r"[IVXLC]+", w) for w in diff[0]):
                continue  # "Charles I" and "Charles II"
            if _transliteration_key(diff[0][0]) == _transliteration_key(diff[0][1]):
                pairs.append((a, b))
    return pairs


#: how alike (difflib's ratio) two surnames of a glossary person must be to be spellings of one name.
SURNAME_SIMILARITY = 0.75


@lru_cache(maxsize=8)
def _surname_variants(glossary: Glossary, lang: str) -> dict[str, tuple[str, str]]:
    """Surnames a glossary spells several ways ("Zelensky", "Zelenskyy"): variant -> (concept id, preferred).
    Built once per glossary and language, not per document."""
    from difflib import SequenceMatcher

    out: dict[str, tuple[str, str]] = {}
    for concept in glossary.concepts:
        forms = concept.terms.get(lang, ())
        last = [f.split()[-1] for f in forms if len(f.split()) > 1]
        if concept.type != "person" or not last:
            continue
        # spellings of one surname, not other parts of the name ("Tedros Adhanom Ghebreyesus|Tedros Adhanom")
        same = [w for w in dict.fromkeys(last) if SequenceMatcher(None, w, last[0]).ratio() >= SURNAME_SIMILARITY]
        if len(same) > 1:
            out.update((word, (concept.id, last[0])) for word in same)
    return out


@register
class InconsistentSpelling(Rule):
    """One name spelt two ways in a document ("Nagorno-Karabakh" and "Nagorno Karabakh"), no glossary needed.

    Capitalised names that differ only by hyphens, spaces or accents are grouped, and so are the surnames
    a glossary spells several ways ("Zelensky", "Zelenskyy"), and full names that differ in one word by
    romanisation only ("Sergei"/"Sergey Kovalenko"). The minority spellings are flagged with the majority
    one as suggestion: a surname in a full name counts for the surname alone, a tie goes to the accented
    spelling, and the glossary's preferred form wins where a glossary knows the name (TC901 for whole
    names). Unsafe: both spellings may be legitimate.
    """

    code = "TC903"
    name = "inconsistent-spelling"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    must_fire = (
        Example(
            "Talks on Trans-Dniestria resumed. ⟦Trans Dniestria⟧ is a breakaway region. Trans-Dniestria "
            "has its own currency."
        ),
        Example("⟦Jose Mourinho⟧ arrived. Later José Mourinho spoke. José Mourinho left."),
        Example("President Volodymyr Zelensky spoke on Monday. Later ⟦Zelenskyy⟧ thanked the allies.", language="en"),
        Example("Pedro Sánchez spoke first. ⟦Sanchez⟧ left early. Sánchez will travel on Monday."),
        Example(
            "Sergei Kovalenko said the talks had stalled. Later ⟦Sergey Kovalenko⟧ added that Sergei Kovalenko had "
            "not been invited.",
            language="en",
        ),
    )
    must_not_fire = (
        Example("New York and York are different cities."),
        Example("Nagorno-Karabakh and Karabakh are not the same area."),
        Example("Tedros Adhanom Ghebreyesus spoke in Geneva. Tedros Adhanom thanked the donors.", language="en"),
        Example("Maria Rossi met Mario Rossi in Rome.", language="en"),
        Example("Peter Johnson met Peter Johnston in Leeds.", language="en"),
        Example("Charles I was the father of Charles II.", language="en"),
    )
    known_false_positives = (
        Example("Saint-Denis is near Paris. ⟦Saint Denis⟧ was a bishop. Saint-Denis has a basilica."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        glossary_spans = {(m.start, m.end) for m in ctx.matches}
        glossary_spans |= {(m.end - len(m.text.split()[-1]), m.end) for m in ctx.matches}  # their surnames
        groups: dict[str, list[tuple[int, int, str]]] = {}
        tails: Counter[str] = Counter()
        from transclean.lexicon import zipf

        for m in regex.finditer(r"\p{Lu}[\p{L}\p{M}]+(?:(?:[ \-‐‑])\p{Lu}[\p{L}\p{M}]+){0,3}", text):
            start, form = m.start(), m.group()
            first = regex.match(r"\p{L}+ ", form)
            if first and zipf(first.group().strip().lower(), ctx.language or "en") >= COMMON_WORD_ZIPF:
                start, form = start + first.end(), form[first.end() :]  # "Later José Mourinho"
            groups.setdefault(_spelling_key(form), []).append((start, start + len(form), form))
            if " " in form:  # "Pedro Sánchez" votes for the spelling of a lone "Sánchez"
                tails[form.rsplit(" ", 1)[1]] += 1
        surnames = _surname_variants(ctx.glossary, ctx.language or "en")
        in_person_groups = set()
        for m in regex.finditer(r"\b\p{Lu}[\p{L}\p{M}]+\b", text) if surnames else ():
            if m.group() in surnames:
                concept_id, _ = surnames[m.group()]
                groups.setdefault(f"person:{concept_id}", []).append((m.start(), m.end(), m.group()))
                in_person_groups.add(m.start())
        for i, (a, b) in enumerate(_transliterations(ctx)):
            groups[f"variant:{i}"] = [(m.start, m.end, m.text) for m in ctx.mentions if m.text in (a, b)]
        for key, spans in groups.items():
            counts = Counter(form for _, _, form in spans)
            if len(counts) < 2:
                continue
            if not key.startswith("person:") and any(start in in_person_groups for start, _, _ in spans):
                continue  # the glossary's surname group decides ("Erdogan", "Erdoğan")
            votes = counts + Counter({form: tails[form] for form in counts})
            # The most used spelling; in a tie the one with more accents (scrapers and translation systems
            # drop accents, they do not add them), then the first used.
            first_use = {form: -i for i, (_, _, form) in reversed(list(enumerate(spans)))}
            top = max(votes, key=lambda f: (votes[f], sum(not c.isascii() for c in f), first_use[f]))
            if key.startswith("person:") and surnames[top][1] in counts:
                top = surnames[top][1]  # the glossary's preferred surname, when the document uses it
            for start, end, form in spans:
                if form != top and (start, end) not in glossary_spans:
                    yield self.finding(
                        text,
                        start,
                        end,
                        f"{form!r} is spelt {top!r} elsewhere in the document",
                        suggestion=top,
                        title=f"Use {top!r}",
                        confidence=0.6,
                    )
