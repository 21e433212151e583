"""A cluster plus one more report: the new whole cluster record."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from models.clusters.names import SAME, Party, Spot, place_relation, same_party
from models.clusters.record import Cluster, ClusterActor, Report, Snippet
from models.clusters.when import agreed, published_days
from models.schema import STATUSES, Actor, Event, Place, Status

MAX_FORMS = 8
MAX_SNIPPETS = 3
MAX_SNIPPET_CHARS = 400


def cluster_id(first_event_id: str) -> str:
    """Deterministic from the first member: the same on every replay.

    >>> cluster_id("e1") == cluster_id("e1")
    True
    """
    return hashlib.sha256(f"cluster\x1f{first_event_id}".encode()).hexdigest()[:32]


def report_of(event: Event, published: str) -> Report:
    return Report(
        event_id=event.event_id,
        article_id=event.article_id,
        status=event.status,
        time=event.time,
        location=event.location,
        published=published,
        confidence=event.confidence,
    )


def _party(actor: ClusterActor) -> Party:
    return Party.of(actor.name, actor.forms, actor.country, actor.kind, actor.title)


def merge_actors(actors: Sequence[ClusterActor], new: Sequence[Actor]) -> list[ClusterActor]:
    """Fold one report's actors into the cluster's, role by role."""
    out = list(actors)
    for actor in new:
        party = Party.of(actor.name, [actor.text], actor.country, actor.kind, actor.title)
        hit = next(
            (
                i
                for i, old in enumerate(out)
                if old.role == actor.role and same_party(party, _party(old))
            ),
            None,
        )
        if hit is None:
            out.append(ClusterActor(role=actor.role, name=actor.name, country=actor.country,
                                    kind=actor.kind, title=actor.title, forms=[actor.text],
                                    reports=1))  # fmt: skip
            continue
        old = out[hit]
        forms = old.forms if actor.text in old.forms else [*old.forms, actor.text][:MAX_FORMS]
        out[hit] = old.model_copy(update={
            "name": old.name or actor.name, "country": old.country or actor.country,
            "title": old.title or actor.title, "forms": forms, "reports": old.reports + 1,
        })  # fmt: skip
    return out


def best_place(places: Sequence[Place]) -> Place | None:
    """The place most reports agree on, a city before its country."""
    spots = [Spot.of(p.name, p.text, p.country) for p in places]

    def support(i: int) -> tuple[int, int, int]:
        agree = sum(place_relation(spots[i], other) == SAME for other in spots)
        return (not spots[i].national, agree, -i)

    return places[max(range(len(places)), key=support)] if places else None


def best_status(counts: Counter[Status]) -> Status:
    """The most reported status; a tie goes to the earlier in STATUSES (occurred first)."""
    return max(STATUSES, key=lambda s: (counts[s], -STATUSES.index(s)))


def _confidence(reports: Sequence[Report]) -> float:
    best: dict[str, float] = {}
    for r in reports:  # one vote per article: a long article does not count twice
        best[r.article_id] = max(best.get(r.article_id, 0.0), r.confidence)
    doubt = 1.0
    for value in best.values():
        doubt *= 1.0 - value
    return round(1.0 - doubt, 4)


def _seen(reports: Sequence[Report]) -> tuple[str, str]:
    ordered = sorted(reports, key=lambda r: (published_days(r.published), r.published))
    return ordered[0].published, ordered[-1].published


def add_report(cluster: Cluster | None, event: Event, published: str, updated: str) -> Cluster:
    """``cluster`` (None: a new one) with ``event`` added; ``updated`` is the
    message time of this change (ISO 8601 UTC)."""
    report = report_of(event, published)
    reports = [*(cluster.reports if cluster else []), report]
    articles = list(dict.fromkeys(r.article_id for r in reports))
    evidence = list(cluster.evidence) if cluster else []
    new_article = event.article_id not in {s.article_id for s in evidence}
    if event.evidence and new_article and len(evidence) < MAX_SNIPPETS:
        text = event.evidence[0].text[:MAX_SNIPPET_CHARS]
        evidence.append(Snippet(article_id=event.article_id, text=text))
    counts = Counter(r.status for r in reports)
    first, last = _seen(reports)
    return Cluster(
        cluster_id=cluster.cluster_id if cluster else cluster_id(event.event_id),
        type=event.type,
        status=best_status(counts),
        status_counts={s: counts[s] for s in STATUSES if counts[s]},
        actors=merge_actors(cluster.actors if cluster else [], event.actors),
        location=best_place([r.location for r in reports if r.location]),
        time=agreed([r.time for r in reports if r.time]),
        event_ids=[r.event_id for r in reports],
        article_ids=articles,
        sources=len(articles),
        first_seen=first,
        last_seen=last,
        updated=updated,
        confidence=_confidence(reports),
        evidence=evidence,
        reports=reports,
    )
