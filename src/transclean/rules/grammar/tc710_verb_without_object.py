"""TC710: verb-without-object."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from transclean.analysis.inflection import english_forms
from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation

# The three words before a verb, read back from it: a passive marker among them makes it a participle.
_BEFORE = regex.compile(r"(?r)(?:[\p{L}'’]+[ \t]+){1,3}\Z")


@cache
def _pattern(lang: str) -> regex.Pattern[str] | None:
    """A lower-case verb of `object_verbs` or `no_that_verbs`, the word it may not take directly ("that",
    "for") and the word after that, on one line."""
    grammar = language_data(lang).get("grammar", {})
    verbs = {verb for forms in grammar.get("object_verbs", {}).values() for verb in forms}
    verbs |= set(grammar.get("no_that_verbs", ())) | set(grammar.get("active_object_verbs", ()))
    if not verbs:
        return None
    joiners = {*grammar.get("object_verbs", {}), "that"}
    joined = alternation(joiners)
    verb = alternation(verbs)
    # Opens at the joiner and reads the verb back in a lookbehind: 2x faster than opening at every word.
    return regex.compile(
        rf"[ \t](?<joiner>{joined})[ \t]+(?<=(?<![\p{{L}}\p{{N}}'’-])"
        rf"(?<verb>{verb})[ \t]+(?:{joined})[ \t]+)(?<next>[\p{{L}}'’]+)"
    )


@register
class VerbWithoutObject(Rule):
    """A verb that needs an object run straight into its clause: "Kamal told that the police", "caused that Poland is".

    ## What it finds
    A verb that needs a person as its object, directly followed by what comes after the object: "told
    that the police will act" (told them that), "would like to thank for the efforts" (thank you for),
    "the ministry informed that", "reminded that", "has instructed to complete", "this allowed to reduce"
    (allowed us to reduce), and right after "and", "have" or a subject pronoun "and ordered to collect",
    "he urged to vote" (headlines write "Court ordered to pay" for a passive, so only these are judged);
    and a verb that takes no that-clause followed by one:
    "caused that Poland is safer" (made Poland safer), "wants that the court decides". Not judged after a
    form of "be" or "get" within three words ("was told that", "got reminded that") or "feel", "rest",
    "seem" (adjectives), nor when the word after "that" opens no clause ("told that story"). The verbs
    are per-language data (`[grammar] object_verbs`, `active_object_verbs`, `active_markers`, `no_that_verbs`,
    `passive_markers`, `clause_openers`).

    ## Why it matters
    Russian, Polish, Czech, Bengali and Turkish let these verbs stand without an object or take a
    that-clause ("сказал, что", "spowodowały, że"); their machine translation keeps the frame, which
    English does not allow.

    ## Fix safety
    None: the missing object ("them", "you", "the public") is not in the text.
    """

    code = "TC710"
    name = "verb-without-object"
    category = Category.GRAMMAR
    severity = Severity.MINOR
    fix = Applicability.NONE
    languages = ("en",)
    trigger = Trigger(strings=(" that ", " for ", " to "))
    must_fire = (
        Example("The minister ⟦told that⟧ the police will soon arrest them.", language="en"),
        Example("I would like to ⟦thank for⟧ the efforts of the minister.", language="en"),
        Example("Two years of work ⟦caused that⟧ Poland is safer.", language="en"),
        Example("The minister has ⟦instructed to⟧ complete the projects.", language="en"),
        Example("The court convicted him and ⟦ordered to⟧ collect 115 billion won from him.", language="en"),
    )
    must_not_fire = (
        Example("He was told that the police will act, and he told them that he agreed.", language="en"),
        Example("She told that story often; we feel assured that he will come.", language="en"),
        Example("They thanked him for the efforts and were thanked for theirs.", language="en"),
        Example("The storm caused damage; that caused the delay they wanted.", language="en"),
        Example("Women were allowed to vote; he instructed them to go and enabled to the public.", language="en"),
        Example("Court ordered to pay. Workers urged to stay home. The guards whom he orders to leave.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.language not in self.languages or (pattern := _pattern(ctx.language)) is None:
            return
        grammar = language_data(ctx.language)["grammar"]
        object_verbs: dict[str, list[str]] = grammar.get("object_verbs", {})
        no_that = frozenset(grammar.get("no_that_verbs", ()))
        passive = frozenset(grammar.get("passive_markers", ()))
        openers = frozenset(grammar.get("clause_openers", ()))
        active_only = frozenset(grammar.get("active_object_verbs", ()))
        active = frozenset(grammar.get("active_markers", ()))
        forms = english_forms()
        text = ctx.text
        for m in pattern.finditer(text):
            verb, joiner, after = m.group("verb"), m.group("joiner"), m.group("next")
            needs_object = verb in object_verbs.get(joiner, ()) or (joiner == "to" and verb in active_only)
            if not needs_object and not (joiner == "that" and verb in no_that):
                continue
            if joiner == "that" and after.lower() not in openers and not after[0].isupper():
                continue  # "told that story": "that" is a determiner
            if joiner == "to" and after not in forms.verb:
                continue  # "allowed to Paris", "enabled to the public": "to" is a preposition
            start = m.start("verb")
            if text[max(0, start - 2) : start].startswith(","):
                continue  # "Residents, told that the water ...": a participle clause
            before = _BEFORE.search(text, max(0, start - 40), start)
            words = before.group().lower().split() if before is not None else []
            if passive.intersection(words):
                continue
            if verb in active_only and (not words or words[-1] not in active or "whom" in words):
                continue  # "Court ordered to pay": a headline's passive; "whom he orders to leave"
            problem = (
                f"{verb!r} needs its object before {joiner!r}"
                if needs_object
                else f"{verb!r} takes no that-clause: an object and 'to' are expected"
            )
            yield self.finding(text, m.start("verb"), m.end("joiner"), problem, confidence=0.6)
