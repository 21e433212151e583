"""The bounded store: cap, duplicates, replacement, listeners, tallies."""

from __future__ import annotations

import random

from stream import codec
from stream.view.query import Query, parse_request
from stream.view.rows import Row, row_from_bytes
from stream.view.store import ClusterStore, EventStore, Tally, cluster_item, search, tally
from tests.view.events import arabic_visit, event


def rows(*events: dict[str, object]) -> list[Row | None]:
    return [row_from_bytes(codec.dumps(e)) for e in events]


def test_the_cap_drops_the_oldest_and_counts_them() -> None:
    store = EventStore(cap=3)
    batch = [event() for _ in range(5)]
    store.add(rows(*batch))
    assert [r.event_id for r in store.snapshot()] == [e["event_id"] for e in batch[2:]]
    assert store.status() == {"held": 3, "cap": 3, "dropped": 2, "skipped": 0,
                                   "duplicates": 0, "replaced": 0, "seq": 5}  # fmt: skip
    assert store.get(batch[0]["event_id"]) is None
    assert store.tally.total == 3


def test_a_redelivery_is_ignored_and_a_change_replaces() -> None:
    store = EventStore(cap=10)
    first = event()
    store.add(rows(first, first))
    assert len(store) == 1 and store.duplicates == 1
    changed = first | {"status": "planned"}
    other = event()
    store.add(rows(other, changed))
    assert [r.event_id for r in store.snapshot()] == [other["event_id"], first["event_id"]]
    held = store.get(first["event_id"])
    assert held is not None and held.status == "planned" and store.replaced == 1
    assert store.tally.by_status == {"occurred": 1, "planned": 1}


def test_messages_that_are_not_events_are_counted_not_held() -> None:
    store = EventStore(cap=10)
    store.add([None, *rows(event()), None])
    assert len(store) == 1 and store.skipped == 2


def test_listeners_hear_only_what_is_still_held() -> None:
    store = EventStore(cap=2)
    heard: list[list[str]] = []
    stop = store.listen(lambda batch: heard.append([r.event_id for r in batch]))
    batch = [event() for _ in range(3)]
    store.add(rows(*batch))
    assert heard == [[batch[1]["event_id"], batch[2]["event_id"]]]
    stop()
    store.add(rows(event()))
    assert len(heard) == 1


def test_since_replays_what_came_after_a_sequence_number() -> None:
    store = EventStore(cap=10)
    store.add(rows(*(event() for _ in range(4))))
    assert [r.seq for r in store.since(2)] == [3, 4]
    assert store.since(4) == [] and len(store.since(0)) == 4


def random_events(n: int, seed: int) -> list[dict[str, object]]:
    rnd = random.Random(seed)
    made = []
    for _ in range(n):
        day = f"2024-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"
        time = rnd.choice([
            None, {"text": "t", "start": day, "end": day, "precision": "day"},
            {"text": "t", "start": day[:7], "end": day[:7], "precision": "month"},
            {"text": "t", "start": day[:4], "end": day[:4], "precision": "year"}])  # fmt: skip
        made.append(event(
            type=rnd.choice(["MEETING", "VISIT", "ARMS_TRANSFER"]),
            status=rnd.choice(["occurred", "planned", "denied"]),
            language=rnd.choice(["en", "ar"]), time=time,
            location=rnd.choice([None, {"text": "x", "kind": "GPE", "country": "FRA"}]),
        ))  # fmt: skip
    return made


def test_the_running_tally_agrees_with_a_fresh_count() -> None:
    # Unfiltered stats come from the running tally, filtered ones from Tally.of:
    # after adds, drops and replacements both must say the same.
    store = EventStore(cap=150)
    made = random_events(300, seed=1)
    store.add(rows(*made))
    store.add(rows(*(e | {"status": "alleged"} for e in made[-40:])))
    assert store.tally.as_json() == Tally.of(store.snapshot()).as_json()
    assert store.tally.as_json() == tally(store.snapshot(), Query()).as_json()


def test_stats_shape() -> None:
    store = EventStore(cap=10)
    store.add(rows(event(), arabic_visit(), event(time=None, type="VISIT")))
    stats = store.tally.as_json()
    assert stats["total"] == 3
    assert stats["by_type"] == {"MEETING": 1, "VISIT": 2}
    assert stats["by_country"] == {"RUS": 3, "CHN": 2, "PRK": 1}
    assert stats["by_place_country"] == {"CHN": 2, "PRK": 1}
    assert stats["by_actor_country"] == {"RUS": 3, "CHN": 2}
    assert stats["by_day"] == {"2024-01-15": {"MEETING": 1}}
    assert stats["by_month"] == {"2023-10": {"VISIT": 1}}
    assert stats["by_year"] == {} and stats["undated"] == 1


def test_search_pages_the_matches() -> None:
    store = EventStore(cap=100)
    store.add(rows(*(event(type="VISIT" if i % 3 else "MEETING") for i in range(30))))
    request = parse_request([("type", "VISIT"), ("limit", "5"), ("offset", "15")], paged=True)
    total, page = search(store.snapshot(), request)
    assert total == 20 and len(page) == 5 and all(r.type == "VISIT" for r in page)
    assert [r.seq for r in page] == sorted((r.seq for r in page), reverse=True)


def test_clusters_keep_the_latest_value_per_key_and_honour_tombstones() -> None:
    clusters = ClusterStore(cap=2)
    clusters.put([cluster_item(b"c1", b'{"size": 1}'), cluster_item(b"c2", b"[1]"),
                  cluster_item(b"c1", b'{"size": 2}')])  # fmt: skip
    assert [k for k, _ in clusters.page(0, 10)] == ["c1", "c2"]
    assert clusters.get("c1") == b'{"size": 2}'
    clusters.put([cluster_item(b"c2", None), cluster_item(b"c3", b"3"), cluster_item(b"c4", b"4")])
    assert clusters.get("c2") is None and len(clusters) == 2 and clusters.dropped == 1
    clusters.put([cluster_item(None, b"{}"), cluster_item(b"c5", b"{nope"),
                  cluster_item(b"\xff", b"{}")])  # fmt: skip
    assert clusters.skipped == 3
