"""Character spans <-> per-subword BIO labels.

Subword offsets come from :class:`models.s5_encoder.EncodedBatch` (``-1`` where a
position maps to no character). XLM-R offsets include the leading space of a
word piece, so spans are trimmed of whitespace when decoded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

_TRAILING_PUNCT = ".,،؛;:!?؟\"'”“)(»«。，、；：！？「」《》（）"


def _unspaced(char: str) -> bool:
    """Scripts written without spaces between words (CJK, kana, Thai): every subword
    piece there is its own word for decoding, else a whole sentence would be one."""
    code = ord(char)
    return (
        0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x9FFF  # CJK ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0x0E00 <= code <= 0x0E7F  # Thai
    )


@dataclass(frozen=True)
class Span:
    """A labelled character span ``text[start:end]`` with a confidence in [0, 1]."""

    start: int
    end: int
    label: str
    score: float = 1.0


def bio_labels(types: Sequence[str]) -> list[str]:
    """``["O", "B-T1", "I-T1", ...]`` for the given entity types, in this order."""
    return ["O"] + [f"{p}-{t}" for t in types for p in ("B", "I")]


def _overlaps(tok: tuple[int, int], span: tuple[int, int]) -> bool:
    return tok[0] >= 0 and tok[1] > span[0] and tok[0] < span[1]


def encode_bio(
    offsets: Sequence[tuple[int, int]], spans: Sequence[Span], labels: Sequence[str]
) -> list[int]:
    """Label ids per subword: B on the first piece overlapping a span, I on the rest.

    Pieces outside every span (and special pieces with offset -1) are "O". On
    overlapping spans the later one wins.
    """
    index = {name: i for i, name in enumerate(labels)}
    out = [0] * len(offsets)
    for span in spans:
        first = True
        for i, tok in enumerate(offsets):
            if _overlaps(tok, (span.start, span.end)):
                out[i] = index[f"{'B' if first else 'I'}-{span.label}"]
                first = False
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, extend to the end of the last word, drop trailing punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while (
        end < len(text)
        and not text[end].isspace()
        and text[end] not in _TRAILING_PUNCT
        and not _unspaced(text[end])
    ):
        end += 1  # a tagged first piece of "Put|in" still yields "Putin"
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING_PUNCT):
        end -= 1
    return start, end


def _word_start(text: str, start: int, end: int) -> bool:
    """True when the piece ``[start, end)`` begins a word: after whitespace, or in a
    script written without spaces."""
    while start < end and text[start].isspace():
        start += 1
    return start == 0 or text[start - 1].isspace() or (start < end and _unspaced(text[start]))


def decode_bio(
    text: str,
    offsets: Sequence[tuple[int, int]],
    label_ids: Sequence[int],
    scores: Sequence[float],
    labels: Sequence[str],
) -> list[Span]:
    """Turn per-subword label ids into trimmed character spans.

    Decoding is per word: the first piece of a whitespace-delimited word sets
    its label, later pieces extend the current span (so a span never starts or
    ends mid-word). Lenient BIO: an ``I-T`` that does not continue a ``T`` span
    starts one. The score is the mean label probability of the words' first pieces.
    """
    spans: list[Span] = []
    cur: list[int] | None = None  # [start, end, label index, n, score sum]
    cur_type = ""
    sums: list[float] = []
    for (s, e), lid, sc in zip(offsets, label_ids, scores, strict=True):
        if s < 0:
            continue
        if not _word_start(text, s, e):
            if cur is not None:  # a word's later pieces follow its first piece's label
                cur[1] = e
            continue
        tag = labels[lid]
        kind = tag[2:]
        if tag == "O" or tag.startswith("B-") or kind != cur_type:
            if cur is not None:
                spans.append(_close(text, cur, cur_type, sums))
            cur, cur_type, sums = (None, "", []) if tag == "O" else ([s, e], kind, [sc])
        else:
            assert cur is not None
            cur[1] = e
            sums.append(sc)
    if cur is not None:
        spans.append(_close(text, cur, cur_type, sums))
    return [sp for sp in spans if sp.end > sp.start]


def _close(text: str, cur: list[int], kind: str, sums: list[float]) -> Span:
    start, end = _trim(text, cur[0], cur[1])
    return Span(start, end, kind, sum(sums) / len(sums))


def find_span(text: str, needle: str | None, label: str) -> Span | None:
    """The first occurrence of ``needle`` in ``text`` as a span, or None when absent."""
    if not needle:
        return None
    at = text.find(needle)
    return None if at < 0 else Span(at, at + len(needle), label)
