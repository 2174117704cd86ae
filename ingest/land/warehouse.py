"""Land articles in the warehouse's `raw` schema incrementally, guided by a ledger.

The ledger (`raw.article_ledger`) remembers every file by path: its size, modification time,
content hash, status and the extractor version that read it. A run reads only files that are
new or changed; an unchanged file costs no reading and no extraction. A changed file replaces
its old rows; a removed file has its article marked retired (its facts stay, flagged); the same
text under a second name is recorded as a duplicate of the first. Everything a run changes is
written in one transaction, from Arrow data: a crash leaves the previous state whole.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from common.settings import extract_seconds_per_file, extract_workers
from common.warehouse_lock import connect_when_free
from ingest.land.extractor_version import extractor_version
from ingest.land.ledger import LEDGER_SCHEMA, LEDGER_TABLE, plan_reads
from ingest.land.parallel import Extractors
from ingest.read.reader import (
    REJECTION_SCHEMA,
    ReadOutcome,
    ReadResult,
    frames,
    max_file_bytes,
    read_all,
)
from ingest.tables.frames import (
    FACT_SCHEMA,
    has_language_pack,
    language_warnings,
    quarantine_overruns,
)

RAW_SCHEMA = "raw"
RAW_TABLES = ("articles", "rejected_files", "sentences", "fact_mentions", "entity_mentions")
ARTICLE_TABLES = ("articles", "sentences", "fact_mentions", "entity_mentions")
# Files read, extracted and landed together: the memory of a run does not grow with the folder.
BATCH_FILES = 5000


@dataclass
class Landing:
    """What one run did, file by file."""

    run_id: str
    ingested_at: dt.datetime
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    row_counts: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    rejections: pl.DataFrame | None = None
    facts: pl.DataFrame | None = None
    # Wall time of each stage: read (find, stat, decode), extract, land (write and commit).
    seconds: dict[str, float] = field(default_factory=dict)
    # What a person should hear about without the run failing: sources.csv rows that match no
    # file, articles in a language no pack reads.
    warnings: list[str] = field(default_factory=list)


def connect(path: Path):  # -> duckdb.DuckDBPyConnection
    """A write connection to the warehouse, once no other process holds it."""
    return connect_when_free(path)


def _table_columns(con, table: str) -> list[str]:
    return [
        row[0]
        for row in con.execute(
            "select column_name from duckdb_columns() where schema_name = ? and table_name = ? "
            "order by column_index",
            [RAW_SCHEMA, table],
        ).fetchall()
    ]


def _ensure_tables(con, empty: dict[str, pl.DataFrame]) -> bool:
    """Create the raw tables; rebuild them all when their columns changed. True if rebuilt."""
    con.execute(f"create schema if not exists {RAW_SCHEMA}")
    rebuilt = False
    existing = {name: _table_columns(con, name) for name in empty}
    if any(columns and columns != list(empty[name].columns) for name, columns in existing.items()):
        for name in empty:
            con.execute(f"drop table if exists {RAW_SCHEMA}.{name}")
        existing = {name: [] for name in empty}
        rebuilt = True
    for name, frame in empty.items():
        if not existing[name]:
            con.register("empty_frame", frame.to_arrow())
            con.execute(f"create table {RAW_SCHEMA}.{name} as select * from empty_frame")
            con.unregister("empty_frame")
    return rebuilt


def _stamp(frame: pl.DataFrame, run_id: str, ingested_at: dt.datetime) -> pl.DataFrame:
    return frame.with_columns(
        pl.lit(run_id, dtype=pl.String).alias("run_id"),
        pl.lit(ingested_at, dtype=pl.Datetime("us")).alias("ingested_at"),
    )


def raw_table_schemas() -> dict[str, pl.Schema]:
    """The columns and types of every table landed in the raw schema, the ledger included."""
    return {table: frame.schema for table, frame in _empty_frames().items()}


def _empty_frames() -> dict[str, pl.DataFrame]:
    from ingest.read.reader import ARTICLE_SCHEMA
    from ingest.tables.frames import ENTITY_SCHEMA, FACT_SCHEMA, SENTENCE_SCHEMA

    stamp = {"run_id": pl.String(), "ingested_at": pl.Datetime("us")}
    return {
        "articles": pl.DataFrame(
            schema={
                **ARTICLE_SCHEMA,
                **stamp,
                "retired_at": pl.Datetime("us"),
                "has_language_pack": pl.Boolean,
            }
        ),
        "rejected_files": pl.DataFrame(schema={**REJECTION_SCHEMA, **stamp}),
        "sentences": pl.DataFrame(schema={**SENTENCE_SCHEMA, **stamp}),
        "fact_mentions": pl.DataFrame(schema={**FACT_SCHEMA, **stamp}),
        "entity_mentions": pl.DataFrame(schema={**ENTITY_SCHEMA, **stamp}),
        LEDGER_TABLE: pl.DataFrame(schema=LEDGER_SCHEMA),
    }


def _delete_where_in(con, table: str, column: str, values: list[str]) -> None:
    if not values:
        return
    con.register("doomed", pl.DataFrame({"value": values}, schema={"value": pl.String}).to_arrow())
    con.execute(f"delete from {RAW_SCHEMA}.{table} where {column} in (select value from doomed)")
    con.unregister("doomed")


def _insert(con, table: str, frame: pl.DataFrame) -> None:
    if frame.height == 0:
        return
    con.register("incoming", frame.to_arrow())
    con.execute(f"insert into {RAW_SCHEMA}.{table} by name select * from incoming")
    con.unregister("incoming")


def ingest_folder(
    folder: Path,
    database: Path,
    run_id: str,
    limit: int | None = None,
    only: set[str] | None = None,
    workers: int | None = None,
) -> Landing:
    """Bring the raw tables of `database` up to date with the articles in `folder`.

    `only` restricts the run to those files (names relative to `folder`); files that left the
    folder are retired only by a run that looks at the whole folder. `workers` caps the
    processes that extract a large batch (default: `QAZAUTO_EXTRACT_WORKERS`, one per core)."""
    folder = folder.absolute()  # the ledger knows files by absolute path
    limit = max_file_bytes() if limit is None else limit
    workers = extract_workers() if workers is None else workers
    clock = time.perf_counter()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    version = extractor_version()
    landing = Landing(run_id=run_id, ingested_at=now)
    con = connect(database)
    try:
        con.execute("begin transaction")
        if _ensure_tables(con, _empty_frames()):
            con.execute(f"delete from {RAW_SCHEMA}.{LEDGER_TABLE}")
        plan = plan_reads(
            con.sql(f"select * from {RAW_SCHEMA}.{LEDGER_TABLE}").pl(), folder, only, version
        )
        landing.unchanged.extend(plan.unchanged)
        landing.warnings.extend(plan.warnings)
        ledger, known, to_read = plan.rows, plan.known, plan.to_read
        ledger_rows: list[dict] = []
        facts_seen: list[pl.DataFrame] = []
        languages_seen: list[pl.DataFrame] = []
        rejections_seen: list[pl.DataFrame] = []
        landing.seconds = {"read": time.perf_counter() - clock, "extract": 0.0, "land": 0.0}
        # Batches bound the memory a large folder needs; they share the run's transaction.
        with Extractors(workers, seconds_per_file=extract_seconds_per_file()) as extractors:
            for offset in range(0, len(to_read), BATCH_FILES):
                clock = time.perf_counter()
                outcomes = read_all(to_read[offset : offset + BATCH_FILES], limit)
                for outcome in outcomes:
                    previous = ledger.get(str(outcome.candidate.path))
                    if outcome.pending and previous is not None and previous["status"] == "active":
                        known.setdefault(previous["content_sha256"], previous["article_id"])
                batch = _classify(outcomes, ledger, known, version, now, run_id, landing)
                ledger_rows.extend(batch.ledger_rows)
                read = frames(batch.to_extract + batch.kept)
                landing.seconds["read"] += time.perf_counter() - clock

                clock = time.perf_counter()
                sentences, facts, entities, overruns = extractors.extract(read.articles)
                landing.seconds["extract"] += time.perf_counter() - clock
                if not overruns.is_empty():
                    read = _quarantine_overruns(read, overruns, batch, known, landing)
                landing.warnings.extend(language_warnings(read.articles))

                clock = time.perf_counter()
                stamped = {
                    "articles": _stamp(read.articles, run_id, now).with_columns(
                        pl.lit(None, dtype=pl.Datetime("us")).alias("retired_at"),
                        has_language_pack().alias("has_language_pack"),
                    ),
                    "rejected_files": _stamp(read.rejections, run_id, now),
                    "sentences": _stamp(sentences, run_id, now),
                    "fact_mentions": _stamp(facts, run_id, now),
                    "entity_mentions": _stamp(entities, run_id, now),
                }
                landed_ids = read.articles["article_id"].to_list()
                doomed = sorted(set(batch.replaced_ids) | set(landed_ids))
                for table in ARTICLE_TABLES:
                    _delete_where_in(con, table, "article_id", doomed)
                reread = sorted(str(o.candidate.path) for o in outcomes if not o.pending)
                _delete_where_in(con, "rejected_files", "file_path", reread)
                for table, frame in stamped.items():
                    _insert(con, table, frame)
                    landing.row_counts[table] = landing.row_counts.get(table, 0) + frame.height
                facts_seen.append(facts)
                if "language" in read.articles.columns:
                    languages_seen.append(read.articles.select("article_id", "language"))
                rejections_seen.append(read.rejections)
                landing.seconds["land"] += time.perf_counter() - clock

        clock = time.perf_counter()
        for path in plan.gone:
            landing.retired.append(path)
            ledger_rows.append(
                {**ledger[path], "status": "retired", "changed_at": now, "run_id": run_id}
            )
        _delete_where_in(con, "rejected_files", "file_path", sorted(landing.retired))
        retired_ids = [
            ledger[path]["article_id"]
            for path in landing.retired
            if ledger[path]["status"] == "active"
        ]
        if retired_ids:
            con.register("retiring", pl.DataFrame({"article_id": retired_ids}).to_arrow())
            con.execute(
                f"update {RAW_SCHEMA}.articles set retired_at = ? "
                "where article_id in (select article_id from retiring) and retired_at is null",
                [now],
            )
            con.unregister("retiring")
        touched = [row["file_path"] for row in ledger_rows]
        _delete_where_in(con, LEDGER_TABLE, "file_path", touched)
        _insert(con, LEDGER_TABLE, pl.DataFrame(ledger_rows, schema=LEDGER_SCHEMA))
        landing.totals = {
            table: con.execute(f"select count(*) from {RAW_SCHEMA}.{table}").fetchall()[0][0]
            for table in (*RAW_TABLES, LEDGER_TABLE)
        }
        con.execute("commit")
        landing.seconds["land"] += time.perf_counter() - clock
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.close()
    for table in RAW_TABLES:
        landing.row_counts.setdefault(table, 0)
    landing.rejections = pl.concat([pl.DataFrame(schema=REJECTION_SCHEMA), *rejections_seen])
    languages = pl.concat(
        [pl.DataFrame(schema={"article_id": pl.String, "language": pl.String}), *languages_seen]
    )
    # The facts of this run, each with its article's language (the run's page shows both).
    landing.facts = pl.concat([pl.DataFrame(schema=FACT_SCHEMA), *facts_seen]).join(
        languages.unique("article_id"), on="article_id", how="left"
    )
    return landing


@dataclass
class _Batch:
    to_extract: list[ReadOutcome] = field(default_factory=list)
    kept: list[ReadOutcome] = field(default_factory=list)
    ledger_rows: list[dict] = field(default_factory=list)
    replaced_ids: list[str] = field(default_factory=list)


def _classify(
    outcomes: list[ReadOutcome],
    ledger: dict[str, dict],
    known: dict[str, str],
    version: str,
    now: dt.datetime,
    run_id: str,
    landing: Landing,
) -> _Batch:
    """What becomes of each file read: extracted (new or changed), kept as a rejection or a
    duplicate, unchanged (same text), or pending (it changed while being read)."""
    batch = _Batch()
    for outcome in outcomes:
        path = str(outcome.candidate.path)
        if outcome.pending:
            landing.pending.append(path)
            continue
        previous = ledger.get(path)
        if previous is not None and previous["status"] == "active":
            batch.replaced_ids.append(previous["article_id"])
        entry = _ledger_row(outcome, previous, version, now, run_id)
        if outcome.rejection is not None:
            landing.rejected.append(path)
            batch.kept.append(outcome)
        else:
            article = outcome.article
            assert article is not None, "a file read without rejection has its article"
            first = known.get(article["content_sha256"])
            if first is not None and first != article["article_id"]:
                entry.update(status="duplicate", duplicate_of=first)
                landing.duplicates.append(path)
                batch.kept.append(_as_duplicate(outcome, first))
            else:
                known[article["content_sha256"]] = article["article_id"]
                unchanged_text = (
                    previous is not None
                    and previous["status"] == "active"
                    and previous["content_sha256"] == article["content_sha256"]
                    and previous["extractor_version"] == version
                )
                if previous is not None and unchanged_text:
                    batch.replaced_ids.remove(previous["article_id"])
                    landing.unchanged.append(path)
                else:
                    (landing.changed if previous else landing.new).append(path)
                    batch.to_extract.append(outcome)
        batch.ledger_rows.append(entry)
    return batch


def _quarantine_overruns(
    read: ReadResult,
    overruns: pl.DataFrame,
    batch: _Batch,
    known: dict[str, str],
    landing: Landing,
) -> ReadResult:
    """Files whose extraction overran the budget become rejections; the rest land as usual."""
    articles, rejections = quarantine_overruns(read.articles, read.rejections, overruns)
    over = set(overruns["article_id"].to_list())
    paths = set()
    for entry in batch.ledger_rows:
        if entry["article_id"] in over and entry["status"] == "active":
            entry["status"] = "rejected"
            known.pop(entry["content_sha256"], None)
            paths.add(entry["file_path"])
    landing.new = [path for path in landing.new if path not in paths]
    landing.changed = [path for path in landing.changed if path not in paths]
    landing.rejected.extend(sorted(paths))
    return ReadResult(articles, rejections, read.pending, read.warnings)


def _ledger_row(
    outcome: ReadOutcome, previous: dict | None, version: str, now: dt.datetime, run_id: str
) -> dict:
    article = outcome.article or {}
    state = outcome.state
    return {
        "file_path": str(outcome.candidate.path),
        "article_id": outcome.candidate.path.stem,
        "content_sha256": article.get("content_sha256"),
        "size_bytes": state.size if state else None,
        "mtime_ns": state.mtime_ns if state else None,
        "status": "rejected" if outcome.rejection is not None else "active",
        "duplicate_of": None,
        "extractor_version": version,
        "first_seen_at": previous["first_seen_at"] if previous else now,
        "last_seen_at": now,
        "changed_at": now,
        "run_id": run_id,
    }


def _as_duplicate(outcome: ReadOutcome, first: str) -> ReadOutcome:
    path = outcome.candidate.path
    rejection = {
        "article_id": path.stem,
        "file_path": str(path),
        "reason": "duplicate_content",
        "message": f"The file has the same text as article {first}; its facts are that article's.",
        "size_bytes": outcome.state.size if outcome.state else None,
    }
    return ReadOutcome(outcome.candidate, outcome.state, rejection=rejection)
