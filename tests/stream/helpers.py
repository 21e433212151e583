"""Helpers for broker tests: mixed batches, raw publishing, offline expectations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaProducer, TopicPartition

from models.schema import Article
from stream import codec
from stream.collect import Collected, Collector, last_offsets
from stream.seam import Failure, extract_isolated
from tests.conftest import MAX_TEXT_CHARS, RunningWorker
from tests.stream.extractors import MARKER, failing


@dataclass(frozen=True)
class Input:
    """One message to publish; ``reason`` is the dead letter it must produce."""

    key: bytes
    value: bytes
    reason: str | None = None


def good_articles(prefix: str) -> list[dict[str, str]]:
    """Articles that validate: the bundled samples' style, English and Arabic."""
    texts = [
        "Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Tokyo.",
        "German Chancellor Olaf Scholz will visit Brazil next month for talks with Lula.",
        "Norway delivered two NASAMS air defence systems to Ukraine, the ministry said.",
        "وصل الرئيس الفرنسي إيمانويل ماكرون إلى الرياض والتقى ولي العهد السعودي.",
        "قالت وزارة الدفاع إن الولايات المتحدة سلمت بولندا صواريخ باتريوت.",
        "Heavy rain flooded parts of Jakarta on Tuesday, closing dozens of schools.",
    ]
    return [{"id": f"{prefix}-good-{i}", "text": text} for i, text in enumerate(texts)]


def bad_inputs(prefix: str) -> list[Input]:
    """One input per reason code (except the pydantic fallback)."""
    too_long = codec.dumps({"id": "x", "text": "y" * (MAX_TEXT_CHARS + 1)})
    cases = {
        "not_json": b"{not json",
        "invalid_utf8": b'{"id": "x", "text": "\xff"}',
        "not_object": b"[1, 2]",
        "missing_field": b'{"id": "x"}',
        "empty_field": b'{"id": "x", "text": "  "}',
        "wrong_type": b'{"id": 5, "text": "t"}',
        "bad_published_at": b'{"id": "x", "text": "t", "published_at": "tomorrow"}',
        "too_large": too_long,
        "extraction_failed": codec.dumps({"id": "x", "text": f"They met. {MARKER}"}),
    }
    return [Input(f"{prefix}-bad-{r}".encode(), v, r) for r, v in cases.items()]


def mixed_batch(prefix: str) -> list[Input]:
    """Good and bad inputs interleaved."""
    good = [Input(a["id"].encode(), codec.dumps(a)) for a in good_articles(prefix)]
    bad = bad_inputs(prefix)
    mixed: list[Input] = []
    for i in range(max(len(good), len(bad))):
        mixed.extend(good[i : i + 1] + bad[i : i + 1])
    return mixed


def expected_event_ids(articles: Sequence[dict[str, str]]) -> dict[str, set[str]]:
    """Article id → event ids, from the same extractor run offline."""
    parsed = [Article.model_validate(a) for a in articles]
    outcomes = extract_isolated(failing(), parsed)
    assert not any(isinstance(o, Failure) for o in outcomes)
    return {
        a.id: {e.event_id for e in o}
        for a, o in zip(parsed, outcomes, strict=True)
        if not isinstance(o, Failure)
    }


async def publish_raw(
    bootstrap: str, topic: str, inputs: Sequence[Input]
) -> dict[TopicPartition, int]:
    """Publish with aiokafka; returns the last offset per partition."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        futures = [await producer.send(topic, i.value, key=i.key) for i in inputs]
        return last_offsets([await f for f in futures])
    finally:
        await producer.stop()


async def collect(worker: RunningWorker, published: dict[TopicPartition, int]) -> Collected:
    """Everything the worker produced, once it committed past ``published``."""
    return await Collector(worker.settings, worker.bootstrap).run(published, timeout_s=60)
