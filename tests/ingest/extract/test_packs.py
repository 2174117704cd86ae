"""Every language pack gives the extraction core all it reads: the seam between the core and
the languages is the set of keys of the English pack."""

import re

import pytest

from ingest.extract import cuewords
from ingest.extract.lang import available, pack, speaking


def keys(table: dict) -> set[str]:
    found = set()
    for section, entries in table.items():
        if isinstance(entries, dict):
            found |= {f"{section}.{key}" for key in entries}
        else:
            found.add(section)
    return found


@pytest.mark.parametrize("code", available())
def test_a_pack_has_every_list_and_pattern_the_core_reads(code):
    english, other = pack("en"), pack(code)
    # Word lists and word tables the rules read (vehicle types and fractions are the pack's own).
    own = {"vehicle_types", "fractions", "admin_units"}
    wanted = {k for k in keys(english.cues) if k.split(".")[0] not in own}
    assert wanted <= keys(other.cues), sorted(wanted - keys(other.cues))
    assert keys(english.patterns) <= keys(other.patterns)
    assert set(english.numbers["after"]) <= set(other.numbers["after"])
    assert {r["kind"] for r in other.times["rules"]} <= {
        r["kind"] for r in english.times["rules"]
    } | {"season"}


@pytest.mark.parametrize("code", available())
def test_every_pattern_of_a_pack_compiles(code):
    with speaking(code):
        for section, entries in pack(code).patterns.items():
            for key in entries:
                assert isinstance(cuewords.pattern(section, key), re.Pattern)


def test_the_extraction_code_names_no_language():
    """The Python of the extractor reads words only through the packs: no pack folder is named
    in it, and the packs are the only place where cue words are listed."""
    from pathlib import Path

    extract = Path(cuewords.__file__).parent
    for path in extract.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"""["'](?:en|ru)["']""", source), path
