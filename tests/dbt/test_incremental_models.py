"""The incremental models take in only what the article ledger says changed, and end up
holding exactly what a full rebuild would."""

import shutil

import duckdb
import pytest

from ingest.land.warehouse import ingest_folder
from tests.conftest import run_dbt

INCREMENTAL_MODELS = ("int_facts", "int_company_relations")
# Columns that record when a row was built, not what it says.
BUILD_STAMPS = {"ingested_at", "ledger_changed_at"}


def dbt_build(database, *args: str) -> None:
    """Seeds and models; the data tests run in the warehouse build tests."""
    run_dbt("build", "--exclude-resource-type", "test", *args, database=database)


def contents(database) -> dict[str, list[tuple]]:
    """Every intermediate and mart table, row by row, without its build stamps."""
    with duckdb.connect(str(database), read_only=True) as con:
        tables = con.sql(
            "select schema_name, table_name from duckdb_tables() "
            "where schema_name in ('intermediate', 'marts') order by all"
        ).fetchall()
        result = {}
        for schema, table in tables:
            columns = [
                name
                for (name,) in con.execute(
                    "select column_name from duckdb_columns() "
                    "where schema_name = ? and table_name = ? order by column_index",
                    [schema, table],
                ).fetchall()
                if name not in BUILD_STAMPS
            ]
            rows = con.sql(f"select {', '.join(columns)} from {schema}.{table}").fetchall()
            result[f"{schema}.{table}"] = sorted(rows, key=repr)
    return result


@pytest.fixture
def articles(tmp_path, seed_corpus):
    folder = tmp_path / "articles"
    shutil.copytree(seed_corpus, folder)
    (folder / "uz_output.txt").write_text(
        "Uzbekistan car output\n\nUzbekistan produced 250,000 cars in 2023. "
        "UzAuto Motors makes Chevrolet cars in Uzbekistan.\n",
        encoding="utf-8",
    )
    (folder / "kg_sales.txt").write_text(
        "Kyrgyz car market\n\nSome 9,000 new cars were sold in Kyrgyzstan in 2024.\n",
        encoding="utf-8",
    )
    return folder


def test_incremental_build_equals_a_full_rebuild(manifest, articles, tmp_path):
    database = tmp_path / "qazauto.duckdb"
    ingest_folder(articles, database, run_id="first")
    dbt_build(database)

    # A new article, a changed one, a removed one, and one whose new text has no facts.
    (articles / "kz_ev.txt").write_text(
        "EVs in Kazakhstan\n\nAs of 1 January 2025, 9,400 electric cars were registered "
        "in Kazakhstan.\n",
        encoding="utf-8",
    )
    (articles / "uz_output.txt").write_text(
        "Uzbekistan car output\n\nUzbekistan produced 260,000 cars in 2023.\n", encoding="utf-8"
    )
    (articles / "kia_second_report.txt").unlink()
    (articles / "kg_sales.txt").write_text("Kyrgyz car market\n\nA quiet year.\n")
    landing = ingest_folder(articles, database, run_id="second")
    assert len(landing.new) == 1 and len(landing.changed) == 2 and len(landing.retired) == 1

    dbt_build(database, "--select", *INCREMENTAL_MODELS)
    with duckdb.connect(str(database), read_only=True) as con:
        values = dict(
            con.sql(
                "select article_id, list(value order by value) from intermediate.int_facts "
                "where fact_type in ('vehicle_output', 'vehicle_sales', 'ev_stock') group by 1"
            ).fetchall()
        )
    assert values["uz_output"] == [260_000]  # replaced, not added beside the old figure
    assert values["kz_ev"] == [9_400]
    assert "kg_sales" not in values  # its facts left with its text
    dbt_build(database)
    incremental = contents(database)

    dbt_build(database, "--full-refresh")
    assert contents(database) == incremental
    assert incremental["intermediate.int_facts"]
