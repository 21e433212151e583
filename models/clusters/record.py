"""The cluster record: the public contract of the ``event-clusters`` topic.

Every update carries the whole cluster, keyed by ``cluster_id``, so the
latest record per key is all a consumer needs (the topic is compacted). The
schema is versioned on its own (:data:`CLUSTER_SCHEMA_VERSION`, the
``schema-version`` header and ``schemas/cluster.v1.schema.json``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.schema import EntityKind, EventType, Place, Role, Status, Time

CLUSTER_SCHEMA_VERSION = "1"


class ClusterActor(BaseModel):
    """One party, merged over every report that names it in this role."""

    model_config = ConfigDict(frozen=True)

    role: Role
    name: str | None = Field(
        default=None, description="Canonical English name, if any report knew it."
    )
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3.")
    kind: EntityKind
    title: str | None = Field(default=None, description="Office held, if a report said.")
    forms: list[str] = Field(description="Surface forms seen, first seen first (at most 8).")
    reports: int = Field(ge=1, description="Reports (events) that name this party in this role.")


class Report(BaseModel):
    """One event of the cluster, as much of it as the merge needs."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    article_id: str
    status: Status
    time: Time | None = None
    location: Place | None = None
    published: str = Field(description="Publication time (ISO 8601), else the message time.")
    confidence: float = Field(ge=0.0, le=1.0)


class Snippet(BaseModel):
    """An evidence sentence and the article it comes from."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    text: str


class Cluster(BaseModel):
    """One real-world event and every report of it (schema version 1)."""

    model_config = ConfigDict(frozen=True)

    schema_version: Literal["1"] = "1"
    cluster_id: str = Field(description="Stable: derived from the first member's event_id.")
    type: EventType
    status: Status = Field(description="The status most reports give (ties: occurred first).")
    status_counts: dict[Status, int] = Field(description="Reports per status.")
    actors: list[ClusterActor] = Field(default_factory=list)
    location: Place | None = Field(default=None, description="The most specific place reported.")
    time: Time | None = Field(
        default=None, description="When, at the finest precision every dated report agrees on."
    )
    event_ids: list[str] = Field(description="Member events, in arrival order.")
    article_ids: list[str] = Field(description="Distinct articles, in arrival order.")
    sources: int = Field(ge=1, description="Number of distinct articles reporting the event.")
    first_seen: str = Field(description="Earliest publication time of a report (ISO 8601).")
    last_seen: str = Field(description="Latest publication time of a report (ISO 8601).")
    updated: str = Field(
        description="Message time of the report that last changed the cluster (ISO 8601, UTC)."
    )
    confidence: float = Field(
        ge=0.0, le=1.0, description="1 - prod(1 - c) over the best report of each article."
    )
    evidence: list[Snippet] = Field(
        default_factory=list, description="Up to three evidence sentences, one per article."
    )
    reports: list[Report] = Field(description="Every member event, in arrival order.")
