"""TC204 template-line: a line that a site prints under most of its articles, learnt from the corpus."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from transclean.context import Context
from transclean.corpus.profile import line_hash
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: A line is a template when it is in at least this share of its group's documents... (bench_profile: on the
#: synthetic sites, template lines sit in 60-100% of a site's documents and the most repeated content line
#: in under 15%; 0.3 keeps a wide margin on both sides.)
MIN_SHARE = 0.3
#: ...and in at least this many of them: a line in 3 of a 4-article site proves nothing.
MIN_DOCUMENTS = 5
#: Quoted speech: a quotation of three words or more between quotation marks. Articles repeat quotations;
#: templates do not quote anyone.
_MARKS = '"“”„«»‹›「」『』'  # not ‘ ’: they are also apostrophes ("don’t", "it’s")
_QUOTATION = regex.compile(f"[{_MARKS}][^{_MARKS}\\n]*?(?:\\w+\\W+){{2,}}\\w+[^{_MARKS}\\n]*?[{_MARKS}]")
#: A long sentence: this many words or more before a sentence end. Templates are short (0.2% of the 2,966
#: boilerplate snippets of the trafilatura benchmark reach 20 words); a long sentence is article prose.
LONG_SENTENCE_WORDS = 25
_SENTENCE_END = regex.compile(r"[.!?…。](?:[\"'”’»)\]]*)(?:\s|$)")


def content_signal(line: str) -> str | None:
    """What marks ``line`` as article content however often a site repeats it: "quotation" or "long
    sentence"; None when nothing does.

    >>> content_signal('He said: "We will not give up the port."')
    'quotation'
    >>> content_signal("Follow us on Telegram for the latest news.") is None
    True
    """
    if _QUOTATION.search(line):
        return "quotation"
    if len(line.split()) >= LONG_SENTENCE_WORDS and _SENTENCE_END.search(line):
        return "long sentence"
    return None


@register
class TemplateLine(Rule):
    """A line a site prints under most of its articles ("Follow us on Telegram"), found in the corpus profile.

    ## What it finds
    With a corpus profile (``transclean clean`` learns one; ``--corpus-profile`` reads it), a line whose
    normalised form is in at least 30% of its group's (site's) documents, and in at least 5 of them, unless
    it carries a content signal: a quotation, or a sentence of 25 words or more. Without a profile the rule
    finds nothing.

    ## Why it matters
    "© 2024 ... All rights reserved." or "Subscribe to our newsletter" are in every article of a site and in
    no label list; left in, every document of the site carries them.

    ## Fix safety
    Safe: the line is the site's, not the article's; a quotation or a sentence that a few articles share
    stays.
    """

    code = "TC204"
    name = "template-line"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    fix = Applicability.SAFE
    example_corpus = tuple(
        f"The {topic} council met.\n"
        'The mayor said: "We will not give up the port."\n'
        "Follow us on Telegram.\n© 2024 Example News. All rights reserved."
        for topic in ("city", "harbour", "school", "water", "transport", "budget")
    )
    must_fire = (
        Example(
            "The talks resumed.\n⟦Follow us on Telegram.⟧\n⟦© 2025 Example News. All rights reserved.⟧",
            fixed="The talks resumed.",
        ),
    )
    must_not_fire = (
        Example('The talks resumed.\nThe mayor said: "We will not give up the port."'),
        Example("The school council met.\nFollow us on Telegram for the results."),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        profile = ctx.corpus_profile
        if profile is None:
            return
        group = ctx.document.metadata.get("group")
        templates = profile.template_lines(group if isinstance(group, str) else None, MIN_SHARE, MIN_DOCUMENTS)
        if not templates:
            return
        text = ctx.text
        for start, line in ctx.lines:
            if line_hash(line) not in templates or content_signal(line):
                continue
            yield self.line_removal(
                text, start, start + len(line), "Site template line (in most of this site's documents)",
                title="Remove the template line",
            )  # fmt: skip
