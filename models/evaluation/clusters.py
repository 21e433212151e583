"""Scoring story clusters against the cluster gold set (``tests/gold/clusters.jsonl``).

Gold lines are ``{"article": {...}, "events": [gold event + "cluster": id]}``
(``shared/eval/FORMAT.md`` plus a cluster id). Two ways of scoring:

* **gold events fed in directly**: every gold event becomes an :class:`Event`
  (as a perfect extractor would emit it), they are clustered in publication
  order, and the clusters are compared with the gold ones. This isolates
  clustering from extraction.
* **extracted events**: the extractor's events are clustered; each is matched
  to a gold event of its article by the shared scorer's rules (the same
  one-to-one matching as ``score.py``), and the gold events found are scored
  by the cluster of the event that found them (as the hidden set is).

Both report pairwise precision/recall/F1 (over pairs of items: a pair is
positive when both are in one cluster) and B-cubed (per item: the share of
its predicted cluster that is in its gold cluster, and the reverse).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.clusters.engine import Clusterer
from models.clusters.match import Rules
from models.evaluation import scorer
from models.schema import Actor, Article, Event, ExtractorInfo, Place, Time

Labels = Mapping[str, str]
ROLES = ("participant", "visitor", "host", "inviter", "supplier", "recipient")
GOLD_EXTRACTOR = ExtractorInfo(name="gold", version="1")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class PRF:
    p: float
    r: float
    f1: float

    @classmethod
    def of(cls, p: float, r: float) -> PRF:
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return cls(round(p, 4), round(r, 4), round(f1, 4))


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(gold: Labels, pred: Labels) -> PRF:
    """Pairwise P/R/F1 over the items both label.

    >>> pairwise({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "x"})
    PRF(p=0.3333, r=1.0, f1=0.5)
    """
    items = [i for i in gold if i in pred]
    both = Counter((gold[i], pred[i]) for i in items)
    tp = sum(_pairs(n) for n in both.values())
    in_pred = sum(_pairs(n) for n in Counter(pred[i] for i in items).values())
    in_gold = sum(_pairs(n) for n in Counter(gold[i] for i in items).values())
    return PRF.of(tp / in_pred if in_pred else 1.0, tp / in_gold if in_gold else 1.0)


def bcubed(gold: Labels, pred: Labels) -> PRF:
    """B-cubed P/R/F1 over the items both label.

    >>> bcubed({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "y"})
    PRF(p=1.0, r=1.0, f1=1.0)
    """
    items = [i for i in gold if i in pred]
    if not items:
        return PRF.of(0.0, 0.0)
    both = Counter((gold[i], pred[i]) for i in items)
    size_g = Counter(gold[i] for i in items)
    size_p = Counter(pred[i] for i in items)
    p = sum(both[gold[i], pred[i]] / size_p[pred[i]] for i in items) / len(items)
    r = sum(both[gold[i], pred[i]] / size_g[gold[i]] for i in items) / len(items)
    return PRF.of(p, r)


# --- gold events as events ---------------------------------------------------


def _present(aliases: Sequence[str], text: str) -> str:
    """The alias the article itself uses (else the first), as a surface form."""
    words = [a for a in aliases if not a.startswith("@")]
    folded = text.casefold()
    return next((a for a in words if a.casefold() in folded), words[0] if words else "?")


def _canonical(aliases: Sequence[str]) -> str | None:
    # Annotators list the English name first (ANNOTATION.md).
    return next((a for a in aliases if not a.startswith("@") and _LATIN.search(a)), None)


def _country(aliases: Sequence[str]) -> str | None:
    return next((a[1:].upper() for a in aliases if a.startswith("@")), None)


def _actor(role: str, aliases: Sequence[str], text: str) -> Actor:
    country = _country(aliases)
    kind = "GPE" if country else "PERSON"
    name = _canonical(aliases)
    return Actor(role=role, text=_present(aliases, text), name=name, kind=kind, country=country)


def _time(date: str | None) -> Time | None:
    if not date:
        return None
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    return Time(text=date, start=date, end=date, precision=precision)


def gold_event(article: Article, index: int, gold: Mapping[str, Any]) -> Event:
    """A gold event as a perfect extractor would publish it."""
    actors = [_actor(r, e, article.text) for r in ROLES for e in gold.get(r) or []]
    where = gold.get("location")
    place = None
    if where:
        country = _country(where)
        place = Place(text=_present(where, article.text), name=_canonical(where),
                      kind="GPE" if country else "LOC", country=country)  # fmt: skip
    return Event(
        event_id=f"{article.id}#{index}",
        type=gold["type"],
        status=(gold.get("status") or ["occurred"])[0],
        article_id=article.id,
        language=article.language or "?",
        actors=actors,
        location=place,
        time=_time(gold.get("date")),
        confidence=1.0,
        extractor=GOLD_EXTRACTOR,
    )


# --- running the clusterer ----------------------------------------------------


def published(article: Article) -> str:
    """The article's publication time (ISO 8601), or a fixed day when it has none."""
    anchor = article.published_anchor()
    return anchor.iso() if anchor else "1970-01-01"


def in_order(lines: Sequence[Mapping[str, Any]]) -> list[Article]:
    """The gold file's articles in publication order (file order among equals)."""
    articles = [Article.model_validate(line["article"]) for line in lines]
    return sorted(articles, key=lambda a: published(a)[:10])


Clusterize = Callable[[Sequence[tuple[Event, str]]], dict[str, str]]


def online(rules: Rules) -> Clusterize:
    """The stream's clusterer: event id → cluster id."""

    def run(events: Sequence[tuple[Event, str]]) -> dict[str, str]:
        clusterer = Clusterer(rules)
        return {e.event_id: clusterer.add(e, pub, pub).cluster.cluster_id for e, pub in events}

    return run


def _names(event: Event) -> tuple[str, ...]:
    return tuple(sorted((a.name or a.text).casefold() for a in event.actors))


def exact_key(events: Sequence[tuple[Event, str]]) -> dict[str, str]:
    """Baseline: one cluster per type + canonical names + place."""
    out = {}
    for event, _ in events:
        place = event.location.name or event.location.text if event.location else ""
        out[event.event_id] = repr((event.type, _names(event), place.casefold()))
    return out


def one_actor(events: Sequence[tuple[Event, str]]) -> dict[str, str]:
    """Baseline: any two same-type events sharing one actor are one cluster."""
    parent = {e.event_id: e.event_id for e, _ in events}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[tuple[str, str], str] = {}
    for event, _ in events:
        for name in _names(event):
            other = first.setdefault((event.type, name), event.event_id)
            parent[root(event.event_id)] = root(other)
    return {e.event_id: root(e.event_id) for e, _ in events}


def gold_labels(lines: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Gold event id (``article#index``) → gold cluster id."""
    out = {}
    for line in lines:
        for i, g in enumerate(line.get("events") or []):
            if g.get("cluster") is not None:
                out[f"{line['article']['id']}#{i}"] = str(g["cluster"])
    return out


def feed_gold(lines: Sequence[Mapping[str, Any]]) -> list[tuple[Event, str]]:
    """Every clustered gold event as an Event, in publication order."""
    by_id = {str(line["article"]["id"]): line for line in lines}
    events = []
    for article in in_order(lines):
        for i, g in enumerate(by_id[article.id].get("events") or []):
            if g.get("cluster") is not None:
                events.append((gold_event(article, i, g), published(article)))
    return events


def feed_extracted(
    lines: Sequence[Mapping[str, Any]], predicted: Sequence[Event]
) -> list[tuple[Event, str]]:
    """Extracted events in their articles' publication order."""
    by_article: dict[str, list[Event]] = defaultdict(list)
    for event in predicted:
        by_article[event.article_id].append(event)
    return [(e, published(a)) for a in in_order(lines) for e in by_article.get(a.id, [])]


def found(lines: Sequence[Mapping[str, Any]], predicted: Sequence[Event]) -> dict[str, str]:
    """Gold event id → the extracted event that finds it (the scorer's matching)."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in predicted:
        by_article[event.article_id].append(event.model_dump(mode="json"))
    out = {}
    for line in lines:
        aid = str(line["article"]["id"])
        golds = [
            (i, g) for i, g in enumerate(line.get("events") or []) if g.get("cluster") is not None
        ]
        for kind in scorer.TYPES:
            g_t = [(i, g) for i, g in golds if g["type"] == kind]
            p_t = [p for p in by_article.get(aid, []) if p["type"] == kind]

            def weight(gi: int, pi: int, g_t: list = g_t, p_t: list = p_t) -> int:
                g, p = g_t[gi][1], p_t[pi]
                return 100 + scorer.agreement(p, g) if scorer.core_match(p, g) else 0

            for gi, pi in scorer.assign(len(g_t), len(p_t), weight).items():
                out[f"{aid}#{g_t[gi][0]}"] = p_t[pi]["event_id"]
    return out


@dataclass(frozen=True, slots=True)
class ClusterScore:
    items: int
    gold_clusters: int
    pred_clusters: int
    pairwise: PRF
    bcubed: PRF


def _score(gold: Labels, pred: Labels) -> ClusterScore:
    items = [i for i in gold if i in pred]
    return ClusterScore(
        len(items),
        len({gold[i] for i in items}),
        len({pred[i] for i in items}),
        pairwise(gold, pred),
        bcubed(gold, pred),
    )


def score_gold(lines: Sequence[Mapping[str, Any]], clusterize: Clusterize) -> ClusterScore:
    """Clustering of the gold events fed in directly."""
    return _score(gold_labels(lines), clusterize(feed_gold(lines)))


def score_extracted(
    lines: Sequence[Mapping[str, Any]], predicted: Sequence[Event], clusterize: Clusterize
) -> ClusterScore:
    """Clustering of extracted events, scored over the gold events they find."""
    clusters = clusterize(feed_extracted(lines, predicted))
    pred = {gid: clusters[eid] for gid, eid in found(lines, predicted).items()}
    return _score(gold_labels(lines), pred)
