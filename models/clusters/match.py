"""Can this event join that cluster, and how well does it fit?

The rules follow the shared scorer's idea of "the same event", applied across
articles instead of against gold:

* same type, and not from an article the cluster already has: one article
  reports one real event once (the annotation rule, and the extractor merges
  its own repeats), so two events of one article are two events;
* MEETING: at least two participants in common, or all of them when the event
  (or the cluster) names fewer; VISIT: the same visitor, and compatible
  destinations; ARMS_TRANSFER: the same supplier and the same recipient (each
  where both sides name one, and at least one party in common);
* places compatible: the same place, or one the country of the other (Moscow
  and Russia); two places of one country, or of two countries, keep two
  reports apart;
* times compatible at the coarser precision (``2024-01`` with ``2024-01-16``),
  give or take ``slack_days``; when either side has no time, its publication
  dates (and the other side's time, if it has one) at most ``window_days``
  from the other side's.

Among the clusters an event fits, the best is the one whose parties it covers
most completely (the King's audience, not the Crown Prince's meeting with
the same guest), then the one sharing most parties, the closest place, a
dated agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.clusters.names import APART, Party, place_relation, same_party
from models.clusters.profile import Profile
from models.clusters.when import Days, near

Score = tuple[float, int, int, int]


@dataclass(frozen=True, slots=True)
class Rules:
    """The tunable part of matching (settings ``EVENTWIRE_CLUSTER_*``)."""

    window_days: int = 3  # publication dates, when a side has no time
    slack_days: int = 1  # around a dated report


def shared(mine: Sequence[Party], theirs: Sequence[Party]) -> int:
    """Parties in common, each matched at most once (greedy, in order)."""
    free = list(theirs)
    count = 0
    for party in mine:
        hit = next((i for i, other in enumerate(free) if same_party(party, other)), None)
        if hit is not None:
            free.pop(hit)
            count += 1
    return count


Parties = tuple[int, int] | None  # (in common, the fewer named by either side)


def _meeting(event: Profile, cluster: Profile) -> Parties:
    mine = event.role("participant") or tuple(p for ps in event.parties.values() for p in ps)
    theirs = cluster.role("participant")
    common = shared(mine, theirs)
    fewer = min(len(mine), len(theirs))
    return (common, fewer) if common >= max(min(2, fewer), 1) else None


def _each_role(event: Profile, cluster: Profile, roles: Sequence[str]) -> Parties:
    # Each role both sides name must share a party; at least one must.
    common = fewer = 0
    for role in roles:
        mine, theirs = event.role(role), cluster.role(role)
        if mine and theirs:
            found = shared(mine, theirs)
            if not found:
                return None
            common += found
            fewer += min(len(mine), len(theirs))
    return (common, fewer) if common else None


def _parties(event: Profile, cluster: Profile) -> Parties:
    if event.type == "MEETING":
        return _meeting(event, cluster)
    if event.type == "VISIT":
        if event.role("visitor") and cluster.role("visitor"):
            return _each_role(event, cluster, ("visitor",))
        return _each_role(event, cluster, ("host", "inviter"))
    return _each_role(event, cluster, ("supplier", "recipient"))


def _place(event: Profile, cluster: Profile) -> int | None:
    if not event.places or not cluster.places:
        return 0  # nothing to compare: neither for nor against
    best = max(place_relation(a, b) for a in event.places for b in cluster.places)
    return None if best == APART else best


def _spans(times: Days | None, published: Days) -> list[Days]:
    return [published, times] if times else [published]


def _time(event: Profile, cluster: Profile, rules: Rules) -> int | None:
    if event.times and cluster.times:
        return 1 if near(event.times, cluster.times, rules.slack_days) else None
    mine, theirs = _spans(event.times, event.published), _spans(cluster.times, cluster.published)
    close = any(near(a, b, rules.window_days) for a in mine for b in theirs)
    return 0 if close else None


def fit(event: Profile, cluster: Profile, rules: Rules) -> Score | None:
    """None when the event cannot join the cluster; else how well it fits,
    higher is better (see module doc)."""
    if event.type != cluster.type or event.article in cluster.articles:
        return None
    time = _time(event, cluster, rules)
    if time is None:
        return None
    parties = _parties(event, cluster)
    if parties is None:
        return None
    place = _place(event, cluster)
    if place is None:
        return None
    common, fewer = parties
    return common / max(fewer, 1), common, place, time
