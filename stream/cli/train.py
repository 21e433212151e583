"""``eventwire train``: retrain the shipped learned core from the repository's data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer

from stream.cli.common import err, friendly, load_settings

REPO = Path(__file__).resolve().parents[2]


@friendly
def train(
    data_dir: Annotated[Path, typer.Option(help="Event annotations (events_ar/en.jsonl).")] = REPO
    / "models"
    / "data",
    out: Annotated[
        Path,
        typer.Option(
            help="Where to write core.json + core.safetensors (serve them from elsewhere with "
            "EVENTWIRE_CORE_DIR)."
        ),
    ] = REPO / "models" / "s6_core" / "weights",
    ner_dir: Annotated[Path, typer.Option(help="NER corpora (shared/data/ner).")] = REPO.parent
    / "shared"
    / "data"
    / "ner",
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same weights).")] = 7,
    epochs: Annotated[
        int | None,
        typer.Option(min=1, help="Passes over the training data (default: the recipe's)."),
    ] = None,
    context_words: Annotated[
        int,
        typer.Option(
            min=0,
            help="Also train on a copy of every event line with a negative line beside it, "
            "up to this many words (0: none, the shipped recipe; see the README).",
        ),
    ] = 0,
    runtime: Annotated[
        Literal["onnx-int8", "onnx"],
        typer.Option(
            help="Which export of the frozen layers 1-6 the core learns from: onnx-int8 (the "
            "shipped core's) or onnx (float32, whose states do not depend on what a sentence "
            "is batched with; see the README, Float32 states). core.json records it, and the "
            "service runs the same one unless EVENTWIRE_ENCODER_RUNTIME says otherwise.",
        ),
    ] = "onnx-int8",
    derive: Annotated[
        bool,
        typer.Option(
            "--derive",
            help="First derive the renamed copies and every line's mentions from today's "
            "entity rules into DATA_DIR/derived (training reads them from there; after an "
            "annotation or entity-rule change, then commit them with the new weights).",
        ),
    ] = False,
) -> None:
    """Fine-tune the encoder's top layers with the entity, trigger, status and role heads.

    Reproduces the shipped weights from the same data and seed, and prints the
    held-out metrics. Takes about 40 minutes on 2 cores with VNNI and about 60
    on an AVX2-only EPYC (the frozen bottom layers' states are cached under
    EVENTWIRE_CACHE_DIR/features).
    """
    from models.s6_core.train import train_core  # torch is heavy: import on use
    from models.s6_core.weights import WEIGHTS_DIR

    settings = load_settings()
    for path in (data_dir, ner_dir):
        if not path.is_dir():
            raise typer.BadParameter(f"{path} is not a directory")
    metrics = train_core(
        data_dir,
        out,
        settings.cache_dir,
        log=lambda line: err.print(line),
        ner_dir=ner_dir,
        threads=settings.torch_threads,
        recipe={"seed": seed, "context_words": context_words, "runtime": runtime}
        | ({"epochs": epochs} if epochs else {}),
        derive=derive,
    )
    typer.echo(json.dumps(metrics, indent=2, ensure_ascii=False))
    err.print(f"[green]weights written to {out}[/]")
    if out.resolve() != WEIGHTS_DIR.resolve():
        err.print(f"serve or score them with EVENTWIRE_CORE_DIR={out}")
