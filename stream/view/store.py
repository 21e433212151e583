"""The bounded in-memory store of events (and clusters) the view answers from.

Memory is bounded by a cap on events held (``EVENTWIRE_VIEW_MAX_EVENTS``): past
it the oldest received are dropped, and the count of dropped events is shown.
The store is changed only on the event loop; queries run on a worker thread over
a :meth:`EventStore.snapshot` (a list of references: rows never change once
stored), so a slow query never holds the loop and never sees a half-added batch.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from stream import codec
from stream.view.query import Query, Request
from stream.view.rows import Row

Listener = Callable[[list[Row]], None]


class Tally:
    """Counts by type, status, language, country and date of a set of events.

    The store keeps one running tally of everything it holds (``add`` with
    ``sign=-1`` when an event leaves), so unfiltered statistics cost nothing; a
    filtered request counts the matching rows afresh (:meth:`of`, C-speed
    ``Counter`` updates). A test holds the two to the same answers.
    """

    def __init__(self) -> None:
        self.total = 0
        self.by_type: Counter[str] = Counter()
        self.by_status: Counter[str] = Counter()
        self.by_language: Counter[str] = Counter()
        self.by_country: Counter[str] = Counter()
        self.by_place_country: Counter[str] = Counter()
        self.by_actor_country: Counter[str] = Counter()
        # (precision or "none", ``time.start`` at that precision, type) → count
        self.by_date: Counter[tuple[str, str, str]] = Counter()

    @classmethod
    def of(cls, rows: Iterable[Row]) -> Tally:
        rows = list(rows)
        tally = cls()
        tally.total = len(rows)
        tally.by_type.update(row.type for row in rows)
        tally.by_status.update(row.status for row in rows)
        tally.by_language.update(row.language for row in rows)
        tally.by_country.update(c for row in rows for c in row.countries)
        tally.by_place_country.update(row.place_country for row in rows if row.place_country)
        tally.by_actor_country.update(c for row in rows for c in row.actor_countries)
        tally.by_date.update(_date_key(row) for row in rows)
        return tally

    def add(self, row: Row, sign: int = 1) -> None:
        """Count ``row`` in (``sign=1``) or out (``sign=-1``)."""
        self.total += sign
        _bump(self.by_type, row.type, sign)
        _bump(self.by_status, row.status, sign)
        _bump(self.by_language, row.language, sign)
        for country in row.countries:
            _bump(self.by_country, country, sign)
        for country in row.actor_countries:
            _bump(self.by_actor_country, country, sign)
        if row.place_country:
            _bump(self.by_place_country, row.place_country, sign)
        _bump(self.by_date, _date_key(row), sign)

    def as_json(self) -> dict[str, Any]:
        """The ``GET /api/stats`` body (without the store's status)."""
        dates: dict[str, dict[str, dict[str, int]]] = {"day": {}, "month": {}, "year": {}}
        undated = 0
        for (precision, start, type_), count in sorted(self.by_date.items()):
            if precision in dates:
                dates[precision].setdefault(start, {})[type_] = count
            else:
                undated += count
        return {
            "total": self.total,
            "by_type": dict(self.by_type),
            "by_status": dict(self.by_status),
            "by_language": dict(self.by_language),
            "by_country": dict(self.by_country),
            "by_place_country": dict(self.by_place_country),
            "by_actor_country": dict(self.by_actor_country),
            "by_day": dates["day"],
            "by_month": dates["month"],
            "by_year": dates["year"],
            "undated": undated,
        }


def _date_key(row: Row) -> tuple[str, str, str]:
    return (row.precision or "none", row.start or "", row.type)


def _bump(counter: Counter[Any], key: Any, sign: int) -> None:
    counter[key] += sign
    if counter[key] <= 0:
        del counter[key]  # no zero rows in the answer


class EventStore:
    """Events by ``event_id`` in the order received, at most ``cap`` of them.

    A message with an ``event_id`` already held replaces it when its bytes
    differ (re-extracted) and is ignored when they are the same (an
    at-least-once re-delivery).
    """

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.seq = 0  # sequence number of the last event taken
        self.dropped = 0  # held events pushed out by the cap
        self.skipped = 0  # messages that are not v1 events
        self.duplicates = 0
        self.replaced = 0
        self.tally = Tally()
        self._rows: OrderedDict[str, Row] = OrderedDict()
        self._listeners: set[Listener] = set()

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, rows: Iterable[Row | None]) -> list[Row]:
        """Take a batch (None: a message that is not an event); returns the rows
        taken and still held, after telling every listener about them."""
        added: list[Row] = []
        for row in rows:
            if row is None:
                self.skipped += 1
            elif self._take(row):
                added.append(row)
        while len(self._rows) > self.cap:
            _, gone = self._rows.popitem(last=False)
            self.tally.add(gone, -1)
            self.dropped += 1
        held = [row for row in added if self._rows.get(row.event_id) is row]
        if held:
            for listener in list(self._listeners):
                listener(held)
        return held

    def _take(self, row: Row) -> bool:
        old = self._rows.get(row.event_id)
        if old is not None:
            if old.raw == row.raw:
                self.duplicates += 1
                return False
            del self._rows[row.event_id]
            self.tally.add(old, -1)
            self.replaced += 1
        self.seq += 1
        row.seq = self.seq
        self._rows[row.event_id] = row
        self.tally.add(row)
        return True

    def get(self, event_id: str) -> Row | None:
        return self._rows.get(event_id)

    def snapshot(self) -> list[Row]:
        """Every held row, oldest first (cheap: references only)."""
        return list(self._rows.values())

    def since(self, seq: int) -> list[Row]:
        """Held rows received after ``seq``, oldest first (a reconnecting stream)."""
        newer: list[Row] = []
        for row in reversed(self._rows.values()):
            if row.seq <= seq:
                break
            newer.append(row)
        return newer[::-1]

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with each batch of new rows; returns the unsubscriber."""
        self._listeners.add(listener)
        return lambda: self._listeners.discard(listener)

    def status(self) -> dict[str, int]:
        return {
            "held": len(self._rows),
            "cap": self.cap,
            "dropped": self.dropped,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "replaced": self.replaced,
            "seq": self.seq,
        }


def search(rows: list[Row], request: Request) -> tuple[int, list[Row]]:
    """How many of ``rows`` match, and the requested page of them (worker thread)."""
    query = request.query
    matching = rows if query.empty else [row for row in rows if query.matches(row)]
    return len(matching), request.page.select(matching)


def tally(rows: list[Row], query: Query) -> Tally:
    """The tally of the rows ``query`` matches (worker thread)."""
    return Tally.of(row for row in rows if query.matches(row))


class ClusterStore:
    """The clusters topic as a table: the latest value per key (``cluster_id``).

    Nothing is assumed about a value beyond it being JSON: it is shown as it is.
    A null value (a tombstone) deletes its key; at most ``cap`` keys are held,
    the least recently updated dropped first.
    """

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.skipped = 0
        self.dropped = 0
        self._items: OrderedDict[str, bytes] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def put(self, items: Iterable[tuple[str, bytes | None] | None]) -> None:
        """Apply a batch of ``(key, value)`` (None: an unreadable message)."""
        for item in items:
            if item is None:
                self.skipped += 1
                continue
            key, value = item
            self._items.pop(key, None)
            if value is not None:
                self._items[key] = value
        while len(self._items) > self.cap:
            self._items.popitem(last=False)
            self.dropped += 1

    def get(self, key: str) -> bytes | None:
        return self._items.get(key)

    def page(self, offset: int, limit: int) -> list[tuple[str, bytes]]:
        """Most recently updated first."""
        items = list(reversed(self._items.items()))
        return items[offset : offset + limit]

    def status(self) -> dict[str, Any]:
        return {
            "held": len(self._items),
            "skipped": self.skipped,
            "dropped": self.dropped,
        }


def cluster_item(key: bytes | None, value: bytes | None) -> tuple[str, bytes | None] | None:
    """One clusters-topic message → ``(cluster_id, JSON bytes or None)``; None
    when its key is missing or not UTF-8, or its value is not JSON."""
    if not key:
        return None
    try:
        name = key.decode("utf-8")
        if value is not None:
            codec.loads(value)
    except (UnicodeDecodeError, codec.DecodeError):
        return None
    return name, value
