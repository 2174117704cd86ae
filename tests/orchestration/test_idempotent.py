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
    assert "| geography |" in ev_stock["preview"].value
    assert ev_stock["preview"].value.splitlines()[0].endswith("| language |")
    assert "| en |" in ev_stock["preview"].value
