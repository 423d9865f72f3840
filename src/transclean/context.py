"""The Context a rule checks: the document and what is computed from it once per pass (sentences,
mentions, glossary matches, ...), so that rules and retranslation share one analysis."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

# the line analysis's helpers (chrome, text) are imported with this module, not in its properties below:
# every document asks for them, and an import statement run again costs about 3 µs, more than the lines of
# a short document
from transclean.analysis.chrome import Line, edge_of
from transclean.model import Document
from transclean.scan import Scan
from transclean.text import is_blank, lines_with_offsets

if TYPE_CHECKING:
    from transclean.analysis.mentions import Mention
    from transclean.corpus import CorpusProfile
    from transclean.glossary import Glossary, Match


#: the memo's key for the source's detected language
_SOURCE_LANGUAGE = "source language"


@dataclass
class Context:
    """What a rule may look at besides the text: the document and views built on demand, once per pass."""

    document: Document
    language_hint: str | None = None
    glossary_loader: Callable[[], Glossary] | None = None
    #: results that depend on content only (ftfy's repair of a line, the recovery of a damaged word), shared
    #: by the rules of a pass (TC101 and TC104 both repair lines) and by the passes over one document.
    memo: dict[object, object] = field(default_factory=dict)
    corpus_profile_loader: Callable[[], CorpusProfile | None] | None = None

    @property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def language(self) -> str | None:
        """The document language: given, or detected from a bounded sample (lazy: only rules that ask pay).

        The source's language, detected once per document whichever pass first asks (a rule gated off in the
        first pass may ask in a later one); a source too damaged to tell (mojibake) is asked again on the
        repaired text of the pass."""
        if self.document.language:
            return self.document.language
        if self.language_hint:
            return self.language_hint
        from transclean.lang import detect_language

        source, text = self.document.source or self.document.text, self.document.text
        if _SOURCE_LANGUAGE not in self.memo:
            self.memo[_SOURCE_LANGUAGE] = detect_language(source)
        language = self.memo[_SOURCE_LANGUAGE]
        if language is None and text != source:
            return detect_language(text)
        return language  # type: ignore[return-value]

    @cached_property
    def scan(self) -> Scan:
        """The text as the gates read it (what strings it holds, its ASCII words), shared with the rules."""
        return Scan(self.document.text)

    @cached_property
    def glossary(self) -> Glossary:
        """The configured glossaries (loaded once per process)."""
        if self.glossary_loader:
            return self.glossary_loader()
        from transclean.glossary import Glossary  # only here: an import statement costs 3 µs each time it runs

        return Glossary()

    @cached_property
    def corpus_profile(self) -> CorpusProfile | None:
        """What a learning pass found in the corpus (spellings, site templates), when one is configured."""
        return self.corpus_profile_loader() if self.corpus_profile_loader else None

    @cached_property
    def lines(self) -> list[tuple[int, str]]:
        """``(offset, line)`` for every line of the text, without line breaks."""
        return list(lines_with_offsets(self.document.text))

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans of the text."""
        from transclean.analysis.sentences import sentences

        return sentences(self.document.text)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offsets of :attr:`sentences`, for bisection (sentences are sorted and disjoint)."""
        return [a for a, _ in self.sentences]

    @cached_property
    def quotations(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the quotations of the text, for bisection."""
        from transclean.analysis.sentences import quotations

        return quotations(self.document.text)

    @cached_property
    def mentions(self) -> list[Mention]:
        """Persons (with gender), organisations and places named in the text."""
        from transclean.analysis.mentions import mentions

        return mentions(self.document.text, self.glossary, self.matches, self.language or "en")

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def mentions_starting(self, lo: int, hi: int) -> list[Mention]:
        """Mentions starting in ``lo..hi`` (both included), in text order: the window a pronoun looks at,
        found by bisection so that a document's pronouns cost no scan of all its mentions each."""
        starts = self._mention_starts
        return self.mentions[bisect_left(starts, lo) : bisect_right(starts, hi)]

    @cached_property
    def mentions_by_end(self) -> dict[int, list[Mention]]:
        """Mentions by end offset, in text order."""
        index: dict[int, list[Mention]] = {}
        for m in self.mentions:
            index.setdefault(m.end, []).append(m)
        return index

    @cached_property
    def matches(self) -> list[Match]:
        """Every glossary form found in the text, shared by all rules of this pass."""
        return self.glossary.match(self.document.text)

    @cached_property
    def _match_starts(self) -> list[int]:
        return [m.start for m in self.matches]

    def matches_within(self, a: int, b: int) -> list[Match]:
        """Glossary matches inside ``a:b``, in text order (matches are leftmost-longest: sorted, disjoint)."""
        matches = self.matches
        i = bisect_left(self._match_starts, a)
        j = bisect_left(self._match_starts, b, i)
        return [m for m in matches[i:j] if m.end <= b]

    @cached_property
    def paragraphs(self) -> list[tuple[int, int, str]]:
        """Non-blank lines as ``(start, end, line)``."""
        return [(s, s + len(line), line) for s, line in self.lines if not is_blank(line)]

    @cached_property
    def chrome_lines(self) -> list[Line]:
        """The :attr:`paragraphs` with what the line rules (TC201-TC217) ask of each first: its stripped text,
        word count, sentence end (:class:`transclean.analysis.chrome.Line`), each computed once per pass."""
        return [Line(i, start, end, line) for i, (start, end, line) in enumerate(self.paragraphs)]

    @cached_property
    def edge_zone(self) -> frozenset[int]:
        """Indices of the page header's and footer's paragraphs (:func:`transclean.analysis.chrome.edge_zone`),
        read by four line rules (TC212, TC213, TC216, TC217) that each computed it."""
        return frozenset(edge_of([line.prose for line in self.chrome_lines]))

    @cached_property
    def document_words(self) -> dict[str, set[str]]:
        """The undamaged words with non-ASCII letters, lower-cased, by skeleton: candidates for lost letters."""
        from transclean.analysis.recovery import document_words

        return document_words(self.document.text)
