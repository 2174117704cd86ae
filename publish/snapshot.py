"""Publish the marts for readers: a DuckDB file BI tools can open, and Parquet beside it.

The snapshot is written to a temporary file, synced, and renamed over the previous one, so a
reader never sees half a file: one that holds the old file open keeps reading it, and a new
connection opens the new one. It is written in a storage version that DuckDB 1.x (the versions
BI drivers bundle) can read.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from common.warehouse_lock import wait_until_free

SNAPSHOT_NAME = "qazauto.duckdb"
PARQUET_DIR = "parquet"
PUBLISHED_SCHEMAS = ("marts", "quality")
# Readable by DuckDB 1.0 and every later release.
STORAGE_VERSION = "v1.0.0"


@dataclass(frozen=True)
class Publication:
    snapshot: Path
    parquet_files: list[Path]
    row_counts: dict[str, int]


def _quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _replace(temporary: Path, final: Path) -> None:
    _fsync(temporary)
    os.replace(temporary, final)
    _fsync(final.parent)


def _tables(con) -> list[tuple[str, str, str | None]]:
    return con.execute(
        "select schema_name, table_name, comment from duckdb_tables() "
        "where database_name = 'source' and schema_name in (?, ?) "
        "order by schema_name, table_name",
        list(PUBLISHED_SCHEMAS),
    ).fetchall()


def _copy_comments(con, schema: str, table: str, comment: str | None) -> None:
    target = f"snapshot.{_quote_identifier(schema)}.{_quote_identifier(table)}"
    if comment:
        con.execute(f"comment on table {target} is {_quote_literal(comment)}")
    columns = con.execute(
        "select column_name, comment from duckdb_columns() where database_name = 'source' "
        "and schema_name = ? and table_name = ? and comment is not null",
        [schema, table],
    ).fetchall()
    for column, text in columns:
        con.execute(
            f"comment on column {target}.{_quote_identifier(column)} is {_quote_literal(text)}"
        )


def publish(warehouse: Path, published_dir: Path) -> Publication:
    """Copy the marts (and quality tables) of `warehouse` into the published snapshot."""
    import duckdb

    published_dir.mkdir(parents=True, exist_ok=True)
    parquet_dir = published_dir / PARQUET_DIR
    parquet_dir.mkdir(exist_ok=True)
    token = uuid.uuid4().hex
    temporary = published_dir / f".{SNAPSHOT_NAME}.{token}.tmp"
    staged_parquet: list[tuple[Path, Path]] = []
    counts: dict[str, int] = {}

    wait_until_free(warehouse)
    con = duckdb.connect()
    try:
        con.execute(f"attach {_quote_literal(str(warehouse))} as source (read_only)")
        con.execute(
            f"attach {_quote_literal(str(temporary))} as snapshot "
            f"(storage_version {_quote_literal(STORAGE_VERSION)})"
        )
        for schema in PUBLISHED_SCHEMAS:
            con.execute(f"create schema if not exists snapshot.{_quote_identifier(schema)}")
        for schema, table, comment in _tables(con):
            name = f"{_quote_identifier(schema)}.{_quote_identifier(table)}"
            source = f"source.{name}"
            con.execute(f"create table snapshot.{name} as select * from {source}")
            _copy_comments(con, schema, table, comment)
            counts[f"{schema}.{table}"] = con.execute(
                f"select count(*) from snapshot.{name}"
            ).fetchall()[0][0]
            if schema == "marts":
                staged = parquet_dir / f".{table}.{token}.tmp"
                con.execute(
                    f"copy (select * from {source}) to {_quote_literal(str(staged))} "
                    "(format parquet)"
                )
                staged_parquet.append((staged, parquet_dir / f"{table}.parquet"))
        con.execute("checkpoint snapshot")
        con.execute("detach snapshot")
    except Exception:
        for path in [temporary, *(staged for staged, _ in staged_parquet)]:
            path.unlink(missing_ok=True)
        raise
    finally:
        con.close()

    for staged, final in staged_parquet:
        _replace(staged, final)
    _replace(temporary, published_dir / SNAPSHOT_NAME)
    return Publication(
        snapshot=published_dir / SNAPSHOT_NAME,
        parquet_files=[final for _, final in staged_parquet],
        row_counts=counts,
    )
