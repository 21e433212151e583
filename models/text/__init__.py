"""Text utilities shared by the extraction stages: sentences, folding, language id."""

from models.text.langid import detect_language
from models.text.normalize import fold, norm_token, tokenize
from models.text.sentences import split_sentences

__all__ = ["detect_language", "fold", "norm_token", "split_sentences", "tokenize"]
