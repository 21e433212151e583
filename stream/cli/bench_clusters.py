"""``eventwire bench-clusters``: throughput and state size of the cluster stage."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from models.clusters.match import Rules
from stream.bench import clusters as bench
from stream.cli.common import broker_for, err, friendly, load_settings, out
from stream.errors import InputFileError


@friendly
def bench_clusters(
    corpus: Annotated[
        Path,
        typer.Argument(help="Events JSONL (as `extract` writes) or a cluster gold file."),
    ] = Path("tests/gold/clusters.jsonl"),
    copies: Annotated[
        int, typer.Option(min=1, help="Repeat the corpus as this many distinct story sets.")
    ] = 20,
    broker: Annotated[
        bool, typer.Option(help="Also run the stage through the broker.", show_default=True)
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Measure the cluster stage: the clusterer alone (events/s, state size), then
    the whole stage through the broker (events/s, route + cluster agents + table).

    Uses the embedded broker unless EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS is set.
    """
    settings = load_settings()
    try:
        base = bench.load(corpus)
    except (OSError, ValueError) as exc:
        raise InputFileError(f"cannot read {corpus}: {exc}") from exc
    events = bench.corpus(base, copies)
    rules = Rules(settings.cluster_window_days, settings.cluster_slack_days)
    err.print(f"clusterer alone on {len(events):,} events…")
    one = bench.alone(events, rules, dt.timedelta(days=settings.cluster_retention_days))
    through = None
    if broker:
        err.print("the stage through the broker (a worker on topics of its own)…")
        with broker_for(settings) as bootstrap:
            env = {"EVENTWIRE_KAFKA_ONE_RECORD_PER_BATCH": "true"} if settings.embedded else {}
            through = bench.streamed(settings, bootstrap, events, env)
    if as_json:
        payload = {"alone": asdict(one), "streamed": asdict(through) if through else None}
        typer.echo(json.dumps(payload, indent=2))
        return
    for line in bench.report(base, copies, one, through):
        out.print(line, markup=False)
