"""Which time a number of a sentence belongs to, and whether it is the current level or the
baseline of a comparison. Each attachment says how it was made, so that a fact's confidence can
follow from its evidence.

A number is a `baseline` when the sentence sets it against another ("from X", "up from X",
"against X", "X a year earlier", "(X)" right after "the same period of 2023"); a baseline takes
the comparison time it stands beside, else the comparison the article set up, else the current
period a year earlier. Any other number is a `level` and takes the time written right after it,
else the nearest own time of its clause, else of its sentence, else the article's current one.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.discourse import Discourse
from ingest.extract.numbers import Quantity
from ingest.extract.periods import (
    Period,
    TimeExpression,
    day_period,
    month_period,
    shift_years,
    span_period,
)

# A time this close after a number is that number's time ("41,000 a year earlier").
ADJACENT_TIME_CHARS = 24
# A bracket this close after a comparison time holds that time's figure ("... of 2023 (282.2)").
BRACKET_GAP_CHARS = 3
WINDOW_CHARS = 200


@dataclass(frozen=True)
class Attachment:
    period: Period | None
    role: str  # level | baseline
    how: str  # what tied the time to the number: see TIME_EVIDENCE
    explicit: bool  # the period is written in this sentence


# How sure each way of attaching a time is; the confidence of a fact starts from it.
TIME_EVIDENCE = {
    "adjacent": 0.95,
    "bracket_after_comparison": 0.9,
    "when_clause": 0.9,
    "own_in_clause": 0.9,
    "comparison_in_sentence": 0.8,
    "own_in_sentence": 0.75,
    "discourse_comparison": 0.7,
    "shifted_current": 0.6,
    "discourse_current": 0.7,
    "since_start": 0.8,
    "publication_day": 0.6,
    "none": 0.5,
}


def _before(text: str, q: Quantity, analysis: SentenceAnalysis) -> str:
    return text[max(analysis.start, q.lead - WINDOW_CHARS) : q.lead]


def is_baseline(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    """The number is the earlier side of a comparison."""
    before = _before(text, q, analysis)
    if cuewords.pattern("roles", "baseline_before").search(before):
        return True
    if cuewords.pattern("roles", "baseline_from_before").search(before) and cuewords.rule(
        "from_to_after"
    ).match(text, q.end, analysis.end):
        return True
    after = text[q.end : min(analysis.end, q.end + ADJACENT_TIME_CHARS + 16)]
    if cuewords.pattern("roles", "baseline_after").match(after):
        return True
    return _bracket_after_comparison(text, q, analysis) is not None or any(
        t.comparison for t in right_after(text, q, analysis)
    )


def _bracket_after_comparison(
    text: str, q: Quantity, analysis: SentenceAnalysis
) -> TimeExpression | None:
    if not text[max(analysis.start, q.lead - 2) : q.lead].rstrip().endswith("("):
        return None
    opening = text.rfind("(", analysis.start, q.lead)
    for t in analysis.times:
        if t.comparison and 0 <= opening - t.end <= BRACKET_GAP_CHARS:
            return t
    return None


def right_after(text: str, q: Quantity, analysis: SentenceAnalysis) -> list[TimeExpression]:
    """The times written right after a number, in its clause ("41,000 a year earlier", "54,900
    in the same period of 2023"; not "2.8 thousand cars, in 2020 – 7.5 thousand")."""
    clause_end = cuewords.clause_bounds(text, q.end, analysis.start, analysis.end)[1]
    starts = analysis.memo.get("quantity_starts")
    if starts is None:
        starts = analysis.memo["quantity_starts"] = [o.start for o in analysis.quantities]
        analysis.memo["time_starts"] = [t.start for t in analysis.times]
    later = bisect_left(starts, q.end)
    # "to 392,052 units from 362,535 in 2023": a time after the next number is not ours.
    limit = min(clause_end, starts[later]) if later < len(starts) else clause_end
    found = []
    for index in range(bisect_left(analysis.memo["time_starts"], q.end), len(analysis.times)):
        t = analysis.times[index]
        if t.start - q.end > ADJACENT_TIME_CHARS or t.start >= limit:
            break
        found.append(t)
    return found


def _claims(text: str, analysis: SentenceAnalysis) -> dict[int, Quantity]:
    """id of each time written right after a number -> that number (once per sentence)."""
    claims = analysis.memo.get("claims")
    if claims is None:
        claims = {}
        for other in analysis.quantities:
            if other.kind in ("count", "money"):
                for t in right_after(text, other, analysis)[:1]:
                    claims.setdefault(id(t), other)
        analysis.memo["claims"] = claims
    return claims


def own_times(text: str, analysis: SentenceAnalysis) -> list[TimeExpression]:
    """The sentence's times that date its figures: not comparisons, not the start of a
    duration ("operating since 2020"), not the date of a statement ("said on May 3")."""
    speech = cuewords.pattern("roles", "speech_before")
    own = []
    for t in analysis.times:
        if t.comparison:
            continue
        if _after_since(text, t, analysis) or speech.search(_window_before(text, t, analysis)):
            continue
        # "since 2020" starts a duration; "since the start of the year" is a span already.
        span = t.period.grain == "interval"
        if cuewords.pattern("roles", "duration_head").match(text, t.start, t.end) and not span:
            continue
        own.append(t)
    return own


def _unclaimed_by_other_clauses(
    text: str, q: Quantity, own: list[TimeExpression], analysis: SentenceAnalysis
) -> list[TimeExpression]:
    """The times outside the number's clause that no other figure's clause holds ("At the start
    of the year, the fleet stood at 11,250, and in January 2024 it was 3,900": January 2024 is
    the second clause's, the opening time the first's)."""
    taken = set()
    for other in analysis.quantities:
        if other is q or other.kind not in ("count", "money"):
            continue
        taken.add(cuewords.clause_bounds(text, other.lead, analysis.start, analysis.end))
    return [
        t
        for t in own
        if cuewords.clause_bounds(text, t.start, analysis.start, analysis.end) not in taken
    ]


def _window_before(text: str, t: TimeExpression, analysis: SentenceAnalysis) -> str:
    return text[max(analysis.start, t.start - 40) : t.start]


def _after_since(text: str, t: TimeExpression, analysis: SentenceAnalysis) -> bool:
    """The time starts a duration ("operating since 2020", "since it opened in 2020")."""
    since = cuewords.pattern("roles", "duration_before")
    return since.search(_window_before(text, t, analysis)) is not None


def _since_start(text: str, analysis: SentenceAnalysis) -> TimeExpression | None:
    """The time a duration of the sentence starts from ("since it opened in 2020")."""
    for t in analysis.times:
        if not t.comparison and t.period.grain != "interval" and _after_since(text, t, analysis):
            return t
    return None


def _clause_opening_comparison(
    text: str, q: Quantity, analysis: SentenceAnalysis
) -> TimeExpression | None:
    """A comparison time between the start of a later clause and its only number, the clause
    holding no time of its own ("; a year earlier the figure was 341,900")."""
    start, end = cuewords.clause_bounds(text, q.lead, analysis.start, analysis.end)
    if start == analysis.start:
        return None
    numbers = [x for x in analysis.quantities if start <= x.lead < end]
    own = [t for t in analysis.times if start <= t.start < end and not t.comparison]
    if len(numbers) != 1 or own:
        return None
    return next((t for t in analysis.times if t.comparison and start <= t.start < q.lead), None)


def _opening_comparison(analysis: SentenceAnalysis) -> TimeExpression | None:
    """A comparison time that opens the sentence, before any of its numbers."""
    first = analysis.quantities[0].lead if analysis.quantities else analysis.end
    return next((t for t in analysis.times if t.comparison and t.period and t.end <= first), None)


def attach_time(
    text: str, q: Quantity, analysis: SentenceAnalysis, discourse: Discourse
) -> Attachment:
    """The period a vehicle figure refers to, with its role and how it was found."""
    times = analysis.times
    baseline = is_baseline(text, q, analysis)
    after = right_after(text, q, analysis)
    if after and after[0].comparison:
        return Attachment(after[0].period, "baseline", "adjacent", True)
    if baseline:
        bracket = _bracket_after_comparison(text, q, analysis)
        if bracket is not None:
            return Attachment(bracket.period, "baseline", "bracket_after_comparison", True)
        if after:
            # "compared with 14,980 in September": the baseline's own time, written after it.
            return Attachment(after[0].period, "baseline", "adjacent", True)
        comparisons = [t for t in times if t.comparison]
        if comparisons:
            nearest = min(comparisons, key=lambda t: (t.start < q.start, abs(t.start - q.start)))
            return Attachment(nearest.period, "baseline", "comparison_in_sentence", True)
        if discourse.comparison is not None:
            return Attachment(discourse.comparison, "baseline", "discourse_comparison", False)
    opening = _opening_comparison(analysis)
    if opening is not None and not own_times(text, analysis):
        # "A year earlier there were 12,110": a sentence set in the compared time.
        return Attachment(opening.period, "baseline", "comparison_in_sentence", True)
    opens_clause = _clause_opening_comparison(text, q, analysis)
    if opens_clause is not None:
        # "...; годом ранее этот показатель составлял 341,9 тыс.": a clause set in that time.
        return Attachment(opens_clause.period, "baseline", "comparison_in_sentence", True)
    # A time written right after another number of the sentence is that number's ("to 350,000
    # units, from 368,100 units in 2024": 2024 is the baseline's, not the forecast's).
    # Figures of a list share a time written after the first ("24,100 over seven months,
    # Toyota with 17,800"); only across the sides of a comparison is it withheld.
    claimed = {
        tid
        for tid, owner in _claims(text, analysis).items()
        if owner is not q and (baseline or is_baseline(text, owner, analysis))
    }
    own = [t for t in own_times(text, analysis) if id(t) not in claimed or t in after]
    if after and after[0] in own:
        # "from about 1,500 in early 2023 to 3,200": a time written right after a number is
        # its own, whichever side of the comparison it is on.
        return Attachment(after[0].period, "baseline" if baseline else "level", "adjacent", True)
    label_gap = cuewords.pattern("roles", "time_label_gap")
    for t in own:
        if not baseline and t.end <= q.lead and label_gap.fullmatch(text, t.end, q.lead):
            # "2025 – 5,600; 2024 – 4,100": the time before a dash labels the figure after it.
            return Attachment(t.period, "level", "adjacent", True)
    when = cuewords.pattern("roles", "when_link")
    for t in times:
        if t.end <= q.lead and when.match(text, t.end, q.lead) and not baseline:
            # "a year earlier, when output stood at 289,000": the clause is set in that time.
            role = "baseline" if t.comparison else "level"
            return Attachment(t.period, role, "when_clause", True)
    since = _since_start(text, analysis)
    today = discourse.published or discourse.time.reference
    clause = cuewords.clause_bounds(text, q.lead, analysis.start, analysis.end)
    in_clause = [t for t in own if clause[0] <= t.start < clause[1]]
    cumulative = since is not None and q.end <= since.start < clause[1]
    if own and not (cumulative and not in_clause):
        # "today marked five years at its plant, which has produced 186,000 vehicles since it
        # opened in 2021": a time of another clause does not date a count since a start.
        candidates = in_clause or _unclaimed_by_other_clauses(text, q, own, analysis) or own
        best = min(candidates, key=lambda t: (abs(t.start - q.lead), t.start < q.lead))
        how = "own_in_clause" if in_clause else "own_in_sentence"
        if baseline:
            return Attachment(shift_years(best.period, -1), "baseline", "shifted_current", True)
        return Attachment(best.period, "level", how, True)
    if since is not None and today is not None and not baseline:
        # "has produced its 150,000th vehicle since it opened in 2020": from then to the day of
        # the article.
        now = month_period(today.year, today.month)
        if since.period.first <= now.first:
            return Attachment(span_period(since.period, now), "level", "since_start", True)
    current = discourse.time.current
    if baseline:
        shifted = shift_years(current, -1) if current is not None else None
        return Attachment(shifted, "baseline", "shifted_current" if shifted else "none", False)
    return Attachment(current, "level", "discourse_current" if current else "none", False)


def counted_on_publication(attachment: Attachment, discourse: Discourse) -> Attachment:
    """A fleet reported with no time at all ("the number of EVs has grown to 23,800") is the
    fleet on the day of the article."""
    published = discourse.published
    if attachment.period is not None or published is None:
        return attachment
    day = day_period(published.year, published.month, published.day)
    return Attachment(day, "level", "publication_day", False)
