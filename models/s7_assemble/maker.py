"""The visitor an Arabic visit noun names in a clause of its own: "زيارة يقوم بها وزير
الخارجية الفرنسي إلى طهران" (a visit *the French foreign minister* makes to Tehran),
"زيارة سرية قام بها بنيامين نتنياهو" (a secret visit Netanyahu made).

The subject of "قام بها" / "يقوم بها" (made it) is who travels. The role head reads it
often, but in a sentence about someone else ("اتصال هاتفي أجراه الرئيس الإيراني مع
نظيره الفرنسي عشية زيارة يقوم بها وزير الخارجية الفرنسي") it gives the visit the
other clause's people; the clause's own subject then replaces them.
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s1_document.normalize import fold
from models.s7_assemble.candidate import PARTY_KINDS, Candidate
from models.s7_assemble.context import SentenceView

_VISIT_NOUNS = frozenset(fold(w) for w in ("زيارة", "الزيارة", "جولة", "الجولة"))
# "made", "makes", "will make", "carried out": with "بها" (it) after them.
_VERBS = frozenset(fold(w) for w in (
    "قام", "قامت", "قاما", "يقوم", "تقوم", "يقومان", "سيقوم", "ستقوم",
    "أجرى", "أجرت", "يجري", "تجري", "سيجري", "ستجري",
))  # fmt: skip
_BEFORE_VERB = 2  # "زيارة سرية قام بها", "الزيارة التي قام بها"


def _verb(word: str) -> bool:
    return word in _VERBS or (word[:1] in "وف" and word[1:] in _VERBS)


def _maker(view: SentenceView, trigger: Trigger) -> Mention | None:
    """The party named right after "... قام بها" that follows the visit noun, or None
    ("الزيارة التي قام بها إلى بكين": the maker is a pronoun)."""
    words = view.after(trigger.end)
    for i, token in enumerate(words[: _BEFORE_VERB + 1]):
        if not _verb(fold(token.surface)):
            continue
        if i + 2 >= len(words) or fold(words[i + 1].surface) != fold("بها"):
            return None
        start = words[i + 2].start
        found = [m for m in view.mentions if m.start == start and m.kind in PARTY_KINDS]
        return max(found, key=lambda m: m.end) if found else None
    return None


def made_by(view: SentenceView, trigger: Trigger, cand: Candidate) -> None:
    """Make the subject of "قام بها" after a visit noun the visit's one visitor, with the
    names that follow it ("وزيرة خارجية الاتحاد الأوروبي فيديريكا موغيريني")."""
    if cand.type != "VISIT" or fold(trigger.text.strip()) not in _VISIT_NOUNS:
        return
    maker = _maker(view, trigger)
    if maker is None:
        return
    run = [maker]
    for m in sorted(view.mentions, key=lambda m: m.start):
        if m.start >= run[-1].end and m.kind in PARTY_KINDS:
            if view.text[run[-1].end : m.start].strip(" ،,"):
                break
            run.append(m)
    others = [(r, m) for r, m in cand.actors if r != "visitor"]
    cand.actors = others + [("visitor", m) for m in run]
