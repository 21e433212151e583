"""Read the shared NER corpora into ``(text, spans)`` examples with coarse types.

Arabic: NewsFANE and WikiFANE gold (CC BY-SA 3.0), fine classes mapped with
their ``fine_to_coarse_label_map.json`` (only PER/ORG/GPE/LOC kept; FAC, WEA,
NORP and the rest become O). English: wikigold (CC BY 4.0) and UNER English
PUD/EWT (CC BY-SA). English corpora do not separate GPE from LOC: their LOC
spans get the label :data:`GPE_OR_LOC`, which training treats as "either".
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from models.s6_core.spans import Span

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC")
GPE_OR_LOC = "GPE|LOC"
_LRM = "\u200e\u200f\ufeff"


@dataclass(frozen=True)
class NerExample:
    """One sentence: tokens joined by single spaces, entity spans over that text."""

    id: str
    lang: str
    text: str
    spans: tuple[Span, ...]


def _sentences(path: Path, sep: str, tok_col: int, tag_col: int) -> Iterator[list[tuple[str, str]]]:
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split(sep)
        if line.startswith("#") and sent == []:
            continue
        if len(cols) <= max(tok_col, tag_col) or not cols[tok_col].strip(_LRM + " "):
            if sent:
                yield sent
            sent = []
            continue
        sent.append((cols[tok_col].strip(_LRM + " "), cols[tag_col].strip()))
    if sent:
        yield sent


def _to_example(
    id_: str, lang: str, sent: list[tuple[str, str]], fine: dict[str, str]
) -> NerExample:
    """Join tokens with spaces; IO or BIO tags become spans (an I- after another type opens one)."""
    text, spans = "", []
    cur: Span | None = None
    for tok, tag in sent:
        start = len(text) + (1 if text else 0)
        text = f"{text} {tok}" if text else tok
        kind = fine.get(tag[2:], "") if tag != "O" else ""
        if kind and cur and cur.label == kind and not tag.startswith("B-"):
            cur = Span(cur.start, len(text), kind)
            continue
        if cur:
            spans.append(cur)
        cur = Span(start, len(text), kind) if kind else None
    if cur:
        spans.append(cur)
    return NerExample(id_, lang, text, tuple(spans))


def _fane_map(corpus_dir: Path) -> dict[str, str]:
    raw = json.loads((corpus_dir / "fine_to_coarse_label_map.json").read_text())
    return {k: v for k, v in raw["fine_to_coarse"].items() if v in ENTITY_TYPES}


_EN_MAP = {"PER": "PER", "ORG": "ORG", "LOC": GPE_OR_LOC}

# (language, relative file, separator, token column, tag column, corpus dir with FANE map)
CORPORA: tuple[tuple[str, str, str, int, int, str | None], ...] = (
    ("ar", "newsfane_gold/NewsFANE_Gold_2014_170K.txt", "\t", 0, 1, "newsfane_gold"),
    ("ar", "wikifane_gold/WikiFANE_Gold_2014_500K.txt", "\t", 0, 1, "wikifane_gold"),
    ("en", "wikigold/wikigold.conll.txt", " ", 0, 1, None),
    ("en", "uner_english_pud/en_pud-ud-test.iob2", "\t", 1, 2, None),
    ("en", "uner_english_ewt/en_ewt-ud-dev.iob2", "\t", 1, 2, None),
    ("en", "uner_english_ewt/en_ewt-ud-test.iob2", "\t", 1, 2, None),
)


def corpus_files(ner_dir: Path) -> list[Path]:
    """The corpus files read (for the training-data checksums)."""
    return [Path(ner_dir) / rel for _, rel, *_ in CORPORA]


def _stable_rank(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def load_ner(ner_dir: Path, per_language: int, min_chars: int = 20) -> list[NerExample]:
    """Up to ``per_language`` sentences per language, a deterministic hash-ordered sample.

    Sentences shorter than ``min_chars`` and the long tail over 600 characters
    are skipped. Raises OSError when a corpus file is missing.
    """
    pools: dict[str, list[NerExample]] = {"ar": [], "en": []}
    for lang, rel, sep, tc, gc, fane in CORPORA:
        mapping = _fane_map(Path(ner_dir) / fane) if fane else _EN_MAP
        for n, sent in enumerate(_sentences(Path(ner_dir) / rel, sep, tc, gc)):
            ex = _to_example(f"{rel}#{n}", lang, sent, mapping)
            if min_chars <= len(ex.text) <= 600:
                pools[lang].append(ex)
    picked: list[NerExample] = []
    for pool in pools.values():
        picked += sorted(pool, key=lambda e: _stable_rank(e.id))[:per_language]
    return picked
