"""The job that builds everything: ingest, dbt models and tests, quality checks."""

import dagster as dg

build_warehouse = dg.define_asset_job(
    name="build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Read the articles folder, land the raw tables, build and test the dbt models, "
    "and run the quality suites.",
)
