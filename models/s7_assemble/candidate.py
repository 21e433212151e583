"""The unit assembly works on: one event mention, before merging."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.mentions import Mention, Sentence, TimeMention
from models.schema import EventType, Item, Role, Status

PARTY_KINDS = ("PERSON", "ORG")
PLACE_KINDS = ("GPE", "LOC")


@dataclass(slots=True)
class Candidate:
    """An event as read from one trigger; several merge into one :class:`Event`."""

    type: EventType
    status: Status
    actors: list[tuple[Role, Mention]] = field(default_factory=list)
    location: Mention | None = None
    time: TimeMention | None = None
    items: list[Item] = field(default_factory=list)
    evidence: list[Sentence] = field(default_factory=list)
    confidence: float = 0.5
    # Told apart from the events before it ("He also met Raul Castro"): it merges with
    # no event of other parties through the one party they share.
    another: bool = False
    # Its status is a default, not read ("تأتي زيارة الجبير ..."): it merges with a
    # mention of the same event of any status and takes that one's.
    tenseless: bool = False

    def keys(self, role: Role) -> set[str]:
        """Canonical keys of the actors in ``role``."""
        return {m.key for r, m in self.actors if r == role}

    def arguments(self) -> list[Mention]:
        """The actors' and the place's mentions."""
        return [m for _, m in self.actors] + ([self.location] if self.location else [])

    def add(self, role: Role, mention: Mention | None) -> None:
        """Add an actor unless the same key already holds that role."""
        if mention is not None and mention.key not in self.keys(role):
            self.actors.append((role, mention))
