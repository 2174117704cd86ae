"""Read the time expressions of a sentence ("early 2023", "January-September 2024", "last
year") as periods. The rules and words are the active language pack's (`times.toml`); this
module resolves what they match, by the kind of rule and its named groups."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract import cuewords
from ingest.extract.lang import active_code
from ingest.extract.periods import (
    Period,
    TimeContext,
    TimeExpression,
    month_period,
    shift_years,
    span_period,
)
from ingest.extract.time_grammar import TimeGrammar, grammar, grammar_of, year2
from ingest.extract.time_rules import Matcher, resolve


def may_hold_time(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has anything a time rule could read."""
    return _hinted(active_code(), text[start:end])


@lru_cache(maxsize=256)
def _hinted(code: str, segment: str) -> bool:
    """Whether a sentence has a word or digit a time could begin with (asked for each
    sentence twice: before and after the article's context is known)."""
    return grammar_of(code).hint.search(segment) is not None


@lru_cache(maxsize=256)
def _matches(code: str, segment: str) -> tuple[tuple[str, tuple[re.Match[str], ...]], ...]:
    """Every rule's matches in a sentence, found once: a sentence is read twice (before and
    after the article's context is known) and only the resolution depends on the context."""
    return tuple((kind, tuple(p.finditer(segment))) for p, kind in grammar_of(code).rules)


def find_times(text: str, start: int, end: int, context: TimeContext) -> list[TimeExpression]:
    """Every time expression in text[start:end], resolved against `context`."""
    times = grammar()
    segment = text[start:end]
    if not _hinted(active_code(), segment):
        return []
    # The year a sentence is about: one year named, not counting the years it compares with.
    years = [
        (int(m.group()), m.start())
        for m in times.year.finditer(segment)
        if not times.comparison_before.search(segment[max(0, m.start() - 40) : m.start()])
    ]
    # A year written in two digits ("1H26", "10M26", "Q3'25") is a year the sentence names too.
    years += [
        (year2(m["y"]), m.start())
        for _, matches in _matches(active_code(), segment)
        for m in matches
        if "y" in m.re.groupindex
        and m["y"]
        and len(m["y"]) == 2
        and not times.comparison_before.search(segment[max(0, m.start() - 40) : m.start()])
    ]
    years.sort(key=lambda found: found[1])

    def future() -> bool:
        return cuewords.has("modality", "future", segment)

    one_year = len({year for year, _ in years}) == 1
    matcher = Matcher(context, years[0][0] if one_year else None, future, times)
    matcher.sentence_year_at = years[0][1] if one_year else 0
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    for kind, matches in _matches(active_code(), segment):
        for m in matches:
            a, b = m.span()
            if a == b or any(a < t_end and t_start < b for t_start, t_end in taken):
                continue
            matcher.position = a
            period, relative = resolve(kind, m, matcher)
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
    return _parallel_spans(_relative_to_named(text, start, found, times, context.current))


def _relative_to_named(
    text: str,
    start: int,
    found: list[TimeExpression],
    times: TimeGrammar,
    current: Period | None = None,
) -> list[TimeExpression]:
    """ "83,000 as of July 1, 2025, up from 41,000 a year earlier": a year before the time this
    sentence named, not before the article's; "the same period of 2023": its months in 2023."""
    same_span = cuewords.pattern("times", "same_span_before")
    speech = cuewords.pattern("roles", "speech_before")
    # "said on Tuesday" dates the statement: a year before it is not a year before the figure.
    stated = [t for t in found if not speech.search(text, max(start, t.start - 30), t.start)]
    for index, expression in enumerate(found):
        named = [t for t in found[:index] if not t.comparison and t in stated]
        phrase = text[expression.start : expression.end]
        # "In the same period of 2025": the months named before, in this sentence or the
        # period the article speaks of.
        span = named[-1].period if named else current
        if (
            span is not None
            and expression.period.grain == "year"
            and span.grain not in ("year", "day")
            and same_span.search(text, max(start, expression.start - 30), expression.start)
        ):
            shift = expression.period.first.year - span.last.year
            found[index] = TimeExpression(
                expression.start,
                expression.end,
                shift_years(span, shift),
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
