"""``eventwire eval-clusters``: score story clustering on a cluster gold file."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from models.clusters.match import Rules
from models.evaluation import clusters as scoring
from models.evaluation.run import predict
from models.schema import Article, Event
from stream import codec
from stream.cli.common import friendly, load_settings, progress_bar
from stream.cli.evaluate import _read
from stream.errors import InputFileError
from stream.seam import load_extractor
from stream.settings import Settings

HEADER = f"{'':<34}{'items':>6}{'gold':>6}{'pred':>6}   pairwise P/R/F1        B-cubed P/R/F1"


def _extract(settings: Settings, lines: list[dict[str, Any]]) -> list[Event]:
    extractor = load_extractor(settings)
    articles = [Article.model_validate(line["article"]) for line in lines]
    with progress_bar() as progress:
        task = progress.add_task("extracting", total=len(articles))
        return predict(extractor, articles, settings.batch_max_size,
                       lambda n: progress.advance(task, n))  # fmt: skip


def _load(path: Path) -> list[Event]:
    try:
        return [Event.model_validate(codec.loads(x)) for x in path.read_bytes().splitlines() if x]
    except (OSError, ValueError) as exc:
        raise InputFileError(f"cannot read events from {path}: {exc}") from exc


def _line(name: str, score: scoring.ClusterScore) -> str:
    pw, b3 = score.pairwise, score.bcubed
    figures = f"{pw.p:>7.3f}{pw.r:>7.3f}{pw.f1:>7.3f}  {b3.p:>7.3f}{b3.r:>7.3f}{b3.f1:>7.3f}"
    return f"{name:<34}{score.items:>6}{score.gold_clusters:>6}{score.pred_clusters:>6}{figures}"


@friendly
def eval_clusters(
    gold: Annotated[
        Path, typer.Argument(help="Cluster gold JSONL: gold events with a 'cluster' id.")
    ],
    predictions: Annotated[
        Path | None,
        typer.Option(help="Events JSONL to cluster (as `extract` writes); default: extract now."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Score story clustering: pairwise and B-cubed precision, recall and F1.

    Two ways: the gold events fed in directly (clustering alone), and the
    configured extractor's events (scored over the gold events they find, matched
    by shared/eval/score.py's rules). Both are run in publication order with the
    EVENTWIRE_CLUSTER_* settings, beside two baselines: one cluster per exact key
    (type + canonical names + place), and any two same-type events sharing one
    actor in one cluster.
    """
    settings = load_settings()
    lines = _read(gold)
    rules = Rules(settings.cluster_window_days, settings.cluster_slack_days)
    events = _load(predictions) if predictions else _extract(settings, lines)
    methods = {"clusterer": scoring.online(rules), "exact key": scoring.exact_key,
               "one shared actor": scoring.one_actor}  # fmt: skip
    results: dict[str, scoring.ClusterScore] = {}
    for name, method in methods.items():
        results[f"gold events, {name}"] = scoring.score_gold(lines, method)
        results[f"extracted events, {name}"] = scoring.score_extracted(lines, events, method)
    if as_json:
        typer.echo(json.dumps({k: asdict(v) for k, v in results.items()}, indent=2))
        return
    typer.echo(HEADER)
    for name, score in results.items():
        typer.echo(_line(name, score))
