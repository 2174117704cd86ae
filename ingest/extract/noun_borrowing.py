"""What each count of a sentence counts: the noun after it, or, for a bare number, the noun
it borrows from the figure it stands beside."""

from __future__ import annotations

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.counted_nouns import Noun, noun_after, window_before
from ingest.extract.numbers import Quantity


def counted_nouns_of(
    text: str, counts: list[Quantity], analysis: SentenceAnalysis
) -> dict[int, Noun]:
    """The noun each count counts, by the count's id."""
    nouns = {id(q): noun_after(text, q, analysis.end, analysis) for q in counts}
    # A count with no noun borrows one from the list it stands in ("914 to 8,366 units").
    for index, q in enumerate(counts):
        if nouns[id(q)].kind != "none":
            continue
        for later in counts[index + 1 :]:
            if cuewords.rule("list_link").match(text[q.end : later.lead]) or later.lead - q.end < 3:
                if nouns[id(later)].kind != "none":
                    nouns[id(q)] = nouns[id(later)]
                    break
                continue
            break
    # "100,000 cars a year, up from 70,000 now", "30,000 a year now; it will rise to 45,000":
    # either side of a change borrows the noun of the figure it is set against.
    baseline_cue, growth_cue = (
        cuewords.pattern("roles", "baseline_before"),
        cuewords.rule("growth_to_before"),
    )
    for index, q in enumerate(counts):
        if nouns[id(q)].kind != "none" or not index:
            continue
        earlier = nouns[id(counts[index - 1])]
        before = window_before(text, q, analysis)
        growth_of_rate = counts[index - 1].per_year and growth_cue.search(before)
        # "We produced 24,500 cars last year and plan to reach 40,000": a level of the same.
        level = cuewords.rule("level_verb_before").search(before)
        if earlier.kind == "vehicle" and (baseline_cue.search(before) or growth_of_rate or level):
            nouns[id(q)] = Noun("vehicle", q.end, earlier.vehicle_type)
            q.per_year = q.per_year or counts[index - 1].per_year
    return nouns
