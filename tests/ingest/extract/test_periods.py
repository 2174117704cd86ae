import datetime as dt

import pytest

from ingest.extract.periods import TimeContext
from ingest.extract.times import find_times


def labels(text: str, published: dt.date | None = None, anchor: int | None = None):
    context = TimeContext(published=published, anchor_year=anchor)
    return [(t.period.label, t.comparison) for t in find_times(text, 0, len(text), context)]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("in early 2023", "2023-Q1"),
        ("by mid-2025", "2025-05/2025-08"),
        ("in late 2024", "2024-Q4"),
        ("by the end of 2023", "2023-12"),
        ("January-September 2024", "2024-01/2024-09"),
        ("from January through April 2024", "2024-01/2024-04"),
        ("in the first five months of 2025", "2025-01/2025-05"),
        ("in 4M25", "2025-01/2025-04"),
        ("in the third quarter of 2025", "2025-Q3"),
        ("in Q3 2025", "2025-Q3"),
        ("in the first half of 2024", "2024-H1"),
        ("As of May 2025", "2025-05"),
        ("in October 2025", "2025-10"),
        ("by 2024/2025", "2024/2025"),
        ("in 1996", "1996"),
    ],
)
def test_explicit_times(text, label):
    assert labels(text) == [(label, False)]


def test_relative_times_resolve_against_the_publication_date():
    published = dt.date(2024, 3, 29)
    assert labels("in January compared to January last year", published) == [
        ("2024-01", False),
        ("2023-01", True),
    ]
    assert labels("sales last year", published) == [("2023", False)]
    assert labels("in the current year", published) == [("2024", False)]
    assert labels("operations begin this month", dt.date(2025, 9, 4)) == [("2025-09", False)]


def test_that_year_points_back_to_the_year_named_before():
    assert labels("from 1,500 in early 2023 to 3,200 by the end of that year") == [
        ("2023-Q1", False),
        ("2023-12", False),
    ]


def test_year_on_year_is_not_a_time():
    assert labels("rising by 5% year-on-year") == []


def test_the_same_period_last_year_is_a_comparison():
    found = labels("more than the same period last year", dt.date(2024, 6, 1))
    assert found == [("2023", True)]
