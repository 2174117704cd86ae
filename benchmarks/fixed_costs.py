"""Fixed costs: a real `build_warehouse` run on the two seed articles, split into framework
start-up (Python, Dagster, dbt and great-expectations) and our own work.

    uv run python benchmarks/fixed_costs.py [--json FILE]

Each import is timed in a fresh interpreter; a bare `dbt build` that selects nothing shows
dbt's own start-up; dbt's time running the nodes comes from its run_results.json. The run
itself is the Dagster job `make run` starts, on a copy of seeds/ in a temporary Dagster home
and warehouse.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMPORTS = {
    "python": "pass",
    "dagster": "import dagster",
    "dagster_dbt": "import dagster_dbt",
    "dbt": "import dbt.cli.main",
    "great_expectations": "import great_expectations",
    "qazauto_ingest": "import ingest.land.warehouse",
    "qazauto_definitions": "import orchestration.definitions",
}
SEED_RUN = """
import json, sys, time
started = time.perf_counter()
import dagster as dg
from orchestration.build import build
imported = time.perf_counter()
with dg.DagsterInstance.get() as instance:
    result = build(instance, raise_on_error=True)
finished = time.perf_counter()
steps = {
    event.step_key: event.event_specific_data.duration_ms / 1000
    for event in result.all_events
    if event.event_type_value == "STEP_SUCCESS"
}
print(json.dumps({"imports": imported - started, "run": finished - imported, "steps": steps,
                  "run_id": result.run_id}))
"""
# great-expectations imported where Dagster and our definitions already are, as in a run.
GX_AFTER_DAGSTER = (
    "import time, orchestration.definitions; t = time.perf_counter(); "
    "import great_expectations; print(time.perf_counter() - t)"
)


def timed(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - started, done.stdout


def import_seconds() -> dict[str, float]:
    """Wall time of `python -c "import X"` for each framework, the interpreter included."""
    return {
        name: round(timed([sys.executable, "-c", code])[0], 2) for name, code in IMPORTS.items()
    }


def dbt_startup_seconds(env: dict) -> float:
    command = [sys.executable, "-m", "dbt.cli.main", "build", "--select", "tag:none_such"]
    command += ["--profiles-dir", ".", "--quiet"]
    return round(timed(command, env, ROOT / "dbt")[0], 2)


def dbt_elapsed_seconds(run_id: str) -> float:
    """How long dbt spent running the nodes (its start-up excluded), from the run_results.json
    dagster-dbt left behind."""
    runs = sorted(
        (ROOT / "dbt" / "target").glob(f"warehouse_models-{run_id[:7]}*/run_results.json"),
        key=lambda p: p.stat().st_mtime,
    )
    return round(json.loads(runs[-1].read_text())["elapsed_time"], 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()

    imports = import_seconds()
    with tempfile.TemporaryDirectory(prefix="qazauto-fixed-") as tmp:
        work = Path(tmp)
        (work / "home").mkdir()
        shutil.copy(ROOT / "orchestration" / "dagster.yaml", work / "home" / "dagster.yaml")
        shutil.copytree(ROOT / "seeds", work / "articles")
        env = {
            **os.environ,
            "DAGSTER_HOME": str(work / "home"),
            "QAZAUTO_ARTICLES_DIR": str(work / "articles"),
            "QAZAUTO_WAREHOUSE": str(work / "qazauto.duckdb"),
            "QAZAUTO_PUBLISHED_DIR": str(work / "published"),
            "DAGSTER_DISABLE_TELEMETRY": "1",
            "DO_NOT_TRACK": "1",
            "GX_ANALYTICS_ENABLED": "false",
        }
        wall, out = timed([sys.executable, "-c", SEED_RUN], env)
        dbt_startup = dbt_startup_seconds(env)
    run = json.loads(out.strip().splitlines()[-1])
    steps = run["steps"]
    dbt_seconds = dbt_elapsed_seconds(run["run_id"])
    gx_import = round(float(timed([sys.executable, "-c", GX_AFTER_DAGSTER])[1].strip()), 2)
    framework = {
        "python_dagster_and_definitions_imports": round(wall - run["run"], 2),
        "dagster_run_bookkeeping": round(run["run"] - sum(steps.values()), 2),
        # The dbt step less dbt's execution of the nodes: dbt's start-up (project, adapter,
        # manifest) and dagster-dbt turning dbt's log into Dagster events.
        "dbt_startup_and_event_handling": round(steps["warehouse_models"] - dbt_seconds, 2),
        "great_expectations_import": gx_import,
    }
    framework_total = round(sum(framework.values()), 2)
    own = {
        "read_extract_land": round(steps["raw_extracts"], 2),
        "dbt_models_and_tests": dbt_seconds,
        "expectation_suites": round(max(0.0, steps["mart_expectations"] - gx_import), 2),
        "publish_snapshot_and_brief": round(
            steps["published__warehouse_snapshot"] + steps["published__industry_brief"], 2
        ),
    }
    figures = {
        "articles": len(list((ROOT / "seeds").glob("*.txt"))),
        "run_wall_seconds": round(wall, 2),
        "step_seconds": {key: round(value, 2) for key, value in steps.items()},
        "framework_seconds": framework,
        "framework_total_seconds": framework_total,
        "own_work_seconds": own,
        "own_work_total_seconds": round(wall - framework_total, 2),
        "import_seconds": imports,
        "bare_dbt_build_seconds": dbt_startup,
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
