from ingest.extract.gazetteer import find_places


def names(text: str) -> list[str]:
    return [m.place.name for m in find_places(text, 0, len(text))]


def test_aliases_resolve_to_one_place():
    assert names("Kostanai, Qostanay and Kostanay") == ["Kostanay"] * 3
    assert names("Alma-Ata and Nur-Sultan") == ["Almaty", "Astana"]


def test_words_that_are_also_places_are_not_places():
    assert names("Of the 2,200 employees, More Cars were sold. Mary said so.") == []


def test_regions_keep_their_suffix():
    assert names("the Almaty Region and the Jizzakh region") == ["Almaty Region", "Jizzakh Region"]


def test_countries_and_their_adjectives():
    found = find_places("the Kazakh market and Uzbekistan", 0, 33)
    assert [(m.place.name, m.place.kind) for m in found] == [
        ("Kazakhstan", "country_adjective"),
        ("Uzbekistan", "country"),
    ]
    assert found[1].place.iso2 == "UZ"
