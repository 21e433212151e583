"""Output that reads well anywhere: a file or a pipe gets one line per event and
never a broken name; a terminal gets the table only where it fits; help piped
is plain and whole."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from rich.console import Console
from rich.measure import Measurement
from typer.testing import CliRunner

from stream import codec
from stream.cli import COMMANDS, app, common, plain_help, tail
from stream.cli.common import PAGE_WIDTH, console
from stream.cli.demo import summary
from stream.cli.inputs import Record
from stream.cli.render import add_event, dead_letter_line, event_line, event_table
from stream.collect import Collected


def _actor(role: str, text: str, name: str) -> dict[str, str]:
    return {"role": role, "text": text, "name": name, "kind": "PERSON"}


# Long names in both scripts, several actors, a range time and a bracket that
# rich must not read as markup: what folded into 8 to 15 lines per event before.
EVENTS: list[dict[str, Any]] = [
    {
        "article_id": "seed-ar-0001", "type": "MEETING", "status": "planned",
        "actors": [
            _actor("participant", "وزير خارجية كوريا الشمالية", "Choe Son Hui"),
            _actor("participant", "فلاديمير بوتين", "Vladimir Putin"),
            _actor("participant", "Mohammed bin Salman Al Saud", "Mohammed bin Salman Al Saud"),
        ],
        "location": {"text": "موسكو", "name": "Moscow", "kind": "GPE"},
        "time": {"text": "غدا", "start": "2024-01-17", "end": "2024-01-17", "precision": "day"},
        "confidence": 0.6,
    },
    {
        "article_id": "sample-en-0003", "type": "ARMS_TRANSFER", "status": "occurred",
        "actors": [
            _actor("supplier", "Norway", "Kingdom of Norway"),
            _actor("recipient", "Ukraine [Kyiv government]", "Ukraine"),
        ],
        "location": None,
        "time": {"text": "yesterday", "start": "2015-09", "end": "2015-10", "precision": "month"},
        "confidence": 0.8,
    },
]  # fmt: skip
NAMES = ["وزير خارجية كوريا الشمالية (Choe Son Hui)", "فلاديمير بوتين (Vladimir Putin)",
         "Mohammed bin Salman Al Saud", "Norway (Kingdom of Norway)",
         "Ukraine [Kyiv government] (Ukraine)", "seed-ar-0001", "ARMS_TRANSFER"]  # fmt: skip
DEAD = {"key": "sample-bad-0001", "reason": "empty_field", "message": "field 'text' is empty"}


def _file_console() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return console(file=buffer), buffer


def test_a_file_console_never_wraps() -> None:
    out, _ = _file_console()
    assert not out.is_terminal and out.soft_wrap and out.width == PAGE_WIDTH


def test_each_event_is_one_whole_line_in_a_file() -> None:
    out, buffer = _file_console()
    for event in EVENTS:
        out.print(event_line(event), soft_wrap=True)
    out.print(dead_letter_line(DEAD), soft_wrap=True)
    lines = buffer.getvalue().splitlines()
    assert len(lines) == len(EVENTS) + 1
    assert all(name in buffer.getvalue() for name in NAMES)  # no name broken or eaten
    assert lines[1].endswith("on 2015-09/2015-10")  # a range shows both ends
    assert lines[2] == "sample-bad-0001 dead letter empty_field: field 'text' is empty"


def _records() -> list[Record]:
    ids = ["seed-ar-0001", "sample-en-0003", "sample-bad-0001", "sample-en-0004"]
    return [Record(origin="test", value={"id": i}) for i in ids]


def test_demo_summary_in_a_file_is_the_counts_only() -> None:
    out, buffer = _file_console()
    summary(out, _records(), Collected(events=EVENTS, dead_letters=[DEAD], complete=True))
    assert buffer.getvalue().splitlines() == [
        "4 articles: 2 with events (2 events), 1 dead-lettered, 1 without events (sample-en-0004)"
    ]


def _terminal(width: int) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    screen = Console(file=buffer, force_terminal=True, width=width, color_system=None)
    return screen, buffer


def _table_width() -> int:
    """The narrowest terminal the summary table fits without folding a word."""
    table = event_table()
    for event in EVENTS:
        add_event(table, event)
    screen, _ = _terminal(PAGE_WIDTH)
    return Measurement.get(screen, screen.options, table).minimum


@pytest.mark.parametrize("extra", [0, 40])
def test_demo_summary_table_wraps_between_words_only(extra: int) -> None:
    screen, buffer = _terminal(_table_width() + extra)
    summary(screen, _records(), Collected(events=EVENTS, dead_letters=[DEAD], complete=True))
    lines = buffer.getvalue().splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("└"))
    table, counts = lines[1:end], " ".join(lines[end + 1 :])
    header = ["article", "type", "status", "actors", "place", "time", "conf"]
    assert [w for w in table[0].split() if w != "┃"] == header
    rows = [line for line in table[2:] if line.startswith("│")]
    cells = {w for line in rows for w in re.split(r"[\s│]+", line) if w}
    words = {w for event in EVENTS for w in " ".join(_cells(event)).split()}
    assert cells <= words, f"words broken inside the table: {cells - words}"
    assert counts.startswith("4 articles: 2 with events")


def _cells(event: dict[str, Any]) -> list[str]:
    """What the table's cells hold for ``event``, as plain text."""
    actors = [f"{a['role']}: {a['text']} ({a['name']})" for a in event["actors"]]
    place = (event["location"] or {}).get("name", "")
    start, end = event["time"]["start"], event["time"]["end"]
    time = start if start == end else f"{start}/{end}"
    status, confidence = event["status"], f"{event['confidence']:.2f}"
    return [event["article_id"], event["type"], status, *actors, place, time, confidence]


def test_demo_summary_leaves_the_table_out_of_a_narrow_terminal() -> None:
    screen, buffer = _terminal(80)
    assert _table_width() > 80  # it would have to fold a name here
    summary(screen, _records(), Collected(events=EVENTS, dead_letters=[DEAD], complete=True))
    assert "┃" not in buffer.getvalue()
    assert " ".join(buffer.getvalue().split()).startswith("4 articles: 2 with events")


def test_tail_pretty_prints_one_line_per_event(monkeypatch: pytest.MonkeyPatch) -> None:
    out, buffer = _file_console()
    monkeypatch.setattr(tail, "out", out)
    options = tail._Options(True, None, None, None, pretty=True, kind="events")
    shown = sum(tail._show(codec.dumps(event), options) for event in EVENTS)
    assert shown == len(EVENTS) == len(buffer.getvalue().splitlines())
    assert all(name in buffer.getvalue() for name in NAMES)


def test_tail_clusters_pretty_prints_type_actors_place_date_and_sources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out, buffer = _file_console()
    monkeypatch.setattr(tail, "out", out)
    cluster = {
        "cluster_id": "0123456789abcdef", "type": "MEETING", "status": "occurred",
        "actors": [{"role": "participant", "name": "Sergei Lavrov", "forms": ["لافروف"]},
                   {"role": "participant", "name": None, "forms": ["[Jubeir]"]}],
        "location": {"text": "الدوحة", "name": "Doha"}, "sources": 3,
        "time": {"start": "2015-08-03", "end": "2015-08-03"},
    }  # fmt: skip
    options = tail._Options(True, None, "MEETING", None, pretty=True, kind="clusters")
    assert tail._show(codec.dumps(cluster), options) == 1
    line = " ".join(buffer.getvalue().split())
    assert line == (
        "0123456789ab MEETING (occurred) participant: Sergei Lavrov, [Jubeir] @ Doha "
        "on 2015-08-03 [3 sources]"
    )


@pytest.fixture
def piped_help() -> Iterator[CliRunner]:
    """Help as ``eventwire ... --help | cat`` gets it; rich help restored after."""
    plain_help(True)
    yield CliRunner()
    plain_help(False)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_piped_help_is_plain_and_whole(piped_help: CliRunner, command: str) -> None:
    args = [command, "--help"] if command else ["--help"]
    result = piped_help.invoke(app, args, terminal_width=80)
    assert result.exit_code == 0, result.output
    text = result.output
    assert "╭" not in text and "…" not in text  # no panels, nothing cut short
    assert all(len(line) <= 80 for line in text.splitlines())
    broken = [line for line in text.splitlines() if re.search(r"[A-Za-z]-$", line)]
    assert not broken, f"a word broken at its hyphen: {broken}"
    flat = " ".join(text.split())
    if command == "bench":  # square brackets are not eaten as rich markup
        assert "(default: the same as -n)" in flat and "(default: half the max)" in flat
    if not command:  # the command list gives each command's whole first paragraph
        assert "print each event as it arrives, then exit." in flat


def test_no_progress_bar_residue_in_a_log(monkeypatch: pytest.MonkeyPatch) -> None:
    log, buffer = _file_console()
    monkeypatch.setattr(common, "err", log)
    with common.progress_bar() as bar:
        bar.advance(bar.add_task("publishing", total=2), 2)
    log.print("published 2 sample articles")
    assert buffer.getvalue() == "published 2 sample articles\n"  # no blank line before it
