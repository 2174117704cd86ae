"""The dbt resource starts dbt once per run: no `dbt --version` process, no adapter."""

import sys
from importlib import metadata
from pathlib import Path

import dagster_dbt.core.resource
from dagster_dbt import DbtCliResource

from orchestration.project import dbt_project
from orchestration.resources import WarehouseDbt, dbt_executable


def test_the_dbt_version_is_the_installed_package_without_starting_dbt(monkeypatch):
    def no_subprocess(*args, **kwargs):
        raise AssertionError("dbt was started to learn its version")

    monkeypatch.setattr(dagster_dbt.core.resource, "check_output", no_subprocess)
    dbt = WarehouseDbt(project_dir=dbt_project)
    assert str(dbt._cli_version) == metadata.version("dbt-core")
    assert dbt._initialize_dbt_core_adapter(["build"]) is None


def test_the_hooks_it_replaces_still_exist_in_the_base_class():
    # An upgrade of dagster-dbt that renamed them would silently bring the costs back.
    assert "_cli_version" in DbtCliResource.__dict__
    assert "_initialize_dbt_core_adapter" in DbtCliResource.__dict__


def test_dbt_is_the_one_beside_this_python_even_off_path(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    executable = Path(dbt_executable())
    assert executable.parent == Path(sys.executable).parent and executable.exists()
    WarehouseDbt(project_dir=dbt_project, dbt_executable=str(executable))  # validates
