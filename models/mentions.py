"""Intermediate, internal types shared by the extraction stages.

Offsets are character offsets into the article text (``end`` exclusive), so
evidence and spans can always be cut back out of the original string.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.schema import EntityKind, EventType, Precision, Status


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention found in the text, normalised where the gazetteer knows it.

    ``key`` is the canonical identity used to merge mentions and build event ids
    (e.g. ``"PERSON:Vladimir Putin"`` or ``"GPE:RUS"``); for unknown names it is
    derived from the normalised surface form.
    """

    start: int
    end: int
    text: str
    kind: EntityKind
    key: str
    name: str | None = None
    country: str | None = None
    title: str | None = None
    aliases: tuple[str, ...] = ()
    # A country adjective ("Russian", "الروسية") rather than a name: kind GPE,
    # key ``GPE:<ISO3>``; useful for attribution, weak as an actor on its own.
    demonym: bool = False
    # Part of another mention's title or attribution ("North Korea" in "North
    # Korea's foreign minister Choe", "Kremlin" in "Kremlin spokesman Peskov").
    in_title: bool = False


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression normalised against the article's publication date."""

    start: int
    end: int
    text: str
    value_start: str
    value_end: str
    precision: Precision


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that signals an event of ``type`` in a sentence."""

    start: int
    end: int
    text: str
    type: EventType


@dataclass(slots=True)
class SentenceSignal:
    """What the event-detection stage says about one sentence.

    ``types`` maps each event type found to a probability; ``status`` maps each
    found type to its predicted status. Filled by lexicons or by trained heads,
    consumed by the same assembly code.
    """

    sentence: Sentence
    types: dict[EventType, float] = field(default_factory=dict)
    status: dict[EventType, Status] = field(default_factory=dict)
    triggers: list[Trigger] = field(default_factory=list)
