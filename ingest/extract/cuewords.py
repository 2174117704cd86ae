"""Find lexicon phrases in text on word boundaries, compiled once per list."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from ingest.lexicon import cues


@cache
def _pattern(section: str, key: str) -> re.Pattern[str]:
    phrases = sorted(cues()[section][key], key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w-])", re.IGNORECASE)


def spans(
    section: str,
    key: str,
    text: str,
    start: int = 0,
    end: int | None = None,
) -> list[tuple[int, int]]:
    """Spans of every phrase of cues[section][key] in text[start:end]."""
    end = len(text) if end is None else end
    return [m.span() for m in _pattern(section, key).finditer(text, start, end)]


def has(section: str, key: str, text: str, start: int = 0, end: int | None = None) -> bool:
    end = len(text) if end is None else end
    return _pattern(section, key).search(text, start, end) is not None


@cache
def words(section: str, key: str) -> frozenset[str]:
    return frozenset(cues()[section][key])


CLAUSE_BREAK = re.compile(
    r",\s|;|\s[—–-]\s|[—–]|[()]|:\s|\s(?:which|while|but|whereas|although|and\s+(?=(?:[a-z]+\s+)?"
    r"(?:is|are|was|were|will|has|have|should|would|plans|plan|aims|expects|intends|hopes|"
    r"targets|wants)\b))\s?",
)


@lru_cache(maxsize=32)
def _breaks(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Starts and ends of the clause breaks of text[start:end], found once per sentence."""
    found = [m.span() for m in CLAUSE_BREAK.finditer(text, start, end)]
    return [a for a, _ in found], [b for _, b in found]


def clause_bounds(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """The clause of text[start:end] that holds `position`."""
    starts, ends = _breaks(text, start, end)
    index = bisect_right(ends, position)  # breaks ending at or before the position
    left = ends[index - 1] if index else start
    later = bisect_left(starts, position, lo=index)
    right = starts[later] if later < len(starts) else end
    return left, right


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of text[start:end], in order."""
    spans, left = [], start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > left:
            spans.append((left, m.start()))
        left = m.end()
    if left < end:
        spans.append((left, end))
    return spans
