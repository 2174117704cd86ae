"""Periods of the calendar as the contract labels them (`2023`, `2024-Q1`, `2024-01/2024-09`),
and what relative time is read against."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Period:
    label: str
    first: dt.date
    last: dt.date

    @property
    def grain(self) -> str:
        return _grain(self.label)


@lru_cache(maxsize=4096)
def _grain(label: str) -> str:
    if "/" in label:
        return "interval"
    if re.fullmatch(r"\d{4}", label):
        return "year"
    if "-H" in label:
        return "half"
    if "-Q" in label:
        return "quarter"
    return "month" if re.fullmatch(r"\d{4}-\d{2}", label) else "day"


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    period: Period
    comparison: bool = False
    relative: bool = False


def year_period(year: int) -> Period:
    return Period(f"{year}", dt.date(year, 1, 1), dt.date(year, 12, 31))


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(f"{year}-{month:02d}", dt.date(year, month, 1), dt.date(year, month, last))


def quarter_period(year: int, quarter: int) -> Period:
    first = month_period(year, quarter * 3 - 2)
    last = month_period(year, quarter * 3)
    return Period(f"{year}-Q{quarter}", first.first, last.last)


def half_period(year: int, half: int) -> Period:
    first = month_period(year, half * 6 - 5)
    last = month_period(year, half * 6)
    return Period(f"{year}-H{half}", first.first, last.last)


def day_period(year: int, month: int, day: int) -> Period | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return Period(date.isoformat(), date, date)


def span_period(a: Period, b: Period) -> Period:
    if a.label == b.label:
        return a
    return Period(f"{a.label}/{b.label}", a.first, b.last)


def shift_years(period: Period, years: int) -> Period:
    """The same period `years` later (negative: earlier)."""

    def move(label: str) -> str:
        return re.sub(r"^\d{4}", lambda m: str(int(m.group()) + years), label)

    parts = [move(part) for part in period.label.split("/")]
    first = period.first.replace(year=period.first.year + years)
    last_year = period.last.year + years
    last_day = min(period.last.day, calendar.monthrange(last_year, period.last.month)[1])
    return Period("/".join(parts), first, dt.date(last_year, period.last.month, last_day))


@dataclass
class TimeContext:
    """What relative expressions resolve against: the publication date and the last year named."""

    published: dt.date | None = None
    anchor_year: int | None = None
    current: Period | None = None
    # Without a publication date: the nearest date the article itself states in full ("As of
    # July 1, 2025"), which fixes what "last year" and "by the end of June" mean.
    reference: dt.date | None = None
    # The last day the article named ("opened on 14 May"): what "that day" is.
    last_day: Period | None = None

    def default_year(self, month: int | None = None, future: bool = False) -> int | None:
        """The year of a month named without one: the latest such month up to the publication
        date, or the next one from it in a sentence that looks ahead."""
        today = self.published or self.reference
        if today:
            if month is not None and future and month < today.month:
                return today.year + 1
            if month is not None and not future and month > today.month:
                return today.year - 1
            return today.year
        return self.anchor_year


def parse_label(label: str | None) -> Period | None:
    """The period a contract label names (`2023-Q1`, `2024-01/2024-09`, ...), or None."""
    if not label:
        return None
    if "/" in label:
        first, _, last = label.partition("/")
        a, b = parse_label(first), parse_label(last)
        return Period(label, a.first, b.last) if a and b else None
    if m := re.fullmatch(r"(\d{4})", label):
        return year_period(int(m[1]))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", label):
        return quarter_period(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-H([12])", label):
        return half_period(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", label):
        return month_period(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", label):
        return day_period(int(m[1]), int(m[2]), int(m[3]))
    return None
