"""The core's top layers in ONNX Runtime: the torch computation's numbers, cached once
per version of the weights, and torch again where the cache cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from models.s6_core.onnx_top import onnx_top, tag_with_torch
from models.s6_core.weights import WEIGHTS, WEIGHTS_DIR, load_core

pytestmark = pytest.mark.slow
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "eventwire"


@pytest.fixture(scope="module")
def net() -> torch.nn.Module:
    core, _, _ = load_core(WEIGHTS_DIR, CACHE, lambda _: None)
    return core


def _batch() -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(0)
    states = torch.randn(3, 11, 384, generator=generator)
    mask = torch.ones(3, 11, dtype=torch.long)
    mask[1, 7:], mask[2, 4:] = 0, 0
    return states, mask


def test_onnx_top_computes_what_torch_computes(net: torch.nn.Module, tmp_path: Path) -> None:
    cache = tmp_path / "cache"  # empty: the graph is built from the loaded network
    said: list[str] = []
    onnx = onnx_top(net, WEIGHTS_DIR / WEIGHTS, cache, 2, said.append)  # type: ignore[arg-type]
    states, mask = _batch()
    with torch.inference_mode():
        want = tag_with_torch(net)(states, mask)  # type: ignore[arg-type]
    got = onnx(states, mask)
    keep = mask.bool()
    for a, b in zip(want, got, strict=True):
        assert torch.allclose(a[keep], b[keep], atol=1e-4)
    assert not net.training  # the export leaves the network in eval mode (no dropout)
    assert len(said) == 1 and "exporting" in said[0]
    graphs = list((cache / "core-onnx").glob("top-*.onnx"))
    assert len(graphs) == 1
    onnx_top(net, WEIGHTS_DIR / WEIGHTS, cache, 2, said.append)  # type: ignore[arg-type]
    assert len(said) == 1  # the cached graph is opened, not exported again


def test_unwritable_cache_falls_back_to_torch(net: torch.nn.Module, tmp_path: Path) -> None:
    from models.extractors.transformer import _onnx_top

    cache = tmp_path / "not-a-directory"  # no folder can be made in it, even by root
    cache.write_text("")
    said: list[str] = []
    assert _onnx_top(net, WEIGHTS_DIR, cache, 2, said.append, False) is None  # type: ignore[arg-type]
    assert "run in torch" in said[-1]
