import datetime as dt

from ingest.extract.article import extract_article


def facts(text: str, published: dt.date | None = None):
    return extract_article("a1", text, published).facts


def summary(text: str, published: dt.date | None = None):
    return [(f.fact_type, f.value, f.period, f.qualifier, f.status) for f in facts(text, published)]


def test_a_from_to_phrase_is_two_facts_not_a_range():
    text = (
        "EV fleet grows\nThe number of registered electric vehicles in Kazakhstan grew from "
        "about 1,500 in early 2023 to 3,200 by the end of that year."
    )
    assert summary(text) == [
        ("ev_stock", 1500, "2023-Q1", "about", "actual"),
        ("ev_stock", 3200, "2023-12", "exact", "actual"),
    ]


def test_that_figure_continues_the_previous_metric():
    text = (
        "The number of registered electric vehicles in Kazakhstan reached 3,200 by the end of "
        "2023. As of May 2025, that figure has surged to 9,400."
    )
    assert summary(text)[-1] == ("ev_stock", 9400, "2025-05", "exact", "actual")


def test_plant_figures_attach_to_the_plant_last_named():
    text = (
        "Kia Corporation has inaugurated the Kia Qazaqstan LLP Plant in Kostanay, Kazakhstan.\n"
        "Representing a direct investment of $310 million, the 630,000-square-meter facility "
        "features 68 high-precision robots.\n"
        "The facility has an annual capacity of up to 70,000 units, with plans to expand."
    )
    found = facts(text)
    assert {(f.fact_type, f.value, f.unit, f.qualifier, f.status) for f in found} == {
        ("plant_investment", 310_000_000, "USD", "exact", "actual"),
        ("plant_area", 630_000, "m2", "exact", "actual"),
        ("plant_robots", 68, "robots", "exact", "actual"),
        ("plant_capacity", 70_000, "vehicles_per_year", "up_to", "actual"),
        ("production_start", None, None, "exact", "actual"),  # the inauguration, undated
    }
    assert {f.subject for f in found} == {"Kia Qazaqstan LLP Plant"}
    assert {f.location for f in found} == {"Kostanay"}


def test_production_start_pairs_each_model_with_its_date():
    text = (
        "Initial production will begin with the Kia Sorento in October 2025, followed by the "
        "new-generation Sportage in January 2026."
    )
    found = facts(text)
    assert [(f.model, f.period, f.status, f.milestone) for f in found] == [
        ("Kia Sorento", "2025-10", "planned", "production_start"),
        ("Sportage", "2026-01", "planned", "production_start"),
    ]


def test_forecasts_are_projected_and_counts_of_people_are_not_facts():
    text = (
        "Kazakhstan is on track to produce approximately 150,000 vehicles in 2025. "
        "Some 1,200 people will be employed and 650 charging stations installed."
    )
    assert summary(text) == [("vehicle_output", 150_000, "2025", "about", "projected")]


def test_relative_years_resolve_against_the_publication_date():
    text = "Dealers sold 205,100 new cars last year, up from 198,600 in 2022."
    found = summary(text, dt.date(2024, 1, 15))
    assert ("vehicle_sales", 205_100, "2023", "exact", "actual") in found


def test_a_repeated_statement_is_one_fact():
    text = (
        "Kazakhstan sold over 205,000 new cars in 2024. "
        "Official dealers sold 205,100 new cars in 2024."
    )
    assert summary(text) == [("vehicle_sales", 205_100, "2024", "exact", "actual")]


def test_component_capacities_are_not_vehicle_capacities():
    text = (
        "Projects are being developed for the production of seats with a capacity of 100,000 "
        "units and plastic parts - 150,000 units."
    )
    assert facts(text) == []


def test_world_figures_are_not_recorded():
    text = (
        "Electric vehicles are growing in popularity globally as well. Sales of electric "
        "vehicles surged from approximately one million to over 10 million."
    )
    assert facts(text) == []


def test_brands_manufacturing_in_a_country_are_entity_relations():
    text = (
        "Kazakhstan produced 134,000 cars. Major international brands, including KIA, Hyundai "
        "and Chevrolet, are already manufacturing in the country. Proton is exploring the "
        "possibility of launching EV production in Kazakhstan."
    )
    relations = {
        (e.name, e.relation, e.relation_country)
        for e in extract_article("a1", text, None).entities
        if e.relation
    }
    assert relations == {
        ("Kia", "manufactures", "Kazakhstan"),
        ("Hyundai", "manufactures", "Kazakhstan"),
        ("Chevrolet", "manufactures", "Kazakhstan"),
        ("Proton", "plans_production", "Kazakhstan"),
    }


def test_evidence_is_the_text_at_the_offsets():
    text = "Title\nKia sold 9,224 vehicles in 2024, and BYD followed with 7,859 electric cars."
    for fact in facts(text):
        assert text[fact.char_start : fact.char_end] == fact.evidence
