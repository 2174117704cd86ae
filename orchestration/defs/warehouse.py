"""Warehouse: the dbt project's seeds and models as assets, its tests as asset checks.

The models under `dbt/models/quality/` (coverage of each mart, the quarantine by reason) form
the `quality` group, beside the great-expectations checks on the marts.
"""

import time
from collections.abc import Iterator, Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets
from dagster_dbt.errors import DagsterDbtCliRuntimeError

from common.warehouse_lock import is_lock_error, wait_until_free
from ingest.land.ledger import LEDGER_TABLE
from ingest.land.warehouse import RAW_SCHEMA
from orchestration.project import MANIFEST, dbt_project
from orchestration.resources import WRITER_POOL, WarehouseConfig
from orchestration.table_metadata import column_schema, table

LANDING = dg.AssetKey([RAW_SCHEMA, LEDGER_TABLE])


class WarehouseTranslator(DagsterDbtTranslator):
    """Keys as `schema/name` (marts/fct_ev_stock); sources keep `raw/<table>`."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        """The quality models form the `quality` group; everything else is `warehouse`."""
        return "quality" if dbt_resource_props.get("schema") == "quality" else "warehouse"

    def get_asset_spec(
        self, manifest: Mapping[str, Any], unique_id: str, project: Any
    ) -> dg.AssetSpec:
        """Nodes without parents (the reference seeds, the date spine) follow the landing too.

        Otherwise a backfill launched from the UI ("Materialize all") starts them beside the
        ingest run and splits the dbt project over several runs, and a relationship test
        between a model of one run and a model of the next fails on a fresh warehouse."""
        spec = super().get_asset_spec(manifest, unique_id, project)
        node = manifest["nodes"].get(unique_id, {})
        if node.get("resource_type") in ("seed", "model") and not node.get("depends_on", {}).get(
            "nodes"
        ):
            spec = spec.merge_attributes(deps=[LANDING])
        return spec


@dbt_assets(
    manifest=MANIFEST,
    project=dbt_project,
    dagster_dbt_translator=WarehouseTranslator(),
    pool=WRITER_POOL,
)
def warehouse_models(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseConfig
):
    """Seeds, staging, intermediate and mart models, built and tested with one `dbt build`.

    Another process holding the DuckDB file (a BI tool writing, a second pipeline) makes the
    step wait for it, and a lock error that slips through retries the step."""
    database = warehouse.warehouse_path()
    wait_until_free(database)  # also exports the path dbt's profile reads
    events, failure = [], None
    started = time.perf_counter()
    try:
        events.extend(dbt.cli(["build"], context=context).stream())
    except DagsterDbtCliRuntimeError as error:
        if is_lock_error(error):
            raise dg.RetryRequested(max_retries=5, seconds_to_wait=10) from error
        failure = error
    context.log.info(f"dbt build: {time.perf_counter() - started:.1f} s, {len(events)} events")
    # The marts can be read only once dbt has let go of the file.
    started = time.perf_counter()
    yield from with_mart_metadata(events, database)
    context.log.info(f"events and mart metadata recorded in {time.perf_counter() - started:.1f} s")
    if failure is not None:
        raise failure


PREVIEW_ROWS = 10


def _mart_metadata(con, table_name: str) -> dict[str, object]:
    types = dict(
        con.execute(
            "select column_name, lower(data_type) from duckdb_columns() "
            "where schema_name = 'marts' and table_name = ? order by column_index",
            [table_name],
        ).fetchall()
    )
    columns = list(types)
    metadata: dict[str, object] = {
        "dagster/row_count": con.sql(f"select count(*) from marts.{table_name}").fetchall()[0][0],
        "dagster/column_schema": column_schema(types),
    }
    period = next((c for c in ("period_end", "period_start") if c in columns), None)
    if period:
        newest = con.sql(f"select max({period}) from marts.{table_name}").fetchall()[0][0]
        metadata["newest_period"] = str(newest) if newest else "none"
    # Each figure's language is shown beside it, whatever column it comes at.
    language = ["language"] if "language" in columns else []
    hidden = ("evidence", "fact_id", "presence_id", "language")
    shown = [c for c in columns if c not in hidden][: 9 - len(language)] + language
    rows = con.sql(
        f"select {', '.join(shown)} from marts.{table_name} limit {PREVIEW_ROWS}"
    ).fetchall()
    metadata["preview"] = table({c: types[c] for c in shown}, rows)
    return metadata


def with_mart_metadata(events: list, database) -> Iterator:
    """The dbt events, mart materialisations carrying row count, newest period and a preview."""
    from common.warehouse_lock import connect_when_free

    con = connect_when_free(database, read_only=True)
    try:
        for event in events:
            key = getattr(event, "asset_key", None) or getattr(event, "output_name", None)
            path = key.path if isinstance(key, dg.AssetKey) else None
            if isinstance(event, dg.Output) and path is None:
                path = event.output_name.split("__")
            if isinstance(event, dg.Output) and path and path[0] == "marts":
                event = event.with_metadata({**event.metadata, **_mart_metadata(con, path[-1])})
            yield event
    finally:
        con.close()
