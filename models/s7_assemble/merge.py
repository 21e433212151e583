"""One event per real event: merge candidates of one article.

Two candidates merge when they have the same type, statuses that can describe
the same event (an occurred and a planned visit are two visits), times and
places that do not conflict, and overlapping actors in the type's key role.
The merged event keeps every evidence sentence and the union of actors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from models.mentions import Mention, TimeMention
from models.s7_assemble.candidate import Candidate
from models.schema import Role, Status

_PAST: frozenset[Status] = frozenset({"occurred", "alleged", "denied"})
_FUTURE: frozenset[Status] = frozenset({"planned", "proposed", "alleged", "denied"})
_PRECISION = {"year": 0, "month": 1, "day": 2}
_STAY = dt.timedelta(days=7)
_KEY_ROLES: dict[str, tuple[Role, ...]] = {
    "MEETING": ("participant",),
    "VISIT": ("visitor",),
    "ARMS_TRANSFER": ("supplier", "recipient"),
}
# An institution may stand for a person of its country, and a person for it.
_PROBED: dict[str, str] = {"ORG": "PERSON", "PERSON": "ORG"}


def status_ok(a: Status, b: Status) -> bool:
    return a == b or {a, b} <= _PAST or {a, b} <= _FUTURE


def time_ok(a: TimeMention | None, b: TimeMention | None) -> bool:
    """No conflict: one is missing, or one period contains the other (2023 ⊇ 2023-09)."""
    if a is None or b is None:
        return True
    return a.value_start.startswith(b.value_start) or b.value_start.startswith(a.value_start)


def same_stay(a: Candidate, b: Candidate) -> bool:
    """Arrival and departure days of one visit differ ("arrived in Hanoi Monday ... ended
    his visit to Vietnam Wednesday"): visits to a named place a few days apart are one."""
    if a.type != "VISIT" or a.location is None or b.location is None:
        return False
    if a.time is None or b.time is None or "day" not in (a.time.precision, b.time.precision):
        return False
    if a.time.precision != b.time.precision:
        return False
    gap = dt.date.fromisoformat(a.time.value_start) - dt.date.fromisoformat(b.time.value_start)
    return abs(gap) <= _STAY


def place_ok(a: Mention | None, b: Mention | None) -> bool:
    if a is None or b is None:
        return True
    return a.key == b.key or (a.country is not None and a.country == b.country)


def _stands_for(a: Candidate, b: Candidate, role: Role) -> bool:
    """An institution stands for its leader: "the Kremlin chief's visit" is Putin's visit."""
    orgs = {m.country for r, m in a.actors if r == role and m.kind == "ORG"}
    people = {m.country for r, m in b.actors if r == role and m.kind == "PERSON"}
    solely_orgs = all(m.kind == "ORG" for r, m in a.actors if r == role)
    return solely_orgs and bool(orgs) and None not in orgs and orgs <= people


def actors_ok(a: Candidate, b: Candidate) -> bool:
    """Every key role compatible (one side empty or sharing a key), at least one shared."""
    shared = False
    for role in _KEY_ROLES[a.type]:
        ka, kb = a.keys(role), b.keys(role)
        same = bool(ka & kb) or _stands_for(a, b, role) or _stands_for(b, a, role)
        if ka and kb and not same:
            return False
        shared |= same
    return shared


def items_ok(a: Candidate, b: Candidate) -> bool:
    """Two transfers naming different kinds of weapon are two deliveries ("Rafale jets
    ... and a FREMM frigate is expected"); a generic "arms" fits any."""
    ka = {i.category for i in a.items} - {"other"}
    kb = {i.category for i in b.items} - {"other"}
    return not ka or not kb or bool(ka & kb)


def _same_trip(a: Candidate, b: Candidate) -> bool:
    """One visitor to one named place on one date is one trip, whatever tense each
    mention takes ("وصل ... يوم الأربعاء" and "يصل يوم الأربعاء"); with a date missing
    they may be two ("visited Berlin in March ... will visit Berlin again")."""
    return (
        a.type == "VISIT"
        and a.location is not None
        and b.location is not None
        and a.location.key == b.location.key
        and bool(a.keys("visitor") & b.keys("visitor"))
        and a.time is not None
        and b.time is not None
        and a.time.value_start == b.time.value_start
    )


def _apart(a: Candidate, b: Candidate) -> bool:
    """A meeting marked as another ("also met", "then met") with a party the other lacks:
    "received King Abdullah, then met the Bahraini minister" stays two meetings even
    when the role head gives the second the first one's guest too."""
    if a.type != "MEETING" or not (a.another or b.another):
        return False
    ka, kb = a.keys("participant"), b.keys("participant")
    return bool(kb - ka) if b.another else bool(ka - kb)


def compatible(a: Candidate, b: Candidate) -> bool:
    return (
        a.type == b.type
        and not _apart(a, b)
        and (status_ok(a.status, b.status) or _same_trip(a, b) or a.tenseless or b.tenseless)
        and (time_ok(a.time, b.time) or same_stay(a, b) or a.tenseless or b.tenseless)
        and place_ok(a.location, b.location)
        and actors_ok(a, b)
        and items_ok(a, b)
    )


def _finer(a: TimeMention | None, b: TimeMention | None) -> TimeMention | None:
    if a is None or b is None:
        return a or b
    if a.precision == b.precision:  # one stay's days: the visit began on the first
        return min(a, b, key=lambda t: t.value_start)
    return b if _PRECISION[b.precision] > _PRECISION[a.precision] else a


def absorb(target: Candidate, other: Candidate) -> None:
    """Fold ``other`` into ``target`` (first mention's status wins: it is the main one,
    unless its status was a default and the other's was read)."""
    if target.tenseless and not other.tenseless:  # its time was a guess as well
        target.status, target.time, target.tenseless = other.status, other.time, False
    elif other.tenseless:
        other = replace(other, time=None)
    for role, mention in other.actors:
        target.add(role, mention)
    target.location = target.location or other.location
    target.time = _finer(target.time, other.time)
    seen = {(i.category, i.text) for i in target.items}
    target.items += [i for i in other.items if (i.category, i.text) not in seen]
    target.evidence += [s for s in other.evidence if s not in target.evidence]
    target.confidence = max(target.confidence, other.confidence)


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """Greedy merge in text order; deterministic for a given input order.

    Each candidate joins the first earlier merged event it is :func:`compatible`
    with. Only events it could be compatible with are compared: those sharing a
    key-role actor key with it, or a country for :func:`_stands_for` (see
    :func:`_handles`). So the cost grows with the mentions of each actor, not with
    the square of the article's events.
    """
    merged: list[Candidate] = []
    filed: list[set[tuple[str, ...]]] = []  # per merged event: the handles it is filed under
    by_handle: dict[tuple[str, ...], list[int]] = {}
    for cand in candidates:
        near = sorted({k for h in _handles(cand, probe=True) for k in by_handle.get(h, ())})
        home = next((k for k in near if compatible(merged[k], cand)), None)
        if home is None:
            home = len(merged)
            merged.append(cand)
            filed.append(set())
        else:
            absorb(merged[home], cand)
        # Absorbing adds only ``cand``'s actors, so its handles are all that can be new.
        for handle in _handles(cand, probe=False) - filed[home]:
            filed[home].add(handle)
            by_handle.setdefault(handle, []).append(home)
    return merged


def _handles(cand: Candidate, *, probe: bool) -> set[tuple[str, ...]]:
    """Index entries that any event ``cand`` is compatible with must share with it.

    :func:`actors_ok` needs, in some key role, a shared actor key, or an
    institution standing for a person (:func:`_stands_for`: the organisation's
    country is the person's). An event is filed under its keys and under
    (kind, country) for its organisations and people; a probe asks for its keys and
    for the other kind's countries.
    """
    handles: set[tuple[str, ...]] = set()
    for role, m in cand.actors:
        if role not in _KEY_ROLES[cand.type]:
            continue
        handles.add((cand.type, role, "key", m.key))
        kind = _PROBED.get(m.kind) if probe else m.kind
        if kind in _PROBED and m.country is not None:
            handles.add((cand.type, role, kind, m.country))
    return handles
