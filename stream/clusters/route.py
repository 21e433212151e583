"""One record of the events topic → its route record, or a dead letter.

Pure of Faust: the agent feeds raw bytes and headers in and sends what comes
out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from models.clusters.record import CLUSTER_SCHEMA_VERSION
from models.s3_times.anchor import Anchor
from models.schema import Event
from stream import codec
from stream.deadletter import DeadLetter, Source
from stream.errors import Reason, message
from stream.pipeline import HEADERS, PUBLISHED_AT, Headers, record_headers

CLUSTER_HEADERS: Headers = record_headers(CLUSTER_SCHEMA_VERSION)


@dataclass(frozen=True, slots=True)
class Forward:
    """The route record of one event."""

    key: bytes
    value: bytes
    headers: Headers
    timestamp_ms: int


def message_time(timestamp_ms: int | None) -> str:
    """A Kafka timestamp (ms) as ISO 8601 UTC, to the second."""
    at = dt.datetime.fromtimestamp((timestamp_ms or 0) / 1000, dt.UTC).replace(tzinfo=None)
    return at.isoformat(timespec="seconds")


def published_at(headers: Sequence[tuple[str, bytes | None]], timestamp_ms: int | None) -> str:
    """The article's publication time from the event's header, else the message time."""
    for name, value in headers:
        if name == PUBLISHED_AT and value:
            try:
                return Anchor.parse(value.decode()).iso()
            except (ValueError, UnicodeDecodeError):
                break  # unreadable: the message time is still a publication bound
    return message_time(timestamp_ms)


def decode_event(value: bytes) -> Event:
    """An event record's bytes as an Event; ValueError saying why not."""
    try:
        return Event.model_validate(codec.loads(value))
    except (codec.DecodeError, ValidationError) as exc:
        raise ValueError(str(exc).splitlines()[0]) from None


def route(
    value: bytes, headers: Sequence[tuple[str, bytes | None]], source: Source
) -> Forward | DeadLetter:
    """Forward an event keyed by its type (the blocking key), or dead-letter it."""
    try:
        event = decode_event(value)
    except ValueError as exc:
        text = message(Reason.INVALID_EVENT, topic=source.topic, detail=exc)
        return DeadLetter(Reason.INVALID_EVENT, text, source, value)
    stamp = source.timestamp_ms or 0
    out = [*HEADERS, (PUBLISHED_AT, published_at(headers, stamp).encode())]
    return Forward(event.type.encode(), value, out, stamp)
