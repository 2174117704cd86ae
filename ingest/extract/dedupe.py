"""A statement repeated in one article is one fact."""

from __future__ import annotations

import re

from ingest.extract.contract import Fact
from ingest.extract.periods import parse_label

VALUE_TOLERANCE = 0.005


# A figure given with "about" or "more than" restates a precise one this close to it.
RESTATED_TOLERANCE = 0.02


def _same_fact(a: Fact, b: Fact) -> bool:
    if a.fact_type != b.fact_type:
        return False
    if (a.value is None) != (b.value is None):
        return False
    if a.value is not None and b.value is not None:
        # "more than 73,000" then "73,600": a rounded restatement of the same figure.
        rounded = a.qualifier != "exact" or b.qualifier != "exact"
        tolerance = RESTATED_TOLERANCE if rounded else VALUE_TOLERANCE
        if abs(a.value - b.value) > tolerance * max(abs(a.value), abs(b.value), 1.0):
            return False
    if a.model and b.model and a.model != b.model:
        return False
    if a.char_start == b.char_start and a.subject != b.subject:
        return False  # "Haval — 9.3 thousand, Chery — 9.3 thousand": two figures of one sentence
    if a.fact_type == "production_start":
        # "launched the plant today" and "begins operations this month": one launch; the
        # start of a model is another fact than the plant's launch.
        if a.model != b.model:
            return False
        return a.period is None or b.period is None or _nested(a.period, b.period)
    if a.period and b.period and a.period != b.period:
        return False
    return not (a.subject != b.subject and a.location != b.location and a.location and b.location)


def _nested(a: str, b: str) -> bool:
    first, second = parse_label(a), parse_label(b)
    if first is None or second is None:
        return a == b
    return (first.first <= second.first and second.last <= first.last) or (
        second.first <= first.first and first.last <= second.last
    )


def _precision(fact: Fact) -> tuple[int, int, int]:
    digits = len(re.sub(r"\D", "", f"{fact.value or 0:.0f}").rstrip("0"))
    return (digits, fact.qualifier == "exact", fact.period is not None)


def deduplicate(facts: list[Fact]) -> list[Fact]:
    """A statement repeated in one article is one fact: keep its most precise wording."""
    kept: list[Fact] = []
    for fact in facts:
        twin = next((k for k in kept if _same_fact(k, fact)), None)
        if twin is None:
            kept.append(fact)
        elif _precision(fact) > _precision(twin):
            kept[kept.index(twin)] = fact
    return kept
