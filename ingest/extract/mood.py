"""Whether a statement looks ahead, and the status that follows for a fact."""

from __future__ import annotations

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.contract import fact_types
from ingest.extract.discourse import Discourse
from ingest.extract.periods import Period


def modality(text: str, position: int, analysis: SentenceAnalysis) -> str:
    """`future` where the clause looks ahead; `future_sentence` where only the sentence does
    (the clause has no verb of its own); else `actual`."""
    start, end = cuewords.clause_bounds(text, position, analysis.start, analysis.end)
    if _looks_ahead(text, start, end):
        return "future"
    if cuewords.rule("finite").search(text, start, end):
        return "actual"
    # A clause without a verb ("worth $160 million") takes the mood of the nearest clause
    # that has one, looking ahead first, then back.
    clauses = cuewords.clauses(text, analysis.start, analysis.end)
    here = next((i for i, (a, b) in enumerate(clauses) if a <= position < b), 0)
    for a, b in clauses[here + 1 :] + clauses[:here][::-1]:
        if _looks_ahead(text, a, b):
            return "future_sentence"
        if cuewords.rule("finite").search(text, a, b):
            return "actual"
    return "actual"


def _looks_ahead(text: str, start: int, end: int) -> bool:
    return cuewords.has("modality", "future", text, start, end) or bool(
        cuewords.rule("modal_possibility").search(text, start, end)
    )


def status_for(
    fact_type: str, mood: str, period: Period | None, discourse: Discourse, explicit: bool
) -> str:
    """actual, projected or planned, from the mood and the period against the publication date."""
    published = discourse.published
    if published and period is not None and explicit:
        if period.last < published and mood == "future_sentence":
            mood = "actual"
        elif period.first > published:
            mood = "future"
    if not mood.startswith("future"):
        return "actual"
    return fact_types()[fact_type].future_status
