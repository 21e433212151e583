"""Saving and loading the core: fine-tuned layers as an fp16 delta over the encoder's own.

``core.safetensors`` holds ``delta.<param>`` (fine-tuned minus converted-encoder
weights of layers 7-12) and ``heads.<param>``, all fp16; ``core.json`` the labels,
recipe, metrics and the base encoder's name. The base comes from the converted
encoder in the cache (built by ``eventwire prepare-model``), so the shipped file
stays small (≈ 32 MB) and is useless without the encoder it was trained on.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
from safetensors import safe_open
from safetensors.torch import load_file, save_file
from torch import nn

from models.s4_triggers.prefilter import SentenceFilter
from models.s5_encoder import CONVERTED_NAME, prepare_encoder
from models.s6_core.labels import ENTITY_LABELS, ROLE_LABELS, STATUS_LABELS, TRIGGER_LABELS
from models.s6_core.network import BOTTOM, MAX_LENGTH, PREFIX, TOP, CoreNet

Log = Callable[[str], None]
WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
CONFIG = "core.json"
WEIGHTS = "core.safetensors"


class CoreWeightsError(RuntimeError):
    """The core's weights are missing, corrupt or made for another encoder."""


def base_layers(cache_dir: Path, log: Log) -> tuple[nn.ModuleList, int]:
    """The converted encoder's layers ``BOTTOM+1 .. BOTTOM+TOP`` (fresh copies) and width."""
    from transformers import BertConfig
    from transformers.models.bert.modeling_bert import BertLayer

    where = prepare_encoder(Path(cache_dir), log)
    config = BertConfig.from_pretrained(str(where))
    config._attn_implementation = "eager"  # the additive mask below; sdpa gains nothing on CPU here
    layers = nn.ModuleList(BertLayer(config) for _ in range(TOP))
    with safe_open(str(where / "model.safetensors"), "pt") as f:
        for i, layer in enumerate(layers):
            prefix = f"encoder.layer.{BOTTOM + i}."
            names = [k for k in f.keys() if k.startswith(prefix)]  # noqa: SIM118 - not a dict
            state = {k[len(prefix) :]: f.get_tensor(k) for k in names}
            layer.load_state_dict(state)
    return layers, int(config.hidden_size)


def save_core(
    net: CoreNet,
    prefilter: SentenceFilter,
    out_dir: Path,
    cache_dir: Path,
    extra: dict[str, Any],
) -> None:
    """Write ``core.json`` + ``core.safetensors`` (fp16) into ``out_dir``."""
    base, _ = base_layers(cache_dir, lambda _: None)
    base_state = base.state_dict()
    tensors = {}
    for key, value in net.state_dict().items():
        if key.startswith("layers."):
            tensors[f"delta.{key}"] = (
                (value - base_state[key[len("layers.") :]]).half().contiguous()
            )
        else:
            tensors[f"heads.{key}"] = value.half().contiguous()
    for key, value in prefilter.state_dict().items():
        tensors[f"prefilter.{key}"] = value.half().contiguous()
    config = {
        "base_encoder": CONVERTED_NAME,
        "bottom_layer": BOTTOM,
        "top_layers": TOP,
        "prefix": PREFIX,
        "max_length": MAX_LENGTH,
        "entity_labels": ENTITY_LABELS,
        "trigger_labels": TRIGGER_LABELS,
        "status_labels": STATUS_LABELS,
        "role_labels": ROLE_LABELS,
        **extra,
    }
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    save_file(tensors, str(out / WEIGHTS))
    (out / CONFIG).write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n")


def load_core(
    weights_dir: Path, cache_dir: Path, log: Log
) -> tuple[CoreNet, SentenceFilter, dict[str, Any]]:
    """The trained core and pre-filter in eval mode, and their config. Raises CoreWeightsError."""
    try:
        config = json.loads((Path(weights_dir) / CONFIG).read_text())
        tensors = load_file(str(Path(weights_dir) / WEIGHTS))
    except (OSError, ValueError) as exc:
        raise CoreWeightsError(
            f"E201 cannot read the core's weights in {weights_dir}: {exc}"
        ) from exc
    if config.get("labels_version", 1) != 1 or config.get("role_labels") != ROLE_LABELS:
        raise CoreWeightsError(f"E202 the weights in {weights_dir} were made for other labels")
    made = (config.get("bottom_layer"), config.get("top_layers"))
    if made != (BOTTOM, TOP):
        # Loading them anyway would silently apply the deltas to the wrong encoder layers.
        raise CoreWeightsError(
            f"E204 the weights in {weights_dir} fine-tune {made[1]} layers over layer {made[0]};"
            f" this code runs {TOP} over layer {BOTTOM} (models/s6_core/network.py)"
        )
    layers, hidden = base_layers(cache_dir, log)
    net = CoreNet(copy.deepcopy(layers), hidden)
    state = {}
    for key, base in layers.state_dict().items():
        state[f"layers.{key}"] = base + tensors[f"delta.layers.{key}"].float()
    state.update(_part(tensors, "heads."))
    prefilter = SentenceFilter()
    try:
        net.load_state_dict(state)
        prefilter.load_state_dict(_part(tensors, "prefilter."))
    except (RuntimeError, KeyError) as exc:
        raise CoreWeightsError(f"E203 the core's weights do not fit its network: {exc}") from exc
    return net.eval(), prefilter.eval(), config


def _part(tensors: dict[str, torch.Tensor], prefix: str) -> dict[str, torch.Tensor]:
    return {k[len(prefix) :]: v.float() for k, v in tensors.items() if k.startswith(prefix)}
