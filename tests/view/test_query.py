"""Query strings → filters and pages: every bad value is refused with its reason."""

from __future__ import annotations

import pytest

from stream import codec
from stream.view.query import MAX_LIMIT, Page, QueryError, parse_request
from stream.view.rows import Row, fold, row_from_bytes
from tests.view.events import arabic_visit, event


def row(**fields: object) -> Row:
    built = row_from_bytes(codec.dumps(event(**fields)))
    assert built is not None
    return built


def matches(pairs: list[tuple[str, str]], target: Row) -> bool:
    return parse_request(pairs, paged=False).query.matches(target)


@pytest.mark.parametrize(
    "pairs,message",
    [
        ([("typ", "VISIT")], "unknown parameter 'typ'"),
        ([("type", "PARTY")], "type must be one of MEETING, VISIT, ARMS_TRANSFER"),
        ([("status", "rumoured")], "status must be one of"),
        ([("country", "RU")], "alpha-3"),
        ([("language", "arabic!")], "ISO 639"),
        ([("from", "2024-13")], "YYYY, YYYY-MM or YYYY-MM-DD"),
        ([("from", "2024-02"), ("to", "2024-01")], "from (2024-02) is after to (2024-01)"),
        ([("q", "x" * 201)], "q is longer than 200"),
        ([("q", "a"), ("q", "b")], "q takes one value"),
        ([("limit", "0")], "limit must be an integer between 1 and 500"),
        ([("limit", str(MAX_LIMIT + 1))], "limit must be"),
        ([("offset", "-1")], "offset must be an integer between 0 or more"),
        ([("sort", "size")], "sort must be one of received, date, confidence"),
        ([("until_seq", "x")], "until_seq must be"),
    ],
)
def test_bad_parameters_are_refused(pairs: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse_request(pairs, paged=True)
    assert message in str(raised.value)


def test_lists_repeat_or_use_commas_and_are_or_ed() -> None:
    visit, meeting = row(type="VISIT"), row(type="MEETING")
    transfer = row(type="ARMS_TRANSFER")
    for pairs in ([("type", "VISIT,MEETING")], [("type", "VISIT"), ("type", "MEETING")]):
        assert matches(pairs, visit) and matches(pairs, meeting)
        assert not matches(pairs, transfer)


def test_filters_are_and_ed() -> None:
    target = row(type="VISIT", status="planned", language="ar")
    assert matches([("type", "VISIT"), ("status", "planned"), ("language", "AR")], target)
    assert not matches([("type", "VISIT"), ("status", "occurred")], target)


def test_country_is_the_place_or_any_actor() -> None:
    target = row()  # actors RUS and CHN, place CHN
    assert matches([("country", "rus")], target)
    assert matches([("country", "CHN")], target)
    assert not matches([("country", "USA")], target)


def test_dates_overlap_at_their_precision() -> None:
    october = row_from_bytes(codec.dumps(arabic_visit()))  # 2023-10, month precision
    assert october is not None
    assert matches([("from", "2023-10-31")], october)
    assert matches([("to", "2023-10-01")], october)
    assert matches([("from", "2023"), ("to", "2023")], october)
    assert not matches([("from", "2023-11-01")], october)
    assert not matches([("to", "2023-09-30")], october)
    undated = row(time=None)
    assert matches([], undated) and not matches([("from", "2000")], undated)


def test_text_search_reads_names_forms_and_evidence_folded() -> None:
    target = row_from_bytes(codec.dumps(arabic_visit()))
    assert target is not None
    assert matches([("q", "LAVROV")], target)  # the canonical name, any case
    assert matches([("q", "لافروف")], target)  # the form written
    assert matches([("q", "تشرين الاول")], target)  # evidence; alef with hamza folded
    assert not matches([("q", "Putin")], target)
    assert fold("أَمْريكا") == "امريكا"


def test_commas_in_a_search_stay_part_of_it() -> None:
    target = row(evidence=[{"text": "Talks in Moscow, Russia ended.", "start": 0, "end": 30}])
    assert matches([("q", "moscow, russia")], target)
    assert not matches([("q", "moscow,russia")], target)


def test_page_orders() -> None:
    dates = ((0.5, "2024-01-02"), (0.9, "2023-05-01"), (0.7, "2024-03-01"))
    rows = [row(confidence=c, time={"text": "t", "start": d, "end": d, "precision": "day"})
            for c, d in dates]  # fmt: skip
    for seq, r in enumerate(rows, 1):
        r.seq = seq
    newest = Page().select(rows)
    assert [r.seq for r in newest] == [3, 2, 1]
    assert [r.seq for r in Page(sort="date").select(rows)] == [3, 1, 2]
    assert [r.seq for r in Page(sort="confidence", descending=False).select(rows)] == [1, 3, 2]
    assert [r.seq for r in Page(offset=1, limit=1).select(rows)] == [2]


def test_not_an_event_gives_no_row() -> None:
    assert row_from_bytes(b"{not json") is None
    assert row_from_bytes(codec.dumps({"event_id": "x"})) is None
    assert row_from_bytes(codec.dumps(event() | {"schema_version": "2"})) is None


def test_a_malformed_date_reads_as_undated() -> None:
    odd = row(time={"text": "t", "start": "2024-99", "end": "soon", "precision": "day"})
    assert odd.first is None and odd.start is None
