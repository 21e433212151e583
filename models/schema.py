"""The public message contracts: ``Article`` (input) and ``Event`` (output).

These mirror ``shared/eval/FORMAT.md`` exactly. The event schema is a public
contract: change it only together with :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator

SCHEMA_VERSION = "1"

EventType = Literal["MEETING", "VISIT", "ARMS_TRANSFER"]
Status = Literal["occurred", "planned", "proposed", "alleged", "denied"]
Role = Literal["participant", "visitor", "host", "inviter", "supplier", "recipient"]
EntityKind = Literal["PERSON", "ORG", "GPE", "LOC"]
Precision = Literal["year", "month", "day"]
ItemCategory = Literal[
    "missiles",
    "artillery",
    "ammunition",
    "drones",
    "aircraft",
    "armour",
    "air_defence",
    "small_arms",
    "naval",
    "other",
]

EVENT_TYPES: tuple[EventType, ...] = ("MEETING", "VISIT", "ARMS_TRANSFER")
STATUSES: tuple[Status, ...] = ("occurred", "planned", "proposed", "alleged", "denied")


class Article(BaseModel):
    """One news article, as published on the input topic.

    Unknown extra fields are accepted and ignored. ``id`` and ``text`` must be
    non-empty strings (no coercion from numbers: a wrong type is a bad input).
    """

    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)

    id: StrictStr = Field(min_length=1, description="Stable article id; also the Kafka key.")
    text: StrictStr = Field(min_length=1, description="Plain-text body, any language.")
    title: StrictStr | None = Field(default=None, description="Headline.")
    language: StrictStr | None = Field(default=None, description="ISO 639-1; detected when absent.")
    published_at: StrictStr | None = Field(
        default=None, description="ISO-8601 date or date-time; anchors relative dates."
    )
    url: StrictStr | None = None
    source: StrictStr | None = None

    @field_validator("id", "text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("published_at")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None:
            parse_published_at(value)
        return value

    def published_datetime(self) -> dt.datetime | None:
        """``published_at`` as a naive datetime, or None when absent."""
        return parse_published_at(self.published_at) if self.published_at else None


def parse_published_at(value: str) -> dt.datetime:
    """Parse an ISO-8601 date or date-time; raises ValueError otherwise.

    >>> parse_published_at("2024-01-16").day
    16
    """
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"published_at {value!r} is not an ISO-8601 date or date-time") from exc
    return parsed.replace(tzinfo=None)


class Actor(BaseModel):
    """A party to an event, with its role."""

    model_config = ConfigDict(frozen=True)

    role: Role
    text: str = Field(description="Surface form as written in the article.")
    name: str | None = Field(default=None, description="Canonical English name, if known.")
    kind: EntityKind
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3.")
    title: str | None = Field(default=None, description="Office held, if said.")


class Place(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    name: str | None = None
    kind: EntityKind
    country: str | None = None


class Time(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str = Field(description="Surface form of the time expression.")
    start: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD.")
    end: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD.")
    precision: Precision


class Item(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    category: ItemCategory
    quantity: int | None = None


class Evidence(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    start: int = Field(ge=0, description="Character offset into the article text.")
    end: int = Field(ge=0, description="Exclusive character offset into the article text.")


class ExtractorInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    version: str
    model: str | None = None


class Event(BaseModel):
    """One extracted event, as published on the events topic (schema version 1)."""

    model_config = ConfigDict(frozen=True)

    schema_version: Literal["1"] = "1"
    event_id: str
    type: EventType
    status: Status
    article_id: str
    language: str
    actors: list[Actor] = Field(default_factory=list)
    location: Place | None = None
    time: Time | None = None
    items: list[Item] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    extractor: ExtractorInfo
