"""Run the suites against the marts of a warehouse file and report, mart by mart."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from expectations.suites import FACT_MARTS, SUITES, Suite

MARTS_SCHEMA = "marts"


@dataclass
class ExpectationOutcome:
    name: str
    success: bool
    blocking: bool
    unexpected: list = field(default_factory=list)


@dataclass
class MartOutcome:
    """The outcome of one mart's suite: blocking failures mean the mart holds wrong data."""

    mart: str
    rows: int
    outcomes: list[ExpectationOutcome]

    @property
    def passed(self) -> bool:
        return all(o.success for o in self.outcomes if o.blocking)

    @property
    def failures(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success]


def read_marts(database: Path) -> dict:  # mart -> pandas.DataFrame
    from common.warehouse_lock import connect_when_free

    con = connect_when_free(database, read_only=True)
    try:
        return {
            suite.mart: con.sql(f"select * from {MARTS_SCHEMA}.{suite.mart}").df()
            for suite in SUITES
        }
    finally:
        con.close()


def _orphan_outcome(frames: dict) -> dict[str, ExpectationOutcome]:
    """No orphan articles: every fact's article is in dim_article."""
    known = set(frames["dim_article"]["article_id"])
    outcomes = {}
    for mart in FACT_MARTS:
        orphans = sorted(set(frames[mart]["article_id"]) - known)
        outcomes[mart] = ExpectationOutcome(
            "article is in dim_article", not orphans, True, orphans[:20]
        )
    return outcomes


def _run_suite(gx, context, suite: Suite, frame) -> list[ExpectationOutcome]:
    source = context.data_sources.add_pandas(f"marts_{suite.mart}")
    batch = (
        source.add_dataframe_asset(suite.mart)
        .add_batch_definition_whole_dataframe("whole")
        .get_batch(batch_parameters={"dataframe": frame})
    )
    gx_suite = gx.ExpectationSuite(name=suite.mart)
    named = [(name, factory, True) for name, factory in suite.blocking]
    named += [(name, factory, False) for name, factory in suite.warnings]
    for name, factory, blocking in named:
        expectation = factory(gx)
        expectation.meta = {"name": name, "blocking": blocking}
        gx_suite.add_expectation(expectation)
    result = batch.validate(gx_suite, result_format="SUMMARY")
    outcomes = []
    # Results do not come back in the suite's order: each says which expectation it is.
    for expectation_result in result.results:
        meta = expectation_result.expectation_config.meta or {}
        details = expectation_result.result or {}
        unexpected = list(details.get("partial_unexpected_list") or [])[:20]
        if expectation_result.exception_info.get("raised_exception"):
            unexpected = [str(expectation_result.exception_info.get("exception_message"))]
        outcomes.append(
            ExpectationOutcome(
                name=meta.get("name", expectation_result.expectation_config.type),
                success=bool(expectation_result.success),
                blocking=bool(meta.get("blocking", True)),
                unexpected=[str(value) for value in unexpected],
            )
        )
    return sorted(outcomes, key=lambda o: o.name)


def validate_frames(frames: dict) -> list[MartOutcome]:
    """Validate pandas frames of the marts (mart name -> frame) against every suite."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    orphans = _orphan_outcome(frames)
    results = []
    for suite in SUITES:
        frame = frames[suite.mart]
        outcomes = _run_suite(gx, context, suite, frame)
        if suite.mart in orphans:
            outcomes.append(orphans[suite.mart])
        results.append(MartOutcome(suite.mart, len(frame), outcomes))
    return results


def validate_warehouse(database: Path) -> list[MartOutcome]:
    return validate_frames(read_marts(database))
