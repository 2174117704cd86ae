"""How sure the extractor is of a fact, from the evidence it was read with.

A fact starts from the confidence of the way its time was attached (`attach.TIME_EVIDENCE`) or
of its kind of statement, and every weaker piece of evidence multiplies it down. The weights are
set so that facts at 0.9 or more need a time written beside the number, a noun and a trigger in
the number's own clause and a subject named in the sentence; `make score` prints the precision
of each confidence band on every gold set, which is how the weights are checked.
"""

from __future__ import annotations

from math import prod

# What each weaker piece of evidence costs.
PENALTIES = {
    "noun_inferred": 0.9,  # the number has no noun of its own ("rose to 12,400")
    "trigger_outside_clause": 0.9,  # what is measured is named only outside the number's clause
    "subject_fallback": 0.88,  # the subject is the article's country, not named in the sentence
    "baseline": 0.93,  # the earlier side of a comparison
    "crowded": 0.95,  # one of four or more figures in one sentence
    "small_figure": 0.85,  # under a hundred vehicles, read from a list
    "plant_from_discourse": 0.93,  # the plant is the one named in an earlier sentence
}
# Where a statement of each kind starts.
BASE = {
    "plant_metric": 0.88,  # a plant's capacity, area, robots or investment
    "plant_money_phrase": 0.85,  # "the $310mn facility"
    "start_dated": 0.86,  # a start or launch with its date in the sentence
    "start_bare_launch": 0.72,  # "to launch by October 2025" with the plant named before
    "start_undated": 0.6,  # a launch reported without a date
}


def confidence(base: float, *weaknesses: str) -> float:
    """`base` times the penalty of each weakness that applies, rounded to two places."""
    return round(base * prod(PENALTIES[w] for w in weaknesses), 2)
