"""Ingest: read and extract the articles folder, land the raw tables in one transaction."""

import dagster as dg

from ingest.extract.contract import SUMMARY_COLUMNS
from ingest.land.ledger import LEDGER_TABLE
from ingest.land.warehouse import RAW_SCHEMA, RAW_TABLES, ingest_folder
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


def _preview(frame, columns: list[str], rows: int = 15) -> dg.MetadataValue:
    table = frame.select(columns).head(rows)
    header = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    body = "".join(
        "| " + " | ".join("" if v is None else str(v) for v in row) + " |\n"
        for row in table.iter_rows()
    )
    return dg.MetadataValue.md(header + body)


FILE_TABLE_ROWS = 200


def _file_table(landing) -> dg.MetadataValue:
    """What this run did with each file it looked at (new, changed, retired, ...)."""
    outcomes = [
        (outcome, path)
        for outcome in ("new", "changed", "retired", "duplicates", "rejected", "pending")
        for path in getattr(landing, outcome)
    ]
    lines = ["| file | outcome |", "|---|---|"]
    lines += [
        f"| {path.rsplit('/', 1)[-1]} | {outcome} |" for outcome, path in outcomes[:FILE_TABLE_ROWS]
    ]
    if len(outcomes) > FILE_TABLE_ROWS:
        lines.append(f"| ... {len(outcomes) - FILE_TABLE_ROWS} more | |")
    lines.append(f"| ({len(landing.unchanged)} unchanged files, not read) | unchanged |")
    return dg.MetadataValue.md("\n".join(lines))


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            dg.AssetKey([RAW_SCHEMA, table]),
            description=RAW_DESCRIPTIONS[table],
            group_name="ingest",
            kinds={"python", "polars", "duckdb"},
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
            metadata["preview"] = _preview(landing.facts, PREVIEW_COLUMNS)
        if table == "rejected_files":
            metadata["rejected_files"] = landing.totals[table]
            if landing.rejections.height:
                metadata["preview"] = _preview(
                    landing.rejections, ["file_path", "reason", "message"]
                )
        yield dg.MaterializeResult(asset_key=dg.AssetKey([RAW_SCHEMA, table]), metadata=metadata)
