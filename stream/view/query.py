"""The API's query string → a validated :class:`Query` (filters) and :class:`Page`.

Every parameter is checked: an unknown name or a bad value is a 400 with the
reason, never silently ignored (``?typ=VISIT`` would otherwise show everything).
A parameter may repeat or hold a comma-separated list (``type=MEETING,VISIT``);
values of one parameter are OR-ed, parameters AND-ed.

>>> parse_request([("type", "VISIT"), ("country", "rus")], paged=False).query.countries
frozenset({'RUS'})
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from models.schema import EVENT_TYPES, STATUSES
from stream.view.rows import Row, first_day, fold, last_day

FILTERS = ("type", "status", "language", "country", "from", "to", "q", "article_id", "until_seq")
PAGING = ("offset", "limit", "sort", "order")
# Parameters that take a list; the others are single values (``q`` may hold commas).
LISTS = ("type", "status", "language", "country")
SORTS = ("received", "date", "confidence")
MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_Q = 200

_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*|und")
_COUNTRY = re.compile(r"[A-Z]{3}")


class QueryError(ValueError):
    """A query parameter is unknown or holds a bad value (HTTP 400)."""


def _values(pairs: Iterable[tuple[str, str]], allowed: tuple[str, ...]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, value in pairs:
        if name not in allowed:
            raise QueryError(f"unknown parameter {name!r}; allowed: {', '.join(allowed)}")
        parts = value.split(",") if name in LISTS else [value]
        found.setdefault(name, []).extend(v.strip() for v in parts if v.strip())
    return found


def _one_of(name: str, values: list[str], choices: tuple[str, ...]) -> frozenset[str]:
    bad = [v for v in values if v not in choices]
    if bad:
        raise QueryError(f"{name} must be one of {', '.join(choices)}, not {bad[0]!r}")
    return frozenset(values)


def _matching(name: str, values: list[str], pattern: re.Pattern[str], form: str) -> frozenset[str]:
    bad = [v for v in values if not pattern.fullmatch(v)]
    if bad:
        raise QueryError(f"{name} must be {form}, not {bad[0]!r}")
    return frozenset(values)


def _single(name: str, values: list[str]) -> str | None:
    if len(values) > 1:
        raise QueryError(f"{name} takes one value, got {len(values)}")
    return values[0] if values else None


def _date(name: str, values: list[str]) -> str | None:
    value = _single(name, values)
    if value is not None and not _DATE.fullmatch(value):
        raise QueryError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def _integer(name: str, values: list[str], low: int, high: int | None = None) -> int | None:
    value = _single(name, values)
    if value is None:
        return None
    if not value.isdigit() or int(value) < low or (high is not None and int(value) > high):
        upper = f" and {high}" if high is not None else " or more"
        raise QueryError(f"{name} must be an integer between {low}{upper}, not {value!r}")
    return int(value)


@dataclass(frozen=True)
class Query:
    """Which events: every field empty/None matches everything."""

    types: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    date_from: str | None = None  # first day of ``from``, YYYY-MM-DD
    date_to: str | None = None  # last day of ``to``
    text: str | None = None  # folded ``q``
    article_id: str | None = None
    until_seq: int | None = None

    @classmethod
    def from_values(cls, v: dict[str, list[str]]) -> Query:
        """Filters from the split query string (see :func:`parse_request`)."""
        start, end = _date("from", v.get("from", [])), _date("to", v.get("to", []))
        query = cls(
            types=_one_of("type", v.get("type", []), EVENT_TYPES),
            statuses=_one_of("status", v.get("status", []), STATUSES),
            languages=_matching("language", [x.lower() for x in v.get("language", [])],
                                _LANGUAGE, "an ISO 639 code such as ar or en"),
            countries=_matching("country", [x.upper() for x in v.get("country", [])],
                                _COUNTRY, "an ISO 3166-1 alpha-3 code such as RUS"),
            date_from=first_day(start) if start else None,
            date_to=last_day(end) if end else None,
            text=_text(v.get("q", [])),
            article_id=_single("article_id", v.get("article_id", [])),
            until_seq=_integer("until_seq", v.get("until_seq", []), 0),
        )  # fmt: skip
        if query.date_from and query.date_to and query.date_from > query.date_to:
            raise QueryError(f"from ({start}) is after to ({end})")
        return query

    @property
    def empty(self) -> bool:
        """True when it matches every event (the store's running tally answers it)."""
        return self == Query()

    def matches(self, row: Row) -> bool:
        """True when ``row`` passes every filter."""
        if self.types and row.type not in self.types:
            return False
        if self.statuses and row.status not in self.statuses:
            return False
        if self.languages and row.language.lower() not in self.languages:
            return False
        if self.countries and self.countries.isdisjoint(row.countries):
            return False
        if self.until_seq is not None and row.seq > self.until_seq:
            return False
        if self.article_id is not None and row.article_id != self.article_id:
            return False
        return self._dated(row) and (self.text is None or self.text in row.search)

    def _dated(self, row: Row) -> bool:
        # An event matches a date range when its own period overlaps it.
        if self.date_from is None and self.date_to is None:
            return True
        if row.first is None or row.last is None:
            return False
        return (self.date_from is None or row.last >= self.date_from) and (
            self.date_to is None or row.first <= self.date_to
        )


def _text(values: list[str]) -> str | None:
    value = _single("q", values) or ""
    if len(value) > MAX_Q:
        raise QueryError(f"q is longer than {MAX_Q} characters")
    return fold(value) if value else None


@dataclass(frozen=True)
class Page:
    """Which slice of the matching events, in which order."""

    offset: int = 0
    limit: int = DEFAULT_LIMIT
    sort: Literal["received", "date", "confidence"] = "received"
    descending: bool = True

    @classmethod
    def from_values(cls, v: dict[str, list[str]]) -> Page:
        sort = _single("sort", v.get("sort", [])) or "received"
        order = _single("order", v.get("order", [])) or "desc"
        _one_of("sort", [sort], SORTS)
        _one_of("order", [order], ("asc", "desc"))
        return cls(
            offset=_integer("offset", v.get("offset", []), 0) or 0,
            limit=_integer("limit", v.get("limit", []), 1, MAX_LIMIT) or DEFAULT_LIMIT,
            sort=sort,  # type: ignore[arg-type]  # checked against SORTS above
            descending=order == "desc",
        )

    def select(self, rows: list[Row]) -> list[Row]:
        """This page of ``rows`` (which arrive oldest first)."""
        if self.sort == "received":
            ordered = rows[::-1] if self.descending else rows
        else:
            ordered = sorted(rows, key=_SORT_KEYS[self.sort], reverse=self.descending)
        return ordered[self.offset : self.offset + self.limit]


# Undated events sort as the oldest; ties keep arrival order (sorted is stable).
_SORT_KEYS = {
    "date": lambda row: row.first or "",
    "confidence": lambda row: row.confidence,
}


@dataclass(frozen=True)
class Request:
    """A listing request: the filters and the page."""

    query: Query = field(default_factory=Query)
    page: Page = field(default_factory=Page)


def parse_request(pairs: Iterable[tuple[str, str]], *, paged: bool) -> Request:
    """Filters, and paging when ``paged``; raises :class:`QueryError`."""
    allowed = FILTERS + PAGING if paged else FILTERS
    values = _values(pairs, allowed)
    page = Page.from_values(values) if paged else Page()
    return Request(Query.from_values(values), page)


def parse_page(pairs: Iterable[tuple[str, str]]) -> Page:
    """Only ``offset`` and ``limit`` (the clusters listing); raises :class:`QueryError`."""
    return Page.from_values(_values(pairs, ("offset", "limit")))
