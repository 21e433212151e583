"""Sentence splitting with exact character offsets: rules for Arabic and English,
Wikimedia's ``sentencex`` (~300 languages) for the rest.

Rule-based on purpose: news text is well punctuated, the rules are fast
(~1 ms per article) and the offsets stay exact, which evidence spans need.
Boundaries: ``. ! ? ؟ …`` followed by space (closing quotes and brackets stay
with the sentence), blank lines, and single newlines unless the line is an
English sentence wrapped mid-way. ``،`` and ``؛`` (Arabic comma and semicolon)
do not end a sentence. Abbreviations ("U.S.", "Mr.", "Jan.", initials) do not
end one either. No sentence is longer than :data:`MAX_SENTENCE_CHARS`: a run
without a sentence end is cut at a space.
"""

from __future__ import annotations

import re

from models.mentions import Sentence

_TERMINAL = re.compile(r"[.!?؟…]+[\"'”’»)\]]*(?=\s)|\n")
_WRAP_WIDTH = 55  # hard-wrapped newswire lines are 60-80 characters
MAX_SENTENCE_CHARS = 4_000  # longer runs without a sentence end are cut (see _capped)
_CLOSERS = "\"'”’»)]"
_ABBREVIATIONS = frozenset(
    " ".join(
        (
            "mr mrs ms dr prof gen lt col maj capt",
            "cmdr adm sgt rep sen gov pres st jr sr",
            "inc ltd co corp no vs etc jan feb mar",
            "apr jun jul aug sep sept oct nov dec mt",
            "ft approx dept univ est fig al",
        )
    ).split()
)
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.)+$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation, not a sentence."""
    if text[dot] != ".":
        return False
    head = text[max(0, dot - 12) : dot + 1]
    if _INITIALISM.search(head) and not re.search(r"(?:^|[^\w.])[A-Z]\.$", head):
        return _next_word_lower(text, dot + 1) or _is_known_initialism(head)
    word = re.search(r"(\w+)\.$", head)
    if word is None:
        return False
    # A lone letter is an initial ("George W. Bush") or an Arabic title ("د." Dr).
    return len(word.group(1)) == 1 or word.group(1).lower() in _ABBREVIATIONS


def _is_known_initialism(head: str) -> bool:
    """Multi-letter initialisms ("U.S.", "U.N.") are usually mid-sentence."""
    return bool(re.search(r"(?:\b[A-Z]\.){2,}$", head))


def _next_word_lower(text: str, pos: int) -> bool:
    match = re.compile(r"\s*(\S)").match(text, pos)
    return match is not None and match.group(1).islower()


def _wrapped_line(text: str, newline: int) -> bool:
    """A single newline inside an English sentence (hard-wrapped text)."""
    before = text[:newline].rstrip(" \t")
    if not before or before[-1] in ".!?؟…:" + _CLOSERS:
        return False
    after = text[newline + 1 :].lstrip(" \t")
    if not after or not after[0].isascii() or not after[0].isalnum():
        return False
    line = before[before.rfind("\n") + 1 :]
    # Lower-case continuation, or a long line cut by a fixed-width wrap.
    return after[0].islower() or (len(line) >= _WRAP_WIDTH and line.isascii())


def _boundaries(text: str) -> list[int]:
    """End offsets (exclusive) of sentences, before trimming."""
    ends: list[int] = []
    for match in _TERMINAL.finditer(text):
        if match.group() == "\n":
            if not _wrapped_line(text, match.start()):
                ends.append(match.start())
            continue
        dot = match.start() + len(match.group().rstrip(_CLOSERS)) - 1
        if not _is_abbreviation(text, dot):
            ends.append(match.end())
    ends.append(len(text))
    return ends


_RULE_LANGUAGES = frozenset({"ar", "en"})


def _segmenter_ends(text: str, language: str) -> list[int]:
    """End offsets from sentencex: its pieces concatenate back to ``text`` exactly."""
    from sentencex import segment

    ends, at = [], 0
    for piece in segment(language, text):
        at += len(piece)
        ends.append(at)
    return ends if at == len(text) else _boundaries(text)  # never trust lost characters


def split_sentences(text: str, language: str | None = None) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets cut back out of ``text``.

    Arabic, English and unknown ``language`` use the rules above; any other
    ISO 639-1 code uses sentencex (Chinese "。" ends a sentence there, not here).
    Leading/trailing whitespace is trimmed; empty pieces are dropped, so
    ``sentence.text == text[sentence.start:sentence.end]`` always holds.

    >>> [s.text for s in split_sentences("Putin met Kim in the U.S. capital. Talks ended.")]
    ['Putin met Kim in the U.S. capital.', 'Talks ended.']
    >>> [s.text for s in split_sentences("普京会见了金正恩。双方讨论了合作。", "zh")]
    ['普京会见了金正恩。', '双方讨论了合作。']
    """
    rules = language is None or language in _RULE_LANGUAGES
    out: list[Sentence] = []
    start = 0
    for end in _boundaries(text) if rules else _segmenter_ends(text, language or ""):
        for a, b in _capped(text, start, end):
            piece = text[a:b]
            left = len(piece) - len(piece.lstrip())
            right = len(piece.rstrip())
            if right > left:
                out.append(Sentence(a + left, a + right, piece[left:right]))
        start = end
    return out


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`MAX_SENTENCE_CHARS`, each cut
    after the last whitespace that keeps it under the cap (anywhere, if none does).

    Every later stage works sentence by sentence, and some of its rules compare the
    words or names of a sentence with each other: unbounded sentences (a text with
    no punctuation at all) would make the article quadratic, bounded ones keep it
    linear. Real news sentences are far shorter (longest of 70,000 ar/en: 2,896).
    """
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        space = max(text.rfind(c, start + 1, limit) for c in " \n\t")
        cut = space + 1 if space > start else limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
