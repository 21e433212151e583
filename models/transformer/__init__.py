"""The transformer extractor: multilingual-e5-small features + trained heads + assembly."""

from models.transformer.extractor import TransformerExtractor

__all__ = ["TransformerExtractor"]
