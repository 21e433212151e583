"""The route step of the cluster stage, without a broker."""

from __future__ import annotations

from models.schema import Event, ExtractorInfo
from stream import codec
from stream.clusters.route import Forward, message_time, published_at, route
from stream.deadletter import DeadLetter, Source
from stream.errors import Reason
from stream.pipeline import PUBLISHED_AT

SOURCE = Source("events", 2, 41, 1_705_399_200_000, b"e1")
EVENT = Event(event_id="e1", type="VISIT", status="occurred", article_id="a1", language="en",
              confidence=0.5, extractor=ExtractorInfo(name="x", version="1"))  # fmt: skip


def test_an_event_is_forwarded_keyed_by_type_with_its_publication_time() -> None:
    value = codec.dumps(EVENT)
    out = route(value, [(PUBLISHED_AT, b"2015-10")], SOURCE)
    assert isinstance(out, Forward)
    assert (out.key, out.value, out.timestamp_ms) == (b"VISIT", value, SOURCE.timestamp_ms)
    assert (PUBLISHED_AT, b"2015-10") in out.headers


def test_without_a_readable_publication_time_the_message_time_stands_in() -> None:
    assert published_at([], SOURCE.timestamp_ms) == "2024-01-16T10:00:00"
    assert published_at([(PUBLISHED_AT, b"tomorrow")], SOURCE.timestamp_ms) == "2024-01-16T10:00:00"
    assert message_time(SOURCE.timestamp_ms) == "2024-01-16T10:00:00"


def test_a_record_that_is_not_an_event_is_dead_lettered_with_its_bytes() -> None:
    for value in (b"{not json", codec.dumps({"event_id": "e1"})):
        out = route(value, [], SOURCE)
        assert isinstance(out, DeadLetter)
        assert out.reason is Reason.INVALID_EVENT and out.value == value
        assert "events topic" in out.message
