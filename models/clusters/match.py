"""Can this event join that cluster, and how well does it fit?

The rules follow the shared scorer's idea of "the same event", applied across
articles instead of against gold:

* same type;
* MEETING: at least two participants in common, or all of them when the event
  (or the cluster) names fewer; VISIT: the same visitor, and compatible
  destinations; ARMS_TRANSFER: the same supplier and the same recipient (each
  where both sides name one, and at least one party in common);
* places compatible: the same place, or one the country of the other (Moscow
  and Russia); two different cities keep two reports apart;
* times compatible at the coarser precision (``2024-01`` with ``2024-01-16``),
  give or take ``slack_days`` for reports that count a visit from its first or
  its last day; when either side has no time, publication dates at most
  ``window_days`` apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.clusters.names import APART, Party, place_relation, same_party
from models.clusters.profile import Profile
from models.clusters.when import near

Score = tuple[int, int, int]


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


def _meeting(event: Profile, cluster: Profile) -> int | None:
    mine = event.role("participant") or tuple(p for ps in event.parties.values() for p in ps)
    theirs = cluster.role("participant")
    common = shared(mine, theirs)
    need = min(2, len(mine), len(theirs))
    return common if common >= max(need, 1) else None


def _each_role(event: Profile, cluster: Profile, roles: Sequence[str]) -> int | None:
    # Each role both sides name must share a party; at least one must.
    total = 0
    for role in roles:
        mine, theirs = event.role(role), cluster.role(role)
        if mine and theirs:
            common = shared(mine, theirs)
            if not common:
                return None
            total += common
    return total or None


def _parties(event: Profile, cluster: Profile) -> int | None:
    if event.type == "MEETING":
        return _meeting(event, cluster)
    if event.type == "VISIT":
        mine, theirs = event.role("visitor"), cluster.role("visitor")
        if mine and theirs:
            return shared(mine, theirs) or None
        return _each_role(event, cluster, ("host", "inviter"))
    return _each_role(event, cluster, ("supplier", "recipient"))


def _place(event: Profile, cluster: Profile) -> int | None:
    if not event.places or not cluster.places:
        return 0  # nothing to compare: neither for nor against
    best = max(place_relation(a, b) for a in event.places for b in cluster.places)
    return None if best == APART else best


def _time(event: Profile, cluster: Profile, rules: Rules) -> int | None:
    if event.times and cluster.times:
        return 1 if near(event.times, cluster.times, rules.slack_days) else None
    return 0 if near(event.published, cluster.published, rules.window_days) else None


def fit(event: Profile, cluster: Profile, rules: Rules) -> Score | None:
    """None when the event cannot join the cluster; else how well it fits
    (parties in common, place agreement, dated agreement), higher is better."""
    if event.type != cluster.type:
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
    return parties, place, time
