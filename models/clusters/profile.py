"""What the matcher compares: one event, or one cluster, reduced to parties,
places and time intervals (precomputed once per event or cluster update)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from models.clusters.names import Party, Spot
from models.clusters.record import Cluster
from models.clusters.when import Days, published_days, span, time_days
from models.schema import Actor, Event, Place, Time

PLACE_KINDS = ("GPE", "LOC")
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True)
class Profile:
    """Parties by role, places, when it happened and when it was published."""

    type: str
    article: str  # an event's article ("" for a cluster)
    articles: frozenset[str]  # a cluster's articles (empty for an event)
    parties: dict[str, tuple[Party, ...]]
    places: tuple[Spot, ...]
    times: Days | None
    published: Days

    def role(self, name: str) -> tuple[Party, ...]:
        return self.parties.get(name, ())

    def blocking(self) -> Iterator[str]:
        """Blocking keys: a cluster this event can join shares one of them."""
        for parties in self.parties.values():
            for party in parties:
                yield from party.keys()


def _party(actor: Actor) -> Party:
    return Party.of(actor.name, [actor.text], actor.country, actor.kind, actor.title)


def _spot(place: Place) -> Spot:
    return Spot.of(place.name, place.text, place.country)


def most_specific(spots: Sequence[Spot]) -> tuple[Spot, ...]:
    """The places below country level when there are any: a report of Erbil
    must not fit a cluster of Baghdad because both are in Iraq."""
    local = [s for s in spots if not s.national]
    return tuple(local or spots)


def _places(type_: str, location: Place | None, hosts: Sequence[Actor]) -> tuple[Spot, ...]:
    spots = [_spot(location)] if location else []
    if type_ == "VISIT":  # a host country names the destination too
        spots += [Spot.of(a.name, a.text, a.country) for a in hosts if a.kind in PLACE_KINDS]
    return most_specific(spots)


def _finest(times: Sequence[Time]) -> Days | None:
    """The span of the most precise dated reports (a month report does not
    widen a cluster whose other reports give the day)."""
    if not times:
        return None
    best = max(PRECISION_RANK[t.precision] for t in times)
    days = [d for t in times if PRECISION_RANK[t.precision] == best and (d := time_days(t))]
    return span(days)


def of_event(event: Event, published: str) -> Profile:
    """The profile of one event published at ``published`` (ISO 8601)."""
    parties: dict[str, list[Party]] = {}
    for actor in event.actors:
        parties.setdefault(actor.role, []).append(_party(actor))
    hosts = [a for a in event.actors if a.role == "host"]
    return Profile(
        event.type,
        event.article_id,
        frozenset(),
        {role: tuple(found) for role, found in parties.items()},
        _places(event.type, event.location, hosts),
        _finest([event.time]) if event.time else None,
        published_days(published),
    )


def of_cluster(cluster: Cluster) -> Profile:
    """The profile of a cluster: every party and place any report gave."""
    parties: dict[str, list[Party]] = {}
    for actor in cluster.actors:
        party = Party.of(actor.name, actor.forms, actor.country, actor.kind, actor.title)
        parties.setdefault(actor.role, []).append(party)
    spots: list[Spot] = []
    for report in cluster.reports:
        if report.location and (spot := _spot(report.location)) not in spots:
            spots.append(spot)
    for actor in cluster.actors:
        if cluster.type == "VISIT" and actor.role == "host" and actor.kind in PLACE_KINDS:
            spots += [Spot.of(actor.name, form, actor.country) for form in actor.forms[:1]]
    published = [published_days(r.published) for r in cluster.reports]
    return Profile(
        cluster.type,
        "",
        frozenset(cluster.article_ids),
        {role: tuple(found) for role, found in parties.items()},
        most_specific(spots),
        _finest([r.time for r in cluster.reports if r.time]),
        span(published) or published[0],
    )
