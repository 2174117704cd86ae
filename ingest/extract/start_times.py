"""Which time of a sentence dates each start cue: the one its cue ends on, the nearest in its
clause, or, for launches stated one after another, the time after each."""

from __future__ import annotations

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.periods import TimeExpression


def time_of_cue(
    text: str,
    analysis: SentenceAnalysis,
    cue: tuple[int, int, str],
    times: list[TimeExpression],
) -> TimeExpression:
    """The time nearest a start cue, in its own clause where the clause has one."""
    # "since it opened in September 2021": a launch cue that ends on its time's preposition.
    right_after = [t for t in times if 0 <= t.start - cue[1] <= 2]
    if right_after:
        return right_after[0]
    clause = cuewords.clause_bounds(text, cue[0], analysis.start, analysis.end)
    in_clause = [t for t in times if clause[0] <= t.start < clause[1]]
    return min(in_clause or times, key=lambda t: min(abs(t.start - cue[1]), abs(cue[0] - t.end)))


def launch_per_clause(
    text: str,
    analysis: SentenceAnalysis,
    starts: list[tuple[int, int, str]],
    times: list[TimeExpression],
) -> list[TimeExpression]:
    """The times of launches the sentence states one after another, each cue with a time after
    it and before the next cue ("Запуск первой очереди – в 2027 году, ввод второй – в 2029")."""
    launches = [cue for cue in starts if cue[2] == "commissioning"]
    found: list[TimeExpression] = []
    for index, cue in enumerate(launches):
        until = launches[index + 1][0] if index + 1 < len(launches) else analysis.end
        own = [t for t in times if cue[1] <= t.start < until]
        if not own:
            return []
        found.append(own[0])
    return found
