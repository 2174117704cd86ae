import pytest

from ingest.extract.numbers import find_quantities


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "kind", "currency"),
    [
        ("a direct investment of $310 million", 310_000_000, "money", "USD"),
        ("the 630,000-square-meter facility", 630_000, "area", None),
        ("revenue of 12.7 bln tenge", 12_700_000_000, "money", "KZT"),
        ("sales reached 48.6 thousand units", 48_600, "count", None),
        ("valued at KZT 164.9 billion", 164_900_000_000, "money", "KZT"),
        ("built at a cost of RM82 million", 82_000_000, "money", "MYR"),
        ("an investment of 88 million manats", 88_000_000, "money", "AZN"),
        ("the first stage will cost $115m", 115_000_000, "money", "USD"),
        ("an area of 16 hectares", 160_000, "area", None),
        ("the plant spans 5.57 acres", 22_541, "area", None),
        ("a body section of 50,000 square meters", 50_000, "area", None),
        ("grew by 8 percent", 8, "percent", None),
        ("a 50.1% increase", 50.1, "percent", None),
        ("increased 9.2 times", 9.2, "ratio", None),
        ("produced in 2024", 2024, "year", None),
        ("sales of one million cars", 1_000_000, "count", None),
    ],
)
def test_numbers_are_scaled_and_typed(text, value, kind, currency):
    q = only(text)
    assert q.value == pytest.approx(value, rel=1e-3)
    assert q.kind == kind
    assert q.currency == currency


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("more than 134,000 passenger cars", "more_than"),
        ("over 205,000 units", "more_than"),
        ("exceeding 77,000 units", "more_than"),
        ("about 1,500 cars", "about"),
        ("approximately 150,000 vehicles", "about"),
        ("nearly 7,000 cars", "about"),
        ("less than 900 cars", "less_than"),
        ("an annual capacity of up to 70,000 units", "up_to"),
        ("a maximum production capacity of 45,000 units", "up_to"),
        ("output rose up to 58,900 units", "exact"),
        ("sales increased up to 4,500 units", "exact"),
        ("it produced 11,700 vehicles", "exact"),
    ],
)
def test_qualifiers(text, qualifier):
    assert only(text).qualifier == qualifier


def test_dates_are_not_counts():
    kinds = [q.kind for q in find_quantities("As of Feb. 1, 2024, on June 1 the 100th car")]
    assert kinds == ["day", "year", "day", "ordinal"]


def test_a_rate_per_year_is_noticed():
    (q,) = find_quantities("30,000 cars per year")
    assert q.per_year
