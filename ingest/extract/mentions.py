"""The companies, places, models and plants a sentence names, as rows for the warehouse,
with whether it says that brands make vehicles in a country."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.discourse import Discourse
from ingest.extract.mood import modality


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


def entity_mentions(
    article_id: str, text: str, analysis: SentenceAnalysis, discourse: Discourse
) -> list[EntityMention]:
    index = analysis.sentence.index
    mentions: list[EntityMention] = []
    relation, relation_country = _presence(text, analysis, discourse)
    verb = cuewords.rule("manufacturing").search(text, analysis.start, analysis.end)
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
    verb = cuewords.rule("manufacturing").search(text, analysis.start, analysis.end)
    if verb is None or not any(
        c.company.kind in ("brand", "manufacturer") and c.start < verb.start()
        for c in analysis.companies
    ):
        return None, None
    countries = [p for p in analysis.places if p.place.kind == "country"]
    after = [p for p in countries if p.start > verb.start()]
    if after:
        country = after[0].place.name
    elif (
        cuewords.rule("the_country").search(text, analysis.start, analysis.end)
        and discourse.main_country
    ):
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
