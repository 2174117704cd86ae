"""The marts' dbt unit tests: the report flags (`n_reports`, `has_conflict`, `is_latest_report`)
computed from rows given in `_marts.yml`, not from whatever the seeds happen to hold."""

import json
import shutil

from tests.conftest import run_dbt


def test_the_report_flags_of_the_marts_pass_their_unit_tests(built_warehouse, tmp_path):
    database = tmp_path / "qazauto.duckdb"
    shutil.copy(built_warehouse, database)
    target = tmp_path / "target"
    run = run_dbt(
        "test",
        *("--select", "test_type:unit"),
        *("--target-path", str(target), "--log-path", str(tmp_path / "logs")),
        database=database,
        check=False,
    )

    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    outcomes = {r["unique_id"].rsplit(".", 1)[-1]: r["status"] for r in results}
    assert outcomes == {
        "reports_of_one_figure_are_counted_and_the_latest_is_flagged": "pass",
        "reports_that_differ_by_more_than_half_a_percent_conflict": "pass",
        "start_dates_conflict_when_they_differ_at_all": "pass",
    }
    assert run.returncode == 0
