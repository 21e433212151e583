"""Two ways to run the same frozen encoder: PyTorch eager, or ONNX Runtime.

Both take token ids and an attention mask and return the hidden states the
caller asks for, as float32 torch tensors, so :class:`~models.s5_encoder.Encoder`
and the heads never know which one ran. ONNX Runtime fuses attention, GELU
and layer norm into single kernels and was 1.24x faster than eager PyTorch on
the benchmark's flagged sentences (2 cores), with identical features
(max |diff| < 1e-4); its int8 variant was 1.5x faster again (see the README).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import torch

# Written next to model.onnx by the export: what the graph outputs.
ONNX_INFO = "onnx.json"
ONNX_MODEL = "model.onnx"


class Backend(Protocol):
    """Runs the encoder; ``layers`` are hidden-state indices, already in ``0..num_layers``."""

    hidden_size: int
    num_layers: int

    def hidden(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, layers: Sequence[int]
    ) -> dict[int, torch.Tensor]:
        """float32 ``[B, T, H]`` per requested layer."""
        ...


class TorchBackend:
    """A ``transformers`` encoder module, run eagerly under ``inference_mode``."""

    def __init__(self, model: torch.nn.Module, threads: int) -> None:
        self.model = model.eval()
        self.threads = threads
        config = getattr(model, "config", None)
        self.hidden_size = int(getattr(config, "hidden_size", 0))
        self.num_layers = int(getattr(config, "num_hidden_layers", 0))

    def hidden(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, layers: Sequence[int]
    ) -> dict[int, torch.Tensor]:
        # torch's thread count is per thread of the caller: set it where we run.
        torch.set_num_threads(self.threads)
        with torch.inference_mode():
            out = self.model(
                input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True
            )
        return {i: out.hidden_states[i].float() for i in layers}


class OnnxBackend:
    """An exported encoder (``model.onnx`` + ``onnx.json``) in an ONNX Runtime session.

    ``spin=False`` stops the runtime's worker threads from busy-waiting between
    operators: on shared cores spinning threads starve the event loop and the
    per-article Python stages (the same reason OMP_WAIT_POLICY=PASSIVE is the
    default for torch). Raises ValueError when the directory is not an export.
    """

    def __init__(self, directory: Path, threads: int, *, spin: bool = False) -> None:
        import onnxruntime as ort

        info = _read_info(directory)
        self.layers: tuple[int, ...] = tuple(info["layers"])
        self.hidden_size = int(info["hidden_size"])
        self.num_layers = int(info["num_layers"])
        self.int8 = bool(info.get("int8", False))
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
        # int8: on x86 CPUs without VNNI (AVX2, AVX-512 without VNNI) the runtime's u8 x s8
        # kernel sums pairs of products in saturating 16-bit lanes; the core was trained on
        # exact sums and loses 3 points of held-out Arabic F1 on such features. This makes
        # the runtime use exact u8 x u8 arithmetic there; VNNI and ARM CPUs are unaffected.
        options.add_session_config_entry("session.x64quantprecision", "1")
        options.log_severity_level = 3  # errors only: its warnings are about graph internals
        self._session: Any = ort.InferenceSession(
            str(directory / ONNX_MODEL), options, providers=["CPUExecutionProvider"]
        )
        self._outputs = [f"hidden_{i}" for i in self.layers]

    def hidden(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, layers: Sequence[int]
    ) -> dict[int, torch.Tensor]:
        missing = sorted(set(layers) - set(self.layers))
        if missing:
            raise ValueError(
                f"the ONNX encoder was exported with layers {list(self.layers)}; "
                f"layers {missing} need the torch runtime or a new export"
            )
        feeds = {
            "input_ids": input_ids.numpy().astype(np.int64, copy=False),
            "attention_mask": attention_mask.numpy().astype(np.int64, copy=False),
        }
        arrays = self._session.run(self._outputs, feeds)
        by_layer = dict(zip(self.layers, arrays, strict=True))
        return {i: torch.from_numpy(by_layer[i]) for i in layers}


def _read_info(directory: Path) -> dict[str, Any]:
    try:
        info: dict[str, Any] = json.loads((directory / ONNX_INFO).read_text())
        for key in ("layers", "hidden_size", "num_layers"):
            info[key]
    except (OSError, ValueError, KeyError) as exc:
        raise ValueError(f"{directory} is not an exported ONNX encoder ({exc})") from exc
    if not (directory / ONNX_MODEL).is_file():
        raise ValueError(f"{directory} has no {ONNX_MODEL}")
    return info
