"""Stage 4, triggers: which sentences name which event types, with what status, from
bilingual trigger and cue lists (the rule extractor's detector, and the transformer
extractor's cheap first look before its pre-filter).

>>> from models.s4_triggers import LexiconSignals
"""

from models.s4_triggers.signals import LexiconSignal, LexiconSignals

__all__ = ["LexiconSignal", "LexiconSignals"]
