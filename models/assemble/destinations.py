"""Where a visit goes when the destination is implicit or one of several places.

"arrived in Cairo on a visit to Egypt" names two places (the one the trigger
governs is the most specific); "arrived here" points at the dateline city.
"""

from __future__ import annotations

from models.assemble.candidate import PLACE_KINDS
from models.assemble.context import SentenceView
from models.mentions import Mention, Trigger

_DATELINE_REACH = 40  # "WASHINGTON, March 3 -" / "BEIJING, Nov. 3 (Xinhua) --"


def followed_by_here(view: SentenceView, trigger: Trigger) -> bool:
    """ "arrived here", "وصل هنا"."""
    after = [t for t in view.tokens if t.start >= trigger.end][:1]
    return bool(after) and after[0].norm in ("here", "هنا")


def dateline(view: SentenceView) -> Mention | None:
    """ "arrived here": the place of the article's dateline, when it has one."""
    places = [m for m in view.article_mentions if m.kind in PLACE_KINDS]
    first = min(places, key=lambda m: m.start, default=None)
    if first is None or first.start > 2 or not view.text[first.start : first.end].isupper():
        return None
    return first if first.end <= _DATELINE_REACH else None


def adjacent(view: SentenceView, trigger: Trigger, mention: Mention) -> bool:
    """No word between: "arrived in Cairo", "visited Shenyang" (the trigger governs it)."""
    return not [t for t in view.tokens if trigger.end <= t.start < mention.start]
