"""The lexicon extractor: sentences → entities → times → lexicon signals → assembly.

A transparent rule baseline behind the same :class:`~models.base.Extractor`
interface as the transformer extractor. Nothing in it is keyed to particular
articles: every rule is a general lexicon or word-order pattern.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.assemble.pipeline import assemble
from models.dates import find_times
from models.entities import EntityFinder
from models.lexicon.names import fallback_names
from models.lexicon.signals import LexiconSignals
from models.schema import Article, Event, ExtractorInfo
from models.text.langid import detect_language
from models.text.sentences import split_sentences

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
        language = article.language or detect_language(article.text)
        sentences = split_sentences(article.text)
        # Unknown Latin-script names the gazetteer misses would leave roles empty.
        mentions = fallback_names(article.text, self._entities.find(article.text, language))
        times = find_times(article.text, language, article.published_anchor())
        signals = self._signals.detect(sentences, language)
        return assemble(article, language, sentences, signals, mentions, times, self._info)
