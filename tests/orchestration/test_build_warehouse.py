"""End to end: the real job materialises every asset into a temporary warehouse."""

"""The seeds plus a second report of the Kia plant's investment, built by the real job (see
the `warehouse` fixture in tests/conftest.py)."""


def rows(con, query: str) -> set[tuple]:
    return set(con.sql(query).fetchall())


def test_ev_stock_of_kazakhstan(warehouse):
    assert rows(
        warehouse, "select geography, period, value, qualifier, status from marts.fct_ev_stock"
    ) == {
        ("Kazakhstan", "2023-Q1", 1500, "about", "actual"),
        ("Kazakhstan", "2023-12", 3200, "exact", "actual"),
        ("Kazakhstan", "2025-05", 9400, "exact", "actual"),
    }


def test_vehicle_output_of_kazakhstan(warehouse):
    assert rows(
        warehouse,
        "select period, value, qualifier, status "
        "from marts.fct_vehicle_output where geography = 'Kazakhstan'",
    ) == {
        ("2024", 134000, "more_than", "actual"),
        ("2025", 150000, "about", "projected"),
    }


def test_kostanay_kia_plant_metrics(warehouse):
    found = rows(
        warehouse,
        """
        select metric, value, coalesce(currency, unit), qualifier
        from marts.fct_plant_metric as metric
        join marts.dim_plant as plant using (plant_key)
        where plant.operator = 'Kia' and plant.city = 'Kostanay'
    """,
    )
    assert {
        ("capacity_vehicles_per_year", 70000, "vehicles_per_year", "up_to"),
        ("investment", 310_000_000, "USD", "exact"),
        ("area_m2", 630000, "m2", "exact"),
        ("robots", 68, "robots", "exact"),
    } <= found


def test_two_reports_of_one_investment_are_kept_and_flagged(warehouse):
    reports = rows(
        warehouse,
        """
        select value, n_reports, has_conflict from marts.fct_plant_metric
        where plant_key = 'kia|kostanay' and metric = 'investment'
    """,
    )
    assert reports == {(310_000_000, 2, True), (290_000_000, 2, True)}
    agreeing = rows(
        warehouse,
        """
        select n_reports, has_conflict from marts.fct_plant_metric
        where plant_key = 'kia|kostanay' and metric = 'robots'
    """,
    )
    assert agreeing == {(2, False)}


def test_production_starts(warehouse):
    assert {
        ("Kia Sorento", "2025-10"),
        ("Sportage", "2026-01"),
    } <= rows(
        warehouse,
        "select model, strftime(period_start, '%Y-%m') "
        "from marts.fct_production_start where plant_key = 'kia|kostanay'",
    )


def test_manufacturer_presence(warehouse):
    found = rows(
        warehouse, "select company, country, relation from marts.fct_manufacturer_presence"
    )
    for brand in ("Kia", "Hyundai", "Chevrolet", "JAC", "Jetour"):
        assert (brand, "Kazakhstan", "manufactures") in found
    assert ("Proton", "Kazakhstan", "plans_production") in found


def test_rejected_files_and_provenance(warehouse):
    assert rows(warehouse, "select article_id, reason from raw.rejected_files") == {
        ("empty", "empty")
    }
    assert rows(warehouse, "select count(*) from marts.dim_article") == {(3,)}
    mismatched = warehouse.sql("""
        select count(*) from marts.fct_plant_metric as f
        join staging.stg_articles as a using (article_id)
        where substring(a.article_text, f.char_start + 1, f.char_end - f.char_start) <> f.evidence
    """).fetchall()
    assert mismatched == [(0,)]


def test_column_descriptions_reach_the_database(warehouse):
    comments = rows(
        warehouse,
        "select column_name, comment from duckdb_columns() "
        "where schema_name = 'marts' and table_name = 'dim_plant'",
    )
    assert ("plant_key", "operator|city, in lower case.") in comments


def test_a_plant_named_for_several_cities_takes_the_country_they_share(warehouse):
    found = rows(
        warehouse,
        "select city, country, latitude from marts.dim_plant where city like '%;%'",
    )
    assert found == {("Almaty; Kostanay", "Kazakhstan", None)}
