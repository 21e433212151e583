"""Extract events for every article of a gold file and score them.

The scoring rules are the shared scorer's, vendored verbatim in
:mod:`models.evaluation.scorer`; this module only feeds it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from models.base import Extractor
from models.evaluation import scorer
from models.schema import Article, Event


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file; raises ValueError naming the bad line."""
    lines: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
                Article.model_validate(line["article"])
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not a gold line ({exc})") from exc
            lines.append(line)
    return lines


def _batches(items: Sequence[Article], size: int) -> Iterator[Sequence[Article]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def predict(
    extractor: Extractor,
    articles: Sequence[Article],
    batch_size: int = 8,
    progress: Callable[[int], None] | None = None,
) -> list[Event]:
    """All events for ``articles``, extracted in batches; ``progress(n)`` after each batch."""
    events: list[Event] = []
    for batch in _batches(articles, batch_size):
        for found in extractor.extract_batch(batch):
            events.extend(found)
        if progress:
            progress(len(batch))
    return events


def score_events(gold: list[dict[str, Any]], events: Sequence[Event]) -> dict[str, Any]:
    """Score events against gold lines; the result has the shared scorer's keys."""
    preds = [event.model_dump(mode="json") for event in events]
    return scorer.score(gold, preds, verbose=True)


def format_report(result: dict[str, Any]) -> list[str]:
    """The shared scorer's plain-text report, line by line."""
    out = [f"{'slice':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for key, v in result["events"].items():
        out.append(
            f"{key:<22}{v['p']:>7.3f}{v['r']:>7.3f}{v['f1']:>7.3f}{v['tp']:>6}{v['fp']:>6}{v['fn']:>6}"
        )
    for key, v in result["article_types"].items():
        out.append(f"article types [{key}]: P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f}")
    out.append(
        f"status accuracy {result['status_accuracy']}  date accuracy {result['date_accuracy']}  "
        f"meeting place accuracy {result['meeting_place_accuracy']}"
    )
    out.append(f"event F1 = {result['events'].get('all', {}).get('f1', 0.0):.3f}")
    return out
