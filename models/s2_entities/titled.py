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

from models.s1_document.normalize import Token, fold, norm_phrase

# What may separate two words of one name: spaces, a hyphen, an apostrophe, or
# the dot of an initial ("George W. Bush", "U.S.").
NAME_GAP = re.compile(r"[ \t\u00a0]*[-'’]?[ \t\u00a0]*|\.[ \t]?")
_EN_STOP = frozenset(
    norm_phrase("the a an on in at and of for to with said says told from by his her")
)
# Words that end an Arabic name: prepositions, particles, common reporting verbs.
AR_STOP = frozenset(
    norm_phrase(
        "في من إلى الى على عن مع أن إن ان الذي التي الذين خلال بعد قبل حيث كما لدى عند منذ "
        "حول ضد بين أمام يوم اليوم أمس قد لقد إنه أنه هو هي ما لا لم لن ثم أو أي كان كانت "
        "قال قالت أكد أكدت بحث بحثت التقى التقت استقبل استقبلت زار زارت يزور وصل وصلت غادر "
        "أعلن أعلنت أشار دعا يرافقه رئيس وزير وزيرة نائب سفير الرئيس الملك الأمير "
        "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد صباح مساء "
        # adverbs and pronoun-suffixed words that follow a name: "لوران فابيوس بدوره"
        "بدوره بدورها بدورهم أيضا كذلك نفسه نفسها ذاته ذاتها حاليا سابقا لاحقا مؤخرا "
        "حينها عندها وقتها إثر عقب صباحا مساء ظهر عصر فجر الأمس غدا نظيره نظيرها نظيريه "
        "الأربعاء والذي والتي الذى هذا هذه ذلك تلك"
    )
)
# Arabic given names that begin with و (otherwise read as the conjunction "and").
_WAW_NAMES = frozenset(norm_phrase("وليد وائل وانغ وحيد وفاء ويليام وارن وديع ولي ولد"))
_HONOURED_NAMES = frozenset(norm_phrase("صباح"))
_GLUED = ("بال", "لل", "كال", "فال", "وال")
# Words between a title and the name: "former", honorifics, ranks.
SKIP = frozenset(
    norm_phrase(
        "السابق الأسبق المكلف الأستاذ الدكتور اللواء العميد الفريق المهندس الشيخ السيد السيدة "
        "former acting"
    )
)
_MAX_EN, _MAX_AR = 4, 5
Span = tuple[int, int]


def _folded(words: str) -> frozenset[str]:
    """Space-separated words, folded (the article kept)."""
    return frozenset(fold(w) for w in words.split())


def skip_back(tokens: Sequence[Token], pos: int) -> int:
    """Index before "former"/honorifics/ranks that end just before ``pos``."""
    while pos > 0 and tokens[pos - 1].norm in SKIP:
        pos -= 1
    return pos


# "son of"/"daughter of": a name never ends on them, the father's name follows.
LINEAGE = frozenset(fold(w) for w in ("بن", "ابن", "بنت", "bin", "ibn", "bint"))
# After "بن" "علي" is Ali, not the preposition "على" that it folds to ("وزير الخارجية أحمد
# بن علي" had stopped at "أحمد بن").
_LINEAGE_NAMES = frozenset(("علي", "وعلي"))


def name_span(text: str, tokens: Sequence[Token], start: int, covered: set[int]) -> Span | None:
    """Token span [first, last) of a person's name at ``start`` (after "former",
    honorifics and ranks), or None; a lone word is too often not a name."""
    honoured = False
    while start < len(tokens) and tokens[start].norm in SKIP and start not in covered:
        start, honoured = start + 1, True
    if start >= len(tokens) or start in covered:
        return None
    arabic = not tokens[start].surface.isascii()
    limit = _MAX_AR if arabic else _MAX_EN
    n = 0
    while start + n < len(tokens) and n < limit:
        tok = tokens[start + n]
        after_lineage = n > 0 and fold(tokens[start + n - 1].surface) in LINEAGE
        name_word = _name_word(tok, arabic, honoured and n == 0) or (
            after_lineage and tok.surface in _LINEAGE_NAMES  # as written: "على" is "on"
        )
        if start + n in covered or not name_word:
            break
        if n and not NAME_GAP.fullmatch(text[tokens[start + n - 1].end : tok.start]):
            break
        n += 1
    return (start, start + n) if n >= 2 else None


def _name_word(tok: Token, arabic: bool, honoured: bool = False) -> bool:
    """``honoured``: first word after an honorific, where "صباح" is a name."""
    if not arabic:
        return tok.surface.isascii() and tok.surface[:1].isupper() and tok.norm not in _EN_STOP
    if tok.surface.isascii() or tok.surface.isdigit():
        return False
    if tok.norm in AR_STOP and not (honoured and tok.norm in _HONOURED_NAMES):
        return False
    if "\u064b" in tok.surface:  # accusative tanween (اجتماعاً): names do not take it
        return False
    word = fold(tok.surface)
    if word.startswith(_GLUED) or (word[:1] in "بل" and word[1:] in _COMMON):
        return False  # "بجولة", "لزيارة": a preposition on a common noun, no name
    return not word.startswith("و") or tok.norm in _WAW_NAMES


def plain_title_name(tokens: Sequence[Token], start: int, covered: set[int]) -> bool:
    """Do the two words at ``start`` (after honorifics) look like a name, for an
    Arabic title written without its country ("وزير الخارجية سامح شكري")? The
    first word must be bare (no article), not a common noun, not a verb form."""
    while start < len(tokens) and tokens[start].norm in SKIP:
        start += 1
    if start + 1 >= len(tokens) or {start, start + 1} & covered:
        return False
    first, second = fold(tokens[start].surface), fold(tokens[start + 1].surface)
    if first.startswith("ال") or first in _COMMON or second in _COMMON:
        return False
    verb_like = first[:1] in "يتن" and len(first) >= 4 and first not in _PREFIXED_NAMES
    return not verb_like and not first.endswith(("ه", "ا"))


# Words after a bare title that start an object, not a name.
_COMMON = _folded(
    "جولة زيارة محادثات مباحثات اجتماع لقاء رسالة اتصالا اتصال كلمة وفد وفدا عددا "
    "بيانا بيان تصريحات مؤتمرا مؤتمر خطابا نظيره نظيرها سفير سفراء رئيس وزير أمير "
    "نائب مسؤولين مسؤولي ممثلي قادة أعضاء رؤساء وزراء أمس اليوم يوم غدا عن على "
    "إلى"
)  # fmt: skip
_PREFIXED_NAMES = _folded(
    "يوسف يحيى ياسر يونس يعقوب يزيد يسري تامر توفيق تركي تميم نبيل نايف نواف نجيب "
    "نزار نصر نعيم نوري نجلاء"
)  # fmt: skip
