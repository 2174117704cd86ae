"""Resources: where the articles are and which warehouse file runs write to."""

from __future__ import annotations

import os
import sys
from functools import cached_property
from importlib import metadata
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource

from common import settings
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


class WarehouseDbt(DbtCliResource):
    """The dbt CLI of this environment, without two start-up costs of its base class.

    The base class asks a `dbt --version` subprocess for the version (a whole dbt start,
    about 4 s here) and opens a dbt adapter in the run's process (about 2 s) that only serves
    fetching column metadata, which these assets do not do (they read the marts themselves).
    dbt-core is a locked dependency of this environment, so its version is the package's."""

    @cached_property
    def _cli_version(self):  # -> packaging.version.Version
        from packaging import version

        return version.parse(metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args: list[str]) -> None:
        return None


def dbt_executable() -> str:
    """The dbt of this environment (beside its Python), whether or not it is on PATH."""
    beside = Path(sys.executable).with_name("dbt")
    return str(beside) if beside.exists() else "dbt"


def build_resources() -> dict[str, object]:
    return {
        "warehouse": WarehouseConfig(),
        "dbt": WarehouseDbt(project_dir=dbt_project, dbt_executable=dbt_executable()),
    }
