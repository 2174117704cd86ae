from expectations.validate import read_marts, validate_frames


def failing(outcomes, mart: str) -> set[str]:
    (outcome,) = [o for o in outcomes if o.mart == mart]
    return {f.name for f in outcome.failures}


def test_the_built_marts_pass_every_blocking_expectation(built_warehouse):
    outcomes = validate_frames(read_marts(built_warehouse))
    assert all(o.passed for o in outcomes), [(o.mart, failing(outcomes, o.mart)) for o in outcomes]


def test_wrong_data_fails_the_blocking_expectations(built_warehouse):
    frames = read_marts(built_warehouse)
    plant = frames["fct_plant_metric"]
    plant.loc[plant["metric"] == "robots", "value"] = 1_000_000_000
    frames["fct_ev_stock"].loc[0, "qualifier"] = "roughly"
    frames["fct_vehicle_output"].loc[0, "article_id"] = "an_article_nobody_read"

    outcomes = validate_frames(frames)
    by_mart = {o.mart: o for o in outcomes}
    assert not by_mart["fct_plant_metric"].passed
    assert "robots within range" in failing(outcomes, "fct_plant_metric")
    assert "qualifier is a contract value" in failing(outcomes, "fct_ev_stock")
    assert "article is in dim_article" in failing(outcomes, "fct_vehicle_output")
    assert by_mart["fct_production_start"].passed
