"""The period of a plant figure: only a time its own sentence ties to it (the labelling rules
leave a plant's capacity, investment, area and robots undated otherwise)."""

from __future__ import annotations

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.attach import own_times, right_after
from ingest.extract.numbers import Quantity
from ingest.extract.periods import Period


def plant_time(text: str, q: Quantity, analysis: SentenceAnalysis) -> Period | None:
    """A plant figure's period: only a time its own sentence ties to it."""
    own = own_times(text, analysis)
    if not own:
        return None
    return min(own, key=lambda t: abs(t.start - q.start)).period


def adjacent_time(text: str, q: Quantity, analysis: SentenceAnalysis) -> Period | None:
    """The time written after a plant figure in its own clause ("52 welding robots by the end
    of 2027", "88 welding robots were installed in 2024")."""
    after = right_after(text, q, analysis)
    if after:
        return None if after[0].comparison else after[0].period
    clause_end = cuewords.clause_bounds(text, q.end, analysis.start, analysis.end)[1]
    later = [t for t in own_times(text, analysis) if q.end <= t.start < clause_end]
    return later[0].period if later else None
