"""Bottom-encoder states for training, cached on disk (fp16 safetensors).

The states come from the same encoder the service runs (the int8 ONNX export of
layers 0-:data:`~models.s6_core.network.BOTTOM`), so the top layers learn on what
they will be served. Every position is kept (prefix and specials too: the top
layers attend over them); ``offsets`` are ``(-1, -1)`` where no character maps.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

from models.s5_encoder import Encoder
from models.s6_core.network import BOTTOM, MAX_LENGTH, PREFIX

Log = Callable[[str], None]


@dataclass
class States:
    """One text's bottom states ``[T, H]`` and its pieces' character offsets ``[T, 2]``."""

    hidden: torch.Tensor
    offsets: torch.Tensor


def _key(encoder_name: str, texts: Sequence[str]) -> str:
    digest = hashlib.sha256(json.dumps([encoder_name, BOTTOM, PREFIX, MAX_LENGTH]).encode())
    for text in texts:
        digest.update(text.encode("utf-8") + b"\x00")
    return digest.hexdigest()[:24]


def encode_states(encoder: Encoder, texts: Sequence[str], log: Log, tag: str) -> list[States]:
    """Bottom states of ``texts`` in order (length-sorted batches of 16)."""
    out: list[States | None] = [None] * len(texts)
    done = 0
    for idx, batch in encoder.encode_sorted(texts, (BOTTOM,), 16, MAX_LENGTH, PREFIX):
        lengths = batch.attention_mask.sum(1).tolist()
        for row, i in enumerate(idx):
            n = int(lengths[row])
            out[i] = States(batch.hidden[BOTTOM][row, :n].half(), batch.offsets[row, :n].clone())
        done += len(idx)
        if done % 1024 < len(idx):
            log(f"  {tag}: encoded {done}/{len(texts)}")
    return [s for s in out if s is not None]


def cached_states(
    encoder: Encoder, texts: Sequence[str], cache_dir: Path, tag: str, log: Log
) -> list[States]:
    """:func:`encode_states`, cached under ``cache_dir/features`` by encoder and texts."""
    path = Path(cache_dir) / "features" / f"core-{tag}-{_key(encoder.name, texts)}.safetensors"
    if path.is_file():
        return _load(path)
    log(f"encoding {len(texts)} {tag} texts with the bottom encoder (cached afterwards)")
    states = encode_states(encoder, texts, log, tag)
    path.parent.mkdir(parents=True, exist_ok=True)
    lengths = torch.tensor([s.hidden.shape[0] for s in states], dtype=torch.int64)
    tensors = {
        "hidden": torch.cat([s.hidden for s in states]),
        "offsets": torch.cat([s.offsets for s in states]),
        "lengths": lengths,
    }
    tmp = path.with_suffix(".tmp")
    save_file(tensors, str(tmp))
    tmp.replace(path)
    return states


def _load(path: Path) -> list[States]:
    t = load_file(str(path))
    ends = t["lengths"].cumsum(0).tolist()
    starts = [0, *ends[:-1]]
    return [States(t["hidden"][a:b], t["offsets"][a:b]) for a, b in zip(starts, ends, strict=True)]
