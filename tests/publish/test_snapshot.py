import os
import shutil
import subprocess
import sys
import textwrap

import duckdb
import polars as pl

from publish.snapshot import publish

READER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    count = lambda: con.sql("select count(*) from marts.fct_ev_stock").fetchall()[0][0]
    print(count(), flush=True)
    sys.stdin.readline()          # the test publishes a new snapshot meanwhile
    print(count(), flush=True)
""")


def test_the_snapshot_holds_every_mart_with_docs_and_parquet(built_warehouse, tmp_path):
    publication = publish(built_warehouse, tmp_path / "published")
    con = duckdb.connect(str(publication.snapshot), read_only=True)
    tables = {row[0] for row in con.sql("select table_name from duckdb_tables()").fetchall()}
    assert {"fct_ev_stock", "fct_plant_metric", "dim_plant", "dim_date"} <= tables
    comment = con.sql(
        "select comment from duckdb_columns() "
        "where table_name = 'dim_plant' and column_name = 'plant_key'"
    ).fetchall()
    assert comment == [("operator|city, in lower case.",)]
    con.close()
    ev_stock = pl.read_parquet(tmp_path / "published" / "parquet" / "fct_ev_stock.parquet")
    assert sorted(ev_stock["value"].to_list()) == [1500, 3200, 9400]
    assert not list((tmp_path / "published").glob(".*.tmp"))


def test_a_reader_keeps_its_snapshot_while_a_new_one_is_published(built_warehouse, tmp_path):
    published = tmp_path / "published"
    snapshot = publish(built_warehouse, published).snapshot
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(snapshot)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout.readline().strip() == "3"

    changed = tmp_path / "changed.duckdb"
    shutil.copy(built_warehouse, changed)
    with duckdb.connect(str(changed)) as con:
        con.execute("delete from marts.fct_ev_stock where value < 2000")
    publish(changed, published)

    reader.stdin.write("\n")
    reader.stdin.flush()
    assert reader.stdout.readline().strip() == "3"  # the old file, still open, still whole
    assert reader.wait(timeout=30) == 0
    reader.stdin.close()
    reader.stdout.close()
    with duckdb.connect(str(snapshot), read_only=True) as fresh:
        assert fresh.sql("select count(*) from marts.fct_ev_stock").fetchall() == [(2,)]


OLD_CLIENT = textwrap.dedent("""
    import sys, duckdb
    assert duckdb.__version__.startswith("1."), duckdb.__version__
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.sql("select count(*) from marts.fct_ev_stock").fetchall()[0][0])
    print(con.sql("select comment from duckdb_columns() where table_name = 'dim_plant' "
                  "and column_name = 'plant_key'").fetchall()[0][0])
""")


def test_a_duckdb_1_client_in_its_own_environment_opens_the_snapshot(built_warehouse, tmp_path):
    """BI drivers bundle DuckDB 1.x: the snapshot must open with it, docs included."""
    snapshot = publish(built_warehouse, tmp_path / "published").snapshot
    client = subprocess.run(
        [
            "uv",
            "run",
            "--isolated",
            "--no-project",
            "--quiet",
            "--with",
            "duckdb==1.1.3",
            "python",
            "-c",
            OLD_CLIENT,
            str(snapshot),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "UV_PYTHON_DOWNLOADS": "never"},
    )
    assert client.returncode == 0, client.stderr[-2000:]
    assert client.stdout.split("\n")[:2] == ["3", "operator|city, in lower case."]
