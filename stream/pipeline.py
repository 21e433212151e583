"""One micro-batch: raw input messages → event and dead-letter records.

Pure of Kafka: the agent (``stream.app``) feeds :class:`Inbound` messages in
and sends the :class:`Outbound` records out. Every inbound message yields its
events (possibly none) or exactly one dead letter, never both, never neither.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from models.schema import SCHEMA_VERSION, Article, Event
from stream import codec, metrics
from stream.deadletter import DeadLetter, Source
from stream.errors import Reason, message
from stream.seam import ExtractionSeam, Failure
from stream.settings import Settings
from stream.validation import InvalidArticle, decode_article

log = logging.getLogger(__name__)
MAX_KEY_BYTES = 4096  # a dead letter's Kafka key; longer source keys are hashed

Headers = list[tuple[str, bytes]]
PUBLISHED_AT = "published-at"  # header: the article's publication time, when it has one


def record_headers(schema_version: str) -> Headers:
    """The headers of every record we produce: its schema's version and the codec's type."""
    return [
        ("schema-version", schema_version.encode()),
        ("content-type", codec.CONTENT_TYPE.encode()),
    ]


HEADERS: Headers = record_headers(SCHEMA_VERSION)


@dataclass(frozen=True, slots=True)
class Inbound:
    """One input message: its bytes and where it came from."""

    value: bytes
    source: Source


@dataclass(frozen=True, slots=True)
class Outbound:
    """One record to produce."""

    topic: str
    key: bytes | None
    value: bytes
    headers: Headers


@dataclass(frozen=True, slots=True)
class Routed:
    """One input message and every record it produces; ``reason`` if dead-lettered."""

    item: Inbound
    records: list[Outbound]
    reason: Reason | None = None


@dataclass
class Tally:
    """Per-partition counts for reconciliation: consumed = processed + dead-lettered.

    ``consumed`` counts messages taken into a batch; the other two count them
    once their records are confirmed, so at rest (no batch in flight) the two
    sides are equal for every partition. Process-lifetime, like the metrics.
    """

    consumed: Counter[int] = field(default_factory=Counter)
    processed: Counter[int] = field(default_factory=Counter)
    dead_lettered: Counter[int] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)

    def confirmed(self, routed: Routed) -> None:
        """Count one message whose records the broker confirmed."""
        partition = routed.item.source.partition
        if routed.reason is None:
            self.processed[partition] += 1
        else:
            self.dead_lettered[partition] += 1
            self.reasons[routed.reason.value] += 1

    def reconciles(self) -> bool:
        """True when every consumed message was processed or dead-lettered."""
        return all(
            self.consumed[p] == self.processed[p] + self.dead_lettered[p] for p in self.consumed
        )

    def to_json(self) -> dict[str, Any]:
        """Plain JSON (partition numbers as string keys)."""
        table = {"consumed": self.consumed, "processed": self.processed}
        table |= {"dead_lettered": self.dead_lettered}
        out: dict[str, Any] = {k: {str(p): n for p, n in v.items()} for k, v in table.items()}
        return out | {"reasons": dict(self.reasons), "reconciles": self.reconciles()}


class BatchProcessor:
    """Decodes, extracts and routes one batch (see module doc)."""

    def __init__(self, seam: ExtractionSeam, settings: Settings) -> None:
        self.seam = seam
        self.settings = settings
        self.tally = Tally()

    async def process(self, batch: Sequence[Inbound]) -> list[Outbound]:
        """All records the batch produces, in input order."""
        return [record for routed in await self.route(batch) for record in routed.records]

    async def route(self, batch: Sequence[Inbound]) -> list[Routed]:
        """Each input with its records, in input order."""
        self.tally.consumed.update(item.source.partition for item in batch)
        metrics.ARTICLES_CONSUMED.inc(len(batch))
        metrics.BATCH_SIZE.observe(len(batch))
        decoded = [self._decode(item) for item in batch]
        articles = [a for a in decoded if isinstance(a, Article)]
        outcomes = iter(await self.seam.extract(articles))
        out: list[Routed] = []
        for item, result in zip(batch, decoded, strict=True):
            if isinstance(result, DeadLetter):
                out.append(self.routed_letter(result))
            else:
                out.append(self._route(item, next(outcomes), result))
        return out

    def _decode(self, item: Inbound) -> Article | DeadLetter:
        try:
            return decode_article(
                item.value,
                max_bytes=self.settings.max_message_bytes,
                max_chars=self.settings.max_text_chars,
            )
        except InvalidArticle as exc:
            return DeadLetter(exc.reason, str(exc), item.source, item.value)

    def _route(self, item: Inbound, outcome: list[Event] | Failure, article: Article) -> Routed:
        if isinstance(outcome, Failure):
            fields = {"error": outcome.error, "detail": outcome.detail}
            text = message(outcome.reason, **fields)
            return self.routed_letter(DeadLetter(outcome.reason, text, item.source, item.value))
        anchor = article.published_anchor()
        published = anchor.iso() if anchor else None
        records = [self.event(event, published) for event in outcome]
        biggest = max((len(r.value) for r in records), default=0)
        if biggest > self.settings.max_output_bytes:
            # Known before sending: the producer would refuse it every time.
            detail = f"an event is {biggest} bytes, over max_output_bytes"
            return self.output_rejected(item, detail)
        return Routed(item, records)

    def output_rejected(self, item: Inbound, detail: str) -> Routed:
        """The dead letter for an input whose output records cannot be written."""
        text = message(Reason.OUTPUT_REJECTED, topic=self.settings.output_topic, detail=detail)
        letter = DeadLetter(Reason.OUTPUT_REJECTED, text, item.source, item.value)
        return self.routed_letter(letter)

    def routed_letter(self, letter: DeadLetter) -> Routed:
        """A dead letter as the one record of its input."""
        item = Inbound(letter.value, letter.source)
        return Routed(item, [self.dead_letter(letter)], letter.reason)

    def event(self, event: Event, published: str | None = None) -> Outbound:
        """The record for one event: key = event_id, so compaction keeps one copy.

        ``published``: the article's publication time (ISO 8601 at its own
        precision), sent as the ``published-at`` header for the cluster stage.
        """
        topic = self.settings.output_topic
        metrics.EVENTS_PRODUCED.labels(type=event.type, status=event.status).inc()
        headers = list(HEADERS)
        if published is not None:
            headers.append((PUBLISHED_AT, published.encode()))
        return Outbound(topic, event.event_id.encode(), codec.dumps(event), headers)

    def dead_letter(self, letter: DeadLetter) -> Outbound:
        """The record for one dead letter, keyed like its source message."""
        log.warning(
            "%s dead-lettered: %s (%s)", letter.source.describe(), letter.reason, letter.message
        )
        metrics.DEAD_LETTERS.labels(reason=letter.reason.value).inc()
        headers = [*HEADERS, ("dead-letter-reason", letter.reason.value.encode())]
        value = codec.dumps(self._fitting(letter))
        key = letter.source.key
        if key is not None and len(key) > MAX_KEY_BYTES:
            key = hashlib.sha256(key).hexdigest().encode()  # still groups copies together
        return Outbound(self.settings.dlq_topic, key, value, headers)

    def _fitting(self, letter: DeadLetter) -> dict[str, Any]:
        # A dead letter carries the original bytes base64-encoded (4/3 larger):
        # a 4 MB input would make a record the producer refuses, and refusing
        # the dead letter would stop the worker on every restart. Keep a prefix
        # and say so, rather than lose the record.
        record = letter.to_json()
        room = self.settings.max_output_bytes - len(codec.dumps(record | {"value_b64": ""}))
        keep = max(0, (room - 256) * 3 // 4)
        if len(letter.value) <= keep:
            return record
        if room < 0:  # the key alone is too big: it is in value_b64's message anyway
            record |= {"key": None, "key_b64": None, "key_truncated": True}
        prefix = base64.b64encode(letter.value[:keep]).decode("ascii")
        return record | {
            "value_b64": prefix,
            "value_truncated": True,
            "value_size": len(letter.value),
        }
