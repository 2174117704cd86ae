"""Real runs in separate processes: started together they queue; killed, they recover."""

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import ROOT, run_build

MARTS = (
    "dim_plant",
    "fct_vehicle_output",
    "fct_ev_stock",
    "fct_plant_metric",
    "fct_production_start",
    "fct_manufacturer_presence",
)


def start_run(home, articles, database, log) -> subprocess.Popen:
    """`python -m orchestration.build` in its own process group, as `make run` starts it."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "QAZAUTO_ARTICLES_DIR": str(articles),
        "QAZAUTO_WAREHOUSE": str(database),
        "QAZAUTO_PUBLISHED_DIR": str(database.parent / "published"),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "orchestration.build"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def marts(database) -> dict[str, list]:
    with duckdb.connect(str(database), read_only=True) as con:
        return {m: sorted(con.sql(f"select * from marts.{m}").fetchall(), key=repr) for m in MARTS}


def test_two_runs_started_together_both_succeed(built_warehouse, seed_corpus, tmp_path):
    database = tmp_path / "warehouse" / "qazauto.duckdb"
    database.parent.mkdir()
    with (tmp_path / "first.log").open("w") as one, (tmp_path / "second.log").open("w") as two:
        first = start_run(tmp_path / "home", seed_corpus, database, one)
        second = start_run(tmp_path / "home", seed_corpus, database, two)
        assert first.wait(timeout=600) == 0, (tmp_path / "first.log").read_text()[-3000:]
        assert second.wait(timeout=600) == 0, (tmp_path / "second.log").read_text()[-3000:]
    assert marts(database) == marts(built_warehouse)


@pytest.mark.parametrize("seconds", [9, 20])
def test_a_run_killed_midway_then_rerun_gives_the_same_marts(
    built_warehouse, seed_corpus, tmp_path, seconds
):
    database = tmp_path / "warehouse" / "qazauto.duckdb"
    database.parent.mkdir()
    with (tmp_path / "killed.log").open("w") as log:
        victim = start_run(tmp_path / "home", seed_corpus, database, log)
        time.sleep(seconds)
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait(timeout=60)
    result = run_build(seed_corpus, database)
    assert result.success
    assert marts(database) == marts(built_warehouse)
