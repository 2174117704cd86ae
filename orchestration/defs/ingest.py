"""Ingest: read and extract the articles folder, land the raw tables in one transaction."""

import dagster as dg

from ingest.land import RAW_SCHEMA, RAW_TABLES, land
from ingest.pipeline import extract_paths
from orchestration.resources import WRITER_POOL, WarehouseConfig

RAW_DESCRIPTIONS = {
    "articles": "Articles read from the articles folder, with their stored text.",
    "rejected_files": "Files that are not articles, with the reason (quarantine).",
    "sentences": "Sentences of every article, with offsets.",
    "fact_mentions": "Facts the extractor read, each with its evidence span.",
    "entity_mentions": "Companies, places, models and plants the articles name.",
}
PREVIEW_COLUMNS = [
    "article_id",
    "fact_type",
    "subject",
    "period",
    "value",
    "unit",
    "qualifier",
    "status",
]


def _preview(frame, columns: list[str], rows: int = 15) -> dg.MetadataValue:
    table = frame.select(columns).head(rows)
    header = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    body = "".join(
        "| " + " | ".join("" if v is None else str(v) for v in row) + " |\n"
        for row in table.iter_rows()
    )
    return dg.MetadataValue.md(header + body)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            dg.AssetKey([RAW_SCHEMA, table]),
            description=RAW_DESCRIPTIONS[table],
            group_name="ingest",
            kinds={"python", "polars", "duckdb"},
        )
        for table in RAW_TABLES
    ],
    pool=WRITER_POOL,
)
def raw_extracts(context: dg.AssetExecutionContext, warehouse: WarehouseConfig):
    """Read every article file, extract its facts and land the five raw tables atomically."""
    articles_dir = warehouse.articles_path()
    result = extract_paths([articles_dir])
    landing = land(result, warehouse.warehouse_path(), context.run.run_id)
    for row in result.rejections.iter_rows(named=True):
        context.log.warning(f"rejected {row['file_path']}: {row['reason']}: {row['message']}")
    for table in RAW_TABLES:
        metadata: dict[str, object] = {
            "dagster/row_count": landing.row_counts[table],
            "articles_dir": str(articles_dir),
        }
        if table == "fact_mentions":
            metadata["preview"] = _preview(result.facts, PREVIEW_COLUMNS)
        if table == "rejected_files":
            metadata["rejected_files"] = result.rejections.height
            if result.rejections.height:
                metadata["preview"] = _preview(
                    result.rejections, ["file_path", "reason", "message"]
                )
        yield dg.MaterializeResult(asset_key=dg.AssetKey([RAW_SCHEMA, table]), metadata=metadata)
