"""What each sentence changes in the discourse: the plant spoken of and its status, the
current and compared periods, the last figure and model."""

from __future__ import annotations

import datetime as dt

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.contract import Fact
from ingest.extract.discourse import Discourse, PlantRef
from ingest.extract.mood import modality
from ingest.extract.periods import Period, parse_label

FACT_BLOCKS = ("paragraph",)


def update_plant(text: str, analysis: SentenceAnalysis, discourse: Discourse) -> None:
    start, end = analysis.start, analysis.end
    other = cuewords.pattern("plants", "other_plant").search(text, start, end)
    named_vehicle_plant = any(p.operator or p.name for p in analysis.plants if not p.anaphoric)
    if other and not named_vehicle_plant:
        discourse.other_plant = True
    elif named_vehicle_plant or (
        not other and cuewords.has("triggers", "plant", text, analysis.start, analysis.end)
    ):
        discourse.other_plant = False
    if analysis.plants or cuewords.has("triggers", "plant", text, analysis.start, analysis.end):
        discourse.plant_mentioned = True
    places = [p for p in analysis.places if p.place.kind in ("city", "region", "district")]
    if places and discourse.plant_location is None:
        discourse.plant_location = places[0].place.name
    for plant in analysis.plants:
        if plant.anaphoric:
            continue
        if plant.operator is None and plant.name is None and not plant.new:
            continue
        place = next((p.place.name for p in places if p.start >= plant.start), None)
        place = place or next((p.place.name for p in places), None)
        # A new plant's maker: the first carmaker of the lexicon the sentence names before it
        # ("Isuzu and АО «Узавтосаноат» will build a plant"), else an organisation it lacks.
        named_before = [
            c.company.name
            for c in analysis.companies
            if c.start < plant.start and c.company.kind in ("brand", "manufacturer")
        ]
        operator = plant.operator or next(
            iter(named_before), analysis.organisations[0][2] if analysis.organisations else None
        )
        if discourse.plant is not None and plant.new and not plant.operator:
            continue
        if (
            discourse.plant is not None
            and plant.operator == discourse.plant.operator
            and discourse.plant.name
            and not plant.name
        ):
            continue
        # "It stands on a 12-hectare site": the plant spoken of, mentioned again, keeps what
        # is known of it (a plant whose first bus is still to come stays a plan).
        same_plant = (plant.name is None and plant.operator is None) or (
            discourse.plant is not None
            and plant.name == discourse.plant.name
            and plant.operator in (None, discourse.plant.operator)
        )
        still_planned = same_plant and discourse.plant_planned
        discourse.plant = PlantRef(
            plant.name, operator or discourse.main_company, place or discourse.plant_location
        )
        to_be_built = modality(text, plant.start, analysis) == "future" and cuewords.rule(
            "plant_to_be_built"
        ).search(text, analysis.start, analysis.end)
        under_way = cuewords.rule("construction_under_way").search(
            text, analysis.start, analysis.end
        )
        discourse.plant_planned = bool(to_be_built or under_way or still_planned)
        if place:
            discourse.plant_location = place


def update_plant_status(starts: list[Fact], discourse: Discourse) -> None:
    """A plant whose first vehicle or launch is still to come is not built yet: its figures
    are plans. One that has been launched operates."""
    for fact in starts:
        if fact.milestone in ("first_vehicle", "commissioning") or fact.model is None:
            discourse.plant_planned = fact.status == "planned"


def update_time(
    analysis: SentenceAnalysis, facts: list[Fact], discourse: Discourse, text: str
) -> None:
    for expression in analysis.times:
        if expression.period.grain != "day" and not expression.relative:
            discourse.time.anchor_year = expression.period.last.year
    own = [t for t in analysis.times if not t.comparison]
    days = [t.period for t in own if t.period.grain == "day"]
    if days:
        discourse.time.last_day = days[-1]
    comparisons = [t for t in analysis.times if t.comparison]
    measured = [f for f in facts if f.fact_type in ("vehicle_output", "vehicle_sales", "ev_stock")]
    # Exports and imports are statistics too: "Domestic sales over the same period" after
    # "exported 24,600 cars in January-July" means January-July.
    statistic = any(
        cuewords.has("triggers", key, text, analysis.start, analysis.end)
        for key in ("output", "sales", "stock", "trade")
    )
    labels = {f.period for f in measured}
    stated = [t.period for t in own if t.period.label in labels]
    aside = cuewords.has(
        "discourse", "aside", text, analysis.start, min(analysis.end, analysis.start + 30)
    )
    moved = stated[0] if stated else own[0].period if own and statistic else None
    figure_dated = bool(stated)
    if moved is None and not own and discourse.time.current is None:
        # "The number of EVs has grown to 23,800": a fleet dated by the article's own day is
        # the current period the figures that follow belong to.
        dated = [parse_label(f.period) for f in measured if f.period and f.fact_type == "ev_stock"]
        moved = next((period for period in dated if period is not None), None)
        figure_dated = moved is not None
    if aside:
        pass  # "For comparison: in 2019 there were ...": the article's period stays
    elif moved is not None and not (discourse.current_stated and _looks_back(moved, discourse)):
        discourse.time.current = moved
        discourse.current_stated = figure_dated
    if comparisons and statistic:
        discourse.comparison = comparisons[0].period
    if measured or facts:
        # The count a bare figure after it continues, before a start told beside it.
        discourse.last_fact_type = (measured or facts)[-1].fact_type
        discourse.last_fact_sentence = analysis.sentence.index
    if any(f.fact_type == "ev_stock" for f in facts):
        discourse.last_stock_sentence = analysis.sentence.index
    if analysis.models:
        discourse.last_model = analysis.models[-1].model.name
        discourse.last_model_brand = analysis.models[-1].model.brand
        discourse.last_model_sentence = analysis.sentence.index


def _looks_back(period: Period, discourse: Discourse) -> bool:
    """A period that ends before the article's current one begins is history told beside it ("At
    the start of the year the fleet stood at 11,250" after a count as of October 1): the figures
    that follow without a time are still the current period's. The end of June is not before
    July 1 (a count on a day is the count at the end of the day before), but 2024 is before
    2025."""
    current = discourse.time.current
    if current is None:
        return False
    if current.grain == "day":
        return period.last + dt.timedelta(days=1) < current.first
    return period.last < current.first


def update_country(analysis: SentenceAnalysis, discourse: Discourse) -> None:
    """The country the article has come to speak of: the last one a sentence names ("Kazakhstan
    is also riding the EV wave" after paragraphs on China)."""
    text = analysis.text

    def traded_with(start: int) -> bool:
        # "9,000 of them were exported to Russia": a trading partner, not the article's subject.
        clause = cuewords.clause_bounds(text, start, analysis.start, analysis.end)
        return cuewords.has("triggers", "trade", text, *clause)

    named = [
        p.place for p in analysis.places if p.place.kind == "country" and not traded_with(p.start)
    ]
    if named:
        discourse.recent_country = named[-1]
