"""What the warehouse holds: its schemas, tables and row counts, and how to query it."""

from __future__ import annotations

import sys

from common.settings import warehouse_path

SHOWN_SCHEMAS = ("raw", "marts")


def table_counts() -> list[tuple[str, str, int]]:
    """(schema, table, rows) for the raw tables and marts of the warehouse."""
    import duckdb

    con = duckdb.connect(str(warehouse_path()), read_only=True)
    try:
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "where schema_name in (?, ?) order by schema_name, table_name",
            list(SHOWN_SCHEMAS),
        ).fetchall()
        return [
            (schema, table, con.sql(f'select count(*) from "{schema}"."{table}"').fetchall()[0][0])
            for schema, table in tables
        ]
    finally:
        con.close()


def print_status() -> int:
    path = warehouse_path()
    if not path.exists():
        print(f"qazauto: no warehouse at {path}; build it with `make run`.", file=sys.stderr)
        return 1
    print(f"Warehouse: {path}\n")
    for schema, table, rows in table_counts():
        print(f"  {schema}.{table:<28} {rows:>8,} rows")
    print(
        "\nQuery it (read-only while no run is writing):\n"
        f"  uv run python -c \"import duckdb; print(duckdb.connect('{path}', read_only=True)"
        ".sql('select * from marts.fct_ev_stock'))\"\n"
        f'  duckdb -readonly {path} "select * from marts.fct_plant_metric"   '
        "(DuckDB CLI: pip install duckdb-cli)"
    )
    return 0
