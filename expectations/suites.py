"""What good data in each mart looks like, as great-expectations expectation factories.

Each suite is a list of (name, factory) pairs; a factory builds the expectation when the suite
runs, so that importing this module does not import great-expectations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ingest.extract.contract import MILESTONES, QUALIFIERS, STATUSES, fact_types

RELATIONS = ["manufactures", "plans_production"]
EARLIEST_PERIOD = dt.datetime(1990, 1, 1)
EARLIEST_PRODUCTION_START = dt.datetime(1950, 1, 1)
LATEST_PERIOD = dt.datetime(2040, 12, 31)
# The ranges of the fact-type registry: a value outside them is a reading error.
MAX_VEHICLES = max(
    kind.max_value or 0 for kind in fact_types().values() if kind.family == "vehicle_count"
)
PLANT_METRIC_RANGES = {
    kind.metric: (kind.min_value, kind.max_value)
    for kind in fact_types().values()
    if kind.family == "plant_metric" and kind.metric
}

Factory = Callable[[Any], Any]
Named = tuple[str, Factory]


@dataclass(frozen=True)
class Suite:
    """The expectations of one mart; `blocking` ones mean wrong data when they fail."""

    mart: str
    blocking: list[Named]
    warnings: list[Named]


def in_set(column: str, values: list[str]) -> Factory:
    return lambda gx: gx.expectations.ExpectColumnValuesToBeInSet(column=column, value_set=values)


def between(
    column: str, low: object = None, high: object = None, where: tuple[str, object] | None = None
) -> Factory:
    """Values of `column` within [low, high]; with `where` (column, value), only in those rows."""

    def build(gx: Any) -> Any:
        options = {}
        if where is not None:
            from great_expectations.expectations.row_conditions import Column

            options["row_condition"] = Column(where[0]) == where[1]
        return gx.expectations.ExpectColumnValuesToBeBetween(
            column=column, min_value=low, max_value=high, **options
        )

    return build


def not_null(column: str, mostly: float = 1.0) -> Factory:
    return lambda gx: gx.expectations.ExpectColumnValuesToNotBeNull(column=column, mostly=mostly)


def a_after_b(column_a: str, column_b: str, or_equal: bool) -> Factory:
    return lambda gx: gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A=column_a,
        column_B=column_b,
        or_equal=or_equal,
        ignore_row_if="either_value_is_missing",
    )


def has_rows() -> Named:
    return ("has rows", lambda gx: gx.expectations.ExpectTableRowCountToBeBetween(min_value=1))


def _provenance() -> list[Named]:
    return [
        ("evidence is present", not_null("evidence")),
        ("offsets are ordered", a_after_b("char_end", "char_start", or_equal=False)),
        ("reports are counted", between("n_reports", 1)),
    ]


def _contract_values(*columns: str) -> list[Named]:
    sets = {"qualifier": list(QUALIFIERS), "status": list(STATUSES), "milestone": list(MILESTONES)}
    return [(f"{column} is a contract value", in_set(column, sets[column])) for column in columns]


def _vehicle_suite(mart: str) -> Suite:
    return Suite(
        mart=mart,
        blocking=[
            ("value within the region's range", between("value", 1, MAX_VEHICLES)),
            *_contract_values("qualifier", "status"),
            (
                "period starts in a sane year",
                between("period_start", EARLIEST_PERIOD, LATEST_PERIOD),
            ),
            ("period ends after it starts", a_after_b("period_end", "period_start", or_equal=True)),
            *_provenance(),
        ],
        warnings=[has_rows(), ("geography is known", not_null("geography", mostly=0.95))],
    )


def _plant_metric_suite() -> Suite:
    ranges = [
        (
            f"{metric} within range",
            between("value", low, high, where=("metric", metric)),
        )
        for metric, (low, high) in PLANT_METRIC_RANGES.items()
    ]
    return Suite(
        mart="fct_plant_metric",
        blocking=[
            *ranges,
            ("metric is known", in_set("metric", list(PLANT_METRIC_RANGES))),
            *_contract_values("qualifier", "status"),
            ("every figure has a plant", not_null("plant_key")),
            *_provenance(),
        ],
        warnings=[has_rows()],
    )


def _production_start_suite() -> Suite:
    return Suite(
        mart="fct_production_start",
        blocking=[
            (
                "start date in a sane year",
                between("period_start", EARLIEST_PRODUCTION_START, LATEST_PERIOD),
            ),
            *_contract_values("milestone", "status"),
            *_provenance(),
        ],
        warnings=[],
    )


def _presence_suite() -> Suite:
    return Suite(
        mart="fct_manufacturer_presence",
        blocking=[
            ("relation is known", in_set("relation", RELATIONS)),
            ("company is named", not_null("company")),
            ("country is named", not_null("country")),
        ],
        warnings=[],
    )


def _article_suite() -> Suite:
    return Suite(
        mart="dim_article",
        blocking=[
            (
                "article ids are unique",
                lambda gx: gx.expectations.ExpectColumnValuesToBeUnique(column="article_id"),
            ),
            (
                "content is hashed",
                lambda gx: gx.expectations.ExpectColumnValueLengthsToEqual(
                    column="content_sha256", value=64
                ),
            ),
        ],
        warnings=[has_rows()],
    )


SUITES: tuple[Suite, ...] = (
    _vehicle_suite("fct_vehicle_output"),
    _vehicle_suite("fct_vehicle_sales"),
    _vehicle_suite("fct_ev_stock"),
    _plant_metric_suite(),
    _production_start_suite(),
    _presence_suite(),
    _article_suite(),
)
FACT_MARTS = tuple(s.mart for s in SUITES if s.mart.startswith("fct_"))
