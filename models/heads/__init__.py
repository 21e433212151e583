"""Small trained heads on frozen encoder features: entities, triggers, event types, status."""

from models.heads.heads import Heads, SentenceAnalysis, Trigger
from models.heads.spans import Span
from models.heads.train_all import train_all

__all__ = ["Heads", "SentenceAnalysis", "Span", "Trigger", "train_all"]
