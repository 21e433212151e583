"""``eventwire demo``: broker + worker + bundled samples, events printed live."""

from __future__ import annotations

import asyncio
from importlib import resources
from typing import Annotated, Any

import typer
from rich.console import Console

from stream.cli.common import broker_for, err, friendly, load_settings, out
from stream.cli.inputs import Record, read_paths
from stream.cli.publish import send_records
from stream.cli.render import (
    add_event,
    cluster_line,
    dead_letter_line,
    event_line,
    event_table,
    fits,
)
from stream.cli.view import run_view
from stream.cli.worker_process import WorkerProcess
from stream.collect import Collected, Collector, last_offsets, settled_clusters
from stream.errors import EventwireError
from stream.kafka import ensure_topics
from stream.settings import Settings


def sample_records() -> list[Record]:
    """The bundled sample articles (``stream/samples/articles.jsonl``)."""
    path = resources.files("stream.samples") / "articles.jsonl"
    with resources.as_file(path) as file:
        return [item for item in read_paths([str(file)]) if isinstance(item, Record)]


@friendly
def demo(
    timeout: Annotated[float, typer.Option(help="Give up after this many seconds.")] = 180.0,
    view: Annotated[
        bool,
        typer.Option(
            "--view",
            help="Then keep the live view open (its URL is printed) until Ctrl-C.",
            show_default=False,
        ),
    ] = False,
    view_port: Annotated[
        int | None, typer.Option(help="The live view's port. Default: EVENTWIRE_VIEW_PORT.")
    ] = None,
) -> None:
    """Start the embedded broker and a worker, publish the bundled sample
    articles (Arabic and English), print each event as it arrives, then exit.

    Events are printed one per line on stdout, then a summary: a table of the
    events where a terminal is wide enough for it without breaking a word (never
    in a file or a pipe: each event already has its line), then the counts, then
    the story clusters the cluster stage made of them (one line each).

    With --view, the broker and the worker keep running and the live view of the
    events is served (`eventwire view`, URL printed) until Ctrl-C: articles
    published meanwhile show up on the page.

    Uses EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS instead of the embedded broker when
    it is set. Exits 1 if not every article was processed within --timeout.
    """
    settings = load_settings(client=True)
    records = sample_records()
    with broker_for(settings) as bootstrap:
        asyncio.run(ensure_topics(settings, bootstrap))
        err.print("starting the worker (loads the extractor, joins the group)…")
        env = {"EVENTWIRE_WEB_ENABLED": "false"}
        if settings.embedded:  # see Settings.kafka_one_record_per_batch
            env["EVENTWIRE_KAFKA_ONE_RECORD_PER_BATCH"] = "true"
        worker = WorkerProcess(bootstrap, env).start()
        err.print(f"[green]worker ready[/] after {worker.ready_after_s:.1f} s")
        try:
            result = asyncio.run(_publish_and_collect(settings, bootstrap, records, timeout))
            clusters = _clusters(settings, bootstrap) if result.complete else None
            summary(out, records, result)
            if clusters is not None:
                cluster_summary(out, settings, clusters)
            if not result.complete:
                raise EventwireError(
                    f"not every sample article was processed within {timeout:.0f} s"
                )
            if view:
                err.print(f"more articles: eventwire publish --bootstrap {bootstrap} FILE")
                run_view(settings, bootstrap, port=view_port)
        finally:
            worker.stop()


async def _publish_and_collect(
    settings: Settings, bootstrap: str, records: list[Record], timeout: float
) -> Collected:
    confirmed, failed = await send_records(settings, bootstrap, settings.input_topic, records)
    if failed:
        raise EventwireError(f"{failed} sample articles could not be published")
    err.print(f"published {len(confirmed)} sample articles; events as they arrive:")
    collector = Collector(settings, bootstrap, on_record=_print_record)
    return await collector.run(last_offsets(confirmed), timeout)


def _print_record(kind: str, record: dict[str, Any]) -> None:
    out.print(event_line(record) if kind == "event" else dead_letter_line(record), soft_wrap=True)


def _clusters(settings: Settings, bootstrap: str) -> dict[str, dict[str, Any]] | None:
    if not settings.clusters_enabled:
        return None
    err.print("waiting for the story clusters…")
    return asyncio.run(settled_clusters(settings, bootstrap, timeout_s=30))


def cluster_summary(console: Console, settings: Settings, clusters: dict[str, Any]) -> None:
    """The story clusters (the latest record of each), one line each, then a count."""
    for cluster in clusters.values():
        console.print(cluster_line(cluster), soft_wrap=True)
    reports = sum(len(c.get("event_ids", [])) for c in clusters.values())
    console.print(
        f"{len(clusters)} story clusters ({reports} events) on {settings.cluster_topic}; "
        "follow them with: eventwire tail --clusters --pretty",
        markup=False,
    )


def summary(console: Console, records: list[Record], result: Collected) -> None:
    """The events as a table, then one line of counts.

    The table is printed only on a terminal wide enough for it without folding a
    word: every event was already printed as one line when it arrived, so in a
    file, a pipe or a narrow screen a table would only repeat them, broken.
    """
    table = event_table()
    for event in result.events:
        add_event(table, event)
    if console.is_terminal and fits(console, table):
        console.print(table)
    ids = [str(r.value.get("id")) for r in records if isinstance(r.value, dict)]
    with_events = {e.get("article_id") for e in result.events}
    dead = {d.get("key") for d in result.dead_letters}
    quiet = [i for i in ids if i not in with_events and i not in dead]
    console.print(
        f"{len(ids)} articles: {len(with_events)} with events ({len(result.events)} events), "
        f"{len(dead)} dead-lettered, {len(quiet)} without events ({', '.join(quiet) or '-'})",
        markup=False,
    )
