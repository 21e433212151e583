"""Label inventories of the learned core (the weights' config repeats them)."""

from __future__ import annotations

from collections.abc import Sequence

from models.s6_core.spans import bio_labels
from models.schema import EVENT_TYPES, STATUSES, EventType

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC")
ENTITY_LABELS = bio_labels(ENTITY_TYPES)
TRIGGER_LABELS = bio_labels(EVENT_TYPES)
# Spans that play a role in some event of the sentence (who, with whom, where).
ARGUMENT_LABELS = bio_labels(("ARG",))
STATUS_LABELS = list(STATUSES)
# "none" first: a candidate span that plays no part in the trigger's event.
ROLE_LABELS = [
    "none",
    "participant",
    "visitor",
    "host",
    "inviter",
    "supplier",
    "recipient",
    "place",
]
ROLES_BY_TYPE: dict[EventType, tuple[str, ...]] = {
    "MEETING": ("participant", "place"),
    "VISIT": ("visitor", "host", "inviter", "place"),
    "ARMS_TRANSFER": ("supplier", "recipient", "place"),
}
# What the gazetteer says a role candidate is ("" = it does not know the span).
GAZETTEER_KINDS = ("", "PERSON", "ORG", "GPE", "LOC")


def kind_of(span: tuple[int, int], known: Sequence[tuple[int, int, str]]) -> int:
    """Index in :data:`GAZETTEER_KINDS` of the longest known mention overlapping ``span``."""
    hits = [(b - a, kind) for a, b, kind in known if a < span[1] and span[0] < b]
    kind = max(hits)[1] if hits else ""
    return GAZETTEER_KINDS.index(kind) if kind in GAZETTEER_KINDS else 0


# Distance between trigger and candidate, in words, bucketed (sign kept: before/after).
DISTANCE_BUCKETS = (-30, -15, -8, -4, -2, -1, 0, 1, 2, 4, 8, 15, 30)


def distance_bucket(words_between: int) -> int:
    """Index of the bucket holding a signed word distance (candidate minus trigger)."""
    for i, edge in enumerate(DISTANCE_BUCKETS):
        if words_between <= edge:
            return i
    return len(DISTANCE_BUCKETS)
