"""TC701: resumptive-pronoun."""

from __future__ import annotations

from collections.abc import Iterator

from transclean.analysis.clauses import resumptive
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, register


@register
class ResumptivePronoun(Rule):
    """A subject repeated by a pronoun, left by a pro-drop source: "President Ilham Aliyev on Friday he threatened".

    ## What it finds
    A named person opening a clause followed, within a few time words ("on Friday", "yesterday") and no
    comma, by a subject pronoun and a verb ("Aliyev, he said, ..." is correct).

    ## Why it matters
    Pro-drop source languages repeat the subject where English must not; the sentence reads broken.

    ## Fix safety
    Unsafe: the fix drops the pronoun, and the sentence may need rewriting.
    """

    code = "TC701"
    name = "resumptive-pronoun"
    category = Category.GRAMMAR
    severity = Severity.MAJOR
    fix = Applicability.UNSAFE
    languages = ("en",)
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
        for person, m in resumptive(ctx):
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
