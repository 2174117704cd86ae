"""The dbt project, whose manifest is prepared at build time (`make manifest`), not on load."""

from pathlib import Path

from dagster_dbt import DbtProject

from common.settings import PROJECT_ROOT

DBT_DIR = PROJECT_ROOT / "dbt"

dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)
# `dagster dev` re-parses when the manifest is missing; other entry points expect it built.
dbt_project.prepare_if_dev()

MANIFEST: Path = dbt_project.manifest_path
