"""The transformer extractor: e5-small (top layers fine-tuned) + the learned core + assembly."""

from models.transformer.extractor import TransformerExtractor

__all__ = ["TransformerExtractor"]
