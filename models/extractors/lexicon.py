"""The lexicon extractor: sentences → entities → times → lexicon signals → assembly.

A transparent rule baseline behind the same :class:`~models.base.Extractor`
interface as the transformer extractor. Nothing in it is keyed to particular
articles: every rule is a general lexicon or word-order pattern.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.s1_document.document import Document
from models.s2_entities.finder import EntityFinder
from models.s3_times.dates import add_times
from models.s4_triggers.signals import LexiconSignals
from models.s7_assemble.pipeline import assemble
from models.schema import Article, Event, ExtractorInfo

VERSION = "0.1.0"


class LexiconExtractor:
    """Rule-based extractor (``name = "lexicon"``).

    >>> from models.schema import Article
    >>> ex = LexiconExtractor()
    >>> art = Article(id="x", text="Lavrov met Wang Yi in Beijing on Monday.",
    ...               language="en", published_at="2024-04-10")
    >>> [e.type for e in ex.extract_batch([art])[0]]
    ['MEETING']
    """

    name = "lexicon"
    version = VERSION

    def __init__(self) -> None:
        self._entities = EntityFinder()
        self._signals = LexiconSignals()
        self._info = ExtractorInfo(name=self.name, version=self.version, model="lexicon-rules")

    def extract_batch(self, articles: Sequence[Article]) -> list[list[Event]]:
        """One list of events per article, in order."""
        return [self._extract(article) for article in articles]

    def _extract(self, article: Article) -> list[Event]:
        """The stages in order over one document, each adding its layer."""
        doc = Document.read(article)  # s1: language, sentences, words
        self._entities.add_to(doc)  # s2: mentions (with unknown capitalised names)
        add_times(doc)  # s3: times
        self._signals.add_to(doc)  # s4: signals (triggers, statuses)
        return assemble(doc, self._info)  # s7: candidates by the role rules, events
