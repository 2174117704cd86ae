"""Read the time expressions of a sentence ("early 2023", "January-September 2024", "last
year") as periods. The rules and words are the active language pack's (`times.toml`); this
module resolves what they match, by the kind of rule and its named groups."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ingest.extract import cuewords
from ingest.extract.lang import active, pack
from ingest.extract.periods import (
    Period,
    TimeContext,
    TimeExpression,
    day_period,
    half_period,
    month_period,
    quarter_period,
    shift_years,
    span_period,
    year_period,
)


@dataclass(frozen=True)
class TimeGrammar:
    """The time rules of one language, compiled from its pack."""

    rules: list[tuple[re.Pattern[str], str]]
    hint: re.Pattern[str]
    year: re.Pattern[str]
    comparison_before: re.Pattern[str]
    earlier_after: re.Pattern[str]
    year_before_named: re.Pattern[str]
    months: dict[str, int]
    count_words: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]
    relative: dict[str, int | str]
    vague: dict[str, str]
    seasons: dict[str, list[int]]
    ambiguous_months_at_start: frozenset[str]


@cache
def _grammar(code: str) -> TimeGrammar:
    table = pack(code).times
    month, year = table["month"], table["year"]

    def compiled(source: str, case: bool = False) -> re.Pattern[str]:
        source = source.replace("<<month>>", month).replace("<<year>>", year)
        return re.compile(source, 0 if case else re.IGNORECASE)

    return TimeGrammar(
        rules=[(compiled(r["regex"], r.get("case", False)), r["kind"]) for r in table["rules"]],
        hint=compiled(table["hint"]),
        year=compiled(rf"\b{year}\b"),
        comparison_before=compiled(table["comparison_before"]),
        earlier_after=compiled(table["earlier_after"]),
        year_before_named=compiled(table["year_before_named"]),
        months=table["months"],
        count_words=table["count_words"],
        ordinals=table["ordinals"],
        units=table["units"],
        relative=table["relative"],
        vague=table["vague"],
        seasons=table.get("seasons", {}),
        ambiguous_months_at_start=frozenset(table.get("ambiguous_months_at_start", [])),
    )


def grammar() -> TimeGrammar:
    return _grammar(active().code)


def _words(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.lower()).strip()


def _lookup(table: dict, raw: str) -> object:
    """The entry of the longest key that `raw` (normalised) starts with."""
    phrase = _words(raw)
    for key in sorted(table, key=len, reverse=True):
        if phrase == key or phrase.startswith(key + " ") or phrase.startswith(key + "-"):
            return table[key]
    return None


def month_number(word: str, times: TimeGrammar) -> int:
    raw = word.lower().rstrip(".")
    if raw in times.months:
        return times.months[raw]
    return next(
        n
        for name, n in sorted(times.months.items(), key=lambda i: -len(i[0]))
        if raw.startswith(name)
    )


def _year2(raw: str) -> int:
    value = int(raw)
    return value if value > 100 else 2000 + value


class _Matcher:
    def __init__(
        self,
        context: TimeContext,
        sentence_year: int | None,
        future: bool,
        times: TimeGrammar,
    ) -> None:
        self.context = context
        self.sentence_year = sentence_year
        self.future = future
        self.times = times

    def year_for(self, month: int | None = None) -> int | None:
        if self.sentence_year is not None:
            return self.sentence_year
        return self.context.default_year(month, self.future)

    def relative_year(self, raw: str, reference: int | None) -> int | None:
        """The year a relative phrase ("last year", "that year") names."""
        offset = _lookup(self.times.relative, raw)
        if offset == "anchor":
            return self.sentence_year or self.context.anchor_year or reference
        if offset is None or reference is None:
            return None
        return reference + int(offset)


def may_hold_time(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has anything a time rule could read."""
    return grammar().hint.search(text, start, end) is not None


def _resolve(kind: str, m: re.Match[str], ctx: _Matcher) -> tuple[Period | None, bool]:
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
        else:
            year = int(g["y"]) if g.get("y") else ctx.year_for()
        if not n or year is None or n > 12:
            return None, False
        return span_period(month_period(year, 1), month_period(year, n)), bool(relative)
    if kind == "nm_year":
        n = int(g["n"])
        if not 1 <= n <= 12:
            return None, False
        year = _year2(g["y"])
        return span_period(month_period(year, 1), month_period(year, n)), False
    if kind in ("ordinal_part", "qh_year", "year_qh"):
        n = times.ordinals[_words(g["o"])] if kind == "ordinal_part" else int(g["n"])
        raw_year = g.get("y")
        year = _year2(raw_year) if raw_year else ctx.year_for()
        if year is None:
            return None, False
        if times.units.get(g["u"].lower()) == "half":
            if kind == "ordinal_part":
                return half_period(year, 2 if n >= 2 else 1), False
            return (half_period(year, n), False) if n <= 2 else (None, False)
        return quarter_period(year, n), False
    if kind == "vague":
        part = _lookup(times.vague, g["w"])
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
        first, last = _lookup(times.seasons, g["s"]) or (None, None)
        if first is None:
            return None, False
        year = int(g["y"]) if g.get("y") else ctx.year_for(last)
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
        a, b = int(g["a"]), _year2(g["b"])
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
            offset = _lookup(times.relative, which)
            if offset == "anchor":
                year = ctx.context.anchor_year
            elif pub is None:
                year = ctx.context.anchor_year if offset == 0 else None
            else:
                year = pub.year + int(offset) if offset is not None else None
            return (year_period(year), True) if year else (None, False)
        if pub is None:
            return None, False
        offset = _lookup(times.relative, which)
        if offset == -1:
            previous = pub.replace(day=1) - dt.timedelta(days=1)
            return month_period(previous.year, previous.month), True
        if offset == 0:
            return month_period(pub.year, pub.month), True
        return None, False
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


@lru_cache(maxsize=256)
def _matches(code: str, segment: str) -> tuple[tuple[str, tuple[re.Match[str], ...]], ...]:
    """Every rule's matches in a sentence, found once: a sentence is read twice (before and
    after the article's context is known) and only the resolution depends on the context."""
    return tuple((kind, tuple(p.finditer(segment))) for p, kind in _grammar(code).rules)


def find_times(text: str, start: int, end: int, context: TimeContext) -> list[TimeExpression]:
    """Every time expression in text[start:end], resolved against `context`."""
    times = grammar()
    segment = text[start:end]
    if not times.hint.search(segment):
        return []
    # The year a sentence is about: one year named, not counting the years it compares with.
    years = [
        int(m.group())
        for m in times.year.finditer(segment)
        if not times.comparison_before.search(segment[max(0, m.start() - 40) : m.start()])
    ]
    future = cuewords.has("modality", "future", segment)
    matcher = _Matcher(context, years[0] if len(set(years)) == 1 else None, future, times)
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    for kind, matches in _matches(active().code, segment):
        for m in matches:
            a, b = m.span()
            if a == b or any(a < t_end and t_start < b for t_start, t_end in taken):
                continue
            period, relative = _resolve(kind, m, matcher)
            if kind == "skip":
                taken.append((a, b))
                continue
            if period is None:
                continue
            taken.append((a, b))
            # "compared to March": the preposition is part of the match, the cue is before it.
            head = m.start("m") if kind == "month_alone" else a
            comparison = (
                bool(times.comparison_before.search(segment[max(0, head - 40) : head]))
                or (kind == "same_period_last_year")
                or bool(times.earlier_after.match(segment[b : b + 10]))
            )
            found.append(TimeExpression(start + a, start + b, period, comparison, relative))
    found.sort(key=lambda t: t.start)
    return _parallel_spans(_relative_to_named(text, start, found, times))


def _relative_to_named(
    text: str, start: int, found: list[TimeExpression], times: TimeGrammar
) -> list[TimeExpression]:
    """ "83,000 as of July 1, 2025, up from 41,000 a year earlier": a year before the time this
    sentence named, not before the article's; "the same period of 2023": its months in 2023."""
    same_span = cuewords.pattern("times", "same_span_before")
    for index, expression in enumerate(found):
        named = [t for t in found[:index] if not t.comparison]
        phrase = text[expression.start : expression.end]
        if (
            named
            and expression.period.grain == "year"
            and named[-1].period.grain not in ("year", "day")
            and same_span.search(text, max(start, expression.start - 30), expression.start)
        ):
            shift = expression.period.first.year - named[-1].period.last.year
            found[index] = TimeExpression(
                expression.start,
                expression.end,
                shift_years(named[-1].period, shift),
                expression.comparison,
                expression.relative,
            )
            continue
        if named and expression.comparison and times.year_before_named.search(phrase):
            found[index] = TimeExpression(
                expression.start, expression.end, shift_years(named[-1].period, -1), True, True
            )
    return found


def _parallel_spans(found: list[TimeExpression]) -> list[TimeExpression]:
    """ "in 11 months of last year, and 3,015 units this year": a bare relative year set
    beside a span of months of another year covers the same months."""
    spans = [t for t in found if t.period.grain == "interval" and t.period.first.month == 1]
    if not spans:
        return found
    model = spans[0].period
    months = model.last.month
    result = []
    for expression in found:
        if expression.relative and expression.period.grain == "year" and months < 12:
            year = expression.period.first.year
            if year != model.last.year:
                period = span_period(month_period(year, 1), month_period(year, months))
                expression = TimeExpression(
                    expression.start, expression.end, period, expression.comparison, True
                )
        result.append(expression)
    return result
