"""The online clusterer: events in, one at a time; changed clusters out.

Greedy and deterministic: an event joins the open cluster it fits best
(:func:`models.clusters.match.fit`; ties go to the earliest cluster, then the
smallest id), or starts a new one whose id derives from its own event id. An
event joins at most one cluster and clusters never merge, so an id, once
published, stays. An event id seen before changes nothing (at-least-once
redelivery, a restart): the same sequence of events always gives the same
clusters with the same ids.

Candidates come from a blocking index (event type + name words, see
:meth:`models.clusters.names.Party.keys`), so an event is compared with the
clusters that share a name word with it, not with every open cluster.

Clusters idle (no new report, by message time) for longer than the retention
are closed: dropped from the state, never matched again.

Open clusters are kept as their JSON (about 1.5 KB each on the gold set) and
decoded only when an event fits one: as pydantic objects they took 30 KB each.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from models.clusters.match import Rules, Score, fit
from models.clusters.merge import add_report
from models.clusters.profile import Profile, of_cluster, of_event
from models.clusters.record import Cluster
from models.schema import Event


@dataclass(frozen=True, slots=True)
class Update:
    """What one event did: the cluster it is in now, and whether that changed it."""

    cluster: Cluster
    created: bool
    duplicate: bool


def _utc(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


class _Decoded(Mapping[str, Cluster]):
    """A read-only view of stored clusters, decoded on access."""

    def __init__(self, stored: dict[str, bytes]) -> None:
        self._stored = stored

    def __getitem__(self, cid: str) -> Cluster:
        return Cluster.model_validate_json(self._stored[cid])

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)


class Clusterer:
    """Open clusters and their indexes (see module doc)."""

    def __init__(self, rules: Rules | None = None, retention: dt.timedelta | None = None) -> None:
        self.rules = rules or Rules()
        self.retention = retention
        self._stored: dict[str, bytes] = {}  # cluster id → its record's JSON
        self._first_seen: dict[str, str] = {}
        self._updated: dict[str, dt.datetime] = {}
        self.clock: dt.datetime | None = None  # latest message time of a change
        self._profiles: dict[str, Profile] = {}
        self._of_event: dict[str, str] = {}
        self._index: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._keys: dict[str, set[tuple[str, str]]] = {}
        self._idle: list[tuple[dt.datetime, str]] = []  # heap; stale entries skipped

    def __len__(self) -> int:
        return len(self._stored)

    @property
    def clusters(self) -> Mapping[str, Cluster]:
        """Open clusters by id (decoded on access)."""
        return _Decoded(self._stored)

    def restore(self, clusters: Iterable[Cluster]) -> None:
        """Load clusters (a recovered table) and rebuild the indexes."""
        for cluster in clusters:
            self._put(cluster)

    def cluster_of(self, event_id: str) -> Cluster | None:
        """The cluster holding ``event_id``, if any."""
        found = self._of_event.get(event_id)
        return Cluster.model_validate_json(self._stored[found]) if found else None

    def add(self, event: Event, published: str, updated: str) -> Update:
        """Fold one event in. ``published``: its article's publication time, else
        the message time (ISO 8601); ``updated``: the message time (ISO 8601 UTC)."""
        known = self.cluster_of(event.event_id)
        if known is not None:
            return Update(known, created=False, duplicate=True)
        profile = of_event(event, published)
        best = self._best(profile)
        joined = Cluster.model_validate_json(self._stored[best]) if best else None
        cluster = add_report(joined, event, published, updated)
        self._put(cluster)
        return Update(cluster, created=best is None, duplicate=False)

    def expire(self) -> list[str]:
        """Close every cluster idle for longer than the retention; their ids."""
        if self.retention is None or self.clock is None:
            return []
        closed = []
        horizon = self.clock - self.retention
        while self._idle and self._idle[0][0] < horizon:
            at, cid = heapq.heappop(self._idle)
            if self._updated.get(cid) == at:
                self._remove(cid)
                closed.append(cid)
        return closed

    def _best(self, profile: Profile) -> str | None:
        candidates = set()
        for key in set(profile.blocking()):
            candidates |= self._index.get((profile.type, key), set())
        scored: list[tuple[Score, str, str]] = []
        for cid in candidates:
            score = fit(profile, self._profiles[cid], self.rules)
            if score is not None:
                scored.append((score, self._first_seen[cid], cid))
        if not scored:
            return None
        # Best score; among equals the earliest cluster, then the smallest id.
        scored.sort(key=lambda s: (tuple(-x for x in s[0]), s[1], s[2]))
        return scored[0][2]

    def _put(self, cluster: Cluster) -> None:
        cid = cluster.cluster_id
        if cid in self._stored:
            self._unindex(cid)
        self._stored[cid] = cluster.model_dump_json().encode()
        self._first_seen[cid] = cluster.first_seen
        profile = of_cluster(cluster)
        self._profiles[cid] = profile
        keys: set[tuple[str, str]] = {(cluster.type, key) for key in profile.blocking()}
        self._keys[cid] = keys
        for key in keys:
            self._index[key].add(cid)
        for event_id in cluster.event_ids:
            self._of_event[event_id] = cid
        at = self._updated[cid] = _utc(cluster.updated)
        self.clock = max(self.clock, at) if self.clock else at
        heapq.heappush(self._idle, (at, cid))

    def _unindex(self, cid: str) -> None:
        for key in self._keys.pop(cid, set()):
            members = self._index.get(key)
            if members is not None:
                members.discard(cid)
                if not members:
                    del self._index[key]

    def _remove(self, cid: str) -> None:
        self._unindex(cid)
        cluster = Cluster.model_validate_json(self._stored.pop(cid))
        self._first_seen.pop(cid, None)
        self._updated.pop(cid, None)
        self._profiles.pop(cid, None)
        for event_id in cluster.event_ids:
            self._of_event.pop(event_id, None)
