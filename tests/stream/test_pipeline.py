"""One micro-batch through decode → extract → route (no Kafka)."""

from __future__ import annotations

from models.schema import Article
from stream import codec
from stream.deadletter import Source
from stream.pipeline import BatchProcessor, Inbound
from stream.seam import ExtractionSeam, extract_isolated
from stream.settings import Settings
from tests.stream.extractors import MARKER, FailingOn, MetExtractor

SETTINGS = Settings(kafka_bootstrap_servers="unused:9092", max_text_chars=1_000)


def inbound(offset: int, value: bytes, key: bytes | None = None) -> Inbound:
    return Inbound(value, Source("articles", 0, offset, 1_000, key))


async def test_every_input_ends_as_events_or_one_dead_letter() -> None:
    extractor = FailingOn(MetExtractor())
    good = [{"id": f"g{i}", "text": f"Leaders met in city {i}."} for i in range(3)]
    batch = [
        inbound(0, codec.dumps(good[0]), b"g0"),
        inbound(1, b"not json", b"x1"),
        inbound(2, codec.dumps(good[1]), b"g1"),
        inbound(3, codec.dumps({"id": "boom", "text": f"met {MARKER}"}), b"boom"),
        inbound(4, codec.dumps(good[2]), b"g2"),
        inbound(5, codec.dumps({"id": "q", "text": "quiet day"}), b"q"),
    ]
    seam = ExtractionSeam(extractor)
    records = await BatchProcessor(seam, SETTINGS).process(batch)
    seam.close()

    events = [codec.loads(r.value) for r in records if r.topic == SETTINGS.output_topic]
    letters = [codec.loads(r.value) for r in records if r.topic == SETTINGS.dlq_topic]

    offline = extract_isolated(extractor, [Article.model_validate(g) for g in good])
    expected = {e.event_id for outcome in offline if isinstance(outcome, list) for e in outcome}
    assert {e["event_id"] for e in events} == expected
    assert sorted((d["offset"], d["reason"]) for d in letters) == [
        (1, "not_json"),
        (3, "extraction_failed"),
    ]


async def test_records_carry_keys_and_headers() -> None:
    seam = ExtractionSeam(MetExtractor())
    raw = codec.dumps({"id": "a1", "text": "They met."})
    records = await BatchProcessor(seam, SETTINGS).process(
        [inbound(0, raw, b"a1"), inbound(1, b"[]")]
    )
    seam.close()
    event, letter = records  # input order
    assert event.key == codec.loads(event.value)["event_id"].encode()
    assert ("schema-version", b"1") in event.headers
    assert ("content-type", b"application/json") in event.headers
    assert letter.key is None and ("dead-letter-reason", b"not_object") in letter.headers


async def test_events_carry_their_articles_publication_time_when_it_has_one() -> None:
    seam = ExtractionSeam(MetExtractor())
    dated = codec.dumps({"id": "a1", "text": "They met.", "published_at": "2015-10"})
    undated = codec.dumps({"id": "a2", "text": "They met."})
    records = await BatchProcessor(seam, SETTINGS).process([inbound(0, dated), inbound(1, undated)])
    seam.close()
    first, second = records
    assert ("published-at", b"2015-10") in first.headers
    assert all(name != "published-at" for name, _ in second.headers)
