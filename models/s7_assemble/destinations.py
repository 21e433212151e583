"""Where a visit goes when the destination is implicit or one of several places.

"arrived in Cairo on a visit to Egypt" names two places (the one the trigger
governs is the most specific); "arrived here" points at the dateline city.
"""

from __future__ import annotations

from models.mentions import Mention, Trigger
from models.s7_assemble.context import SentenceView


def followed_by_here(view: SentenceView, trigger: Trigger) -> bool:
    """ "arrived here", "وصل هنا"."""
    after = [t for t in view.tokens if t.start >= trigger.end][:1]
    return bool(after) and after[0].norm in ("here", "هنا")


def dateline(view: SentenceView) -> Mention | None:
    """ "arrived here": the place of the article's dateline, when it has one."""
    return view.article.dateline()


def adjacent(view: SentenceView, trigger: Trigger, mention: Mention) -> bool:
    """No word between: "arrived in Cairo", "visited Shenyang" (the trigger governs it)."""
    return not [t for t in view.tokens if trigger.end <= t.start < mention.start]


def home_of(view: SentenceView, party: Mention) -> Mention | None:
    """A party's country as a place: "X invited Y to visit" with no place named goes to
    X's country, and so does "X received visiting Y"."""
    if party.country is None:
        return None
    same = view.article.of_country(("GPE",), party.country)
    same.sort(key=lambda m: m.demonym)  # "Jordan" before "Jordanian"
    if same:
        return same[0]
    key = f"GPE:{party.country}"
    return Mention(party.start, party.end, party.country, "GPE", key, None, party.country)
