"""A run whose data fails a blocking check leaves the last good snapshot in place."""

import hashlib

import dagster as dg

from tests.conftest import run_build

IMPOSSIBLE_PLANT = "Kia plant in Kostanay\nThe Kia plant in Kostanay has 50,000 robots.\n"


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_wrong_data_is_not_published(built_warehouse, tmp_path):
    snapshot = built_warehouse.parent / "published" / "qazauto.duckdb"
    good = digest(snapshot)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "impossible.txt").write_text(IMPOSSIBLE_PLANT, encoding="utf-8")

    result = run_build(
        articles, tmp_path / "qazauto.duckdb", published=snapshot.parent, raise_on_error=False
    )
    failed = [c for c in result.get_asset_check_evaluations() if not c.passed]
    assert [(c.asset_check_key.asset_key.path[-1], c.check_name) for c in failed] == [
        ("fct_plant_metric", "expectations")
    ]
    materialized = {event.asset_key for event in result.get_asset_materialization_events()}
    assert dg.AssetKey(["marts", "fct_plant_metric"]) in materialized
    assert dg.AssetKey(["published", "warehouse_snapshot"]) not in materialized
    assert digest(snapshot) == good
