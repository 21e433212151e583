"""The public message contracts: ``Article`` (input) and ``Event`` (output).

These mirror ``shared/eval/FORMAT.md`` exactly. The event schema is a public
contract: change it only together with :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    field_validator,
)

from models.s3_times.anchor import Anchor

# The event schema's version: the ``schema_version`` field, the ``schema-version``
# header of events and dead letters, ``schemas/event.v1.schema.json``.
SCHEMA_VERSION = "1"
# The article schema's own version (``schemas/article.v2.schema.json``): bumped
# when ``published_at`` began to accept numbers (epoch seconds or milliseconds).
# Every v1 article is a valid v2 article; events did not change.
ARTICLE_SCHEMA_VERSION = "2"

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
    non-empty strings (no coercion from numbers: a wrong type is a bad input);
    ``published_at`` is a string, or a number for epoch times.
    """

    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)

    id: StrictStr = Field(min_length=1, description="Stable article id; also the Kafka key.")
    text: StrictStr = Field(min_length=1, description="Plain-text body, any language.")
    title: StrictStr | None = Field(default=None, description="Headline.")
    language: StrictStr | None = Field(default=None, description="ISO 639-1; detected when absent.")
    published_at: StrictStr | StrictInt | StrictFloat | None = Field(
        default=None,
        description=(
            "Publication time; anchors relative dates, to its own precision. ISO 8601 "
            "YYYY, YYYY-MM, YYYY-MM-DD or a date-time ('T' or a space), RFC 822/1123 "
            "('Tue, 16 Jan 2024 10:00:00 GMT'), or Unix epoch seconds (10^8 to 10^10) or "
            "milliseconds (10^11 to 10^13) as a number or a digit string."
        ),
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
    def _readable_date(cls, value: str | int | float | None) -> str | int | float | None:
        if value is not None:
            Anchor.parse(value)
        return value

    def published_anchor(self) -> Anchor | None:
        """``published_at`` with its precision, or None when absent.

        >>> Article(id="a", text="t", published_at="2015-10").published_anchor().precision
        'month'
        """
        return Anchor.parse(self.published_at) if self.published_at is not None else None


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
