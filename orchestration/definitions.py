"""Everything Dagster loads: `dagster dev -m orchestration.definitions`."""

import dagster as dg

from orchestration.defs.ingest import raw_extracts
from orchestration.defs.jobs import build_warehouse
from orchestration.defs.publish import industry_brief, published_snapshot
from orchestration.defs.quality import mart_expectations
from orchestration.defs.sensors import new_articles
from orchestration.defs.warehouse import warehouse_models
from orchestration.resources import build_resources

defs = dg.Definitions(
    assets=[raw_extracts, warehouse_models, published_snapshot, industry_brief],
    asset_checks=[mart_expectations],
    jobs=[build_warehouse],
    sensors=[new_articles],
    resources=build_resources(),
    # One process per run: steps share the DuckDB file one after another, and a run does
    # not pay Python start-up for every step.
    executor=dg.in_process_executor,
)
