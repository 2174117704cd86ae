"""How the active language writes times: its pack's `times.toml` (months, relative words,
vague parts of a year, the time rules), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ingest.extract.first_chars import compile_fast
from ingest.extract.lang import active_code, pack


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
    weekdays: dict[str, int]
    ambiguous_months_at_start: frozenset[str]


@cache
def grammar_of(code: str) -> TimeGrammar:
    table = pack(code).times
    month, year = table["month"], table["year"]

    def compiled(source: str, case: bool = False) -> re.Pattern[str]:
        source = source.replace("<<month>>", month).replace("<<year>>", year)
        return compile_fast(source, 0 if case else re.IGNORECASE)

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
        weekdays=table.get("weekdays", {}),
        ambiguous_months_at_start=frozenset(table.get("ambiguous_months_at_start", [])),
    )


def grammar() -> TimeGrammar:
    return grammar_of(active_code())


def words(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.lower()).strip()


def lookup(table: dict[str, Any], raw: str) -> Any:
    """The entry of the longest key that `raw` (normalised) starts with."""
    phrase = words(raw)
    for key in sorted(table, key=len, reverse=True):
        if phrase == key or phrase.startswith(key + " ") or phrase.startswith(key + "-"):
            return table[key]
    return None


def month_number(word: str, times: TimeGrammar) -> int:
    raw = word.lower().rstrip(".")
    if raw.isdigit():  # "01.07.2026"
        return int(raw)
    if raw in times.months:
        return times.months[raw]
    return next(
        n
        for name, n in sorted(times.months.items(), key=lambda i: -len(i[0]))
        if raw.startswith(name)
    )


def year2(raw: str) -> int:
    value = int(raw)
    return value if value > 100 else 2000 + value
