"""Dead-letter records: what could not be processed, why, and the original bytes.

A record is plain JSON (see :func:`DeadLetter.to_json`)::

    {"reason": "not_json", "message": "...", "topic": "articles", "partition": 0,
     "offset": 42, "timestamp": 1700000000000, "key": "a1", "key_b64": null,
     "value_b64": "eyJpZCI6...", "schema_version": "1"}

``key`` is the key as text when it is valid UTF-8, otherwise ``null`` with the
raw key in ``key_b64``. ``timestamp`` is the source message's, in ms since the
epoch. The dead-letter topic's message key is the source key, unchanged.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from models.schema import SCHEMA_VERSION
from stream.errors import Reason


@dataclass(frozen=True, slots=True)
class Source:
    """Where an input message came from (Kafka coordinates, or a file line)."""

    topic: str
    partition: int
    offset: int
    timestamp_ms: int | None
    key: bytes | None

    def describe(self) -> str:
        """``topic[partition]@offset``, for logs."""
        return f"{self.topic}[{self.partition}]@{self.offset}"


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """One input that ended in the dead-letter topic instead of as events."""

    reason: Reason
    message: str
    source: Source
    value: bytes

    def to_json(self) -> dict[str, Any]:
        """The record published on the dead-letter topic."""
        key_text, key_b64 = _split_key(self.source.key)
        return {
            "reason": self.reason.value,
            "message": self.message,
            "topic": self.source.topic,
            "partition": self.source.partition,
            "offset": self.source.offset,
            "timestamp": self.source.timestamp_ms,
            "key": key_text,
            "key_b64": key_b64,
            "value_b64": base64.b64encode(self.value).decode("ascii"),
            "schema_version": SCHEMA_VERSION,
        }


def _split_key(key: bytes | None) -> tuple[str | None, str | None]:
    # Keys are article ids (text) by contract, but a broken producer may send
    # anything: keep those bytes exactly, base64-encoded, rather than guess.
    if key is None:
        return None, None
    try:
        return key.decode("utf-8"), None
    except UnicodeDecodeError:
        return None, base64.b64encode(key).decode("ascii")
