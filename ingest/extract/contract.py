"""The extracted-fact contract: field names, allowed values and serialisation."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import cache

import reference


@dataclass(frozen=True)
class FactType:
    """One row of the fact-type registry (`reference/fact_types.csv`, also a dbt seed)."""

    name: str
    family: str  # vehicle_count | plant_metric | plant_event
    unit: str | None  # "currency": the amount's own ISO 4217 code
    metric: str | None  # the metric name in fct_plant_metric
    min_value: float | None
    max_value: float | None
    future_status: str  # the status of a figure that looks ahead: projected or planned
    description: str


@cache
def fact_types() -> dict[str, FactType]:
    """The registry: every fact type the extractor emits and the warehouse models."""
    return {
        row["fact_type"]: FactType(
            name=row["fact_type"],
            family=row["family"],
            unit=row["unit"] or None,
            metric=row["metric"] or None,
            min_value=float(row["min_value"]) if row["min_value"] else None,
            max_value=float(row["max_value"]) if row["max_value"] else None,
            future_status=row["future_status"],
            description=row["description"],
        )
        for row in reference.rows("fact_types")
    }


FACT_TYPES = tuple(fact_types())
PLANT_FACT_TYPES = frozenset(
    name for name, kind in fact_types().items() if kind.family in ("plant_metric", "plant_event")
)
QUALIFIERS = ("exact", "about", "more_than", "less_than", "up_to")
STATUSES = ("actual", "projected", "planned")
MILESTONES = ("production_start", "first_vehicle", "commissioning")
CONTRACT_FIELDS = frozenset(
    {
        "article_id",
        "fact_type",
        "subject",
        "location",
        "period",
        "value",
        "unit",
        "qualifier",
        "status",
        "vehicle_type",
        "model",
        "milestone",
        "evidence",
        "char_start",
        "char_end",
        "confidence",
    }
)


@dataclass
class Fact:
    """One fact stated by an article, with the span of text it was read from."""

    article_id: str
    fact_type: str
    subject: str
    location: str | None
    period: str | None
    value: float | None
    unit: str | None
    qualifier: str
    status: str
    evidence: str
    char_start: int
    char_end: int
    vehicle_type: str | None = None
    model: str | None = None
    milestone: str | None = None
    confidence: float = 0.8
    # Not in the contract: what the warehouse needs to key plants.
    plant_operator: str | None = None
    plant_city: str | None = None
    segment: str | None = None
    scope: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The contract's fields only."""
        record = {k: v for k, v in asdict(self).items() if k in CONTRACT_FIELDS}
        value = record["value"]
        if isinstance(value, float) and value.is_integer():
            record["value"] = int(value)
        return record

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


FACT_COLUMNS = tuple(Fact.__dataclass_fields__)
# What a person scanning facts wants to see first (the CLI's table, the UI's preview).
SUMMARY_COLUMNS = (
    "article_id",
    "fact_type",
    "subject",
    "period",
    "value",
    "unit",
    "qualifier",
    "status",
)
