"""Quality: great-expectations suites on the marts, as blocking asset checks."""

import dagster as dg

from expectations.suites import SUITES
from orchestration.resources import WarehouseConfig

CHECK_NAME = "expectations"
MART_KEYS = {suite.mart: dg.AssetKey(["marts", suite.mart]) for suite in SUITES}


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(
            CHECK_NAME,
            asset=key,
            blocking=True,
            description="great-expectations suite: value ranges, contract values, sane "
            "periods, provenance, no orphan articles.",
        )
        for key in MART_KEYS.values()
    ],
)
def mart_expectations(context: dg.AssetCheckExecutionContext, warehouse: WarehouseConfig):
    """Validate every mart once (great-expectations is imported only here)."""
    from expectations.validate import validate_warehouse

    for outcome in validate_warehouse(warehouse.warehouse_path()):
        failures = [
            {"expectation": f.name, "blocking": f.blocking, "unexpected": f.unexpected[:5]}
            for f in outcome.failures
        ]
        passed_count = sum(1 for o in outcome.outcomes if o.success)
        yield dg.AssetCheckResult(
            asset_key=MART_KEYS[outcome.mart],
            check_name=CHECK_NAME,
            passed=outcome.passed,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "rows": outcome.rows,
                "expectations_passed": f"{passed_count}/{len(outcome.outcomes)}",
                "failures": dg.MetadataValue.json(failures),
            },
        )
