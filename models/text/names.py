"""Spans of unknown people's names introduced by a title.

"Foreign Minister Ri Son Gwon", "وزير الخارجية البحريني خالد بن أحمد آل خليفة":
the gazetteer does not know everyone, but a title right before a name is a
reliable cue. English names are the capitalised words after the title. Arabic
has no capitals, so the name runs until punctuation, a function word, a verb
we know, or a word with a glued conjunction/preposition; the scorer matches
by containment, so a span one word too long still matches the gold name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.text.normalize import Token, fold, norm_phrase

# What may separate two words of one name: spaces, a hyphen, an apostrophe, or
# the dot of an initial ("George W. Bush", "U.S.").
NAME_GAP = re.compile(r"[ \t\u00a0]*[-'’]?[ \t\u00a0]*|\.[ \t]?")
_EN_STOP = frozenset(
    "the a an on in at and of for to with said says told from by his her".split()  # noqa: SIM905
)
# Words that end an Arabic name: prepositions, particles, common reporting verbs.
AR_STOP = frozenset(
    norm_phrase(
        "في من إلى الى على عن مع أن إن ان الذي التي الذين خلال بعد قبل حيث كما لدى عند منذ "
        "حول ضد بين أمام يوم اليوم أمس قد لقد إنه أنه هو هي ما لا لم لن ثم أو أي كان كانت "
        "قال قالت أكد أكدت بحث بحثت التقى التقت استقبل استقبلت زار زارت يزور وصل وصلت غادر "
        "أعلن أعلنت أشار دعا يرافقه رئيس وزير وزيرة نائب سفير الرئيس الملك الأمير "
        "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد صباح مساء"
    )
)
# Arabic given names that begin with و (otherwise read as the conjunction "and").
_WAW_NAMES = frozenset(norm_phrase("وليد وائل وانغ وحيد وفاء ويليام وارن وديع ولي ولد"))
_GLUED = ("بال", "لل", "كال", "فال", "وال")
# Words between a title and the name: "former", honorifics, ranks.
_SKIP = frozenset(
    norm_phrase(
        "السابق الأسبق المكلف الأستاذ الدكتور اللواء العميد الفريق المهندس الشيخ السيد السيدة "
        "former acting"
    )
)
_MAX_EN, _MAX_AR = 4, 5
Span = tuple[int, int]


def skip_back(tokens: Sequence[Token], pos: int) -> int:
    """Index before "former"/honorifics/ranks that end just before ``pos``."""
    while pos > 0 and tokens[pos - 1].norm in _SKIP:
        pos -= 1
    return pos


def name_span(text: str, tokens: Sequence[Token], start: int, covered: set[int]) -> Span | None:
    """Token span [first, last) of a person's name at ``start`` (after "former",
    honorifics and ranks), or None; a lone word is too often not a name."""
    while start < len(tokens) and tokens[start].norm in _SKIP and start not in covered:
        start += 1
    if start >= len(tokens) or start in covered:
        return None
    arabic = not tokens[start].surface.isascii()
    limit = _MAX_AR if arabic else _MAX_EN
    n = 0
    while start + n < len(tokens) and n < limit:
        tok = tokens[start + n]
        if start + n in covered or not _name_word(tok, arabic):
            break
        if n and not NAME_GAP.fullmatch(text[tokens[start + n - 1].end : tok.start]):
            break
        n += 1
    return (start, start + n) if n >= 2 else None


def _name_word(tok: Token, arabic: bool) -> bool:
    if not arabic:
        return tok.surface.isascii() and tok.surface[:1].isupper() and tok.norm not in _EN_STOP
    if tok.surface.isascii() or tok.norm in AR_STOP or tok.surface.isdigit():
        return False
    if "\u064b" in tok.surface:  # accusative tanween (اجتماعاً): names do not take it
        return False
    word = fold(tok.surface)
    if word.startswith(_GLUED):
        return False
    return not word.startswith("و") or tok.norm in _WAW_NAMES
