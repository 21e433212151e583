"""The core's top layers and taggers in ONNX Runtime, for serving.

The same fp32 computation as :meth:`CoreNet.contextualise` + :meth:`CoreNet.tag`
(outputs agree to ~1e-6), about twice as fast as torch eager on 2 cores: the four
fine-tuned layers were over half of the default extractor's time per article.
The graph is exported from the loaded weights on first use and cached under
``<cache>/core-onnx/``, keyed by a hash of the weights, so new weights get a new
graph and a warm start only opens a session. The status and role classifiers,
small MLPs over a few vectors per trigger, stay in torch.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch

from models.s5_encoder.encoder import buckets
from models.s5_encoder.export import OPSET, trace
from models.s6_core.network import CoreNet

Log = Callable[[str], None]
Tagged = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]
_OUTPUTS = ["top", "entity", "trigger", "argument"]
# The share of a group's positions that may be padding. The bench corpus's flagged
# sentences carried 29 % padding in their per-article batches; cut so, the top took
# 81 instead of 89 ms of the main thread per article served (AVX2 EPYC, README).
MAX_PADDING = 0.1


class _Top(torch.nn.Module):
    """``(bottom states, mask) -> (top states, entity, trigger, argument probabilities)``."""

    def __init__(self, net: CoreNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, states: torch.Tensor, mask: torch.Tensor) -> Tagged:
        top = self.net.contextualise(states, mask)
        ent, trig, arg = (x.softmax(-1) for x in self.net.tag(top))
        return top, ent, trig, arg


def tag_with_torch(net: CoreNet) -> Callable[[torch.Tensor, torch.Tensor], Tagged]:
    """The same function as :class:`OnnxTop`, run by torch (training, ``runtime=torch``)."""
    return _Top(net).eval()


class OnnxTop:
    """An exported top in an ONNX Runtime session; called like :func:`tag_with_torch`'s."""

    def __init__(self, path: Path, threads: int, *, spin: bool = False) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # No busy-waiting between operators: the cores are shared with the encoder's thread.
        options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
        options.log_severity_level = 3
        self._session: Any = ort.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )

    def __call__(self, states: torch.Tensor, mask: torch.Tensor) -> Tagged:
        """Runs rows of similar length together, each group cut to its longest row:
        an article's sentences often differ 2-3x in length, and the padding their
        batch carries is work thrown away. A row's real positions
        come out the same either way (float32, masked attention); padding is zeros."""
        array = states.numpy().astype(np.float32, copy=False)
        lengths = mask.sum(-1).tolist()
        out: list[np.ndarray] | None = None
        for rows in buckets(lengths, MAX_PADDING):
            width = max(lengths[r] for r in rows)
            feeds = {
                "states": np.ascontiguousarray(array[rows, :width]),
                "mask": mask[rows, :width].numpy().astype(np.int64, copy=False),
            }
            got = self._session.run(_OUTPUTS, feeds)
            if out is None:
                out = [np.zeros((*mask.shape, x.shape[-1]), np.float32) for x in got]
            for full, part in zip(out, got, strict=True):
                full[rows, :width] = part
        if out is None:  # no rows: the graph's own empty outputs
            out = self._session.run(_OUTPUTS, {"states": array, "mask": mask.numpy()})
        top, ent, trig, arg = (torch.from_numpy(x) for x in out)
        return top, ent, trig, arg


def onnx_top(
    net: CoreNet, weights: Path, cache_dir: Path, threads: int, log: Log, *, spin: bool = False
) -> OnnxTop:
    """The top of ``net`` (loaded from the file ``weights``) as an ONNX Runtime session,
    exported into the cache first when this version of the weights has none there."""
    path = Path(cache_dir) / "core-onnx" / f"top-{_key(weights)}.onnx"
    if not path.is_file():
        log("exporting the core's top layers to ONNX (once per version of the weights)")
        _export(net, path)
    return OnnxTop(path, threads, spin=spin)


def _key(weights: Path) -> str:
    """What the graph depends on: the weights' bytes and the exporter."""
    digest = hashlib.sha256(Path(weights).read_bytes())
    digest.update(f"torch {torch.__version__} opset {OPSET}".encode())
    return digest.hexdigest()[:16]


def _export(net: CoreNet, path: Path) -> None:
    """Trace the top into ``path`` atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    states = torch.zeros(2, 5, net.entity.in_features)
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]])
    # Exported in eval mode (no dropout); the exporter restores the module's own
    # mode afterwards, so the wrapper is put in eval mode, not left in training mode.
    trace(_Top(net).eval(), (states, mask), partial, ["states", "mask"], _OUTPUTS)
    os.replace(partial, path)
