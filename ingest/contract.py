"""The extracted-fact contract: field names, allowed values and serialisation."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

FACT_TYPES = (
    "vehicle_output",
    "vehicle_sales",
    "ev_stock",
    "plant_capacity",
    "plant_investment",
    "plant_area",
    "plant_robots",
    "production_start",
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
PLANT_FACT_TYPES = frozenset(
    {"plant_capacity", "plant_investment", "plant_area", "plant_robots", "production_start"}
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
