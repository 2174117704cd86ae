"""Figures about a plant: its capacity, area, robots and the money it costs."""

from __future__ import annotations

import re

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.confidence import BASE, confidence
from ingest.extract.contract import Fact
from ingest.extract.counted_nouns import window_before
from ingest.extract.discourse import Discourse
from ingest.extract.fact_rows import make_fact
from ingest.extract.mood import modality, status_for
from ingest.extract.numbers import Quantity
from ingest.extract.plant_times import adjacent_time, plant_time
from ingest.extract.subjects import plant_ref, plant_scope, scoped


def plant_fact(
    fact_type: str,
    q: Quantity,
    unit: str | None,
    analysis: SentenceAnalysis,
    discourse: Discourse,
    *,
    period_from_sentence: bool = True,
    value: float | None = None,
    vehicle_type: str | None = None,
) -> Fact:
    """A figure about the plant the article is talking about (or the part of it named)."""
    text = analysis.text
    plant = plant_ref(analysis, discourse)
    scope = plant_scope(text, q, analysis)
    if period_from_sentence:
        period = plant_time(text, q, analysis)
    else:
        period = adjacent_time(text, q, analysis)
    explicit = period is not None
    mood = modality(text, q.start, analysis)
    if (
        cuewords.rule("from_before").search(window_before(text, q, analysis))
        and cuewords.rule("from_to_after").match(text, q.end, analysis.end)
    ) or cuewords.pattern("roles", "baseline_before").search(window_before(text, q, analysis)):
        # "will be increased from 60,000 to 120,000", "100,000 a year, up from 70,000 now":
        # the earlier side of a plan is what the plant has today, not at the plan's time.
        mood = "actual"
        if period is not None and period.first > (discourse.published or period.first):
            period, explicit = None, False
    elif mood == "actual" and discourse.plant_planned:
        clause = cuewords.clause_bounds(text, q.start, analysis.start, analysis.end)
        # "Construction has started on a plant with a capacity of 60,000": the past tense of
        # the construction is no sign that the plant is built.
        building = [
            m.span()
            for m in cuewords.rule("construction_under_way").finditer(
                text, analysis.start, clause[1]
            )
        ]
        past = [
            m
            for m in cuewords.rule("past_tense").finditer(text, analysis.start, clause[1])
            if not any(a <= m.start() < b for a, b in building)
            # "The plant, built at a cost of ...": a participle after a comma, a noun after
            # its article, not a past event
            and not cuewords.rule("no_past_event_before").search(
                text, max(analysis.start, m.start() - 5), m.start()
            )
        ]
        if not past:
            mood = "future"
    return make_fact(
        discourse,
        fact_type,
        analysis,
        text,
        subject=scoped(plant.label, scope),
        scope=scope,
        location=plant.location,
        period=period.label if period else None,
        plant_operator=plant.operator,
        plant_city=plant.location,
        value=q.value if value is None else value,
        unit=unit,
        qualifier=q.qualifier,
        status=status_for(fact_type, mood, period, discourse, explicit),
        vehicle_type=vehicle_type,
        confidence=confidence(
            BASE["plant_metric"],
            *([] if analysis.plants or plant_named_here(analysis) else ["plant_from_discourse"]),
        ),
    )


def plant_named_here(analysis: SentenceAnalysis) -> bool:
    return cuewords.has("triggers", "plant", analysis.text, analysis.start, analysis.end)


def _owned_by_other(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    """The amount belongs to something other than a plant named nearer to it: a region's
    projects, a budget, trade ("52 projects in agriculture worth 90 billion tenge"). A word of
    a place's name, or the word right after it ("a factory in the Chui region"), owns nothing."""
    before = window_before(text, q, analysis)
    offset = q.lead - len(before)
    places = [(p.start - offset, p.end - offset) for p in analysis.places]
    others = [
        m.end()
        for m in cuewords.pattern("plant_money", "other_owner").finditer(before)
        if not any(a <= m.start() <= b + 1 for a, b in places)
    ]
    if not others:
        return False
    plants = [b for _, b in cuewords.spans("triggers", "plant", before)]
    return not plants or max(others) >= max(plants)


def _for_other_goods(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    """The money is for a site of other goods, named after it in its clause ("120 billion
    tenge are planned for a new components park")."""
    clause_end = cuewords.clause_bounds(text, q.end, analysis.start, analysis.end)[1]
    if cuewords.has("nouns", "vehicle", text, q.end, clause_end):
        return False
    purpose = cuewords.words("grammar", "purpose_prepositions")
    for a, _ in cuewords.spans("nouns", "non_vehicle_products", text, q.end, clause_end):
        between = re.findall(r"\w+", text[q.end : a].lower())
        if any(word in purpose for word in between):
            return True
    return False


def investment_fact(
    text: str, q: Quantity, analysis: SentenceAnalysis, discourse: Discourse
) -> Fact | None:
    window_start = max(analysis.start, q.lead - 60)
    # A figure in brackets converts the one before it ("KZT 1 bn ($2 m)"): not a second fact.
    if text[max(analysis.start, q.lead - 2) : q.lead].strip().endswith("("):
        return None
    if discourse.other_plant:
        return None
    owns = cuewords.pattern("plant_money", "plant_after").match(text, q.end, analysis.end)
    built_for = cuewords.pattern("plant_money", "built_for_before").search(
        window_before(text, q, analysis)
    )
    if owns or built_for:
        discourse.plant_mentioned = True
        return plant_fact("plant_investment", q, q.currency, analysis, discourse)
    if not plant_context(text, analysis, discourse):
        return None
    cue = cuewords.spans("triggers", "investment", text, window_start, q.lead)
    after_cue = cuewords.spans("triggers", "investment", text, q.end, min(analysis.end, q.end + 40))
    if not cue and not after_cue:
        return None
    if _owned_by_other(text, q, analysis) or _for_other_goods(text, q, analysis):
        return None
    if cue:
        cue_start = cue[-1][0]
        words_before_cue = re.findall(
            r"\w+", text[max(analysis.start, cue_start - 25) : cue_start].lower()
        )
        if words_before_cue and words_before_cue[-1] in cuewords.words(
            "triggers", "money_of_products"
        ):
            return None
        if cuewords.pattern("plant_money", "goods_worth").search(text, window_start, q.lead):
            return None  # "vehicles worth $80 million": the value of goods, not of a plant
    return plant_fact("plant_investment", q, q.currency, analysis, discourse)


def plant_context(text: str, analysis: SentenceAnalysis, discourse: Discourse) -> bool:
    """Whether the article has spoken of a plant by now, so that areas and money are its."""
    return discourse.plant is not None or discourse.plant_mentioned
