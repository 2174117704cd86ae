"""Reference data: companies, countries, places, vehicle models and the fact-type registry.

The same CSV files are the extractor's lexicons and the dbt seeds of the `reference` schema,
so the warehouse describes the entities with exactly the names the extractor gives them.
"""

from __future__ import annotations

import csv
from pathlib import Path

REFERENCE_DIR = Path(__file__).parent


def table_path(name: str) -> Path:
    """The CSV file of reference table `name` (`companies`, `fact_types`, ...)."""
    return REFERENCE_DIR / f"{name}.csv"


def rows(name: str) -> list[dict[str, str]]:
    """The rows of reference table `name`, each a dict of its header's columns."""
    with table_path(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
