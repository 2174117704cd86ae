"""Warehouse: the dbt project's seeds and models as assets, its tests as asset checks.

The models under `dbt/models/quality/` (coverage of each mart, the quarantine by reason) form
the `quality` group, beside the great-expectations checks on the marts.
"""

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets
from dagster_dbt.errors import DagsterDbtCliRuntimeError

from ingest.warehouse_lock import is_lock_error, wait_until_free
from orchestration.project import MANIFEST, dbt_project
from orchestration.resources import WRITER_POOL, WarehouseConfig


class WarehouseTranslator(DagsterDbtTranslator):
    """Keys as `schema/name` (marts/fct_ev_stock); sources keep `raw/<table>`."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        """The quality models form the `quality` group; everything else is `warehouse`."""
        return "quality" if dbt_resource_props.get("schema") == "quality" else "warehouse"


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
    wait_until_free(warehouse.warehouse_path())  # also exports the path dbt's profile reads
    try:
        yield from dbt.cli(["build"], context=context).stream()
    except DagsterDbtCliRuntimeError as error:
        if is_lock_error(error):
            raise dg.RetryRequested(max_retries=5, seconds_to_wait=10) from error
        raise
