"""Evaluation: run an extractor over a gold file and score it like ``shared/eval/score.py``."""
