"""What good data in each mart looks like, as great-expectations expectation factories.

Each suite is a list of (name, factory) pairs; a factory builds the expectation when the suite
runs, so that importing this module does not import great-expectations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

QUALIFIERS = ["exact", "about", "more_than", "less_than", "up_to"]
STATUSES = ["actual", "projected", "planned"]
EARLIEST_PERIOD = dt.datetime(1990, 1, 1)
EARLIEST_PRODUCTION_START = dt.datetime(1950, 1, 1)
LATEST_PERIOD = dt.datetime(2040, 12, 31)
# The largest yearly figure a country of the region could report (Turkey makes ~1.5 million).
MAX_VEHICLES = 5_000_000
# Ranges per plant metric: a value outside them is a reading error, not a big plant.
PLANT_METRIC_RANGES = {
    "capacity_vehicles_per_year": (50, 2_000_000),
    "area_m2": (100, 50_000_000),
    "robots": (1, 20_000),
    "investment": (10_000, 100_000_000_000_000),
}

Factory = Callable[[Any], Any]


@dataclass(frozen=True)
class Suite:
    """The expectations of one mart; `blocking` ones mean wrong data when they fail."""

    mart: str
    blocking: list[tuple[str, Factory]]
    warnings: list[tuple[str, Factory]]


def _common_fact_expectations() -> list[tuple[str, Factory]]:
    return [
        (
            "evidence is present",
            lambda gx: gx.expectations.ExpectColumnValuesToNotBeNull(column="evidence"),
        ),
        (
            "offsets are ordered",
            lambda gx: gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="char_end", column_B="char_start", or_equal=False
            ),
        ),
        (
            "reports are counted",
            lambda gx: gx.expectations.ExpectColumnValuesToBeBetween(
                column="n_reports", min_value=1
            ),
        ),
    ]


def _vehicle_suite(mart: str) -> Suite:
    return Suite(
        mart=mart,
        blocking=[
            (
                "value within the region's range",
                lambda gx: gx.expectations.ExpectColumnValuesToBeBetween(
                    column="value", min_value=1, max_value=MAX_VEHICLES
                ),
            ),
            (
                "qualifier is a contract value",
                lambda gx: gx.expectations.ExpectColumnValuesToBeInSet(
                    column="qualifier", value_set=QUALIFIERS
                ),
            ),
            (
                "status is a contract value",
                lambda gx: gx.expectations.ExpectColumnValuesToBeInSet(
                    column="status", value_set=STATUSES
                ),
            ),
            (
                "period starts in a sane year",
                lambda gx: gx.expectations.ExpectColumnValuesToBeBetween(
                    column="period_start", min_value=EARLIEST_PERIOD, max_value=LATEST_PERIOD
                ),
            ),
            (
                "period ends after it starts",
                lambda gx: gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
                    column_A="period_end",
                    column_B="period_start",
                    or_equal=True,
                    ignore_row_if="either_value_is_missing",
                ),
            ),
            *_common_fact_expectations(),
        ],
        warnings=[
            ("has rows", lambda gx: gx.expectations.ExpectTableRowCountToBeBetween(min_value=1)),
            (
                "geography is known",
                lambda gx: gx.expectations.ExpectColumnValuesToNotBeNull(
                    column="geography", mostly=0.95
                ),
            ),
        ],
    )


def _metric_range(metric: str, low: float, high: float) -> Factory:
    return lambda gx: gx.expectations.ExpectColumnValuesToBeBetween(
        column="value",
        min_value=low,
        max_value=high,
        row_condition=f'metric=="{metric}"',
        condition_parser="pandas",
    )


def _plant_metric_suite() -> Suite:
    ranges = [
        (f"{metric} within range", _metric_range(metric, low, high))
        for metric, (low, high) in PLANT_METRIC_RANGES.items()
    ]
    return Suite(
        mart="fct_plant_metric",
        blocking=[
            *ranges,
            (
                "metric is known",
                lambda gx: gx.expectations.ExpectColumnValuesToBeInSet(
                    column="metric", value_set=list(PLANT_METRIC_RANGES)
                ),
            ),
            (
                "qualifier is a contract value",
                lambda gx: gx.expectations.ExpectColumnValuesToBeInSet(
                    column="qualifier", value_set=QUALIFIERS
                ),
            ),
            (
                "status is a contract value",
                lambda gx: gx.expectations.ExpectColumnValuesToBeInSet(
                    column="status", value_set=STATUSES
                ),
            ),
            (
                "every figure has a plant",
                lambda gx: gx.expectations.ExpectColumnValuesToNotBeNull(column="plant_key"),
            ),
            *_common_fact_expectations(),
        ],
        warnings=[
            ("has rows", lambda gx: gx.expectations.ExpectTableRowCountToBeBetween(min_value=1))
        ],
    )


def _production_start_suite() -> Suite:
    return Suite(
        mart="fct_production_start",
        blocking=[
            (
                "start date in a sane year",
                lambda gx: gx.expectations.ExpectColumnValuesToBeBetween(
                    column="period_start",
                    min_value=EARLIEST_PRODUCTION_START,
                    max_value=LATEST_PERIOD,
                ),
            ),
            (
                "milestone is a contract value",
                lambda gx: gx.expectations.ExpectColumnValuesToBeInSet(
                    column="milestone",
                    value_set=["production_start", "first_vehicle", "commissioning"],
                ),
            ),
            (
                "status is a contract value",
                lambda gx: gx.expectations.ExpectColumnValuesToBeInSet(
                    column="status", value_set=STATUSES
                ),
            ),
            *_common_fact_expectations(),
        ],
        warnings=[],
    )


def _presence_suite() -> Suite:
    return Suite(
        mart="fct_manufacturer_presence",
        blocking=[
            (
                "relation is known",
                lambda gx: gx.expectations.ExpectColumnValuesToBeInSet(
                    column="relation", value_set=["manufactures", "plans_production"]
                ),
            ),
            (
                "company is named",
                lambda gx: gx.expectations.ExpectColumnValuesToNotBeNull(column="company"),
            ),
            (
                "country is named",
                lambda gx: gx.expectations.ExpectColumnValuesToNotBeNull(column="country"),
            ),
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
        warnings=[
            ("has rows", lambda gx: gx.expectations.ExpectTableRowCountToBeBetween(min_value=1))
        ],
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
