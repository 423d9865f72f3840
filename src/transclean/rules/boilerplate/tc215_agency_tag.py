"""TC215: agency-tag."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from transclean.analysis.chrome import all_languages, press_words
from transclean.context import Context
from transclean.model import Applicability, Category, Edit, Finding, Severity
from transclean.rules.base import Example, Rule, Trigger, register
from transclean.text import alternation

#: an agency's tag after the last sentence: "... results./Nova", "... results. (ANSA)", or "/BTA" alone; or
#: the reporter's initials and surname in brackets: "... results. (M. Khadafi)"; an outlet's name of two or
#: three capitalised words, one an outlet word of `[chrome] press_words` ("(Fox News)", "(Kyodo News)"). The
#: agency and the outlet may stand in square brackets too ("[AMNA]", "[InTime News]").
_TAG = regex.compile(
    r"(?:(?<=[.!?…\"”»])|^)[ \t]*"
    r"(?:/[ \t]*\p{Lu}[\p{L}.]{1,19}|\(\p{Lu}{2,10}\)|\[\p{Lu}{2,10}\]|\((?:\p{Lu}\.[ \t]?){1,3}\p{Lu}\p{Ll}+\)"
    r"|(?:\((?P<outlet>\p{Lu}[\p{L}&]*(?:[ \t]\p{Lu}[\p{L}&]*){1,2})\))"
    r"|(?:\[(?P<boxed>\p{Lu}[\p{L}&]*(?:[ \t]\p{Lu}[\p{L}&]*){1,2})\]))[ \t]*$",
    regex.MULTILINE,
)

#: an agency's or outlet's sign-off after a dash, ending the paragraph: "... today. -Bernama", "... it said.
#: – Bernama", "... economy.— DawnNewsTV", "... Asia-Pacific. — BERNAMA": one or two capitalised words after
#: a full stop (after a closing quote, "... world.” — Gandhi" attributes an epigraph, which is content).
_DASH_TAG = regex.compile(r"(?<=[.!?])[ \t]*[-–—]{1,2}[ \t]?\p{Lu}\p{L}{1,19}(?:[ \t]\p{Lu}\p{L}{1,19})?[ \t]*$")
#: a live ticker's label and an agency's capitals in brackets opening a paragraph: 'LIVE (ANSA) "I firmly ...',
#: "Breaking news (AFP) - The ...": the label of a `[chrome] live_labels` table, then the tag, then the sentence.
#: Without the label, "(Reuters) The minister ..." is a wire report's own opening, which stays.
_LIVE_TAG = regex.compile(
    r"[ \t]*(?i:" + alternation(all_languages("live_labels"), escape=True) + r")[ \t]*\(\p{Lu}{2,10}\)[ \t]*"
    r"(?:[-–—:][ \t]*)?(?=[\"“«„\p{Lu}])"
)
#: how far from a line's end the dash of a sign-off can stand
_DASH_TAIL = 48


@register
class AgencyTag(Rule):
    """A news agency's tag after the last sentence of a paragraph: "... results./Nova", "... results. (ANSA)".

    ## What it finds
    After a paragraph's final stop (or alone on a line), a slash and a capitalised name ("/Nova", "/BTA"),
    an agency's capitals in brackets ("(ANSA)", "(AFP)"), a reporter's initials and surname in brackets
    ("(M. Khadafi)") or an outlet's name in brackets ("(Fox News)": two or three capitalised words, one
    of them an outlet word of a `[chrome] press_words` table), the agency and the outlet in square brackets
    too ("[AMNA]", "[InTime News]"); after a full stop, one or two capitalised
    words behind a dash end the paragraph ("... it said. – Bernama", "... economy.— DawnNewsTV"). Before a
    paragraph, an agency's capitals in brackets after a live ticker's label (`[chrome] live_labels` of any
    language: "LIVE (ANSA) "I firmly ...", "Breaking news (AFP) - The ...").

    ## Why it matters
    The tag credits the agency the site took the story from; it is not part of the sentence it is glued to
    and a translation engine treats it as one more word of it.

    ## Fix safety
    Safe: the tag sits after the sentence's stop, or before the sentence's first word, so removing it leaves
    the sentence whole.
    """

    code = "TC215"
    name = "agency-tag"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    languages: ClassVar[tuple[str, ...]] = ()  # any language: the shape is a slash or capitals in brackets
    must_fire = (
        Example("People are expecting results.⟦/Nova⟧\n", fixed="People are expecting results.\n"),
        Example("People are expecting results. ⟦(ANSA)⟧\n", fixed="People are expecting results.\n"),
        Example("People are expecting results.\n\n⟦/Nova⟧\n", fixed="People are expecting results.\n\n\n"),
        Example("People are expecting results. ⟦(M. Khadafi)⟧\n", fixed="People are expecting results.\n"),
        Example("The government has not explained it. ⟦(Fox News)⟧\n", fixed="The government has not explained it.\n"),
        Example("The assembly recited the pledge. ⟦-Bernama⟧\n", fixed="The assembly recited the pledge.\n"),
        Example("Church Diplomacy\n⟦[AMNA]⟧\nNEWS\n", fixed="Church Diplomacy\n\nNEWS\n"),
        Example("The report is due next week.⟦— BERNAMA⟧\n\nNext", fixed="The report is due next week.\n\nNext"),
        Example(
            'Headline\n⟦LIVE (ANSA)⟧ "I believe in mayors," she said.',
            fixed='Headline\n"I believe in mayors," she said.',
        ),
    )
    must_not_fire = (
        Example("The rate rose to 5 km/h in the night."),
        Example("He joined the North Atlantic Treaty Organization (NATO)."),
        Example("The score was 2/3 of the vote."),
        Example("He thanked the party. (Labour Party)\n"),
        Example("He was quoted in the paper. [Translated]\n"),
        Example("“Be the change you wish to see in the world.” — Gandhi\n"),
        Example("The minister left. – The talks went on until late in the night.\n"),
        Example("(Reuters) The minister spoke on Tuesday.\n"),
        Example("Live (and work) in Rome: a guide.\n"),
    )
    trigger = Trigger(strings=("/", "(", "[", "-", "–", "—"))  # "/Nova", "(ANSA)", "[AMNA]", "-Bernama"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for line in ctx.chrome_lines:
            live = _LIVE_TAG.match(line.text) if "(" in line.text else None
            if live is not None:
                lead = line.start + len(live[0]) - len(live[0].lstrip())
                yield self.finding(
                    text,
                    lead,
                    line.start + len(live[0].rstrip(" \t-–—:")),
                    f"Live ticker's tag {live[0].strip(' -–—:')!r} before the paragraph",
                    suggestion="",
                    edits=(Edit(lead, line.start + live.end(), ""),),
                    title="Remove the tag",
                    confidence=0.8,
                )
            tail = max(0, len(line.text) - _DASH_TAIL)
            dash = _DASH_TAG.search(line.text, tail) if line.tokens > 1 and _has_dash(line.text, tail) else None
            if dash is not None:
                lead = line.start + dash.start() + len(dash[0]) - len(dash[0].lstrip())
                yield self.finding(
                    text,
                    lead,
                    line.start + dash.start() + len(dash[0].rstrip()),
                    f"Agency sign-off {dash[0].strip()!r} after the last sentence",
                    suggestion="",
                    edits=(Edit(line.start + dash.start(), line.start + dash.end(), ""),),
                    title="Remove the sign-off",
                    confidence=0.8,
                )
        if not any(_may_end_in_tag(line.text) for line in ctx.chrome_lines):
            return  # the pattern's lookbehind is tried at every character of the text: asked only when needed
        for m in _TAG.finditer(text):
            outlet = m["outlet"] or m["boxed"]
            if not m[0].strip() or (outlet and not press_words(outlet)):
                continue
            lead = m.start() + len(m[0]) - len(m[0].lstrip())
            yield self.finding(
                text,
                lead,
                m.start() + len(m[0].rstrip()),
                f"Agency tag {m[0].strip()!r} after the last sentence",
                suggestion="",
                edits=(Edit(m.start(), m.end(), ""),),
                title="Remove the tag",
                confidence=0.8,
            )


#: the most letters and dots a tag's name has after its slash ("/Nova")
_NAME_MAX = 20


def _has_dash(line: str, start: int) -> bool:
    """Whether ``line[start:]`` holds a hyphen or dash, as every sign-off does."""
    return "-" in line[start:] or "–" in line[start:] or "—" in line[start:]


def _may_end_in_tag(line: str) -> bool:
    """Whether ``line`` ends as a match of ``_TAG`` does: in a closing bracket (round or square), or in a
    slash followed by at most ``_NAME_MAX`` characters (spaces and tabs aside)."""
    tail = line.rstrip(" \t")
    if tail.endswith((")", "]")):
        return True
    slash = tail.rfind("/")
    return slash >= 0 and len(tail[slash + 1 :].lstrip(" \t")) <= _NAME_MAX
