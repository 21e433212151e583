"""published_at as feeds write it: each accepted form, its precision, and refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from models.s3_times.anchor import ACCEPTED_FORMS, Anchor
from models.schema import Article

# Every accepted form, as a feed would send it: (value, instant, precision).
# Epoch 1705399200 is 2024-01-16T10:00:00 UTC.
FORMS: list[tuple[str | int | float, dt.datetime, str]] = [
    ("2015", dt.datetime(2015, 1, 1), "year"),
    ("2015-10", dt.datetime(2015, 10, 1), "month"),
    ("2024-01-16", dt.datetime(2024, 1, 16), "day"),
    ("20240116", dt.datetime(2024, 1, 16), "day"),  # ISO 8601 basic format
    ("2024-W03-2", dt.datetime(2024, 1, 16), "day"),  # ISO 8601 week date
    ("2024-01-16T10:00:00", dt.datetime(2024, 1, 16, 10), "time"),
    ("2024-01-16T10:00:00Z", dt.datetime(2024, 1, 16, 10), "time"),
    ("2024-01-16T23:30:00-05:00", dt.datetime(2024, 1, 16, 23, 30), "time"),  # local wall clock
    ("2024-01-16 10:00:00", dt.datetime(2024, 1, 16, 10), "time"),  # CMS style, space, no zone
    ("2024-01-16 10:00", dt.datetime(2024, 1, 16, 10), "time"),
    ("Tue, 16 Jan 2024 10:00:00 GMT", dt.datetime(2024, 1, 16, 10), "time"),  # RSS pubDate
    ("Tue, 16 Jan 2024 10:00:00 +0300", dt.datetime(2024, 1, 16, 10), "time"),
    ("16 Jan 2024 10:00 EST", dt.datetime(2024, 1, 16, 10), "time"),  # no weekday, RFC 822 zone
    (1705399200, dt.datetime(2024, 1, 16, 10), "time"),  # epoch seconds, JSON number
    (1705399200.5, dt.datetime(2024, 1, 16, 10, 0, 0, 500000), "time"),
    ("1705399200", dt.datetime(2024, 1, 16, 10), "time"),  # epoch seconds, digit string
    (1705399200000, dt.datetime(2024, 1, 16, 10), "time"),  # epoch milliseconds
    ("1705399200000", dt.datetime(2024, 1, 16, 10), "time"),
    (" 2015-10 ", dt.datetime(2015, 10, 1), "month"),  # surrounding blanks are ignored
]


@pytest.mark.parametrize(("value", "at", "precision"), FORMS)
def test_each_form_parses_with_its_precision(
    value: str | int | float, at: dt.datetime, precision: str
) -> None:
    anchor = Anchor.parse(value)
    assert (anchor.at, anchor.precision) == (at, precision)
    assert Article(id="a", text="t", published_at=value).published_anchor() == anchor


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2015", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
        ("2015-10", dt.date(2015, 10, 1), dt.date(2015, 10, 31)),
        ("2015-12", dt.date(2015, 12, 1), dt.date(2015, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2024-01-16", dt.date(2024, 1, 16), dt.date(2024, 1, 16)),
        ("Tue, 16 Jan 2024 23:59:00 GMT", dt.date(2024, 1, 16), dt.date(2024, 1, 16)),
    ],
)
def test_the_days_an_anchor_spans(value: str, first: dt.date, last: dt.date) -> None:
    anchor = Anchor.parse(value)
    assert (anchor.first_day, anchor.last_day) == (first, last)


@pytest.mark.parametrize(
    ("value", "at"),
    [
        # Seconds from 10^8 to 10^10, milliseconds from 10^11 to 10^13: both span
        # 1973-03-03 to 2286-11-20, so no plausible time is read in the wrong unit.
        (100_000_000, dt.datetime(1973, 3, 3, 9, 46, 40)),
        (9_999_999_999, dt.datetime(2286, 11, 20, 17, 46, 39)),
        (100_000_000_000, dt.datetime(1973, 3, 3, 9, 46, 40)),
        (9_999_999_999_999, dt.datetime(2286, 11, 20, 17, 46, 39, 999000)),
    ],
)
def test_seconds_and_milliseconds_by_magnitude(value: int, at: dt.datetime) -> None:
    assert Anchor.parse(value).at == at


REFUSED: list[object] = [
    "last Tuesday",
    "",
    "2015-13",  # no 13th month
    "2015-1",
    "201510",  # basic YYYYMM is not ISO 8601 (it reads as YYMMDD)
    "0000",
    "16/01/2024",
    "Tue, 16 Jan 2024",  # RFC 822 requires a time
    2015,  # a number is an epoch time: 2015 s is no publication time
    0,
    -1705399200,
    99_999_999,  # below 10^8
    10_000_000_000,  # between the two ranges: 2286 in seconds, 1970 in milliseconds
    10**13,
    "99999",
    float("inf"),
    float("nan"),
    True,  # JSON true is not 1
    ["2015"],
]


@pytest.mark.parametrize("value", REFUSED)
def test_refused_values_name_the_accepted_forms(value: object) -> None:
    with pytest.raises(ValueError) as caught:
        Anchor.parse(value)  # type: ignore[arg-type]
    assert ACCEPTED_FORMS in str(caught.value)


def test_article_refuses_an_unreadable_date() -> None:
    with pytest.raises(ValidationError):
        Article(id="a", text="t", published_at="last Tuesday")


def test_absent_published_at_has_no_anchor() -> None:
    assert Article(id="a", text="t").published_anchor() is None


@pytest.mark.parametrize(
    ("value", "precision"),
    [(dt.date(2024, 1, 16), "day"), (dt.datetime(2024, 1, 16, 9, 30), "time")],
)
def test_dates_and_datetimes_are_exact_anchors(value: dt.date, precision: str) -> None:
    anchor = Anchor.of(value)
    assert anchor.precision == precision
    assert anchor.first_day == anchor.last_day == dt.date(2024, 1, 16)
    assert Anchor.of(anchor) is anchor
