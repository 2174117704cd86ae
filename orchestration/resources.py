"""Resources: where the articles are and which warehouse file runs write to."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource

from ingest import settings
from orchestration.project import dbt_project

# Every step that writes the DuckDB file is in this pool; `dagster.yaml` gives it one slot.
WRITER_POOL = "duckdb_writer"


class WarehouseConfig(dg.ConfigurableResource):
    """Paths a run reads and writes; defaults come from QAZAUTO_ARTICLES_DIR,
    QAZAUTO_WAREHOUSE and QAZAUTO_PUBLISHED_DIR."""

    articles_dir: str = ""
    warehouse: str = ""
    published_dir: str = ""

    def articles_path(self) -> Path:
        return Path(self.articles_dir) if self.articles_dir else settings.articles_dir()

    def published_path(self) -> Path:
        return Path(self.published_dir) if self.published_dir else settings.published_dir()

    def warehouse_path(self) -> Path:
        path = Path(self.warehouse) if self.warehouse else settings.warehouse_path()
        # dbt reads the same variable: give it the absolute path this run uses.
        os.environ[settings.WAREHOUSE_ENV] = str(path.resolve())
        return path.resolve()


def build_resources() -> dict[str, object]:
    return {
        "warehouse": WarehouseConfig(),
        "dbt": DbtCliResource(project_dir=dbt_project),
    }
