"""Companies, brands, vehicle models and plants named in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.extract import cuewords
from ingest.extract.first_chars import compile_fast
from ingest.extract.lang import active_code, cues
from ingest.extract.lexicon import Company, VehicleModel, companies, vehicle_models


@dataclass(frozen=True)
class CompanyMention:
    start: int
    end: int
    company: Company


@dataclass(frozen=True)
class ModelMention:
    start: int
    end: int
    model: VehicleModel
    text: str


@dataclass(frozen=True)
class PlantMention:
    start: int
    end: int
    name: str | None
    operator: str | None
    anaphoric: bool
    new: bool = False


def _alternation(surfaces: list[str]) -> str:
    return "|".join(re.escape(s) for s in sorted(set(surfaces), key=len, reverse=True))


def _case_forms(surface: str) -> list[str]:
    """The surface and, in a language that declines names, its other cases ("Аллюра")."""
    if not cuewords.pattern("entities", "declinable_name").search(surface):
        return [surface]
    cases = cues()["grammar"]["name_cases"]
    last = surface[-1].lower()
    if last in cases.get("indeclinable", []):
        return [surface]
    stem, endings = (surface[:-1], cases[last]) if last in cases else (surface, cases[""])
    return [surface, *(stem + ending for ending in endings)]


@cache
def _company_index(code: str) -> tuple[re.Pattern[str], dict[str, Company]]:
    index: dict[str, Company] = {}
    for company in companies():
        for surface in (company.name, *company.aliases):
            for form in _case_forms(surface):
                index.setdefault(form, company)
            if len(surface) >= 3 and not surface.isupper():
                index.setdefault(surface.upper(), company)
    pattern = compile_fast(rf"(?<![\w-])(?:{_alternation(list(index))})(?![\w-])")
    return pattern, index


@cache
def _model_index(code: str) -> tuple[re.Pattern[str], dict[str, VehicleModel]]:
    index: dict[str, VehicleModel] = {}
    plurals = cues()["grammar"]["model_plural_endings"]
    for model in vehicle_models():
        for surface in (model.name, *model.aliases):
            for form in _case_forms(surface):
                index.setdefault(form, model)
            if surface[-1].isalpha():
                for ending in plurals:
                    index.setdefault(surface + ending, model)
    pattern = compile_fast(rf"(?<![\w.-])(?:{_alternation(list(index))})(?![\w-])")
    return pattern, index


@cache
def _brand_ending(code: str, brand: str) -> re.Pattern[str]:
    """The brand of a model, in any of its names, just before the model's name."""
    _, index = _company_index(code)
    surfaces = [s for s, company in index.items() if company.name == brand] or [brand]
    return re.compile(rf"(?<![\w-])(?:{_alternation(surfaces)})\s*$", re.IGNORECASE)


def _after_model_head(before: str) -> bool:
    """The text before a name ends with the kind of vehicle it is ("кроссовера Song Plus")."""
    last = re.search(r"(\w+)\s+$", before)
    return last is not None and last.group(1).lower() in cuewords.words("nouns", "model_heads")


def find_companies(text: str, start: int, end: int) -> list[CompanyMention]:
    pattern, index = _company_index(active_code())
    return [
        CompanyMention(m.start(), m.end(), index[m.group()])
        for m in pattern.finditer(text, start, end)
    ]


def find_models(text: str, start: int, end: int) -> list[ModelMention]:
    """Vehicle models; a model whose name is a common word needs its brand just before it."""
    code = active_code()
    pattern, index = _model_index(code)
    found = []
    for m in pattern.finditer(text, start, end):
        model = index[m.group()]
        before = text[max(start, m.start() - 30) : m.start()]
        branded = _brand_ending(code, model.brand).search(before)
        if model.needs_brand and not branded and not _after_model_head(before):
            continue
        first = m.start() - (len(before) - branded.start()) if branded else m.start()
        found.append(ModelMention(first, m.end(), model, text[first : m.end()]))
    return found


@cache
def _plant_words() -> frozenset[str]:
    return frozenset(cues()["triggers"]["plant"])


def find_plants(
    text: str, start: int, end: int, company_mentions: list[CompanyMention]
) -> list[PlantMention]:
    """Named plants, "<operator> plant" phrases and anaphora such as "the facility"."""
    found: list[PlantMention] = []

    def taken(a: int, b: int) -> bool:
        return any(a < p.end and p.start < b for p in found)

    for m in cuewords.pattern("entities", "named_plant").finditer(text, start, end):
        name = m.group("name")
        operator = next(
            (c.company.name for c in company_mentions if m.start() <= c.start < m.end()), None
        )
        found.append(PlantMention(m.start(), m.end(), name, operator, anaphoric=False))
    for m in cuewords.pattern("entities", "operator_plant").finditer(text, start, end):
        if taken(*m.span()):
            continue
        operator = next(
            (
                c.company.name
                for c in company_mentions
                if m.start("operator") <= c.start < m.end("operator")
            ),
            None,
        )
        if operator is None:
            continue
        found.append(PlantMention(m.start(), m.end(), None, operator, anaphoric=False))
    # "the new plant" is the plant spoken of; "построить завод" (to build a plant) a new one:
    # of an anaphora and a new plant that overlap, the phrase that starts first is the reading.
    unnamed = [
        PlantMention(m.start(), m.end(), None, None, anaphoric=True)
        for m in cuewords.pattern("entities", "anaphoric_plant").finditer(text, start, end)
    ] + [
        PlantMention(m.start(), m.end(), None, None, anaphoric=False, new=True)
        for m in cuewords.pattern("entities", "generic_new_plant").finditer(text, start, end)
    ]
    for plant in sorted(unnamed, key=lambda p: (p.start, p.new)):
        if not taken(plant.start, plant.end):
            found.append(plant)
    return sorted(found, key=lambda p: p.start)


def find_organisations(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Organisations outside the lexicon, recognised by a suffix ("China Hubei Zhuoyue Group")."""
    pattern = cuewords.pattern("entities", "org_suffix")
    named = "quoted" in pattern.groupindex
    return [
        (m.start(), m.end(), m.group("name") or (m.group("quoted") if named else ""))
        for m in pattern.finditer(text, start, end)
    ]
