"""``eventwire publish``: send articles from files (or stdin) to the input topic."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import typer
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from stream import codec
from stream.cli.common import (
    BOOTSTRAP_HELP,
    err,
    friendly,
    load_settings,
    progress_bar,
    require_bootstrap,
)
from stream.cli.inputs import BadLine, Record, read_paths
from stream.errors import BrokerError
from stream.kafka import bootstrap_list, client_options
from stream.pipeline import HEADERS
from stream.settings import Settings


@friendly
def publish(
    paths: Annotated[list[str], typer.Argument(help="Files (.json, .jsonl, .txt) or - for stdin.")],
    bootstrap: Annotated[str | None, typer.Option(help=BOOTSTRAP_HELP)] = None,
    topic: Annotated[str | None, typer.Option(help="Default: EVENTWIRE_INPUT_TOPIC.")] = None,
) -> None:
    """Publish articles to the input topic (key = article id).

    JSON and JSONL records are sent as they are (gold lines are unwrapped to
    their article), so the worker's validation decides what is a bad
    article. Lines that are not JSON are reported and skipped.
    """
    settings = load_settings(client=True)
    address = require_bootstrap(settings, bootstrap)
    items = list(read_paths(paths))
    for bad in (item for item in items if isinstance(item, BadLine)):
        err.print(f"[yellow]skipped[/] {bad.origin}: {bad.reason}")
    records = [item for item in items if isinstance(item, Record)]
    target = topic or settings.input_topic
    confirmed, failed = asyncio.run(send_records(settings, address, target, records))
    sent = len(confirmed)
    skipped = len(items) - len(records)
    colour = "red" if failed else "green"
    err.print(f"[{colour}]sent {sent}, failed {failed}, skipped {skipped} bad lines[/]")
    if failed:
        raise typer.Exit(1)


def _key(value: Any) -> bytes | None:
    article_id = value.get("id") if isinstance(value, dict) else None
    return article_id.encode() if isinstance(article_id, str) else None


async def send_records(
    settings: Settings, bootstrap: str, topic: str, records: list[Record]
) -> tuple[list[Any], int]:
    """Send every record and wait for each confirmation.

    Returns the RecordMetadata of each confirmed send, and the failure count.
    Raises :class:`BrokerError` when the broker cannot be reached at all.
    """
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap_list(bootstrap),
        acks="all",
        # Up to what the worker reads (EVENTWIRE_MAX_MESSAGE_BYTES): aiokafka's default,
        # 1 MiB, is less than a long article's JSON.
        max_request_size=settings.max_message_bytes + 65_536,
        **client_options(settings),
    )
    try:
        await producer.start()
    except (KafkaError, OSError) as exc:
        await producer.stop()
        raise BrokerError(f"cannot connect to {bootstrap}: {exc!r}") from exc
    confirmed: list[Any] = []
    failed = 0
    try:
        with progress_bar() as progress:
            task = progress.add_task("publishing", total=len(records))
            # Queue everything first (aiokafka batches it), then collect the
            # confirmations in order, so one slow round trip is not paid per record.
            pending = [
                (
                    record,
                    await producer.send(
                        topic, codec.dumps(record.value), key=_key(record.value), headers=HEADERS
                    ),
                )
                for record in records
            ]
            for record, future in pending:
                try:
                    confirmed.append(await future)
                except KafkaError as exc:
                    failed += 1
                    err.print(f"[red]failed[/] {record.origin}: {exc!r}")
                progress.advance(task)
    finally:
        await producer.stop()
    return confirmed, failed
