"""One micro-batch: raw input messages → event and dead-letter records.

Pure of Kafka: the agent (``stream.app``) feeds :class:`Inbound` messages in
and sends the :class:`Outbound` records out. Every inbound message yields its
events (possibly none) or exactly one dead letter, never both, never neither.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from models.schema import SCHEMA_VERSION, Article, Event
from stream import codec, metrics
from stream.deadletter import DeadLetter, Source
from stream.errors import Reason, message
from stream.seam import ExtractionSeam, Failure
from stream.settings import Settings
from stream.validation import InvalidArticle, decode_article

log = logging.getLogger(__name__)

Headers = list[tuple[str, bytes]]
HEADERS: Headers = [
    ("schema-version", SCHEMA_VERSION.encode()),
    ("content-type", codec.CONTENT_TYPE.encode()),
]


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


class BatchProcessor:
    """Decodes, extracts and routes one batch (see module doc)."""

    def __init__(self, seam: ExtractionSeam, settings: Settings) -> None:
        self.seam = seam
        self.settings = settings

    async def process(self, batch: Sequence[Inbound]) -> list[Outbound]:
        """All records the batch produces, in input order."""
        metrics.ARTICLES_CONSUMED.inc(len(batch))
        metrics.BATCH_SIZE.observe(len(batch))
        decoded = [self._decode(item) for item in batch]
        articles = [a for a in decoded if isinstance(a, Article)]
        outcomes = iter(await self.seam.extract(articles))
        out: list[Outbound] = []
        for item, result in zip(batch, decoded, strict=True):
            if isinstance(result, DeadLetter):
                out.append(self.dead_letter(result))
            else:
                out.extend(self._route(item, next(outcomes)))
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

    def _route(self, item: Inbound, outcome: list[Event] | Failure) -> list[Outbound]:
        if isinstance(outcome, Failure):
            text = message(Reason.EXTRACTION_FAILED, error=outcome.error, detail=outcome.detail)
            letter = DeadLetter(Reason.EXTRACTION_FAILED, text, item.source, item.value)
            return [self.dead_letter(letter)]
        return [self.event(event) for event in outcome]

    def event(self, event: Event) -> Outbound:
        """The record for one event: key = event_id, so compaction keeps one copy."""
        topic = self.settings.output_topic
        metrics.EVENTS_PRODUCED.labels(type=event.type, status=event.status).inc()
        return Outbound(topic, event.event_id.encode(), codec.dumps(event), list(HEADERS))

    def dead_letter(self, letter: DeadLetter) -> Outbound:
        """The record for one dead letter, keyed like its source message."""
        log.warning(
            "%s dead-lettered: %s (%s)", letter.source.describe(), letter.reason, letter.message
        )
        metrics.DEAD_LETTERS.labels(reason=letter.reason.value).inc()
        headers = [*HEADERS, ("dead-letter-reason", letter.reason.value.encode())]
        value = codec.dumps(letter.to_json())
        return Outbound(self.settings.dlq_topic, letter.source.key, value, headers)
