"""``eventwire tail``: print events (or dead letters) as they arrive."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaError

from models.schema import EVENT_TYPES
from stream import codec
from stream.cli.common import (
    BOOTSTRAP_HELP,
    fail,
    friendly,
    load_settings,
    out,
    require_bootstrap,
)
from stream.cli.render import cluster_line, dead_letter_line, event_line
from stream.errors import BrokerError
from stream.kafka import bootstrap_list, client_options
from stream.settings import Settings


@friendly
def tail(
    bootstrap: Annotated[str | None, typer.Option(help=BOOTSTRAP_HELP)] = None,
    from_beginning: Annotated[
        bool, typer.Option(help="Start at the oldest message.", show_default=False)
    ] = False,
    max_: Annotated[int | None, typer.Option("--max", help="Stop after N messages.")] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="Only MEETING, VISIT or ARMS_TRANSFER.")
    ] = None,
    timeout: Annotated[
        float | None, typer.Option(help="Stop after this many seconds without a message.")
    ] = None,
    pretty: Annotated[
        bool, typer.Option(help="Readable lines instead of JSONL.", show_default=False)
    ] = False,
    dead_letters: Annotated[
        bool, typer.Option(help="Read the dead-letter topic instead of events.", show_default=False)
    ] = False,
    clusters: Annotated[
        bool,
        typer.Option(
            help="Read the story clusters (the cluster topic) instead of events: every update "
            "is the whole cluster; the latest line per cluster_id is its state.",
            show_default=False,
        ),
    ] = False,
) -> None:
    """Consume the events topic: JSONL on stdout (one event per line), or --pretty.

    Reads without a consumer group, so it never moves anyone's offsets. With
    --clusters, reads the story clusters instead: one line per cluster update
    (--pretty: type, actors, place, date, number of sources).
    """
    if type_ is not None and type_ not in EVENT_TYPES:
        raise fail(f"--type must be one of {', '.join(EVENT_TYPES)}, not {type_!r}")
    settings = load_settings(client=True)
    address = require_bootstrap(settings, bootstrap)
    if dead_letters and clusters:
        raise fail("--dead-letters and --clusters read different topics: choose one")
    topic = settings.dlq_topic if dead_letters else settings.output_topic
    topic = settings.cluster_topic if clusters else topic
    kind = "dead_letters" if dead_letters else "clusters" if clusters else "events"
    options = _Options(from_beginning, max_, type_, timeout, pretty, kind)
    asyncio.run(consume(settings, address, topic, options))


@dataclass(frozen=True)
class _Options:
    from_beginning: bool
    max: int | None
    type: str | None
    timeout: float | None
    pretty: bool
    kind: str  # events, dead_letters or clusters


async def consume(settings: Settings, bootstrap: str, topic: str, options: _Options) -> int:
    """Print matching messages until --max or --timeout; returns how many."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap_list(bootstrap),
        group_id=None,
        auto_offset_reset="earliest" if options.from_beginning else "latest",
        **client_options(settings),
    )
    try:
        await consumer.start()
    except (KafkaError, OSError) as exc:
        await consumer.stop()
        raise BrokerError(f"cannot connect to {bootstrap}: {exc!r}") from exc
    shown = 0
    try:
        while options.max is None or shown < options.max:
            batch = await consumer.getmany(timeout_ms=int((options.timeout or 3600) * 1000))
            if not batch and options.timeout is not None:
                break
            for message in (m for records in batch.values() for m in records):
                if options.max is not None and shown >= options.max:
                    break
                shown += _show(message.value or b"", options)
    finally:
        await consumer.stop()
    return shown


def _show(value: bytes, options: _Options) -> int:
    try:
        record: Any = codec.loads(value)
    except codec.DecodeError:
        return 0
    if options.type and isinstance(record, dict) and record.get("type") != options.type:
        return 0
    if options.pretty:
        # One message, one line, on a terminal too (the screen may fold a long line;
        # rich never breaks it).
        render = {"dead_letters": dead_letter_line, "clusters": cluster_line}
        line = render.get(options.kind, event_line)(record)
        out.print(line, soft_wrap=True)
    else:
        sys.stdout.buffer.write(value + b"\n")
        sys.stdout.flush()
    return 1
