"""Human-readable rendering of events and dead letters (``tail --pretty``, ``demo``)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

COLOURS = {"MEETING": "cyan", "VISIT": "magenta", "ARMS_TRANSFER": "red"}


def _actor(actor: dict[str, Any]) -> str:
    name = actor.get("name")
    label = actor.get("text", "?") + (f" ({name})" if name and name != actor.get("text") else "")
    return f"{actor.get('role', '?')}: {label}"


def _place(event: dict[str, Any]) -> str:
    place = event.get("location") or {}
    return str(place.get("name") or place.get("text") or "")


def _time(event: dict[str, Any]) -> str:
    time = event.get("time") or {}
    return str(time.get("start") or "")


def event_table() -> Table:
    """An empty table with the event columns."""
    table = Table(show_lines=False, expand=False)
    for name in ("article", "type", "status", "actors", "place", "time", "conf"):
        table.add_column(name, overflow="fold")
    return table


def add_event(table: Table, event: dict[str, Any]) -> None:
    """Append one event (a decoded Event JSON object) as a row."""
    kind = str(event.get("type", "?"))
    table.add_row(
        str(event.get("article_id", "")),
        f"[{COLOURS.get(kind, 'white')}]{kind}[/]",
        str(event.get("status", "")),
        "\n".join(_actor(a) for a in event.get("actors", [])),
        _place(event),
        _time(event),
        f"{float(event.get('confidence', 0.0)):.2f}",
    )


def event_line(event: dict[str, Any]) -> str:
    """One line of rich markup for one event."""
    kind = str(event.get("type", "?"))
    actors = "; ".join(_actor(a) for a in event.get("actors", []))
    where = _place(event)
    when = _time(event)
    extra = "".join([f" @ {where}" if where else "", f" on {when}" if when else ""])
    return (
        f"[bold]{event.get('article_id')}[/] [{COLOURS.get(kind, 'white')}]{kind}[/] "
        f"({event.get('status')}) {actors}{extra}"
    )


def dead_letter_line(record: dict[str, Any]) -> str:
    """One line of rich markup for one dead letter."""
    return (
        f"[bold]{record.get('key')}[/] [yellow]dead letter[/] {record.get('reason')}: "
        f"{record.get('message')}"
    )
