"""``--no-kafka``: the same corpus through ``extract_batch`` in this process.

No broker, no Faust, no codec: what is left is the model's own cost, so the
difference with the streamed run is the streaming overhead.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from models.schema import Article
from stream.bench.stats import Phase
from stream.bench.traffic import Progress
from stream.seam import load_extractor
from stream.settings import Settings


def extract_only(
    settings: Settings,
    warmup: Sequence[dict[str, Any]],
    corpus: Sequence[dict[str, Any]],
    sentences: Callable[[str], int],
    progress: Progress,
) -> tuple[Phase, float]:
    """The phase figures, and the time to load the extractor (s).

    Batches of ``batch_max_size`` articles, as the worker takes them at full load.
    """
    started = time.perf_counter()
    extractor = load_extractor(settings)
    load_s = time.perf_counter() - started
    size = settings.batch_max_size
    warm = [Article.model_validate(a) for a in warmup]
    for i in range(0, len(warm), size):
        extractor.extract_batch(warm[i : i + size])
    articles = [Article.model_validate(a) for a in corpus]
    cpu, wall = time.process_time(), time.perf_counter()
    for i in range(0, len(articles), size):
        extractor.extract_batch(articles[i : i + size])
        progress(len(articles[i : i + size]))
    return Phase(
        articles=len(articles),
        sentences=sum(sentences(a.text) for a in articles),
        wall_s=time.perf_counter() - wall,
        cpu_s=time.process_time() - cpu,
    ), load_s
