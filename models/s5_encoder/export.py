"""Export the encoder to ONNX (optionally int8) for the ONNX backend.

The graph outputs only the hidden states the heads read (``hidden_<layer>``),
with dynamic batch and sequence axes. int8 is ONNX Runtime's dynamic
quantisation of every MatMul weight with signed per-output-channel scales
(measured faster than unsigned per-tensor ones, and moving fewer events; the
README's performance section has the accuracy figures). The embeddings stay
float32 either way, so the file is ≈ 470 MB (fp32) or ≈ 410 MB (int8).
"""

from __future__ import annotations

import json
import logging
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import torch
from tokenizers import Tokenizer

from models.s5_encoder.backends import ONNX_INFO, ONNX_MODEL
from models.s5_encoder.exceptions import ConversionError

Log = Callable[[str], None]
OPSET = 17


class _HiddenStates(torch.nn.Module):
    """``(input_ids, attention_mask) -> hidden states of `layers```: the graph to trace."""

    def __init__(self, model: torch.nn.Module, layers: Sequence[int]) -> None:
        super().__init__()
        self.model = model
        self.layers = tuple(layers)

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> tuple[torch.Tensor, ...]:
        out = self.model(
            input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True
        )
        return tuple(out.hidden_states[i] for i in self.layers)


def export_onnx(
    model: torch.nn.Module,
    tokenizer: Tokenizer,
    directory: Path,
    layers: Sequence[int],
    int8: bool,
    log: Log,
) -> None:
    """Write ``model.onnx``, ``onnx.json`` and ``tokenizer.json`` into ``directory``.

    ``layers`` are hidden-state indices in ``0..num_layers``. Raises
    ConversionError (E104) when tracing or quantising fails.
    """
    config: Any = getattr(model, "config")  # noqa: B009 - a transformers model's config
    plain = directory / ("fp32.onnx" if int8 else ONNX_MODEL)
    log(f"exporting the encoder to ONNX (layers {list(layers)})")
    try:
        _trace(_HiddenStates(model.eval(), layers), plain, layers)
        if int8:
            log("quantising the ONNX encoder to int8")
            _quantize(plain, directory / ONNX_MODEL)
            plain.unlink()
    except Exception as exc:  # the exporter raises many unrelated types
        raise ConversionError("E104", f"ONNX export failed: {exc}") from exc
    tokenizer.save(str(directory / "tokenizer.json"))
    info = {
        "layers": list(layers),
        "hidden_size": int(config.hidden_size),
        "num_layers": int(config.num_hidden_layers),
        "int8": int8,
        "opset": OPSET,
        "torch": torch.__version__,
    }
    (directory / ONNX_INFO).write_text(json.dumps(info, indent=2) + "\n")


def _trace(module: torch.nn.Module, path: Path, layers: Sequence[int]) -> None:
    ids = torch.tensor([[0, 100, 200, 2], [0, 300, 2, 1]])
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]])
    names = [f"hidden_{i}" for i in layers]
    trace(module, (ids, mask), path, ["input_ids", "attention_mask"], names)


def trace(
    module: torch.nn.Module,
    example: tuple[torch.Tensor, ...],
    path: Path,
    inputs: Sequence[str],
    outputs: Sequence[str],
) -> None:
    """Export ``module`` traced on ``example`` to ``path``, every input and output with
    dynamic batch and token axes (the first two)."""
    axes = {name: {0: "batch", 1: "tokens"} for name in (*inputs, *outputs)}
    with warnings.catch_warnings(), torch.inference_mode():
        # The TorchScript exporter (dynamo=False): the dynamo one needs
        # onnxscript, one more dependency. Its warnings are about tracing
        # internals (deprecation, constant folding) that do not affect this graph.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module,
            example,
            str(path),
            input_names=list(inputs),
            output_names=list(outputs),
            dynamic_axes=axes,
            opset_version=OPSET,
            dynamo=False,
        )


def _quantize(source: Path, target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # The quantiser logs a generic "consider pre-processing" WARNING on the root
    # logger on every call (advice for static, calibrated quantisation): hide it.
    logging.disable(logging.WARNING)
    try:
        quantize_dynamic(
            str(source),
            str(target),
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul"],
        )
    finally:
        logging.disable(logging.NOTSET)
