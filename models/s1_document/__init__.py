"""Stage 1, the document: language, sentences and words of an article, read once into the
:class:`Document` every later stage reads and adds its layer to."""

from models.s1_document.document import Document
from models.s1_document.langid import detect_language
from models.s1_document.normalize import fold, norm_token, tokenize
from models.s1_document.sentences import split_sentences

__all__ = ["Document", "detect_language", "fold", "norm_token", "split_sentences", "tokenize"]
