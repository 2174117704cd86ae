import re
from pathlib import Path

import pytest

from ingest.extract.first_chars import (
    compile_fast,
    first_chars_lookahead,
    required_literals,
    spaced,
)
from ingest.extract.lang import pack

ROOT = Path(__file__).resolve().parents[3]
TEXTS = {"en": ROOT / "seeds", "ru": ROOT / "tests" / "fixtures" / "probes_ru" / "articles"}


def test_a_word_list_is_looked_for_only_where_one_of_its_words_begins():
    assert first_chars_lookahead(r"(?<![\w-])(?:launch|opening|start)(?![\w-])") == "(?=[los])"


def test_optional_parts_add_what_can_come_after_them():
    assert first_chars_lookahead(r"\b(?:the\s+)?plant") == "(?=[tp])"


def test_a_pattern_that_can_begin_anywhere_gets_no_lookahead():
    assert first_chars_lookahead(r"\s+(?:region|oblast)") == ""
    assert first_chars_lookahead(r"(?:of\s+)?") == ""  # it can match nothing
    assert first_chars_lookahead(r".{0,5}plant") == ""


def test_a_group_that_reads_case_the_pattern_does_not_gets_no_lookahead():
    assert first_chars_lookahead(r"(?i:kia)") == ""
    assert compile_fast(r"(?i:kia)").search("KIA") is not None


def _pack_patterns() -> list[tuple[str, str, str | dict]]:
    return [
        (code, f"{section}.{key}", entry)
        for code in ("en", "ru")
        for section, entries in pack(code).patterns.items()
        for key, entry in entries.items()
        if "<<" not in (entry if isinstance(entry, str) else entry["regex"])
    ]


@pytest.mark.parametrize(("code", "name", "entry"), _pack_patterns())
def test_every_pack_pattern_finds_what_it_found_without_the_lookahead(code, name, entry):
    source = entry if isinstance(entry, str) else entry["regex"]
    flags = 0 if isinstance(entry, dict) and entry.get("case") else re.IGNORECASE
    text = "\n".join(p.read_text() for p in sorted(TEXTS[code].glob("*.txt"))[:40])
    plain, fast = re.compile(source, flags), compile_fast(source, flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_required_literals_run_through_spaces_and_optional_words():
    required = required_literals(r"\b(?:to|will)\s+(?:be\s+)?(?:launch|open)", re.IGNORECASE)
    assert required == (
        "to be launch", "to be open", "to launch", "to open",
        "will be launch", "will be open", "will launch", "will open",
    )  # fmt: skip


def test_the_required_literals_are_the_longest_a_match_must_hold():
    source = r"\bplants?\s+(?:\w+\s+){0,3}(?:launched|commissioned)"
    assert required_literals(source, re.IGNORECASE) == ("commissioned", "launched")
    assert required_literals(r"\s*[A-Z]\w+", re.IGNORECASE) is None
    assert required_literals(r"kia", 0) is None  # only for patterns that ignore case


def test_the_literals_are_looked_for_in_the_spaced_lower_case_text():
    assert "will be launch" in spaced("It WILL  be\nlaunched in May")
