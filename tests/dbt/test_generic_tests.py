"""The project's own generic test: `not_null_columns` fails on an empty value and names it."""

import shutil

import duckdb

from tests.conftest import run_dbt


def test_not_null_columns_fails_on_an_empty_value_and_names_the_column(built_warehouse, tmp_path):
    database = tmp_path / "qazauto.duckdb"
    shutil.copy(built_warehouse, database)
    with duckdb.connect(str(database)) as con:
        con.execute(
            "update marts.fct_vehicle_output set evidence = null "
            "where fact_id = (select min(fact_id) from marts.fct_vehicle_output)"
        )
    run = run_dbt(
        "test",
        *("--select", "fct_vehicle_output,test_name:not_null_columns", "--store-failures"),
        *("--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")),
        database=database,
        check=False,
    )

    assert run.returncode == 1
    with duckdb.connect(str(database), read_only=True) as con:
        (schema, table), *_ = con.sql(
            "select schema_name, table_name from duckdb_tables() "
            "where table_name like 'not_null_columns%'"
        ).fetchall()
        assert con.sql(f'select * from "{schema}"."{table}"').fetchall() == [("evidence",)]
