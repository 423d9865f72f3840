"""TC903: inconsistent-spelling."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import regex

from transclean.analysis.spelling import spelling_key, surname_variants, transliterations
from transclean.context import Context
from transclean.corpus.profile import clear_spelling
from transclean.model import Applicability, Category, Finding, Severity
from transclean.rules.base import Example, Rule, register

#: A capitalised word this frequent in lower case opens a sentence rather than a name ("Later", "The").
COMMON_WORD_ZIPF = 4.5

#: up to four capitalised words, joined by spaces or hyphens: the forms compared ("Nagorno-Karabakh").
_NAME_RUN = regex.compile(r"\p{Lu}[\p{L}\p{M}]+(?:(?:[ \-‐‑])\p{Lu}[\p{L}\p{M}]+){0,3}")
_FIRST_WORD = regex.compile(r"\p{L}+ ")
_CAPITALISED_WORD = regex.compile(r"\b\p{Lu}[\p{L}\p{M}]+\b")


@register
class InconsistentSpelling(Rule):
    """One name spelt two ways in a document ("Nagorno-Karabakh" and "Nagorno Karabakh"), no glossary needed.

    ## What it finds
    Capitalised names that differ only by hyphens, spaces or accents are grouped, and so are the surnames
    a glossary spells several ways ("Zelensky", "Zelenskyy"), and full names that differ in one word by
    romanisation only ("Sergei"/"Sergey Kovalenko"). The minority spellings are flagged with the majority
    one as suggestion: a surname in a full name counts for the surname alone, a tie goes to the accented
    spelling, the glossary's preferred form wins where a glossary knows the name (TC901 for whole names),
    and with a corpus profile the spelling the corpus clearly uses (90% of its intact mentions) wins.

    ## Why it matters
    Segments translated separately spell one name several ways; readers and search take them for
    different people or places.

    ## Fix safety
    Unsafe: both spellings may be legitimate.
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
        lang = ctx.language or "en"
        surnames = surname_variants(ctx.glossary, lang)
        # A finding needs a group of two spellings: two distinct names with one key, two spellings of a
        # glossary surname, or a pair of full names a romanisation apart. Most documents have none, which the
        # distinct runs tell before any use is read where it stands (a match object and a tuple per
        # capitalised run were most of the rule's time).
        forms = {run[_opening(run, lang) :] for run in set(_NAME_RUN.findall(text))}
        if (
            len({spelling_key(form) for form in forms}) == len(forms)
            and len(set(_CAPITALISED_WORD.findall(text)).intersection(surnames) if surnames else ()) < 2
            and not transliterations(ctx)
        ):
            return
        glossary_spans = {(m.start, m.end) for m in ctx.matches}
        glossary_spans |= {(m.end - len(m.text.split()[-1]), m.end) for m in ctx.matches}  # their surnames
        groups: dict[str, list[tuple[int, int, str]]] = {}
        tails: Counter[str] = Counter()
        for m in _NAME_RUN.finditer(text):
            start, form = m.start(), m.group()
            if opening := _opening(form, lang):
                start, form = start + opening, form[opening:]  # "Later José Mourinho"
            groups.setdefault(spelling_key(form), []).append((start, start + len(form), form))
            if " " in form:  # "Pedro Sánchez" votes for the spelling of a lone "Sánchez"
                tails[form.rsplit(" ", 1)[1]] += 1
        in_person_groups = set()
        for m in _CAPITALISED_WORD.finditer(text) if surnames else ():
            if m.group() in surnames:
                concept_id, _ = surnames[m.group()]
                groups.setdefault(f"person:{concept_id}", []).append((m.start(), m.end(), m.group()))
                in_person_groups.add(m.start())
        # where each form is mentioned (indices in text order): one pass, not a scan of the mentions per pair
        uses: dict[str, list[int]] = {}
        for j, m in enumerate(ctx.mentions):
            uses.setdefault(m.text, []).append(j)
        for i, (a, b) in enumerate(transliterations(ctx)):
            named = [ctx.mentions[j] for j in sorted(uses.get(a, []) + uses.get(b, []))]
            groups[f"variant:{i}"] = [(m.start, m.end, m.text) for m in named]
        for key, spans in groups.items():
            if len(spans) < 2:
                continue  # most groups: a name used once (cheaper to ask before counting)
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
            elif ctx.corpus_profile is not None:  # the corpus's clear majority spelling ("Dvořák", not "Dvorak")
                attested = {form: n for form in counts if (n := ctx.corpus_profile.mentions(form, ctx.language))}
                top = clear_spelling(attested) or top
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


@lru_cache(maxsize=65536)
def _opening(run: str, lang: str) -> int:
    """Where the name of a capitalised run starts: after its first word when that word is common enough to
    open a sentence ("Later José Mourinho"), else 0 (most runs are one word). Memoised, as the name keys:
    asked for every run of every document, and runs recur."""
    from transclean.lexicon import zipf

    first = _FIRST_WORD.match(run) if " " in run else None
    return first.end() if first and zipf(first.group().strip().lower(), lang) >= COMMON_WORD_ZIPF else 0
