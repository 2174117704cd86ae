"""Companies, brands, vehicle models and plants named in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.extract.lang import cues
from ingest.lexicon import Company, VehicleModel, companies, vehicle_models

PLANT_HEADS = r"(?:Plant|Factory|Facility|Works|Campus|Complex|Assembly\s+Plant|Plant\s+Complex)"
NAMED_PLANT = re.compile(rf"\b(?P<name>(?:(?!The\b)[A-Z][\w’'.&-]*\s+){{1,5}}{PLANT_HEADS})\b")
PLANT_NOUN = (
    r"(?:assembly\s+plant|car\s+plant|automobile\s+plant|automotive\s+plant|"
    r"production\s+facility|manufacturing\s+facility|assembly\s+facility|plant|factory|"
    r"facility|enterprise|complex|campus|production\s+line|assembly\s+line|site)"
)
OPERATOR_PLANT = re.compile(
    rf"(?P<det>\b(?:the|a|an|its|new|this|their)\s+)?(?P<operator>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)"
    rf"(?:[’']s)?\s+(?:(?:new|first|second|own|main|dedicated|EV|electric|car|vehicle|automotive|"
    rf"assembly|production|manufacturing|\w+-\w+)\s+){{0,3}}{PLANT_NOUN}\b"
)
ANAPHORIC_PLANT = re.compile(
    rf"\b(?:the|this|that|its|our)\s+(?:(?:new|first|second|whole|entire|same|automotive|car|"
    rf"assembly|production|manufacturing)\s+){{0,2}}{PLANT_NOUN}\b",
    re.IGNORECASE,
)
GENERIC_NEW_PLANT = re.compile(
    rf"\b(?:an?|new)\s+(?:(?:new|car|automobile|automotive|vehicle|assembly|manufacturing|"
    rf"production|EV|electric|\w+-\w+)\s+){{0,3}}{PLANT_NOUN}\b",
)
ORG_SUFFIX = re.compile(
    r"\b(?P<name>(?:[A-Z][\w.&-]*\s+){0,4}(?:Group|Motors|Motor|Holding|Holdings|Corporation|Corp|"
    r"Company|Auto|Automotive|Industries|LLP|LLC|JSC|Ltd|CP))\b"
)


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


@cache
def _company_index() -> tuple[re.Pattern[str], dict[str, Company]]:
    index: dict[str, Company] = {}
    for company in companies():
        for surface in (company.name, *company.aliases):
            index.setdefault(surface, company)
            if len(surface) >= 3 and not surface.isupper():
                index.setdefault(surface.upper(), company)
    pattern = re.compile(rf"(?<![\w-])(?:{_alternation(list(index))})(?![\w-])")
    return pattern, index


@cache
def _model_index() -> tuple[re.Pattern[str], dict[str, VehicleModel]]:
    index: dict[str, VehicleModel] = {}
    for model in vehicle_models():
        for surface in (model.name, *model.aliases):
            index.setdefault(surface, model)
    pattern = re.compile(rf"(?<![\w.-])(?:{_alternation(list(index))})(?![\w-])")
    return pattern, index


def find_companies(text: str, start: int, end: int) -> list[CompanyMention]:
    pattern, index = _company_index()
    return [
        CompanyMention(m.start(), m.end(), index[m.group()])
        for m in pattern.finditer(text, start, end)
    ]


def find_models(text: str, start: int, end: int) -> list[ModelMention]:
    """Vehicle models; a model whose name is a common word needs its brand just before it."""
    pattern, index = _model_index()
    found = []
    for m in pattern.finditer(text, start, end):
        model = index[m.group()]
        before = text[max(start, m.start() - 20) : m.start()]
        branded = re.search(rf"\b{re.escape(model.brand)}\s*$", before, re.IGNORECASE)
        if model.needs_brand and not branded:
            continue
        first = m.start() - len(branded.group()) + branded.start() if branded else m.start()
        if branded:
            first = m.start() - (len(before) - branded.start())
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

    for m in NAMED_PLANT.finditer(text, start, end):
        name = m.group("name")
        operator = next(
            (c.company.name for c in company_mentions if m.start() <= c.start < m.end()), None
        )
        found.append(PlantMention(m.start(), m.end(), name, operator, anaphoric=False))
    for m in OPERATOR_PLANT.finditer(text, start, end):
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
    for m in ANAPHORIC_PLANT.finditer(text, start, end):
        if not taken(*m.span()):
            found.append(PlantMention(m.start(), m.end(), None, None, anaphoric=True))
    for m in GENERIC_NEW_PLANT.finditer(text, start, end):
        if not taken(*m.span()):
            found.append(PlantMention(m.start(), m.end(), None, None, anaphoric=False, new=True))
    return sorted(found, key=lambda p: p.start)


def find_organisations(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Organisations outside the lexicon, recognised by a suffix ("China Hubei Zhuoyue Group")."""
    return [(m.start(), m.end(), m.group("name")) for m in ORG_SUFFIX.finditer(text, start, end)]
