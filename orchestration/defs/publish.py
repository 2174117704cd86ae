"""Publish: the snapshot readers and BI tools open, written only after the checks pass."""

import base64

import dagster as dg

from orchestration.defs.warehouse import warehouse_models
from orchestration.resources import WarehouseConfig
from publish.brief import write_brief
from publish.snapshot import publish

SERVED_KEYS = [key for key in warehouse_models.keys if key.path[0] in ("marts", "quality")]


@dg.asset(
    key=dg.AssetKey(["published", "warehouse_snapshot"]),
    deps=SERVED_KEYS,
    group_name="publish",
    kinds={"duckdb", "parquet"},
)
def published_snapshot(context: dg.AssetExecutionContext, warehouse: WarehouseConfig):
    """Copy the marts into `warehouse/published/qazauto.duckdb` (readable by DuckDB 1.x) and
    each mart into Parquet beside it, replacing the previous snapshot atomically. Blocking
    checks upstream keep the last good snapshot in place when the data is wrong."""
    publication = publish(warehouse.warehouse_path(), warehouse.published_path())
    context.log.info(f"published {publication.snapshot}")
    return dg.MaterializeResult(
        metadata={
            "snapshot": dg.MetadataValue.path(str(publication.snapshot)),
            "parquet_files": len(publication.parquet_files),
            "tables": dg.MetadataValue.json(publication.row_counts),
            "dagster/row_count": sum(publication.row_counts.values()),
        }
    )


@dg.asset(
    key=dg.AssetKey(["published", "industry_brief"]),
    deps=SERVED_KEYS,
    group_name="publish",
    kinds={"html", "matplotlib"},
)
def industry_brief(context: dg.AssetExecutionContext, warehouse: WarehouseConfig):
    """Charts (EV stock over time, output by year actual against projected, plant capacity)
    and `brief.html`: plants with coordinates, the latest figures with their source sentence
    and article, and the rejected files. Written beside the published snapshot."""
    brief = write_brief(warehouse.warehouse_path(), warehouse.published_path())
    images = "\n\n".join(
        f"![{name}](data:image/png;base64,{base64.b64encode(path.read_bytes()).decode()})"
        for name, path in brief.charts.items()
    )
    context.log.info(f"wrote {brief.page}")
    return dg.MaterializeResult(
        metadata={
            "brief": dg.MetadataValue.path(str(brief.page)),
            "charts": dg.MetadataValue.md(images),
            **{f"chart_{name}": dg.MetadataValue.path(str(p)) for name, p in brief.charts.items()},
        }
    )
