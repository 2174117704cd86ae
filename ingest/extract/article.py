"""Extract one article: sentences in order, the discourse carried between them, facts out."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass

from ingest.contract import Fact
from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis, analyse
from ingest.extract.discourse import Discourse, PlantRef
from ingest.extract.facts import modality, production_start_facts, quantity_facts
from ingest.extract.periods import TimeContext, may_hold_time, parse_label
from ingest.extract.sentences import Sentence, split_sentences
from ingest.read.layout import layout

FACT_BLOCKS = ("paragraph",)
# Words that introduce a plant still to come ("will build", "construction of", "to open").
PLANT_TO_BE_BUILT = re.compile(
    r"\b(?:build|built|construct\w*|construction|establish\w*|set\s+up|create|open|"
    r"launch|lay|laid|groundbreaking|capsule|design\w*)\b",
    re.IGNORECASE,
)
VALUE_TOLERANCE = 0.005
# A figure given with "about" or "more than" restates a precise one this close to it.
RESTATED_TOLERANCE = 0.02
# Verbs and the nouns of the activity; "manufacturer" and "producer" name a company instead.
MANUFACTURING = re.compile(
    r"\b(?:manufactur(?:e|es|ed|ing)|produc(?:e|es|ed|ing|tion)|"
    r"assembl(?:e|es|ed|ing|y)|locali[sz](?:e|es|ed|ing|ation)|"
    r"build(?:s|ing)?|mak(?:e|es|ing))\b",
    re.IGNORECASE,
)
THE_COUNTRY = re.compile(
    r"\b(?:the|this)\s+country\b|\bdomestic(?:ally)?\b|\bnational\b", re.IGNORECASE
)


@dataclass
class EntityMention:
    article_id: str
    sentence_index: int
    entity_type: str  # company | place | plant | model
    name: str
    surface: str
    char_start: int
    char_end: int
    kind: str | None = None
    country: str | None = None
    iso2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    operator: str | None = None
    relation: str | None = None
    relation_country: str | None = None


class ExtractionOverrun(Exception):
    """An article's extraction ran past its deadline."""


@dataclass
class ArticleExtraction:
    sentences: list[Sentence]
    facts: list[Fact]
    entities: list[EntityMention]


def _update_plant(text: str, analysis: SentenceAnalysis, discourse: Discourse) -> None:
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
        operator = plant.operator or (
            analysis.organisations[0][2] if analysis.organisations else None
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
        discourse.plant = PlantRef(
            plant.name, operator or discourse.main_company, place or discourse.plant_location
        )
        discourse.plant_planned = (
            modality(text, plant.start, analysis) == "future"
            and PLANT_TO_BE_BUILT.search(text, analysis.start, analysis.end) is not None
        )
        if place:
            discourse.plant_location = place


def _update_plant_status(starts: list[Fact], discourse: Discourse) -> None:
    """A plant whose first vehicle or launch is still to come is not built yet: its figures
    are plans. One that has been launched operates."""
    for fact in starts:
        if fact.milestone in ("first_vehicle", "commissioning"):
            discourse.plant_planned = fact.status == "planned"


def _update_time(
    analysis: SentenceAnalysis, facts: list[Fact], discourse: Discourse, text: str
) -> None:
    for expression in analysis.times:
        if expression.period.grain != "day" and not expression.relative:
            discourse.time.anchor_year = expression.period.last.year
    own = [t for t in analysis.times if not t.comparison]
    comparisons = [t for t in analysis.times if t.comparison]
    measured = [f for f in facts if f.fact_type in ("vehicle_output", "vehicle_sales", "ev_stock")]
    statistic = (
        cuewords.has("triggers", "output", text, analysis.start, analysis.end)
        or cuewords.has("triggers", "sales", text, analysis.start, analysis.end)
        or cuewords.has("triggers", "stock", text, analysis.start, analysis.end)
    )
    labels = {f.period for f in measured}
    stated = [t.period for t in own if t.period.label in labels]
    aside = cuewords.has(
        "discourse", "aside", text, analysis.start, min(analysis.end, analysis.start + 30)
    )
    if aside:
        pass  # "For comparison: in 2019 there were ...": the article's period stays
    elif stated:
        discourse.time.current = stated[0]
    elif own and statistic:
        discourse.time.current = own[0].period
    if comparisons and statistic:
        discourse.comparison = comparisons[0].period
    if measured or facts:
        discourse.last_fact_type = facts[-1].fact_type
        discourse.last_fact_sentence = analysis.sentence.index
    if analysis.models:
        discourse.last_model = analysis.models[-1].text
        discourse.last_model_brand = analysis.models[-1].model.brand


def _same_fact(a: Fact, b: Fact) -> bool:
    if a.fact_type != b.fact_type:
        return False
    if (a.value is None) != (b.value is None):
        return False
    if a.value is not None and b.value is not None:
        # "more than 73,000" then "73,600": a rounded restatement of the same figure.
        rounded = a.qualifier != "exact" or b.qualifier != "exact"
        tolerance = RESTATED_TOLERANCE if rounded else VALUE_TOLERANCE
        if abs(a.value - b.value) > tolerance * max(abs(a.value), abs(b.value), 1.0):
            return False
    if a.model and b.model and a.model != b.model:
        return False
    if a.fact_type == "production_start":
        # "launched the plant today" and "begins operations this month": one launch; the
        # start of a model is another fact than the plant's launch.
        if a.model != b.model:
            return False
        return a.period is None or b.period is None or _nested(a.period, b.period)
    if a.period and b.period and a.period != b.period:
        return False
    return not (a.subject != b.subject and a.location != b.location and a.location and b.location)


def _nested(a: str, b: str) -> bool:
    first, second = parse_label(a), parse_label(b)
    if first is None or second is None:
        return a == b
    return (first.first <= second.first and second.last <= first.last) or (
        second.first <= first.first and first.last <= second.last
    )


def _precision(fact: Fact) -> tuple[int, int, int]:
    digits = len(re.sub(r"\D", "", f"{fact.value or 0:.0f}").rstrip("0"))
    return (digits, fact.qualifier == "exact", fact.period is not None)


def deduplicate(facts: list[Fact]) -> list[Fact]:
    """A statement repeated in one article is one fact: keep its most precise wording."""
    kept: list[Fact] = []
    for fact in facts:
        twin = next((k for k in kept if _same_fact(k, fact)), None)
        if twin is None:
            kept.append(fact)
        elif _precision(fact) > _precision(twin):
            kept[kept.index(twin)] = fact
    return kept


def _entity_mentions(
    article_id: str, text: str, analysis: SentenceAnalysis, discourse: Discourse
) -> list[EntityMention]:
    index = analysis.sentence.index
    mentions: list[EntityMention] = []
    relation, relation_country = _presence(text, analysis, discourse)
    verb = MANUFACTURING.search(text, analysis.start, analysis.end)
    for c in analysis.companies:
        in_relation = (
            relation
            and verb
            and c.start < verb.start()
            and c.company.kind in ("brand", "manufacturer")
        )
        mentions.append(
            EntityMention(
                article_id,
                index,
                "company",
                c.company.name,
                text[c.start : c.end],
                c.start,
                c.end,
                kind=c.company.kind,
                country=c.company.country_of_origin,
                relation=relation if in_relation else None,
                relation_country=relation_country if in_relation else None,
            )
        )
    for p in analysis.places:
        mentions.append(
            EntityMention(
                article_id,
                index,
                "place",
                p.place.name,
                text[p.start : p.end],
                p.start,
                p.end,
                kind=p.place.kind,
                country=p.place.country,
                iso2=p.place.iso2,
                latitude=p.place.latitude,
                longitude=p.place.longitude,
            )
        )
    for m in analysis.models:
        mentions.append(
            EntityMention(
                article_id,
                index,
                "model",
                m.model.name,
                m.text,
                m.start,
                m.end,
                kind="model",
                operator=m.model.brand,
            )
        )
    for plant in analysis.plants:
        if plant.anaphoric and discourse.plant is None:
            continue
        ref = discourse.plant if plant.anaphoric or not (plant.name or plant.operator) else None
        name = ref.label if ref else (plant.name or f"{plant.operator} plant")
        operator = ref.operator if ref else plant.operator
        location = ref.location if ref else discourse.plant_location
        mentions.append(
            EntityMention(
                article_id,
                index,
                "plant",
                name,
                text[plant.start : plant.end],
                plant.start,
                plant.end,
                kind="anaphora" if plant.anaphoric else "named",
                country=location,
                operator=operator,
            )
        )
    return mentions


def _presence(
    text: str, analysis: SentenceAnalysis, discourse: Discourse
) -> tuple[str | None, str | None]:
    """Whether the sentence says that brands make (or plan to make) vehicles in a country."""
    verb = MANUFACTURING.search(text, analysis.start, analysis.end)
    if verb is None or not any(
        c.company.kind in ("brand", "manufacturer") and c.start < verb.start()
        for c in analysis.companies
    ):
        return None, None
    countries = [p for p in analysis.places if p.place.kind == "country"]
    after = [p for p in countries if p.start > verb.start()]
    if after:
        country = after[0].place.name
    elif THE_COUNTRY.search(text, analysis.start, analysis.end) and discourse.main_country:
        country = discourse.main_country.name
    elif countries:
        country = countries[-1].place.name
    elif discourse.main_country:
        country = discourse.main_country.name
    else:
        return None, None
    mood = modality(text, verb.start(), analysis)
    future = mood == "future" or cuewords.has(
        "modality", "future", text, analysis.start, verb.end()
    )
    return ("plans_production" if future else "manufactures"), country


def _stated_dates(analyses: list[SentenceAnalysis]) -> list[tuple[int, dt.date]]:
    """(sentence index, date) of every full date the body states ("As of July 1, 2025",
    "In August 2023"): without a publication date, relative words resolve against the nearest."""
    found = []
    for index, analysis in enumerate(analyses):
        if analysis.sentence.block_kind not in FACT_BLOCKS:
            continue
        for t in analysis.times:
            if not t.relative and not t.comparison and t.period.grain in ("day", "month"):
                found.append((index, t.period.last))
    return found


def _check(deadline: float | None, done: int, total: int) -> None:
    if deadline is not None and time.perf_counter() > deadline:
        raise ExtractionOverrun(
            f"Extraction took longer than its time budget per file (stopped after {done} of "
            f"{total} sentences); set QAZAUTO_EXTRACT_SECONDS_PER_FILE to change the budget."
        )


def extract_article(
    article_id: str, text: str, published: dt.date | None, deadline: float | None = None
) -> ArticleExtraction:
    """Sentences, facts and entity mentions of one article's stored text. Past `deadline` (a
    `time.perf_counter()` value) it raises ExtractionOverrun, checked between sentences."""
    blocks = layout(text)
    sentences = split_sentences(text, blocks)
    probe = TimeContext(published=published)
    analyses = []
    for index, sentence in enumerate(sentences):
        _check(deadline, index, 2 * len(sentences))
        analyses.append(analyse(text, sentence, probe))
    discourse = Discourse.start(article_id, published, analyses)
    dated = [] if published else _stated_dates(analyses)
    facts: list[Fact] = []
    entities: list[EntityMention] = []
    for index, (sentence, first_pass) in enumerate(zip(sentences, analyses, strict=True)):
        if sentence.block_kind not in FACT_BLOCKS:
            continue
        _check(deadline, len(sentences) + index, 2 * len(sentences))
        if dated:
            discourse.time.reference = min(dated, key=lambda d: (abs(d[0] - index), d[0]))[1]
        # Times are read again: "that year" and "the same period" depend on what came before.
        rereading = first_pass.times or may_hold_time(text, sentence.start, sentence.end)
        analysis = analyse(text, sentence, discourse.time, first_pass) if rereading else first_pass
        _update_plant(text, analysis, discourse)
        sentence_facts = quantity_facts(text, analysis, discourse)
        starts = production_start_facts(text, analysis, discourse)
        _update_plant_status(starts, discourse)
        sentence_facts += starts
        facts.extend(sentence_facts)
        entities.extend(_entity_mentions(article_id, text, analysis, discourse))
        _update_time(analysis, sentence_facts, discourse, text)
    return ArticleExtraction(sentences, deduplicate(facts), entities)
