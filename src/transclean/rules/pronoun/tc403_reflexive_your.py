"""TC403: reflexive-your."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.analysis.sentences import in_quotes, sentence_index
from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

_WORD = regex.compile(r"\p{L}+")
#: what may stand before a named subject in its sentence: nothing, an opening clause ending in a comma
#: ("On Monday, Anna Berg ..."), or capitalised title words ("Prime Minister Anna Berg").
_BEFORE_NAME = regex.compile(r"(?:[^,]*,)?\s*(?:\p{Lu}[\p{L}.-]*\s+)*", regex.DOTALL)
#: what follows a named subject: its verb, a lower-case word ("Anna Berg announced"; not "Brave, DuckDuckGo").
_VERB_AFTER_NAME = regex.compile(r"\s+\p{Ll}")


@register
class ReflexiveYour(Rule):
    """ "your" for the third person's own, from a Slavic reflexive: "He wrote on your Facebook page".

    ## What it finds
    A lower-case "your" outside quotation marks whose sentence has a third-person subject before it ("he",
    "she", "they" or a person's name), in narrative where no one is addressed: no word of the first or second
    person ("you", "I", "we", "please" ...) in the sentence, the one before or the one after, and no form
    of address after it ("your Excellency", "your correspondent"). Suggests "his", "her" or "their" after
    the subject. The words are data (``[reflexive_possessive]`` in the language file).

    ## Why it matters
    Russian, Ukrainian, Polish, Czech and the other Slavic languages have one reflexive possessive (svoy,
    swój, svůj) for every person; machine translation often renders it "your", which turns the reader into
    the owner of the politician's page or speech.

    ## Fix safety
    Unsafe: which of "his", "her" or "their" fits depends on the subject; the suggestion follows the
    nearest one.
    """

    code = "TC403"
    name = "reflexive-your"
    category = Category.PRONOUN
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    trigger = Trigger(strings=("your",))
    must_fire = (
        Example("He wrote about this on ⟦your⟧ Facebook page on September 24.", language="en"),
        Example("The ministers said they would defend ⟦your⟧ decision in parliament.", language="en"),
        Example("Anna Berg announced ⟦your⟧ resignation on Monday.", language="en"),
    )
    must_not_fire = (
        Example("He said: “We are grateful for your heroism.”", language="en"),
        Example("He told readers that they can keep your data safe if you use a private browser.", language="en"),
        Example("Please enter your comment. He wrote on Monday.", language="en"),
        Example("He thanked your Excellency for the invitation.", language="en"),
        Example("The worst date of your life.", language="en"),
        Example("She starred in ``Love your neighbour'' in 1998.", language="en"),
        Example("Did he really take your seat?", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        data = language_data(ctx.language or "").get("reflexive_possessive")
        if not data:
            return
        text = ctx.text
        subjects: dict[str, str] = data["subjects"]
        addressed = frozenset(data["addressed"])
        telling = frozenset(data["telling_verbs"])
        address_words = frozenset(data["address_words"])
        spans = ctx.sentences
        for m in regex.finditer(rf"\b{data['possessive']}\b", text):
            start, end = m.span()
            if in_quotes(ctx, start):
                continue
            after = _WORD.match(text, end + 1)
            if after is not None and after.group() in address_words:
                continue
            i = sentence_index(ctx, start)
            a, b = spans[i]
            if text[a:b].rstrip().endswith("?"):
                continue  # a question may be put to someone
            found = self._owner(ctx, a, start, subjects)
            if found is None:
                continue
            at, owner = found
            if any(w.group().lower() in telling for w in _WORD.finditer(text, at, start)):
                continue  # "told the bishops to be fathers to your priests": what was said to them
            # Someone speaks or is addressed near it: "your" may be meant.
            lo, hi = spans[max(0, i - 1)][0], spans[min(len(spans) - 1, i + 1)][1]
            if any(w.start() != start and w.group().lower() in addressed for w in _WORD.finditer(text, lo, hi)):
                continue
            yield self.finding(
                text,
                start,
                end,
                f"{m.group()!r} in third-person narrative stands for the subject's own (a reflexive possessive "
                f"of the source language): {owner!r} is meant",
                suggestion=owner,
                title=f"Use {owner!r}",
                confidence=0.7,
            )

    @staticmethod
    def _owner(ctx: Context, a: int, start: int, subjects: dict[str, str]) -> tuple[int, str] | None:
        """Where the nearest third-person subject between the sentence start ``a`` and ``start`` stands and
        its possessive: a subject pronoun outside quotations, or a person named as the sentence's subject
        (opening it, after titles or an opening clause, a lower-case word after it; a name after a verb
        is an object: "Use browsers such as Brave to keep your data"). None when there is none."""
        text = ctx.text
        best: tuple[int, str] | None = None
        for w in _WORD.finditer(text, a, start):
            word = w.group().lower()
            if word in subjects and not in_quotes(ctx, w.start()):
                best = (w.start(), subjects[word])
        for p in ctx.mentions_starting(a, start - 1):
            if (
                p.kind == "person"
                and p.end <= start
                and (best is None or p.start > best[0])
                and _BEFORE_NAME.fullmatch(text, a, p.start)
                and _VERB_AFTER_NAME.match(text, p.end)
            ):
                gender = {"male": "his", "female": "her"}.get(p.gender or "", "his or her")
                best = (p.start, gender)
        return best
