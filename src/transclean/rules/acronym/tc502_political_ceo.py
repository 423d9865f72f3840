"""TC502: political-ceo."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from transclean.context import Context
from transclean.langdata import language_data
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register

#: "CEO" alone (not "CEOs", "CEO-level"), as a word of its own.
_CEO = regex.compile(r"(?<![\w-])CEO(?![\w-])")
#: a person's name right after the title: "CEO Lee Jae-myung".
_NAME_AFTER = regex.compile(r"\s+\p{Lu}[\p{Ll}\p{M}'’-]+")
#: the words of the title's noun phrase before it, back to a clause boundary: "the current NATO CEO".
_BEFORE = regex.compile(r"[\p{L}\p{M}'’.-]+")


@lru_cache(maxsize=8)
def _words(lang: str) -> tuple[dict[str, str], regex.Pattern[str] | None, regex.Pattern[str] | None]:
    """The language's political bodies (word -> the English title of their head), the pattern of what
    shows a text to be about a party and the pattern of company words, compiled once."""
    data = language_data(lang).get("political_ceo", {})
    bodies: dict[str, str] = data.get("bodies", {})
    party = regex.compile(data["party"]) if data.get("party") else None
    company = data.get("company_words", [])
    business = regex.compile(r"\b(?:" + "|".join(map(regex.escape, company)) + r")\b", regex.I) if company else None
    return bodies, party, business


@register
class PoliticalCeo(Rule):
    """ "CEO" for the head of a party, an alliance or a state body: "NATO CEO", "CEO Lee" of a party.

    ## What it finds
    "CEO" (chief executive officer, the head of a company) where the text makes it the head of a political
    body: a body named in its own noun phrase ("the current NATO CEO", "the party's CEO"), or a person
    named right after it ("CEO Lee said") in a text about a political party (it names one, "the Democratic
    Party", or speaks of "the party" twice) that says nothing of a company, a firm, shares or a business.
    Machine translation turns Korean 대표 (a party's leader) and Dutch "topman" into "CEO". The bodies,
    the title their head has in English, the shape of a party's name and the company words are data
    (``[political_ceo]`` in the language file). A capitalised word right before "CEO" ("Tesla CEO Name")
    names a company and keeps the rule silent.

    ## Why it matters
    The reader takes the party leader or the Secretary General for a company's manager: the title is
    wrong, and a text that has no company in it gets one.

    ## Fix safety
    Unsafe: the right title (leader, chairman, Secretary General) depends on the body; the suggestion is
    the usual one.
    """

    code = "TC502"
    name = "political-ceo"
    category = Category.ACRONYM
    severity = Severity.MINOR
    fix = Applicability.UNSAFE
    languages = ("en",)
    trigger = Trigger(strings=("CEO",))
    must_fire = (
        Example("Rutte recalled the call: the current NATO ⟦CEO⟧, Jens Stoltenberg, asked him to stay.", language="en"),
        Example(
            "There are two letters that ⟦CEO⟧ Lee Jae-myung could not say. The Democratic Party held a rally.",
            language="en",
        ),
        Example("The party's ⟦CEO⟧ resigned after the election defeat.", language="en"),
        Example("Song chairs the Democratic Party. He was elected in Incheon. ⟦CEO⟧ Song said so.", language="en"),
    )
    must_not_fire = (
        Example("Tesla CEO Elon Musk met the Democratic Party's leader.", language="en"),
        Example("CEO Mary Barra said the company would cut jobs; the Labour Party criticised the plan.", language="en"),
        Example("The CEO of the alliance's supplier, Airbus, spoke in Brussels.", language="en"),
        Example("CEO Jane Roe said the bank would open a branch in Seoul.", language="en"),
        Example("Apple CEO Tim Cook met the Democratic Party's leaders.", language="en"),
        Example("CEOs of the largest banks met the minister.", language="en"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        bodies, party, business = _words(ctx.language or "en")
        if not bodies or (business is not None and business.search(text)):
            return  # a text about a company: its CEO is one
        about_party = party is not None and party.search(text) is not None
        seen: set[str] = set()
        for m in _CEO.finditer(text):
            body = _body_before(text, m.start(), bodies)
            after = _NAME_AFTER.match(text, m.end())
            if body is not None:
                key, title = body, bodies[body]
            elif after is not None and about_party and not _modified(text, m.start()):
                key, title = after.group().strip(), "leader"
            else:
                continue
            if key in seen:  # once per body or person: the same title again adds nothing
                continue
            seen.add(key)
            yield self.finding(
                text,
                m.start(),
                m.end(),
                f"'CEO' for the head of a political body ({key}): a company's title",
                suggestion=title,
                title=f"Use {title!r}",
                confidence=0.7,
            )


def _modified(text: str, start: int) -> bool:
    """Whether a capitalised word stands right before "CEO" in its phrase ("Tesla CEO Elon Musk"): the
    title of a named company's head."""
    # ending in a letter: "... in Incheon. CEO Song" closes a sentence, it does not name a company
    before = regex.search(r"\p{Lu}[\p{L}\p{M}&'’.-]*[\p{L}\p{M}]\s+$", text[max(0, start - 40) : start])
    return before is not None


def _body_before(text: str, start: int, bodies: dict[str, str]) -> str | None:
    """The political body named in the title's own noun phrase: up to three words before "CEO", back to
    punctuation or a line break ("the current NATO CEO", "the party's CEO"); None when there is none."""
    lo = max(0, start - 60)
    clause = regex.split(r"[,;:.!?()\[\]\"“”\n]", text[lo:start])[-1]
    for word in _BEFORE.findall(clause)[-3:]:
        word = regex.sub(r"['’]s$", "", word)
        if word in bodies:
            return word
        if word.lower() in bodies:
            return word.lower()
    return None
