"""The lexicon extractor: bilingual trigger and cue lists, then the shared assembly stage.

>>> from models.lexicon import LexiconExtractor, LexiconSignals
"""

from models.lexicon.extractor import LexiconExtractor
from models.lexicon.signals import LexiconSignal, LexiconSignals

__all__ = ["LexiconExtractor", "LexiconSignal", "LexiconSignals"]
