"""Build an :class:`~models.base.Extractor` by name.

Implementations are imported lazily, inside :func:`build_extractor`, so that
choosing the lexicon extractor never pays for importing torch, and a missing
optional implementation fails with a clear message only when it is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from models.base import Extractor

KINDS = ("lexicon", "transformer")


class ExtractorNotAvailable(RuntimeError):
    """The requested extractor kind is unknown or cannot be imported/loaded."""


def build_extractor(
    kind: str,
    *,
    model_source: str | None,
    cache_dir: Path,
    threads: int,
    tuning: Mapping[str, Any] | None = None,
) -> Extractor:
    """Build the extractor ``kind`` ("lexicon" or "transformer").

    ``model_source``, ``cache_dir``, ``threads`` (CPU threads for torch) and
    ``tuning`` (extra keyword arguments: ``weights_dir``, ``scope``, ``max_length``, ``runtime``,
    ``fallback``, ``spin``)
    are used by the transformer extractor only.

    Raises :class:`ExtractorNotAvailable` for an unknown kind, a missing
    implementation, or one that fails to load.

    >>> build_extractor("nope", model_source=None, cache_dir=Path("."), threads=1)
    Traceback (most recent call last):
    ...
    models.factory.ExtractorNotAvailable: unknown extractor 'nope'; choose one of ...
    """
    if kind == "lexicon":
        cls = _import("models.extractors.lexicon", "LexiconExtractor", kind)
        return _construct(cls, kind)
    if kind == "transformer":
        cls = _import("models.extractors.transformer", "TransformerExtractor", kind)
        return _construct(
            cls,
            kind,
            model_source=model_source,
            cache_dir=cache_dir,
            threads=threads,
            **(tuning or {}),
        )
    raise ExtractorNotAvailable(f"unknown extractor {kind!r}; choose one of {', '.join(KINDS)}")


def _import(module: str, attr: str, kind: str) -> Any:
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise ExtractorNotAvailable(
            f"the {kind} extractor is not available ({module}.{attr}: {exc})"
        ) from exc


def _construct(cls: Any, kind: str, **kwargs: Any) -> Extractor:
    try:
        extractor = cls(**kwargs)
    except (OSError, ValueError, RuntimeError) as exc:
        raise ExtractorNotAvailable(f"the {kind} extractor failed to load: {exc}") from exc
    if not isinstance(extractor, Extractor):
        raise ExtractorNotAvailable(f"{cls.__name__} does not implement Extractor")
    return extractor
