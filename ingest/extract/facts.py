"""The facts carried by the numbers of one sentence: vehicle counts and plant figures."""

from __future__ import annotations

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.attach import (
    TIME_EVIDENCE,
    Attachment,
    attach_time,
    counted_on_publication,
    is_baseline,
)
from ingest.extract.confidence import confidence
from ingest.extract.contract import Fact
from ingest.extract.counted_nouns import (
    MAX_VEHICLE_COUNT,
    MIN_VEHICLE_COUNT,
    Noun,
    gapped_list_entry,
    has_non_vehicle_product,
    labelled_vehicle_type,
    listed_after_colon,
    measured_by_trigger,
    named_list_entry,
    small_list_entry,
    window_before,
)
from ingest.extract.discourse import Discourse
from ingest.extract.fact_rows import make_fact
from ingest.extract.mood import modality, status_for
from ingest.extract.noun_borrowing import counted_nouns_of
from ingest.extract.numbers import Quantity
from ingest.extract.plant_facts import investment_fact, plant_context, plant_fact
from ingest.extract.subjects import model_figure, vehicle_subject
from ingest.extract.vehicles import classify_vehicle_count, market_segment


def _is_global(text: str, analysis: SentenceAnalysis, discourse: Discourse) -> bool:
    if cuewords.has("triggers", "global_scope", text, analysis.start, analysis.end):
        discourse.global_paragraph = analysis.sentence.paragraph
        return True
    return discourse.global_paragraph == analysis.sentence.paragraph


def quantity_facts(text: str, analysis: SentenceAnalysis, discourse: Discourse) -> list[Fact]:
    """Facts carried by the numbers of one sentence."""
    facts: list[Fact] = []
    if _is_global(text, analysis, discourse):
        return facts
    if not any(q.kind in ("count", "money", "area") for q in analysis.quantities):
        return facts
    counts = [q for q in analysis.quantities if q.kind == "count"]
    nouns = counted_nouns_of(text, counts, analysis)
    listed_vehicles = any(n.kind == "vehicle" for n in nouns.values())
    counted_nouns = {n.end for n in nouns.values() if n.kind == "vehicle"}
    measured = [
        b
        for a, b in cuewords.spans("nouns", "vehicle", text, analysis.start, analysis.end)
        if b not in counted_nouns
    ]
    vehicle_counts = []
    superseded: list[Quantity] = []
    for q in counts:
        noun = nouns[id(q)]
        if noun.kind == "none":
            before = window_before(text, q, analysis)
            if listed_vehicles and (
                cuewords.rule("listed_value_before").search(before)
                or gapped_list_entry(text, q, analysis)  # "..., Kia 18,900 and BYD 14,600"
            ):
                noun = Noun("vehicle", q.end)
            elif named_list_entry(text, q, analysis) or (
                discourse.last_fact_type and listed_after_colon(text, q, analysis)
            ):
                # "Chevrolet – 61,200; BYD – 5,400": a brand, model or place and its figure.
                noun = Noun("vehicle", q.end)
            elif any(b <= q.lead for b in measured):
                # "the number of registered electric vehicles grew from about 1,500"
                noun = Noun("vehicle", q.end)
            elif measured_by_trigger(text, q, analysis):
                # "raised Nexia output from 40.1 thousand to 52.3 thousand"
                noun = Noun("vehicle", q.end)
            elif (
                (
                    cuewords.rule("anaphoric_figure").search(before)
                    and (discourse.last_fact_type or listed_vehicles)
                )
                or (
                    cuewords.rule("stock_anaphor").search(before)
                    and discourse.stock_spoken_of(analysis.sentence.index)
                )
                or cuewords.rule("passive_count").match(text, q.end, analysis.end)
                or cuewords.rule("counting_verb_before").search(before)
                or (
                    cuewords.rule("elliptic_count_before").search(before)
                    and discourse.last_fact_type
                )
                or (
                    cuewords.rule("of_them_after").match(text, q.end, analysis.end)
                    and discourse.last_fact_type
                )
                or (listed_vehicles and cuewords.rule("of_them_before").search(before))
                or (
                    listed_vehicles
                    and cuewords.rule("place_after_dash").match(text, q.end, analysis.end)
                )
            ):
                noun = Noun("vehicle", q.end)
                # "Almaty accounted for 9,200 and Astana for 5,100": the figures listed after
                # a figure that continues the count before count vehicles too.
                listed_vehicles = True
        if noun.kind == "robot":
            if discourse.other_plant:
                continue
            facts.append(
                plant_fact(
                    "plant_robots", q, "robots", analysis, discourse, period_from_sentence=False
                )
            )
            continue
        if noun.kind != "vehicle":
            continue
        if q.value > MAX_VEHICLE_COUNT or (
            q.value < MIN_VEHICLE_COUNT and not small_list_entry(text, q, noun, counts, analysis)
        ):
            continue
        before = window_before(text, q, analysis)
        # "Первая очередь на 60 тыс. машин" is sized for them; "увеличить мощность предприятия
        # на 50 тыс." is a change.
        sized_for = cuewords.pattern("capacity", "sized_for").search(before) and not cuewords.has(
            "qualifiers", "growth_verbs", before
        )
        if not sized_for and (
            cuewords.rule("change_before").search(before)
            or cuewords.rule("change_after").match(text[q.end : analysis.end])
        ):
            continue
        if cuewords.pattern("roles", "superseded_before").search(before) or (
            superseded and cuewords.rule("list_link").match(text[superseded[-1].end : q.lead])
        ):
            superseded.append(q)  # "versus the initial estimates of 666,000 and 74,000"
            continue
        # "... produced 310,000 engines, while the carmaker itself built 371,000 vehicles":
        # the goods of another clause, one with a verb of its own, are not this count's.
        clause_start = cuewords.clause_bounds(text, q.lead, analysis.start, analysis.end)[0]
        own_verb = cuewords.rule("finite").search(text, clause_start, q.lead)
        if has_non_vehicle_product(text, q, clause_start if own_verb else analysis.start):
            continue
        vehicle_counts.append((q, noun))

    sentence_type: str | None = None
    for q, noun in vehicle_counts:
        fact_type = classify_vehicle_count(text, q, noun.end, analysis, discourse)
        if sentence_type and (
            cuewords.rule("of_them_before").search(window_before(text, q, analysis))
            or is_baseline(text, q, analysis)
        ):
            # "25,800 were sold, of which 7,800 ...": a part of it; "2,930 new EVs were
            # registered, against 1,980": the earlier side of it. Both measure what it does,
            # unless a verb of trade follows ("of which 62,000 were exported").
            clause_end = cuewords.clause_bounds(text, q.end, analysis.start, analysis.end)[1]
            traded = cuewords.has("triggers", "trade", text, q.end, clause_end)
            fact_type = None if traded else sentence_type
        if fact_type is None:
            continue
        sentence_type = sentence_type or fact_type
        is_from = bool(cuewords.rule("from_before").search(window_before(text, q, analysis)))
        vehicle_type = noun.vehicle_type or labelled_vehicle_type(text, q, analysis)
        if (
            vehicle_type is None
            and len(vehicle_counts) == 1
            and cuewords.rule("passenger_cars").search(text, analysis.start, analysis.end)
        ):
            vehicle_type = "passenger_cars"  # "passenger car production rose to 153,800 units"
        mood = modality(text, q.start, analysis)
        if is_from and cuewords.rule("from_to_after").match(text, q.end, analysis.end):
            mood = "actual"  # "will be increased from 60,000 to 120,000": 60,000 is today's
        elif mood == "actual" and cuewords.has(
            "modality", "forecast_nouns", text, analysis.start, q.lead
        ):
            mood = "future_sentence"  # "the forecast for TIV comprises ... 696,150 units"
        if fact_type == "plant_capacity":
            if discourse.other_plant:
                continue
            facts.append(
                plant_fact(
                    fact_type,
                    q,
                    "vehicles_per_year",
                    analysis,
                    discourse,
                    vehicle_type=vehicle_type,
                )
            )
            continue
        attachment = attach_time(text, q, analysis, discourse)
        if fact_type == "ev_stock" and mood == "actual":
            attachment = counted_on_publication(attachment, discourse)
        period, explicit = attachment.period, attachment.explicit
        segment = market_segment(text, q, analysis)
        subject, location = vehicle_subject(
            text, q, analysis, [c for c, _ in vehicle_counts], discourse
        )
        subject, model = model_figure(text, q, noun.end, subject, analysis, discourse)
        if model is None:
            # "3,150 Chery cars": the brand named between a number and its noun is its subject.
            brand = next(
                (
                    c.company.name
                    for c in analysis.companies
                    if q.end < c.start
                    and c.end <= noun.end
                    and c.company.kind in ("brand", "manufacturer")
                ),
                None,
            )
            subject = brand or subject
        facts.append(
            make_fact(
                discourse,
                fact_type,
                analysis,
                text,
                subject=subject,
                location=location,
                period=period.label if period else None,
                value=q.value,
                unit="vehicles",
                qualifier=q.qualifier,
                status=status_for(fact_type, mood, period, discourse, explicit),
                vehicle_type=vehicle_type,
                model=model,
                segment=segment,
                confidence=confidence(
                    TIME_EVIDENCE[attachment.how],
                    *_vehicle_weaknesses(
                        text, q, noun, attachment, subject, analysis, discourse, len(vehicle_counts)
                    ),
                ),
            )
        )

    for q in analysis.quantities:
        if q.kind == "money":
            fact = investment_fact(text, q, analysis, discourse)
        elif (
            q.kind == "area"
            and plant_context(text, analysis, discourse)
            and not discourse.other_plant
        ):
            fact = plant_fact("plant_area", q, "m2", analysis, discourse, value=round(q.value))
        else:
            fact = None
        if fact is not None:
            facts.append(fact)
    return facts


def _vehicle_weaknesses(
    text: str,
    q: Quantity,
    noun: Noun,
    attachment: Attachment,
    subject: str,
    analysis: SentenceAnalysis,
    discourse: Discourse,
    figures: int,
) -> list[str]:
    """The weaker pieces of evidence a vehicle figure was read with (see confidence.py)."""
    weak = []
    if noun.end <= q.end:
        weak.append("noun_inferred")
    clause = cuewords.clause_bounds(text, q.start, analysis.start, analysis.end)
    if not any(
        cuewords.has("triggers", key, text, *clause) for key in ("output", "sales", "stock")
    ):
        weak.append("trigger_outside_clause")
    main = discourse.main_country.name if discourse.main_country else None
    named = {p.place.name for p in analysis.places} | {c.company.name for c in analysis.companies}
    if subject in ("unknown", main) and subject not in named:
        weak.append("subject_fallback")
    if attachment.role == "baseline":
        weak.append("baseline")
    if figures >= 4:
        weak.append("crowded")
    if q.value < MIN_VEHICLE_COUNT:
        weak.append("small_figure")
    return weak
