"""The extractor's rules, one case each: a sentence (with an optional publication date and the
sentence before it) and every fact it must give, nothing more.

Cases live in `cases/<language>/<family>.jsonl` (the folder names the language pack), one JSON
object per line:

    {"rule": "baseline_in_brackets", "text": "...", "before": "...", "published": "2024-03-01",
     "facts": [{"fact_type": "vehicle_output", "value": 282200, "period": "2022-01/2022-11"}]}

A fact lists only the fields the rule is about; the extracted fact must agree on each of them.
A case with `"facts": []` says the sentence states no fact. A failure names the case's rule.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ingest.extract.article import extract_article
from ingest.extract.lang import speaking

CASES = Path(__file__).parent / "cases"
TITLE = "Case\n\n"


def _load() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(CASES.glob("*/*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                case = json.loads(line)
                name = f"{path.parent.name}/{path.stem}:{number}:{case['rule']}"
                found.append((name, case))
    return found


def facts_of(case: dict, language: str = "en") -> list[dict]:
    """The facts the extractor reads from the case's sentence (not from the one before it),
    with the language pack the case file's folder names."""
    before = f"{case['before']}\n\n" if case.get("before") else ""
    text = f"{TITLE}{before}{case['text']}\n"
    published = dt.date.fromisoformat(case["published"]) if case.get("published") else None
    start = len(TITLE) + len(before)
    with speaking(language):
        extracted = extract_article("case", text, published).facts
    return [f.to_dict() for f in extracted if f.char_start >= start]


def _agrees(expected: dict, fact: dict) -> bool:
    return all(fact.get(key) == value for key, value in expected.items())


CASE_LIST = _load()


@pytest.mark.parametrize(("name", "case"), CASE_LIST, ids=[name for name, _ in CASE_LIST])
def test_rule(name: str, case: dict) -> None:
    found = facts_of(case, name.split("/", 1)[0])
    unmatched = list(found)
    missing = []
    for expected in case["facts"]:
        twin = next((fact for fact in unmatched if _agrees(expected, fact)), None)
        if twin is None:
            missing.append(expected)
        else:
            unmatched.remove(twin)
    shown = [
        {k: f.get(k) for k in ("fact_type", "subject", "period", "value", "qualifier", "status")}
        for f in unmatched
    ]
    assert not missing and not unmatched, (
        f"rule {case['rule']!r} broke on: {case['text']}\n  missing: {missing}\n  extra: {shown}"
    )


def test_every_case_file_is_named_for_a_family_and_has_cases():
    assert CASE_LIST, "no cases found"
    for path in CASES.glob("*/*.jsonl"):
        assert path.read_text(encoding="utf-8").strip(), f"{path} is empty"
