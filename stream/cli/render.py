"""Human-readable rendering of events and dead letters (``tail --pretty``, ``demo``).

Values come from articles, so they are escaped: a name like "[Kim]" must print
as written, not be read as rich markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.measure import Measurement
from rich.table import Table

COLOURS = {"MEETING": "cyan", "VISIT": "magenta", "ARMS_TRANSFER": "red"}


def _actor(actor: dict[str, Any]) -> str:
    name = actor.get("name")
    label = actor.get("text", "?") + (f" ({name})" if name and name != actor.get("text") else "")
    return escape(f"{actor.get('role', '?')}: {label}")


def _place(event: dict[str, Any]) -> str:
    place = event.get("location") or {}
    return escape(str(place.get("name") or place.get("text") or ""))


def _time(event: dict[str, Any]) -> str:
    """The start, or ``start/end`` (an ISO 8601 interval) when the time is a range,
    e.g. a week, or "yesterday" in an article dated only by its month."""
    time = event.get("time") or {}
    start, end = str(time.get("start") or ""), str(time.get("end") or "")
    return escape(f"{start}/{end}" if end and end != start else start)


def _kind(event: dict[str, Any]) -> str:
    kind = str(event.get("type", "?"))
    return f"[{COLOURS.get(kind, 'white')}]{escape(kind)}[/]"


def event_table() -> Table:
    """An empty table with the event columns, for a terminal.

    Short values (ids, types, dates) never wrap; actors and places wrap between
    words, one actor a line, and a word is folded only when it is wider than
    the whole column (a screen too narrow for it).
    """
    table = Table(show_lines=False, expand=False)
    for name in ("article", "type", "status", "actors", "place", "time", "conf"):
        wraps = name in ("actors", "place")
        table.add_column(name, no_wrap=not wraps, overflow="fold" if wraps else "ellipsis")
    return table


def fits(console: Console, table: Table) -> bool:
    """True when ``table`` fits ``console`` without folding a word.

    Rich measures a table's minimum as its unwrappable cells and widest words;
    measured on an unbounded page, since it clamps to the width it is given.
    """
    page = console.options.update_width(_UNBOUNDED)
    return Measurement.get(console, page, table).minimum <= console.width


_UNBOUNDED = 100_000


def add_event(table: Table, event: dict[str, Any]) -> None:
    """Append one event (a decoded Event JSON object) as a row."""
    table.add_row(
        escape(str(event.get("article_id", ""))),
        _kind(event),
        escape(str(event.get("status", ""))),
        "\n".join(_actor(a) for a in event.get("actors", [])),
        _place(event),
        _time(event),
        f"{float(event.get('confidence', 0.0)):.2f}",
    )


def event_line(event: dict[str, Any]) -> str:
    """One line of rich markup for one event (print it with ``soft_wrap=True``)."""
    actors = "; ".join(_actor(a) for a in event.get("actors", []))
    where = _place(event)
    when = _time(event)
    extra = "".join([f" @ {where}" if where else "", f" on {when}" if when else ""])
    article, status = escape(str(event.get("article_id"))), escape(str(event.get("status")))
    return f"[bold]{article}[/] {_kind(event)} ({status}) {actors}{extra}"


def _cluster_actor(actor: dict[str, Any]) -> str:
    forms = actor.get("forms") or ["?"]
    return escape(str(actor.get("name") or forms[0]))


def cluster_line(cluster: dict[str, Any]) -> str:
    """One line of rich markup for one cluster record: type, status, actors by
    role, place, date and the number of sources (print it with ``soft_wrap=True``)."""
    by_role: dict[str, list[str]] = {}
    for actor in cluster.get("actors", []):
        by_role.setdefault(str(actor.get("role", "?")), []).append(_cluster_actor(actor))
    actors = "; ".join(f"{escape(role)}: {', '.join(names)}" for role, names in by_role.items())
    where, when = _place(cluster), _time(cluster)
    extra = "".join([f" @ {where}" if where else "", f" on {when}" if when else ""])
    sources = int(cluster.get("sources", 0))
    plural = "s" if sources != 1 else ""
    ident = escape(str(cluster.get("cluster_id", ""))[:12])
    status = escape(str(cluster.get("status")))
    count = escape(f"[{sources} source{plural}]")
    return f"[bold]{ident}[/] {_kind(cluster)} ({status}) {actors}{extra} {count}"


def dead_letter_line(record: dict[str, Any]) -> str:
    """One line of rich markup for one dead letter (print it with ``soft_wrap=True``)."""
    key, reason = escape(str(record.get("key"))), escape(str(record.get("reason")))
    return f"[bold]{key}[/] [yellow]dead letter[/] {reason}: {escape(str(record.get('message')))}"
