"""Find the numbers a sentence states and read each as a count, amount, area, share, year, ..."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from ingest.extract.cuewords import pattern
from ingest.extract.lang import cues

SCALES = {
    "thousand": 1e3,
    "thousands": 1e3,
    "k": 1e3,
    "thous": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mil": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "trln": 1e12,
    "tln": 1e12,
    "tn": 1e12,
}
# Single letters only count as scales when glued to the number or a currency ("$115m").
GLUED_ONLY_SCALES = frozenset({"k", "m", "b", "mil"})
CURRENCY_PREFIXES = {
    "us$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₸": "KZT",
    "₽": "RUB",
    "¥": "CNY",
    "₩": "KRW",
    "₺": "TRY",
    "rm": "MYR",
    "usd": "USD",
    "kzt": "KZT",
    "eur": "EUR",
    "uzs": "UZS",
    "rub": "RUB",
    "azn": "AZN",
    "myr": "MYR",
    "kgs": "KGS",
    "try": "TRY",
    "cny": "CNY",
    "krw": "KRW",
    "tjs": "TJS",
    "tmt": "TMT",
    "gel": "GEL",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "tenge": "KZT",
    "kzt": "KZT",
    "manat": "AZN",
    "manats": "AZN",
    "azn": "AZN",
    "sum": "UZS",
    "sums": "UZS",
    "soum": "UZS",
    "soums": "UZS",
    "so'm": "UZS",
    "uzs": "UZS",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "rub": "RUB",
    "ringgit": "MYR",
    "myr": "MYR",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "yuan": "CNY",
    "cny": "CNY",
    "won": "KRW",
    "krw": "KRW",
    "lira": "TRY",
    "liras": "TRY",
    "try": "TRY",
    "som": "KGS",
    "soms": "KGS",
    "kgs": "KGS",
    "somoni": "TJS",
    "tjs": "TJS",
    "lari": "GEL",
}
AREA_FACTORS = {
    "square meter": 1.0,
    "square metre": 1.0,
    "sq m": 1.0,
    "sqm": 1.0,
    "m2": 1.0,
    "m²": 1.0,
    "hectare": 10_000.0,
    "ha": 10_000.0,
    "acre": 4046.86,
    "square kilometer": 1e6,
    "square kilometre": 1e6,
    "km2": 1e6,
    "km²": 1e6,
    "square feet": 0.092903,
    "square foot": 0.092903,
    "sq ft": 0.092903,
}
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|thousand|million|billion"
)

_PREFIX = "|".join(re.escape(p) for p in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
NUMBER = re.compile(
    rf"(?:(?P<cur>(?<![\w])(?:{_PREFIX}))\s?|(?<![\w.,\-/]))"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+|\d+(?:\.\d+)?)"
    r"(?![\d])",
    re.IGNORECASE,
)
SPELLED = re.compile(
    rf"\b(?:(?:{NUMBER_WORDS})(?:[\s-]+(?:and[\s-]+)?(?=(?:{NUMBER_WORDS})\b))?)+\b",
    re.IGNORECASE,
)
SCALE_AFTER = re.compile(
    r"(?P<space>[\s-]?)(?P<scale>thousands?|millions?|billions?|trillion|mln|mn|bln|bn|trln|tln|"
    r"tn|thous|k|m|b|mil)\b\.?",
    re.IGNORECASE,
)
_CURRENCY_WORD = "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
CURRENCY_AFTER = re.compile(rf"\s?(?:US\s)?(?P<word>{_CURRENCY_WORD})\b", re.IGNORECASE)
PERCENT_AFTER = re.compile(
    r"\s?(?:%|percent\b|per\s?cent\b|pct\b|percentage points?\b|pp\b)", re.IGNORECASE
)
RATIO_AFTER = re.compile(r"\s?-?\s?(?:times\b|fold\b)", re.IGNORECASE)
AREA_AFTER = re.compile(
    r"\s?-?\s?(?P<unit>square[\s-]+met(?:er|re)s?|sq\.?\s?m\b|sqm\b|m2\b|m²|hectares?\b|ha\b|"
    r"acres?\b|square[\s-]+kilomet(?:er|re)s?|km2\b|km²|square[\s-]+f(?:ee|oo)t|sq\.?\s?ft\b)",
    re.IGNORECASE,
)
ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s$", re.IGNORECASE)
MONTH_AFTER = re.compile(rf"\s(?:of\s)?(?:{MONTHS})\b", re.IGNORECASE)
# A rate written right after the counted noun: "30,000 cars per year", "45,000 units a year".
PER_YEAR_AFTER = re.compile(
    r"^(?:[\s-]+[\w-]+){0,5}?[\s-]*(?:per\s+year|a\s+year|annually|per\s+annum|yearly|"
    r"each\s+year|every\s+year|a-year|/year|/yr|per-year|a\s+yr)\b"
    r"(?!\s+(?:earlier|ago|before|later|on)\b)",
    re.IGNORECASE,
)


@dataclass
class Quantity:
    """A number in a sentence and what kind of quantity it is."""

    start: int
    end: int
    value: float
    kind: str  # count | money | area | percent | ratio | year | ordinal | day
    qualifier: str = "exact"
    qualifier_start: int | None = None
    currency: str | None = None
    per_year: bool = False
    spelled: bool = False
    significant_digits: int = 0

    @property
    def lead(self) -> int:
        """Where the quantity's phrase begins, its qualifier included."""
        return self.qualifier_start if self.qualifier_start is not None else self.start


@cache
def _qualifier_phrases() -> list[tuple[str, str]]:
    table = cues()["qualifiers"]
    pairs = [
        (phrase, name)
        for name in ("more_than", "about", "less_than", "up_to")
        for phrase in table[name]
    ]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


@cache
def _qualifier_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for phrase, name in _qualifier_phrases():
        names.setdefault(phrase, name)
    return names


@cache
def _qualifier_at_end() -> re.Pattern[str]:
    """The longest qualifier phrase that ends a (lower-cased, right-stripped) window."""
    body = "|".join(re.escape(phrase) for phrase, _ in _qualifier_phrases())
    return re.compile(rf"(?<![a-z0-9])(?:{body})$")


@cache
def _growth_verbs() -> frozenset[str]:
    return frozenset(cues()["qualifiers"]["growth_verbs"])


def _parse_digits(raw: str) -> float:
    return float(re.sub(r"[,\u00a0\u202f\u2009]", "", raw))


def _significant(raw: str) -> int:
    digits = re.sub(r"\D", "", raw).rstrip("0")
    return len(digits)


def read_qualifier(text: str, start: int) -> tuple[str, int | None]:
    """The qualifier written just before `start` ("more than", "about", "up to", ...)."""
    before = text[max(0, start - 40) : start]
    lowered = before.lower()
    stripped = lowered.rstrip()
    found = _qualifier_at_end().search(stripped)
    if found is not None:
        phrase = found.group()
        name = _qualifier_names()[phrase]
        phrase_start = start - (len(lowered) - len(stripped)) - len(phrase)
        if name == "up_to":
            # "rose 3.1 times, up to 2,150": after a verb of growth in its sentence, "up to"
            # means "rising to" and the figure is exact.
            lead = text[max(0, phrase_start - 120) : phrase_start].lower()
            lead = re.split(r"[.;!?]\s", lead)[-1]
            if any(word in _growth_verbs() for word in re.findall(r"[^\W\d_]+", lead)):
                return "exact", None
        return name, phrase_start
    words = re.findall(r"[a-z]+", lowered)[-5:]
    if any(word in cues()["qualifiers"]["ceiling_words"] for word in words) and "capacity" in words:
        return "up_to", None
    return "exact", None


def _classify(text: str, q: Quantity, raw: str) -> None:
    after = text[q.end : q.end + 60]
    scale_match = SCALE_AFTER.match(after)
    if scale_match:
        scale = scale_match.group("scale").lower()
        glued = scale_match.group("space") == ""
        if scale not in GLUED_ONLY_SCALES or glued:
            q.value *= SCALES[scale]
            q.end += scale_match.end()
            after = text[q.end : q.end + 60]
    if q.currency is None:
        currency_match = CURRENCY_AFTER.match(after)
        if currency_match:
            q.currency = CURRENCY_WORDS[currency_match.group("word").lower()]
            q.end += currency_match.end()
    if q.currency:
        q.kind = "money"
        return
    if PERCENT_AFTER.match(after):
        q.kind = "percent"
        q.end += PERCENT_AFTER.match(after).end()
        return
    if RATIO_AFTER.match(after):
        q.kind = "ratio"
        return
    area_match = AREA_AFTER.match(after)
    if area_match:
        unit = re.sub(r"[\s-]+", " ", area_match.group("unit").lower()).rstrip("s").rstrip(".")
        unit = unit.replace("sq. ", "sq ").replace("sq.", "sq ")
        unit = {"square meter": "square meter", "square metre": "square metre"}.get(unit, unit)
        factor = next((f for name, f in AREA_FACTORS.items() if unit.startswith(name)), 1.0)
        q.value *= factor
        q.kind = "area"
        q.end += area_match.end()
        return
    if ORDINAL_AFTER.match(after):
        q.kind = "ordinal"
        return
    plain = re.fullmatch(r"\d+", raw) is not None
    if (
        plain
        and 1 <= q.value <= 31
        and (MONTH_BEFORE.search(text[max(0, q.start - 12) : q.start]) or MONTH_AFTER.match(after))
    ):
        q.kind = "day"
        return
    if plain and len(raw) == 4 and 1900 <= q.value <= 2100 and not scale_match:
        q.kind = "year"
        return
    q.per_year = bool(PER_YEAR_AFTER.match(after))


def _spelled_value(span: str) -> float | None:
    from text_to_num import text2num

    words = span.lower().replace("-", " ").split()
    words = [w for w in words if w != "and"]
    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def find_quantities(
    text: str, start: int = 0, end: int | None = None, masked: list[tuple[int, int]] | None = None
) -> list[Quantity]:
    """Every quantity in text[start:end], skipping spans already read as dates or names."""
    end = len(text) if end is None else end
    spans = sorted(masked or [])
    mask_starts = [a for a, _ in spans]
    # The furthest end among the spans starting at or before each one: an overlap test by
    # bisection, so a sentence with thousands of numbers costs time in proportion to them.
    reach = list(accumulate((b for _, b in spans), max))

    def is_masked(a: int, b: int) -> bool:
        index = bisect_left(mask_starts, b)  # spans that start before b
        return index > 0 and reach[index - 1] > a

    found: list[Quantity] = []
    for match in NUMBER.finditer(text, start, end):
        num_start, num_end = match.span("num")
        if is_masked(num_start, num_end):
            continue
        raw = match.group("num")
        currency = match.group("cur")
        q = Quantity(
            start=match.start(),
            end=num_end,
            value=_parse_digits(raw),
            kind="count",
            currency=CURRENCY_PREFIXES[currency.lower()] if currency else None,
            significant_digits=_significant(raw),
        )
        _classify(text, q, raw)
        q.end = min(q.end, end)
        q.qualifier, q.qualifier_start = read_qualifier(text, q.start)
        found.append(q)
    for match in pattern("numbers", "fraction_of_scale").finditer(text, start, end):
        if is_masked(*match.span()):
            continue
        fraction = cues()["fractions"][re.sub(r"\s+", " ", match.group("fraction").lower())]
        value = round(fraction * SCALES[match.group("scale").lower()])
        q = Quantity(match.start(), match.end(), value, "count", significant_digits=1)
        _classify(text, q, str(value) + ".0")
        q.qualifier, q.qualifier_start = read_qualifier(text, q.start)
        found.append(q)
    found.sort(key=lambda q: q.start)
    digit_starts = [q.start for q in found]
    digit_reach = list(accumulate((q.end for q in found), max))

    def overlaps_digits(a: int, b: int) -> bool:
        index = bisect_left(digit_starts, b)
        return index > 0 and digit_reach[index - 1] > a

    for match in SPELLED.finditer(text, start, end):
        if is_masked(*match.span()) or overlaps_digits(*match.span()):
            continue
        value = _spelled_value(match.group())
        if value is None:
            continue
        q = Quantity(
            match.start(),
            match.end(),
            value,
            "count",
            spelled=True,
            significant_digits=_significant(str(int(value))),
        )
        _classify(text, q, str(int(value)) + ".0")
        q.qualifier, q.qualifier_start = read_qualifier(text, q.start)
        found.append(q)
    return sorted(found, key=lambda q: q.start)
