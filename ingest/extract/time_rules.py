"""What each kind of time rule means: the period a match names, resolved against the sentence's
year, the article's context and whether the sentence looks ahead."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ingest.extract.periods import (
    Period,
    TimeContext,
    day_period,
    half_period,
    month_period,
    quarter_period,
    shift_years,
    span_period,
    year_period,
)
from ingest.extract.time_grammar import TimeGrammar, lookup, month_number, words, year2


class Matcher:
    def __init__(
        self,
        context: TimeContext,
        sentence_year: int | None,
        future: Callable[[], bool],
        times: TimeGrammar,
    ) -> None:
        self.context = context
        self.sentence_year = sentence_year
        self._future = future
        self._looks_ahead: bool | None = None
        self.times = times
        # Where in the sentence its year is first named, and where the match being read starts:
        # "At the start of the year, ..., and in January 2024 it was 3,900" names 2024 after
        # "the year", which is the article's year, not 2024.
        self.sentence_year_at = 0
        self.position = 0

    def _sentence_year(self) -> int | None:
        if self.position < self.sentence_year_at and self._context_year() is not None:
            return None
        return self.sentence_year

    def _context_year(self) -> int | None:
        current = self.context.current
        return current.last.year if current is not None else self.context.anchor_year

    def year_for(self, month: int | None = None) -> int | None:
        year = self._sentence_year()
        if year is not None:
            return year
        return self.context.default_year(month, self.future())

    def future(self) -> bool:
        """Whether the sentence looks ahead: read once, and only when a month without a year
        needs it."""
        if self._looks_ahead is None:
            self._looks_ahead = self._future()
        return self._looks_ahead

    def relative_year(self, raw: str, reference: int | None) -> int | None:
        """The year a relative phrase ("last year", "that year") names."""
        offset = lookup(self.times.relative, raw)
        if offset == "anchor":
            return self._sentence_year() or self.context.anchor_year or reference
        if offset == "current":
            return self._context_year() or reference
        if offset is None or reference is None:
            return None
        return reference + int(offset)


def _year_of_current_span(current: Period | None, months: int | None) -> int | None:
    """ "Over the nine months" in an article about January-September 2026: that span's year,
    whatever other year the sentence names ("which began assembling in June 2024")."""
    if current is None or not months or current.grain != "interval":
        return None
    first, last = current.first, current.last
    if first.year == last.year and first.month == 1 and last.month == months:
        return first.year
    return None


def resolve(kind: str, m: re.Match[str], ctx: Matcher) -> tuple[Period | None, bool]:
    g = m.groupdict()
    times = ctx.times
    pub = ctx.context.published or ctx.context.reference
    base = pub.year if pub else ctx.context.anchor_year
    if kind == "skip":
        return None, False
    if kind == "month_range":
        m1, m2 = month_number(g["m1"], times), month_number(g["m2"], times)
        relative = g.get("r")
        if relative:  # "January-August this year", "January-May last year"
            year = ctx.relative_year(relative, base)
        else:
            year = int(g["y"]) if g.get("y") else ctx.year_for(m2)
        if year is None:
            return None, False
        first_year = year - 1 if m1 > m2 else year
        return span_period(month_period(first_year, m1), month_period(year, m2)), bool(relative)
    if kind == "first_months":
        raw = g["n"].lower()
        n = times.count_words.get(raw) or (int(raw) if raw.isdigit() else None)
        relative = g.get("r")
        if relative:  # "in 11 months of last year"
            year = ctx.relative_year(relative, base)
        elif g.get("y"):
            year = int(g["y"])
        else:
            year = _year_of_current_span(ctx.context.current, n) or ctx.year_for()
        if not n or year is None or n > 12:
            return None, False
        return span_period(month_period(year, 1), month_period(year, n)), bool(relative)
    if kind == "nm_year":
        n = int(g["n"])
        if not 1 <= n <= 12:
            return None, False
        year = year2(g["y"])
        return span_period(month_period(year, 1), month_period(year, n)), False
    if kind in ("ordinal_part", "qh_year", "year_qh"):
        n = times.ordinals[words(g["o"])] if kind == "ordinal_part" else int(g["n"])
        raw_year = g.get("y")
        year = year2(raw_year) if raw_year else ctx.year_for()
        if year is None:
            return None, False
        if times.units.get(g["u"].lower()) == "half":
            if kind == "ordinal_part":
                return half_period(year, 2 if n >= 2 else 1), False
            return (half_period(year, n), False) if n <= 2 else (None, False)
        return quarter_period(year, n), False
    if kind == "vague":
        part = lookup(times.vague, g["w"])
        raw_year = (g.get("y") or "").lower()
        relative = not raw_year[:1].isdigit()
        if raw_year[:1].isdigit():
            year = int(raw_year)
        elif raw_year:
            year = ctx.relative_year(raw_year, base)
        elif g.get("m"):
            year = ctx.year_for(month_number(g["m"], times))
        else:
            return None, False
        if not year or year < 1900:
            return None, False
        if g.get("m"):
            return month_period(year, month_number(g["m"], times)), relative
        if part == "q1":
            return quarter_period(year, 1), relative
        if part == "m1":
            return month_period(year, 1), relative
        if part == "mid":
            return span_period(month_period(year, 5), month_period(year, 8)), relative
        if part == "q4":
            return quarter_period(year, 4), relative
        return month_period(year, 12), relative
    if kind == "last_years":  # "over the past three years": up to the reference year
        raw = g["n"].lower()
        n = times.count_words.get(raw) or (int(raw) if raw.isdigit() else None)
        if not n or base is None or n > 30:
            return None, False
        return span_period(year_period(base - n), year_period(base)), True
    if kind == "season":  # "in autumn 2023": the months the season's word names
        season: tuple[int, int] | None = lookup(times.seasons, g["s"])
        if season is None:
            return None, False
        first, last = season
        if g.get("y"):
            year = int(g["y"])
        elif g.get("r"):  # "next spring": the season of the year the word moves to
            year = ctx.relative_year(g["r"], base)
        else:
            year = ctx.year_for(last)
        if year is None:
            return None, False
        start_year = year - 1 if first > last else year
        return span_period(month_period(start_year, first), month_period(year, last)), False
    if kind in ("month_day", "day_month"):
        month, day = month_number(g["m"], times), int(g["d"])
        year = int(g["y"]) if g.get("y") else ctx.year_for(month)
        if year is None:
            return None, False
        return day_period(year, month, day), not g.get("y")
    if kind == "month_year":
        return month_period(int(g["y"]), month_number(g["m"], times)), False
    if kind == "month_relative":
        year = ctx.relative_year(g["r"], base)
        if year is None:
            return None, False
        return month_period(year, month_number(g["m"], times)), True
    if kind == "year_range":
        a, b = int(g["a"]), year2(g["b"])
        if not a < b <= a + 30:
            return None, False
        return span_period(year_period(a), year_period(b)), False
    if kind == "year":
        return year_period(int(g["y"])), False
    if kind == "same_period_last_year":
        current = ctx.context.current
        if current is not None:
            return shift_years(current, -1), True
        if pub:
            return year_period(pub.year - 1), True
        return None, False
    if kind == "relative":
        which, unit = g["r"], times.units.get(g["u"].lower())
        if unit == "year":
            offset = lookup(times.relative, which)
            if offset == "anchor":  # "that year": the year last named
                year = ctx.context.anchor_year or ctx._context_year()
            elif offset == "current":  # "for the full year": the year of the period spoken of,
                # in this sentence ("1,240 in 1H26, 2,600 for the full year") or before it
                year = ctx.sentence_year or ctx._context_year() or (pub.year if pub else None)
            elif pub is None:
                year = ctx.context.anchor_year if offset == 0 else None
            else:
                year = pub.year + int(offset) if offset is not None else None
            return (year_period(year), True) if year else (None, False)
        offset = lookup(times.relative, which)
        if offset == "current":  # "in the month": the last month of the period spoken of
            current = ctx.context.current
            if current is None:
                return None, False
            return month_period(current.last.year, current.last.month), True
        if pub is None:
            return None, False
        if offset == -1:
            previous = pub.replace(day=1) - dt.timedelta(days=1)
            return month_period(previous.year, previous.month), True
        if offset == 0:
            return month_period(pub.year, pub.month), True
        return None, False
    if kind == "weekday":  # "launched on Tuesday": that day of the article's week
        if pub is None:
            return None, False
        weekday = times.weekdays[g["wd"].lower()]
        if ctx.future():
            ahead = (weekday - pub.weekday() - 1) % 7 + 1
            date = pub + dt.timedelta(days=ahead)
        else:
            date = pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)
        return day_period(date.year, date.month, date.day), True
    if kind == "year_to_date":  # "since the start of the year": January to the publication
        if pub is None:
            return None, False
        return span_period(month_period(pub.year, 1), month_period(pub.year, pub.month)), True
    if kind == "same_day":  # "began on the same day": the day the article spoke of last
        last_day = ctx.context.last_day
        return (last_day, True) if last_day is not None else (None, False)
    if kind == "today":
        if pub is None:
            return None, False
        return day_period(pub.year, pub.month, pub.day), True
    if kind == "month_alone":
        if g["m"] in times.ambiguous_months_at_start and m.start("m") == 0:
            return None, False
        month = month_number(g["m"], times)
        year = ctx.year_for(month)
        if year is None:
            return None, False
        return month_period(year, month), True
    return None, False
