"""The project's own generic test: `not_null_columns` fails on an empty value and names it."""

import os
import shutil
import subprocess
import sys

import duckdb

from tests.conftest import ROOT


def test_not_null_columns_fails_on_an_empty_value_and_names_the_column(built_warehouse, tmp_path):
    database = tmp_path / "qazauto.duckdb"
    shutil.copy(built_warehouse, database)
    with duckdb.connect(str(database)) as con:
        con.execute(
            "update marts.fct_vehicle_output set evidence = null "
            "where fact_id = (select min(fact_id) from marts.fct_vehicle_output)"
        )
    command = [sys.executable, "-m", "dbt.cli.main", "test", "--profiles-dir", ".", "--quiet"]
    command += ["--select", "fct_vehicle_output,test_name:not_null_columns", "--store-failures"]
    command += ["--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")]
    env = {**os.environ, "DO_NOT_TRACK": "1", "QAZAUTO_WAREHOUSE": str(database)}
    run = subprocess.run(command, cwd=ROOT / "dbt", env=env, capture_output=True, text=True)

    assert run.returncode == 1, run.stdout
    with duckdb.connect(str(database), read_only=True) as con:
        (schema, table), *_ = con.sql(
            "select schema_name, table_name from duckdb_tables() "
            "where table_name like 'not_null_columns%'"
        ).fetchall()
        assert con.sql(f'select * from "{schema}"."{table}"').fetchall() == [("evidence",)]
