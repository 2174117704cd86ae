"""Which fact a count of vehicles is: output, sales, EV stock or a plant's capacity, and the
part of the market it counts."""

from __future__ import annotations

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.counted_nouns import tokens_after, window_before
from ingest.extract.discourse import Discourse
from ingest.extract.numbers import Quantity


def _nearest(spans: list[tuple[int, int]], position: int) -> int | None:
    if not spans:
        return None
    return min(abs((a + b) // 2 - position) for a, b in spans)


def classify_vehicle_count(
    text: str, q: Quantity, noun_end: int, analysis: SentenceAnalysis, discourse: Discourse
) -> str | None:
    """Which of output, sales, stock or capacity a vehicle count measures, if any."""
    start, end = analysis.start, analysis.end
    clause_start, clause_end = cuewords.clause_bounds(text, q.start, start, end)
    before = text[max(start, q.lead - 70) : q.lead]
    own_before = text[max(clause_start, q.lead - 70) : q.lead]
    demand = cuewords.pattern("capacity", "demand").search(text, max(start, q.lead - 70), q.lead)
    if demand and not _in_condition(text, demand.start(), analysis):
        return None  # "domestic demand, estimated at 150,000", not "If demand holds up, ..."
    # "The plant, which has a capacity of 100,000 a year, produced 61,000": a capacity word of
    # another clause does not make a figure with its own output verb a capacity.
    produced_here = cuewords.has("triggers", "output", own_before)
    capacity_before = cuewords.has("triggers", "capacity", own_before if produced_here else before)
    if capacity_before or cuewords.pattern("capacity", "sized_for").search(before):
        return "plant_capacity"
    if q.per_year and cuewords.pattern("capacity", "able_to_make").search(own_before):
        return "plant_capacity"  # "can build 70,000 cars a year"
    wide = window_before(text, q, analysis, 160)
    nationwide = cuewords.has("triggers", "country_scope", text, clause_start, clause_end)
    if (
        cuewords.pattern("capacity", "annual_volume").search(wide)
        and (analysis.plants or cuewords.has("triggers", "plant", text, start, end))
        and not nationwide
    ):
        return "plant_capacity"
    explicit_time = any(not t.comparison and abs(t.start - q.end) < 60 for t in analysis.times)
    subject_is_country = nationwide or any(
        p.place.kind == "country" and clause_start <= p.start < q.start for p in analysis.places
    )
    plant_subject = any(clause_start <= p.start < q.start for p in analysis.plants) or (
        cuewords.has("triggers", "plant", text, clause_start, q.start)
    )
    if q.per_year and not subject_is_country and (not explicit_time or plant_subject):
        return "plant_capacity"
    position = q.start

    modifier, origin = cuewords.rule("modifying_participle"), cuewords.rule("origin_before")
    idioms = cuewords.spans("triggers", "idioms", text, start, end)

    def triggers(key: str, modifiers_measure: bool = True) -> int | None:
        # A trigger inside the counted phrase ("15,000 locally made cars") only modifies it;
        # so does, beside trade, one before another noun ("exports of locally made cars").
        spans = [
            (a, b)
            for a, b in cuewords.spans("triggers", key, text, start, end)
            if not q.start <= a < noun_end
            and not any(i <= a < j for i, j in idioms)
            and (
                modifiers_measure
                or not (modifier.match(text, b, end) or origin.search(text, max(start, a - 40), a))
            )
        ]
        return _nearest(spans, position)

    recent = analysis.sentence.index - discourse.last_fact_sentence <= 3
    if (
        discourse.last_fact_type in ("vehicle_output", "vehicle_sales", "ev_stock")
        and recent
        and cuewords.rule("of_them_after").match(text, noun_end, end)
        and not cuewords.has("triggers", "trade", text, clause_start, clause_end)
    ):
        return discourse.last_fact_type  # "Hyundai models made up 27,900 of the total"
    head = tokens_after(text, q.end, noun_end)
    if head and (
        cuewords.has("triggers", "sales", head[-1].group())
        or head[-1].group().lower() in cuewords.words("nouns", "market_deals")
    ):
        return "vehicle_sales"  # "24,100 sales", "1,210 registrations": the noun is the trigger
    # "47,200 EVs were imported and 9,100 were assembled locally": the verb right after a
    # number, in the passive, is what it counts, whatever stands nearer before it.
    passive = cuewords.rule("passive_count").match(text, q.end, end)
    if passive and not cuewords.has("triggers", "trade", text, *passive.span()):
        for key, fact_type in (("output", "vehicle_output"), ("sales", "vehicle_sales")):
            if cuewords.has("triggers", key, text, *passive.span()) and not (
                key == "sales" and cuewords.has("triggers", "registered", text, *passive.span())
            ):
                return fact_type
    output, sales, stock = triggers("output"), triggers("sales"), triggers("stock")
    trade = triggers("trade")
    if trade is not None:
        output = triggers("output", modifiers_measure=False)
    if trade is not None and all(d is None or trade < d for d in (output, sales, stock)):
        return None
    in_clause = {
        key: cuewords.has("triggers", key, text, clause_start, clause_end)
        for key in ("trade", "output", "sales", "stock")
    }
    if in_clause["trade"] and not (in_clause["output"] or in_clause["sales"] or in_clause["stock"]):
        return None  # "imports fell to 11,200 units, while local plants assembled 16,800"
    if trade is not None and sales is not None and output is None:
        # "4,567 EVs were delivered, 76% of car imports": deliveries counted as imports.
        sold = {text[a:b].lower() for a, b in cuewords.spans("triggers", "sales", text, start, end)}
        if sold <= cuewords.words("triggers", "deliveries"):
            return None
    is_ev = cuewords.has("nouns", "ev", text, start, end) or bool(
        cuewords.pattern("nouns", "ev_phrase").search(text, start, end)
    )
    counted = {w.group().lower() for w in tokens_after(text, q.end, noun_end)}
    new_vehicles = any(w in cuewords.words("nouns", "new_modifiers") for w in counted)
    registered_in_span = (
        is_ev
        and cuewords.has("triggers", "registered", text, start, end)
        and _in_span_of_months(analysis)
    )
    if (
        (stock is not None or sales is not None)
        and (new_vehicles or registered_in_span)
        and not _at_point_in_time(text, analysis)
    ):
        # New vehicles registered in a period, EVs registered in a quarter: a flow, not a fleet.
        return "vehicle_sales"
    if (
        is_ev
        and stock is not None
        and (output is None or stock <= output)
        and (sales is None or stock <= sales or _at_point_in_time(text, analysis))
    ):
        return "ev_stock"
    if output is not None and (sales is None or output <= sales):
        return "vehicle_output"
    if sales is not None:
        return "vehicle_sales"
    if stock is not None and cuewords.has("triggers", "whole_fleet", text, clause_start, q.lead):
        return None  # "The country's entire vehicle fleet numbered 4.9 million"
    if stock is not None:
        # "A year earlier there were 12,110": a bare figure continues the EV count before it.
        # "Officials expect the fleet to exceed 200,000": the EV fleet counted shortly before.
        bare = discourse.last_fact_type == "ev_stock" and recent and noun_end <= q.end
        anaphor = discourse.stock_spoken_of(analysis.sentence.index) and cuewords.rule(
            "stock_anaphor"
        ).search(text, clause_start, q.start)  # the verb may be the qualifier ("exceed")
        if (bare or anaphor) and not cuewords.has("nouns", "other_fuels", text, start, end):
            return "ev_stock"
        # A fleet of all vehicles, not of electric ones: no fact type records it.
        return None
    if cuewords.has("triggers", "capacity", text, clause_start, clause_end):
        return "plant_capacity"
    if discourse.last_fact_type in ("vehicle_output", "vehicle_sales", "ev_stock") and recent:
        if discourse.last_fact_type == "ev_stock" and cuewords.has(
            "nouns", "other_fuels", text, start, end
        ):
            return None  # "972,252 units — petrol": the rest of the fleet, not electric cars
        return discourse.last_fact_type
    return None


def _in_condition(text: str, position: int, analysis: SentenceAnalysis) -> bool:
    """The word at `position` is in a clause of condition ("If demand holds up, ...")."""
    clause_start = cuewords.clause_bounds(text, position, analysis.start, analysis.end)[0]
    return bool(cuewords.rule("condition_head").match(text, clause_start, position))


def _in_span_of_months(analysis: SentenceAnalysis) -> bool:
    """The sentence's own time is a span shorter than a year ("in the second quarter")."""
    spans = ("month", "quarter", "half", "interval")
    return any(not t.comparison and t.period.grain in spans for t in analysis.times)


def _at_point_in_time(text: str, analysis: SentenceAnalysis) -> bool:
    """The sentence dates its figure at a point ("as of 1 January 2024", "by the end of 2023")."""
    for t in analysis.times:
        if t.comparison:
            continue
        if t.period.grain == "day" or cuewords.spans(
            "triggers", "stock_dates", text, max(analysis.start, t.start - 16), t.start + 16
        ):
            return True
    return False


SEGMENTS = ("used", "electric", "hybrid", "foreign_brands", "domestic", "new")


def market_segment(text: str, q: Quantity, analysis: SentenceAnalysis) -> str | None:
    """The part of the market a figure counts (used, electric, ...), None for the whole."""
    start, end = cuewords.clause_bounds(text, q.start, analysis.start, analysis.end)
    for segment in SEGMENTS:
        if cuewords.has("segments", segment, text, max(analysis.start, start - 80), end):
            return segment
    return None
