"""When production of a model starts, a plant is launched or its first vehicle comes off
the line."""

from __future__ import annotations

import re

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.confidence import BASE
from ingest.extract.contract import Fact
from ingest.extract.discourse import Discourse, PlantRef
from ingest.extract.fact_rows import make_fact
from ingest.extract.mood import modality, status_for
from ingest.extract.periods import TimeExpression
from ingest.extract.start_cues import launched_group, start_cues
from ingest.extract.start_times import launch_per_clause, time_of_cue
from ingest.extract.subjects import plant_ref

# The word lists and patterns that alone can make a start cue (start_cues below and the bare
# launch): a sentence with none of them has no start, found in one search. The other lists of
# the section only pair with these (a noun with its verb) or filter what they found.
START_ANCHORS = (
    ("start_verbs", "commissioning", "first_vehicle"),
    (
        "beginning_with",
        "initial_model",
        "adds_model",
        "launch_plant",
        "plant_launched",
        "first_vehicle",
        "launch_bare",
    ),
)


def production_start_facts(
    text: str, analysis: SentenceAnalysis, discourse: Discourse
) -> list[Fact]:
    """When production of a model starts, or a plant is commissioned, with the stated date."""
    if discourse.other_plant and not analysis.models:
        return []  # "the foundry was commissioned": not a vehicle plant
    if not cuewords.any_of("production_start", *START_ANCHORS, text, analysis.start, analysis.end):
        return []
    starts = [cue for cue in start_cues(text, analysis) if not _launches_plant_part(text, cue)]
    superseded = cuewords.pattern("production_start", "superseded_time_before")
    times = [
        t
        for t in analysis.times
        if not t.comparison
        and not superseded.search(text, max(analysis.start, t.start - 60), t.start)
    ]
    plant_spoken_of = discourse.plant is not None or discourse.plant_mentioned
    base = BASE["start_dated"]
    if not starts and times and plant_spoken_of:
        bare = cuewords.pattern("production_start", "launch_bare").search(
            text, analysis.start, analysis.end
        )
        if bare:
            starts = [(bare.start(), bare.end(), "commissioning")]
            base = BASE["start_bare_launch"]
    launches = [b for _, b, kind in starts if kind == "commissioning"]
    group = launched_group(analysis) if launches else []
    if group:
        return _group_starts(analysis, discourse, starts[0], times, group)
    if launches and not _launches_vehicle_plant(analysis, launches[0]):
        starts = [cue for cue in starts if cue[2] != "commissioning"]
    if not starts:
        return []
    if not times:
        return _undated_starts(text, analysis, discourse, starts)
    first_cue = starts[0]
    milestone = first_cue[2]
    models = analysis.models
    pairs: list[tuple[TimeExpression, str | None]] = []
    if len(times) > 1 and len(models) > 1:
        for named_model in models:
            following = [t for t in times if t.start > named_model.end]
            if following:
                pairs.append((following[0], named_model.text))
    elif not models and len(own := launch_per_clause(text, analysis, starts, times)) > 1:
        # "the first phase is to open in 2027, the second in 2029": one launch per clause.
        pairs.extend((time, None) for time in own)
    else:
        time = time_of_cue(text, analysis, first_cue, times)
        pairs.append(
            (time, models[0].text if models else _unlisted_model(text, analysis, first_cue[1]))
        )
    subject, location, operator = _start_subject(text, analysis, discourse, first_cue[0])
    facts = []
    for time, model in pairs:
        mood = modality(text, time.start, analysis)
        if mood != "future":
            cue_mood = modality(text, first_cue[0], analysis)
            mood = cue_mood if cue_mood == "future" else mood
        status = status_for("production_start", mood, time.period, discourse, True)
        where = (subject, location, operator)
        facts.append(
            _start_fact(
                analysis, discourse, where, time.period.label, status, model, milestone, base
            )
        )
    return facts


def _launches_plant_part(text: str, cue: tuple[int, int, str]) -> bool:
    """A launch cue whose subject, written right before it, is a part of a plant or a site that
    makes nothing ("a new painting line, which was commissioned")."""
    if cue[2] != "commissioning":
        return False
    part = cuewords.pattern("production_start", "part_launched")
    return part.search(text, max(0, cue[0] - 60), cue[0]) is not None


def _launches_vehicle_plant(analysis: SentenceAnalysis, cue_end: int) -> bool:
    """The launch whose cue ends at `cue_end` is of one plant that makes vehicles: not of a
    group of plants ("two new plants are to open"), nor of a plant for other goods (engines)."""
    text, start, end = analysis.text, analysis.start, analysis.end
    if cuewords.rule("group_of_plants").search(text, start, end):
        return False
    head_of = cuewords.pattern("nouns", "product_head_of")
    products = [
        (a, b)
        for a, b in cuewords.spans("nouns", "non_vehicle_products", text, start, end)
        if not head_of.match(text, b, end)
    ]
    if not products:
        return True
    generic = cuewords.words("nouns", "generic_units")
    vehicles = [
        (a, b)
        for a, b in cuewords.spans("nouns", "vehicle", text, start, end)
        if text[a:b].lower() not in generic
    ]
    # "a plant for cars, ..., and one for engines – it was commissioned": the goods named
    # nearest before the launch are what the launched plant makes.
    before = [(b, "other") for _, b in products if b <= cue_end]
    before += [(b, "vehicle") for _, b in vehicles if b <= cue_end]
    if before:
        return max(before)[1] == "vehicle"
    return bool(vehicles) or bool(analysis.models)


def _group_starts(
    analysis: SentenceAnalysis,
    discourse: Discourse,
    cue: tuple[int, int, str],
    times: list[TimeExpression],
    plants: list[PlantRef],
) -> list[Fact]:
    """One launch per plant of a group launched together, dated as the sentence dates it."""
    text = analysis.text
    time = min(times, key=lambda t: abs(t.start - cue[1])) if times else None
    mood = modality(text, time.start if time else cue[0], analysis)
    if time is None:
        if mood != "actual":
            return []
        period = f"{discourse.published:%Y-%m}" if discourse.published else None
        status = "actual"
    else:
        period = time.period.label
        status = status_for("production_start", mood, time.period, discourse, True)
    return [
        _start_fact(
            analysis,
            discourse,
            (plant.label, plant.location, plant.operator),
            period,
            status,
            None,
            "commissioning",
            BASE["start_dated"],
        )
        for plant in plants
    ]


def _undated_starts(
    text: str,
    analysis: SentenceAnalysis,
    discourse: Discourse,
    starts: list[tuple[int, int, str]],
) -> list[Fact]:
    """A start the sentence reports as done without a date: a plant inaugurated, production
    of the models it names introduced, or the model a plant is to start with ("Initially the
    plant will assemble the Sorento"). A planned launch without a date or model is no fact."""
    cue_start, cue_end, milestone = starts[0]
    models: list[str | None] = [m.text for m in analysis.models]
    if modality(text, cue_start, analysis) != "actual":
        if milestone != "production_start" or not models:
            return []
        subject, location, operator = _start_subject(text, analysis, discourse, cue_start)
        return [
            _start_fact(
                analysis,
                discourse,
                (subject, location, operator),
                None,
                "planned",
                model,
                milestone,
                BASE["start_undated"],
            )
            for model in models
        ]
    unlisted = _unlisted_model(text, analysis, cue_end)
    if unlisted and not any(unlisted in m or m in unlisted for m in models if m):
        models.insert(0, unlisted)  # "started production of the Song Plus and Chazor models"
    if milestone == "commissioning":
        models = models[:1] or [None]  # "launch of a complex to make the Chevrolet Onix"
    elif not models:
        return []
    subject, location, operator = _start_subject(text, analysis, discourse, cue_start)
    # Reported as done, without a date: it happened by the publication (its month).
    period = f"{discourse.published:%Y-%m}" if discourse.published else None
    where = (subject, location, operator)
    return [
        _start_fact(
            analysis, discourse, where, period, "actual", model, milestone, BASE["start_undated"]
        )
        for model in models
    ]


def _start_fact(
    analysis: SentenceAnalysis,
    discourse: Discourse,
    where: tuple[str, str | None, str | None],
    period: str | None,
    status: str,
    model: str | None,
    milestone: str,
    confidence: float,
) -> Fact:
    """A production_start fact of the plant `where` names (subject, location, operator)."""
    subject, location, operator = where
    return make_fact(
        discourse,
        "production_start",
        analysis,
        analysis.text,
        subject=subject,
        location=location,
        period=period,
        value=None,
        unit=None,
        qualifier="exact",
        status=status,
        model=model,
        milestone=milestone,
        plant_operator=operator,
        plant_city=location,
        confidence=confidence,
    )


def _unlisted_model(text: str, analysis: SentenceAnalysis, cue_end: int) -> str | None:
    """A model the lexicon does not know, named right after the start cue: "started production
    of the Song Plus at", "began assembling the Isuzu NPR"."""
    match = cuewords.rule("unlisted_model").match(text, cue_end, analysis.end)
    if match is None:
        match = cuewords.rule("named_after_model_word").search(text, analysis.start, analysis.end)
    if match is None:
        return None
    name_start, name_end = match.span("name")
    # "assembly of the Chevrolet Groove": the brand before a model's name is not part of it.
    brand = next(
        (
            c
            for c in analysis.companies
            if c.start == name_start and c.end < name_end and c.company.kind == "brand"
        ),
        None,
    )
    if brand is not None:
        name_start = brand.end
        while name_start < name_end and text[name_start].isspace():
            name_start += 1
    if any(t.start < name_end and name_start < t.end for t in analysis.times):
        return None  # "opened in October 2025": a date, not a model
    if cuewords.rule("plant_after_name").match(text, name_end, analysis.end):
        return None  # "production of the Kia Qazaqstan plant": a plant, not a model
    named = [(a, b) for a, b in analysis.name_spans(models=False) if name_start <= a < name_end]
    words = [w for w in re.finditer(r"\S+", text[name_start:name_end])]
    uncovered = [w for w in words if not any(a <= name_start + w.start() < b for a, b in named)]
    return text[name_start:name_end] if uncovered else None


def _start_subject(
    text: str, analysis: SentenceAnalysis, discourse: Discourse, cue_start: int
) -> tuple[str, str | None, str | None]:
    """The plant (or company) whose production starts: label, location, operator."""
    named = [p for p in analysis.plants if not p.anaphoric and (p.name or p.operator)]
    if named:
        plant = named[0]
        place = next((p.place.name for p in analysis.places if p.start > plant.start), None)
        ref = PlantRef(plant.name, plant.operator, place or discourse.plant_location)
        return ref.label, ref.location, ref.operator
    makers = [c for c in analysis.companies if c.company.kind in ("brand", "manufacturer")]
    model_brands = {m.model.brand for m in analysis.models}
    spoken_of = discourse.plant
    if spoken_of is not None and all(
        c.company.name in model_brands or c.company.name == spoken_of.operator for c in makers
    ):
        return spoken_of.label, spoken_of.location, spoken_of.operator
    if makers:
        # The maker nearest the cue, manufacturers before brands, and not a model's brand
        # ("after launching Chevrolet Onix production": Chevrolet names the model).
        operators = [c for c in makers if c.company.name not in model_brands] or makers
        company = min(
            operators, key=lambda c: (c.company.kind != "manufacturer", abs(c.start - cue_start))
        )
        places = [p.place.name for p in analysis.places if p.place.kind != "country_adjective"]
        location = (
            places[-1]
            if places
            else (discourse.main_country.name if discourse.main_country else None)
        )
        return company.company.name, location, company.company.name
    ref = plant_ref(analysis, discourse)
    return ref.label, ref.location, ref.operator
