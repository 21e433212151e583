"""The frozen multilingual encoder (multilingual-e5-small) and its offline conversion."""

from models.s5_encoder.encoder import EncodedBatch, Encoder
from models.s5_encoder.exceptions import (
    CacheIntegrityError,
    ConversionError,
    EncoderError,
    SourceNotFoundError,
)
from models.s5_encoder.loading import (
    CONVERTED_NAME,
    RUNTIMES,
    Runtime,
    load_encoder,
    prepare_encoder,
)

__all__ = [
    "CONVERTED_NAME",
    "RUNTIMES",
    "CacheIntegrityError",
    "ConversionError",
    "EncodedBatch",
    "Encoder",
    "EncoderError",
    "Runtime",
    "SourceNotFoundError",
    "load_encoder",
    "prepare_encoder",
]
