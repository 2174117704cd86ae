"""The reference tables as the extractor uses them (`reference/`), and its place stoplist."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import reference

STOPLIST = Path(__file__).parent / "place_stoplist.txt"


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


@dataclass(frozen=True)
class Company:
    name: str
    kind: str
    country_of_origin: str
    parent: str | None
    aliases: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class VehicleModel:
    name: str
    brand: str
    aliases: tuple[str, ...] = field(default=())
    needs_brand: bool = False


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    in_region: bool
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    latitude: float
    longitude: float


@cache
def companies() -> tuple[Company, ...]:
    return tuple(
        Company(
            name=row["name"],
            kind=row["kind"],
            country_of_origin=row["country_of_origin"],
            parent=row["parent"] or None,
            aliases=tuple(_split(row["aliases"])),
        )
        for row in reference.rows("companies")
    )


@cache
def vehicle_models() -> tuple[VehicleModel, ...]:
    return tuple(
        VehicleModel(
            name=row["model"],
            brand=row["brand"],
            aliases=tuple(_split(row["aliases"])),
            needs_brand=row["needs_brand"] == "true",
        )
        for row in reference.rows("vehicle_models")
    )


@cache
def curated_countries() -> tuple[Country, ...]:
    return tuple(
        Country(
            name=row["name"],
            iso2=row["iso2"],
            in_region=row["in_region"] == "true",
            aliases=tuple(_split(row["aliases"])),
            adjectives=tuple(_split(row["adjectives"])),
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
        )
        for row in reference.rows("countries")
    )


@cache
def place_aliases() -> tuple[dict[str, str], ...]:
    return tuple(reference.rows("place_aliases"))


@cache
def place_stoplist() -> frozenset[str]:
    lines = STOPLIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
