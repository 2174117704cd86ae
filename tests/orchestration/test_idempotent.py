"""Running the build again on the same articles changes nothing, row for row."""

import duckdb

from tests.conftest import run_build

MARTS = (
    "dim_article",
    "dim_plant",
    "dim_location",
    "fct_vehicle_output",
    "fct_vehicle_sales",
    "fct_ev_stock",
    "fct_plant_metric",
    "fct_production_start",
    "fct_manufacturer_presence",
)


def mart_rows(database) -> dict[str, list[tuple]]:
    with duckdb.connect(str(database), read_only=True) as con:
        return {
            mart: sorted(con.sql(f"select * from marts.{mart}").fetchall(), key=repr)
            for mart in MARTS
        }


def test_a_second_build_leaves_every_mart_identical(built_warehouse, seed_corpus):
    before = mart_rows(built_warehouse)
    result = run_build(seed_corpus, built_warehouse)
    assert result.success
    landed = [
        m
        for m in result.get_asset_materialization_events()
        if m.asset_key.path == ["raw", "fact_mentions"]
    ]
    files = landed[0].materialization.metadata["files"].data
    assert files["unchanged"] == 4 and files["new"] == files["changed"] == 0
    assert mart_rows(built_warehouse) == before


def test_marts_show_their_size_newest_period_and_a_preview(built_warehouse, seed_corpus):
    result = run_build(seed_corpus, built_warehouse)
    (ev_stock,) = [
        m.materialization.metadata
        for m in result.get_asset_materialization_events()
        if m.asset_key.path == ["marts", "fct_ev_stock"]
    ]
    assert ev_stock["dagster/row_count"].value == 3
    assert ev_stock["newest_period"].value == "2025-05-31"
    preview = ev_stock["preview"]
    columns = [column.name for column in preview.schema.columns]
    assert "geography" in columns and columns[-1] == "language"
    assert {record.data["language"] for record in preview.records} == {"en"}
    assert "fact_id" in {c.name for c in ev_stock["dagster/column_schema"].value.columns}

    # One materialisation per file partition, each carrying the run's file table.
    articles = next(
        m.materialization.metadata
        for m in result.get_asset_materialization_events()
        if m.asset_key.path == ["raw", "articles"]
    )
    (unchanged,) = articles["files_this_run"].records
    assert unchanged.data["outcome"] == "unchanged"


def test_raw_tables_declare_their_columns_before_any_run():
    from orchestration.defs.ingest import raw_extracts

    schemas = {
        spec.key.path[-1]: spec.metadata["dagster/column_schema"] for spec in raw_extracts.specs
    }
    fact_columns = {column.name: column.type for column in schemas["fact_mentions"].columns}
    assert fact_columns["value"] == "float64" and fact_columns["evidence"] == "string"
    assert "extractor_version" in {column.name for column in schemas["article_ledger"].columns}
