"""When production of a model starts, a plant is launched or its first vehicle comes off
the line."""

from __future__ import annotations

import re

from ingest.contract import Fact
from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.confidence import BASE
from ingest.extract.discourse import Discourse, PlantRef
from ingest.extract.fact_rows import make_fact
from ingest.extract.mood import modality, status_for
from ingest.extract.periods import TimeExpression
from ingest.extract.subjects import plant_ref


def _produces_other_goods(text: str, position: int, end: int) -> bool:
    """ "production of ... components": the goods named after the noun are not vehicles."""
    following = re.findall(r"\w+", text[position : min(end, position + 50)].lower())[:6]
    products = cuewords.words("nouns", "non_vehicle_products")
    vehicles = cuewords.words("nouns", "vehicle")
    for word in following:
        if word in vehicles:
            return False
        if word in products:
            return True
    return False


def start_cues(text: str, analysis: SentenceAnalysis) -> list[tuple[int, int, str]]:
    start, end = analysis.start, analysis.end
    found: list[tuple[int, int, str]] = []
    verbs = cuewords.spans("production_start", "start_verbs", text, start, end)
    nouns = [
        (a, b)
        for a, b in cuewords.spans("production_start", "start_nouns", text, start, end)
        if not cuewords.rule("production_noun_before_plant").match(text[b : b + 12])
        and text[a:b].lower() not in cuewords.words("grammar", "bare_start_nouns")
    ]
    plant_before = {
        a
        for a, _ in nouns
        if any(p.start < a for p in analysis.plants)
        or cuewords.has("triggers", "plant", text, start, a)
    }
    nouns = [(a, b) for a, b in nouns if not _produces_other_goods(text, b, end)]
    gerunds = cuewords.spans("production_start", "start_gerunds", text, start, end)
    for va, vb in verbs:
        for ga, gb in gerunds:
            if 0 <= ga - vb <= 2 and not _produces_other_goods(text, gb, end):
                found.append((va, gb, "production_start"))
    named = [(m.start, m.end) for m in (*analysis.models, *analysis.companies, *analysis.places)]
    for va, vb in verbs:
        for na, nb in nouns:
            gap_start, gap_end = min(vb, nb), max(va, na)
            gap = text[gap_start:gap_end]
            if _gap_words(text, gap_start, gap_end, named) > 5 or re.search(r"[,;.]", gap):
                continue
            operation = text[na:nb].lower() in cuewords.words("grammar", "operation_nouns")
            if operation and na not in plant_before:
                continue
            found.append((min(va, na), max(vb, nb), "production_start"))
    for a, b in cuewords.spans("production_start", "commissioning", text, start, end):
        found.append((a, b, "commissioning"))
    for key in ("beginning_with", "initial_model"):
        for m in cuewords.pattern("production_start", key).finditer(text, start, end):
            if any(0 <= model.start - m.end() <= 2 for model in analysis.models):
                found.append((m.start(), m.end(), "production_start"))
    for key in ("launch_plant", "plant_launched"):
        for m in cuewords.pattern("production_start", key).finditer(text, start, end):
            found.append((m.start(), m.end(), "commissioning"))
    counts = [q.lead for q in analysis.quantities if q.kind == "count" and q.value >= 100]
    first_spans = cuewords.spans("production_start", "first_vehicle", text, start, end)
    first_spans += [
        m.span()
        for m in cuewords.pattern("production_start", "first_vehicle").finditer(text, start, end)
    ]
    for a, b in sorted(set(first_spans)):
        clause_start = cuewords.clause_bounds(text, a, start, end)[0]
        counted = any(clause_start <= lead < a for lead in counts)
        if counted and not cuewords.rule("first_word").search(text, a, b):
            continue  # "41,045 cars rolled off assembly lines": output, not a first vehicle
        found.append((a, b, "first_vehicle"))
    return sorted(found)


def _gap_words(text: str, start: int, end: int, named: list[tuple[int, int]]) -> int:
    """Words between two cues, a name ("the Hyundai Elantra", "Almaty") counting as one
    word and the auxiliaries of a plan ("is scheduled to") as none."""
    words = 0
    inside_name: tuple[int, int] | None = None
    for match in re.finditer(r"\S+", text[start:end]):
        position = start + match.start()
        name = next((span for span in named if span[0] <= position < span[1]), None)
        if name is not None:
            words += name != inside_name
            inside_name = name
            continue
        if match.group().lower() not in cuewords.words("grammar", "plan_auxiliaries"):
            words += 1
    return words


def production_start_facts(
    text: str, analysis: SentenceAnalysis, discourse: Discourse
) -> list[Fact]:
    """When production of a model starts, or a plant is commissioned, with the stated date."""
    if discourse.other_plant and not analysis.models:
        return []  # "the foundry was commissioned": not a vehicle plant
    starts = start_cues(text, analysis)
    times = [t for t in analysis.times if not t.comparison]
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
        for model in models:
            following = [t for t in times if t.start > model.end]
            if following:
                pairs.append((following[0], model.text))
    else:
        clause = cuewords.clause_bounds(text, first_cue[0], analysis.start, analysis.end)
        in_clause = [t for t in times if clause[0] <= t.start < clause[1]]
        time = min(
            in_clause or times,
            key=lambda t: min(abs(t.start - first_cue[1]), abs(first_cue[0] - t.end)),
        )
        model = models[0].text if models else _unlisted_model(text, analysis, first_cue[1])
        pairs.append((time, model))
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


def _launches_vehicle_plant(analysis: SentenceAnalysis, cue_end: int) -> bool:
    """The launch whose cue ends at `cue_end` is of one plant that makes vehicles: not of a
    group of plants ("two new plants are to open"), nor of a plant for other goods (engines)."""
    text, start, end = analysis.text, analysis.start, analysis.end
    if cuewords.rule("group_of_plants").search(text, start, end):
        return False
    products = cuewords.spans("nouns", "non_vehicle_products", text, start, end)
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
        return None
    name_start, name_end = match.span("name")
    if cuewords.rule("plant_after_name").match(text, name_end, analysis.end):
        return None  # "production of the Kia Qazaqstan plant": a plant, not a model
    named = [
        (m.start, m.end)
        for m in (*analysis.companies, *analysis.places)
        if name_start <= m.start < name_end
    ]
    words = [w for w in re.finditer(r"\S+", text[name_start:name_end])]
    uncovered = [w for w in words if not any(a <= name_start + w.start() < b for a, b in named)]
    return match.group("name") if uncovered else None


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
    plant = discourse.plant
    if plant is not None and all(
        c.company.name in model_brands or c.company.name == plant.operator for c in makers
    ):
        return plant.label, plant.location, plant.operator
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
    plant = plant_ref(analysis, discourse)
    return plant.label, plant.location, plant.operator
