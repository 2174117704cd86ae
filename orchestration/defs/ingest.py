"""Ingest: read and extract the articles folder, land the raw tables in one transaction."""

import dagster as dg

from ingest.extract.contract import SUMMARY_COLUMNS
from ingest.land.ledger import LEDGER_TABLE
from ingest.land.warehouse import RAW_SCHEMA, RAW_TABLES, ingest_folder, raw_table_schemas
from orchestration import table_metadata
from orchestration.partitions import ARTICLE_FILES
from orchestration.resources import WRITER_POOL, WarehouseConfig

RAW_DESCRIPTIONS = {
    "articles": "Articles read from the articles folder, with their stored text.",
    "rejected_files": "Files that are not articles, with the reason (quarantine).",
    "sentences": "Sentences of every article, with offsets.",
    "fact_mentions": "Facts the extractor read, each with its evidence span.",
    "entity_mentions": "Companies, places, models and plants the articles name.",
    LEDGER_TABLE: "Every file seen, by path: size, time, content hash, status (active, "
    "duplicate, rejected, retired) and the extractor version that read it.",
}
LANDED_TABLES = (*RAW_TABLES, LEDGER_TABLE)
PREVIEW_COLUMNS = [*SUMMARY_COLUMNS, "language"]
RAW_TABLE_SCHEMAS = raw_table_schemas()


FILE_TABLE_ROWS = 200
FILE_TABLE_SCHEMA = {"file": "string", "outcome": "string"}


def _file_table(landing) -> dg.TableMetadataValue:
    """What this run did with each file it looked at (new, changed, retired, ...)."""
    outcomes = [
        (path.rsplit("/", 1)[-1], outcome)
        for outcome in ("new", "changed", "retired", "duplicates", "rejected", "pending")
        for path in getattr(landing, outcome)
    ]
    rows = outcomes[:FILE_TABLE_ROWS]
    if len(outcomes) > FILE_TABLE_ROWS:
        rows.append((f"... {len(outcomes) - FILE_TABLE_ROWS} more", None))
    rows.append((f"({len(landing.unchanged)} unchanged files, not read)", "unchanged"))
    return table_metadata.table(FILE_TABLE_SCHEMA, rows)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            dg.AssetKey([RAW_SCHEMA, table]),
            description=RAW_DESCRIPTIONS[table],
            group_name="ingest",
            kinds={"python", "polars", "duckdb"},
            metadata={
                "dagster/column_schema": table_metadata.column_schema(RAW_TABLE_SCHEMAS[table])
            },
        )
        for table in LANDED_TABLES
    ],
    pool=WRITER_POOL,
    partitions_def=ARTICLE_FILES,
    backfill_policy=dg.BackfillPolicy.single_run(),
)
def raw_extracts(context: dg.AssetExecutionContext, warehouse: WarehouseConfig):
    """Read the article files of this run's partitions (one partition per file), extract their
    facts and update the raw tables and the article ledger in one transaction. Unchanged files
    are not read again; a run over every partition also retires files that left the folder."""
    articles_dir = warehouse.articles_path()
    landing = ingest_folder(
        articles_dir,
        warehouse.warehouse_path(),
        context.run.run_id,
        only=set(context.partition_keys),
    )
    for row in landing.rejections.iter_rows(named=True):
        context.log.warning(f"rejected {row['file_path']}: {row['reason']}: {row['message']}")
    for warning in landing.warnings:
        context.log.warning(warning)
    for path in landing.pending:
        context.log.warning(f"{path} is still being written; it will be read on the next run")
    files = {
        "new": len(landing.new),
        "changed": len(landing.changed),
        "unchanged": len(landing.unchanged),
        "retired": len(landing.retired),
        "duplicates": len(landing.duplicates),
        "rejected": len(landing.rejected),
        "pending": len(landing.pending),
    }
    context.log.info(f"articles folder {articles_dir}: {files}")
    seconds = {stage: round(value, 2) for stage, value in landing.seconds.items()}
    context.log.info(f"seconds per stage: {seconds}")
    for table in LANDED_TABLES:
        metadata: dict[str, object] = {
            "dagster/row_count": landing.totals[table],
            "rows_written_this_run": landing.row_counts.get(table, 0),
            "articles_dir": str(articles_dir),
            "files": dg.MetadataValue.json(files),
            "seconds": dg.MetadataValue.json(seconds),
        }
        if table == "articles":
            metadata["files_this_run"] = _file_table(landing)
        if table == "fact_mentions" and landing.facts.height:
            metadata["preview"] = table_metadata.frame_preview(landing.facts, PREVIEW_COLUMNS)
        if table == "rejected_files":
            metadata["rejected_files"] = landing.totals[table]
            if landing.rejections.height:
                metadata["preview"] = table_metadata.frame_preview(
                    landing.rejections, ["file_path", "reason", "message"]
                )
        yield dg.MaterializeResult(asset_key=dg.AssetKey([RAW_SCHEMA, table]), metadata=metadata)
