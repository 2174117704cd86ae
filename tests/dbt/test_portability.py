"""The dbt project is not tied to DuckDB: it parses for Postgres everywhere, and where a
Postgres server is at hand (CI installs one) it builds and tests there on the same raw data,
producing the same marts."""

import os

import duckdb
import pytest

from tests.conftest import run_dbt

# DuckDB's raw column types and their Postgres names.
POSTGRES_TYPES = {
    "VARCHAR": "text",
    "BIGINT": "bigint",
    "INTEGER": "integer",
    "DOUBLE": "double precision",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "BOOLEAN": "boolean",
}
SCHEMAS = ("raw", "reference", "staging", "intermediate", "marts", "quality")
# What each mart holds, compared engine to engine: its key and its figure.
COMPARED = {
    "fct_vehicle_output": "fact_id, value, has_conflict, is_latest_report",
    "fct_vehicle_sales": "fact_id, value, has_conflict, is_latest_report",
    "fct_ev_stock": "fact_id, value, period_end",
    "fct_plant_metric": "fact_id, plant_key, metric, value, has_conflict",
    "fct_production_start": "fact_id, plant_key, model, period_start",
    "fct_manufacturer_presence": "presence_id, company, country, relation",
    "dim_plant": "plant_key, plant_name, country, status",
    "dim_article": "article_id, fact_count",
}

# Marts the seed articles fill (they state no sales and no production start).
SEEDED_MARTS = {"fct_vehicle_output", "fct_ev_stock", "fct_plant_metric", "dim_plant"}


def postgres_settings() -> dict[str, str]:
    return {
        "host": os.environ.get("QAZAUTO_PG_HOST", "localhost"),
        "user": os.environ.get("QAZAUTO_PG_USER", "qazauto"),
        "password": os.environ.get("QAZAUTO_PG_PASSWORD", ""),
        "dbname": os.environ.get("QAZAUTO_PG_DBNAME", "qazauto"),
    }


def dbt(command: str, target_path, *args: str) -> None:
    run_dbt(command, "--target", "postgres", "--target-path", str(target_path), *args)


def test_the_project_parses_for_postgres(tmp_path):
    dbt("parse", tmp_path / "target")
    assert (tmp_path / "target" / "manifest.json").exists()


@pytest.fixture
def postgres():
    psycopg2 = pytest.importorskip("psycopg2")
    try:
        con = psycopg2.connect(connect_timeout=3, **postgres_settings())
    except psycopg2.OperationalError as error:
        pytest.skip(f"no Postgres server to build on ({error})")
    con.autocommit = True
    with con.cursor() as cur:
        for schema in SCHEMAS:
            cur.execute(f"drop schema if exists {schema} cascade")
    yield con
    con.close()


def copy_raw_tables(source, target) -> None:
    """The raw tables of a DuckDB warehouse, rows and all, into Postgres."""
    with duckdb.connect(str(source), read_only=True) as duck, target.cursor() as cur:
        cur.execute("create schema raw")
        tables = duck.sql(
            "select table_name from duckdb_tables() where schema_name = 'raw'"
        ).fetchall()
        for (table,) in tables:
            columns = duck.execute(
                "select column_name, data_type from duckdb_columns() "
                "where schema_name = 'raw' and table_name = ? order by column_index",
                [table],
            ).fetchall()
            definition = ", ".join(f'"{name}" {POSTGRES_TYPES[kind]}' for name, kind in columns)
            cur.execute(f"create table raw.{table} ({definition})")
            rows = duck.sql(f"select * from raw.{table}").fetchall()
            placeholders = ", ".join(["%s"] * len(columns))
            cur.executemany(f"insert into raw.{table} values ({placeholders})", rows)


def test_the_marts_are_the_same_on_postgres(built_warehouse, postgres, tmp_path):
    copy_raw_tables(built_warehouse, postgres)
    dbt("build", tmp_path / "target")  # seeds, models and every data test, on Postgres

    with duckdb.connect(str(built_warehouse), read_only=True) as duck, postgres.cursor() as cur:
        for mart, columns in COMPARED.items():
            query = f"select {columns} from marts.{mart} order by {columns}"
            cur.execute(query)
            on_postgres = [tuple(row) for row in cur.fetchall()]
            on_duckdb = duck.sql(query).fetchall()
            assert on_postgres == on_duckdb, mart
            assert on_duckdb or mart not in SEEDED_MARTS, f"{mart} is empty"
