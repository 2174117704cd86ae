"""How the active language writes quantities: its pack's `numbers.toml`, compiled once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ingest.extract.first_chars import compile_fast
from ingest.extract.lang import active_code, pack


@dataclass(frozen=True)
class NumberGrammar:
    """How one language writes quantities, compiled from its pack's `numbers.toml`."""

    number: re.Pattern[str]
    spelled: re.Pattern[str]
    compound: re.Pattern[str]
    scale_after: re.Pattern[str]
    currency_after: re.Pattern[str]
    percent_after: re.Pattern[str]
    ratio_after: re.Pattern[str]
    area_after: re.Pattern[str]
    ordinal_after: re.Pattern[str]
    milestone_ordinal_before: re.Pattern[str]
    per_year_after: re.Pattern[str]
    month_after: re.Pattern[str]
    month_before: re.Pattern[str]
    group_separators: re.Pattern[str]
    decimal_separator: str
    scales: dict[str, float]
    glued_only_scales: frozenset[str]
    currency_prefixes: dict[str, str]
    currency_words: dict[str, str]
    area_factors: dict[str, float]
    text2num_language: str
    spelled_joiners: frozenset[str]
    # Small numbers as words, for languages the spelled-number reader does not know ("два").
    small_numbers: dict[str, int]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _grammar(code: str) -> NumberGrammar:
    table = pack(code).numbers
    after = table["after"]
    lists = {
        "currency_words": _alternation(table["currency_words"]),
        "months": table["months"],
    }

    def compiled(source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        for name, body in lists.items():
            source = source.replace(f"<<{name}>>", body)
        return compile_fast(source, flags)

    prefixes = _alternation(table["currency_prefixes"])
    words = table["number_words"] or "(?!)"  # a language may spell no numbers we read
    joiners = _alternation(table["spelled_joiners"]) or "(?!)"
    return NumberGrammar(
        number=compiled(
            # Not the rest of "1.5" or "3.4.2024"; after an abbreviation's dot ("c.71k") it is.
            rf"(?:(?P<cur>(?<![\w])(?:{prefixes}))\s?|(?<![\w,\-/])(?<![\d.]\.)){table['number']}"
            r"(?![\d])"
        ),
        spelled=compiled(
            rf"\b(?:(?:{words})(?:[\s-]+(?:(?:{joiners})[\s-]+)?(?=(?:{words})\b))?)+\b"
        ),
        compound=compiled(table.get("compound", "(?!)")),
        scale_after=compiled(after["scale"]),
        currency_after=compiled(after["currency"]),
        percent_after=compiled(after["percent"]),
        ratio_after=compiled(after["ratio"]),
        area_after=compiled(after["area"]),
        ordinal_after=compiled(after["ordinal"]),
        milestone_ordinal_before=compiled(table["milestone_ordinal_before"]),
        per_year_after=compiled(after["per_year"]),
        month_after=compiled(after["month_after"]),
        month_before=compiled(after["month_before"]),
        group_separators=re.compile(f"[{re.escape(table['group_separators'])}]"),
        decimal_separator=table["decimal_separator"],
        scales={k: float(v) for k, v in table["scales"].items()},
        glued_only_scales=frozenset(table["glued_only_scales"]),
        currency_prefixes=table["currency_prefixes"],
        currency_words=table["currency_words"],
        area_factors={k: float(v) for k, v in table["area_factors"].items()},
        text2num_language=table["text2num_language"],
        spelled_joiners=frozenset(table["spelled_joiners"]),
        small_numbers={k: int(v) for k, v in table.get("small_numbers", {}).items()},
    )


def grammar() -> NumberGrammar:
    """The number grammar of the active language pack."""
    return _grammar(active_code())
