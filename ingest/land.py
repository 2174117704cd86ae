"""Land extraction frames in the warehouse's `raw` schema, atomically, from Arrow data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ingest.pipeline import ExtractionResult

RAW_SCHEMA = "raw"
RAW_TABLES = ("articles", "rejected_files", "sentences", "fact_mentions", "entity_mentions")


@dataclass(frozen=True)
class Landing:
    run_id: str
    ingested_at: dt.datetime
    row_counts: dict[str, int]


def _frames(result: ExtractionResult) -> dict[str, pl.DataFrame]:
    return {
        "articles": result.articles,
        "rejected_files": result.rejections,
        "sentences": result.sentences,
        "fact_mentions": result.facts,
        "entity_mentions": result.entities,
    }


def connect(path: Path):  # -> duckdb.DuckDBPyConnection
    import duckdb

    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path))


def land(result: ExtractionResult, database: Path, run_id: str) -> Landing:
    """Replace the raw tables with this extraction in one transaction.

    Rows carry the run id and ingestion time. Data reaches DuckDB only as Arrow tables
    registered as views, never as SQL text; table names are this module's constants.
    """
    ingested_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    counts: dict[str, int] = {}
    con = connect(database)
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {RAW_SCHEMA}")
        for table, frame in _frames(result).items():
            stamped = frame.with_columns(
                pl.lit(run_id, dtype=pl.String).alias("run_id"),
                pl.lit(ingested_at, dtype=pl.Datetime("us")).alias("ingested_at"),
            )
            view = f"incoming_{table}"
            con.register(view, stamped.to_arrow())
            con.execute(f"CREATE OR REPLACE TABLE {RAW_SCHEMA}.{table} AS SELECT * FROM {view}")
            con.unregister(view)
            counts[table] = stamped.height
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    return Landing(run_id=run_id, ingested_at=ingested_at, row_counts=counts)
