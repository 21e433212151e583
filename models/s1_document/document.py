"""One article as every stage reads it: built once, then each stage adds its layer.

Stage 1 (this package) reads the article once: its language, its sentences and
every word with exact offsets and folded form. The later stages read those and
add a layer each, in the order of ``models/``'s folders:

========================  =====================  ===========================
stage                     reads                  adds
========================  =====================  ===========================
``s2_entities``           tokens                 ``mentions``
``s3_times``              text, publication      ``times``
``s4_triggers``           sentence tokens        ``signals``
``s5_encoder`` +          sentences, signals     ``readings`` (transformer
``s6_core``                                      extractor only)
``s7_assemble``           all of the above       ``candidates``, ``events``
========================  =====================  ===========================

No stage re-tokenises or re-folds the article: a sentence's words are a slice
of :attr:`Document.tokens` (a binary search), its clauses are cut once and kept.

>>> from models.schema import Article
>>> doc = Document.read(Article(id="a", text="Putin met Xi. Talks ended.", language="en"))
>>> [s.text for s in doc.sentences], [t.norm for t in doc.sentence_tokens(1)]
(['Putin met Xi.', 'Talks ended.'], ['talks', 'ended'])
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from models.mentions import Mention, Sentence, SentenceSignal, TimeMention
from models.s1_document.clauses import Clause, split_clauses
from models.s1_document.langid import detect_language
from models.s1_document.normalize import Token, norm_token, tokenize
from models.s1_document.sentences import split_sentences
from models.schema import Article, Event

if TYPE_CHECKING:  # a later stage's type: that stage imports this one
    from models.s7_assemble.candidate import Candidate


@dataclass(slots=True)
class Document:
    """An article, its words and sentences, and the layers the stages add."""

    article: Article
    language: str
    sentences: list[Sentence]
    tokens: list[Token]  # every word of the article, article offsets, in order
    # Layers, one per stage, empty until that stage has run.
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    signals: list[SentenceSignal] = field(default_factory=list)  # one per sentence
    readings: list[Any] = field(default_factory=list)  # s6_core Reading | None, per sentence
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _mention_starts: list[int] = field(default_factory=list, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _clauses: dict[int, list[Clause]] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, article: Article) -> Document:
        """Stage 1: language (the article's own, else detected), sentences, words."""
        language = article.language or detect_language(article.text)
        tokens = tokenize(article.text)
        doc = cls(article, language, split_sentences(article.text, language), tokens)
        doc._starts = [t.start for t in tokens]
        doc._sentence_starts = [s.start for s in doc.sentences]
        return doc

    @property
    def text(self) -> str:
        return self.article.text

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The words of ``text[start:end]``, article offsets; a word cut by either end
        is cut too (exactly what tokenising ``text[start:end]`` would give)."""
        lo = bisect_left(self._starts, start)
        if lo and self.tokens[lo - 1].end > start:  # a word running into ``start``
            lo -= 1
        hi = bisect_left(self._starts, end)
        words = self.tokens[lo:hi]
        if words and (words[0].start < start or words[-1].end > end):
            words = [_clip(t, self.text, start, end) for t in words]
        return words

    def sentence_index(self, sentence: Sentence) -> int:
        """The index of ``sentence`` (one of :attr:`sentences`) in :attr:`sentences`."""
        return bisect_left(self._sentence_starts, sentence.start)

    def sentence_tokens(self, index: int, *, local: bool = False) -> list[Token]:
        """Sentence ``index``'s words; ``local``: in offsets of the sentence's own text."""
        s = self.sentences[index]
        words = self.tokens_in(s.start, s.end)
        if not local:
            return words
        return [Token(t.start - s.start, t.end - s.start, t.surface, t.norm) for t in words]

    def clauses(self, index: int) -> list[Clause]:
        """Sentence ``index``'s clauses (sentence offsets), cut once and kept: the
        trigger stage and the assembly stage both ask."""
        found = self._clauses.get(index)
        if found is None:
            s = self.sentences[index]
            found = split_clauses(s.text, self.sentence_tokens(index, local=True))
            self._clauses[index] = found
        return found

    def set_mentions(self, mentions: list[Mention]) -> None:
        """Stage 2's layer, kept sorted by start for :meth:`mentions_inside`."""
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]

    def mentions_inside(self, sentence: Sentence) -> list[Mention]:
        """The ``mentions`` layer's mentions lying wholly inside ``sentence``: a binary
        search, not a scan of the article."""
        starts = self._mention_starts
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        return [m for m in self.mentions[lo:hi] if m.end <= sentence.end]


def _clip(token: Token, text: str, start: int, end: int) -> Token:
    a, b = max(token.start, start), min(token.end, end)
    surface = text[a:b]
    if (a, b) == (token.start, token.end):
        return token
    return Token(a, b, surface, norm_token(surface))
