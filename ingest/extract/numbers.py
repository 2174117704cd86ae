"""Find the numbers a sentence states and read each as a count, amount, area, share, year, ..."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from ingest.extract.cuewords import alternation, pattern, words
from ingest.extract.first_chars import compile_fast
from ingest.extract.lang import active_code, cues, pack
from ingest.extract.number_grammar import NumberGrammar, grammar

# "its 150,000th vehicle" counts vehicles made; "its 25th anniversary" counts nothing.
MILESTONE_ORDINAL = 1000


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
def _qualifier_patterns(code: str) -> list[tuple[str, re.Pattern[str]]]:
    """Per qualifier, its phrases ending a (lower-cased, right-stripped) window."""
    table = pack(code).cues["qualifiers"]
    return [
        (name, compile_fast(rf"(?<![^\W_])(?:{alternation(table[name])})$"))
        for name in ("more_than", "about", "less_than", "up_to")
    ]


def _qualifier_at_end(code: str, window: str) -> tuple[str, str] | None:
    """(qualifier, phrase) of the longest qualifier phrase that ends `window`."""
    found = [
        (m.start(), name, m.group())
        for name, p in _qualifier_patterns(code)
        if (m := p.search(window))
    ]
    if not found:
        return None
    _, name, phrase = min(found)
    return name, phrase


def _parse_digits(raw: str, numbers: NumberGrammar) -> float:
    digits = numbers.group_separators.sub("", raw)
    return float(digits.replace(numbers.decimal_separator, "."))


def _significant(raw: str) -> int:
    digits = re.sub(r"\D", "", raw).rstrip("0")
    return len(digits)


def read_qualifier(text: str, start: int) -> tuple[str, int | None]:
    """The qualifier written just before `start` ("more than", "about", "up to", ...)."""
    before = text[max(0, start - 40) : start]
    lowered = before.lower()
    stripped = lowered.rstrip()
    code = active_code()
    found = _qualifier_at_end(code, stripped)
    if found is not None:
        name, phrase = found
        phrase_start = start - (len(lowered) - len(stripped)) - len(phrase)
        word_before = re.findall(r"[^\W\d_]+", stripped[: len(stripped) - len(phrase)])[-1:]
        if word_before and word_before[0] in words("qualifiers", "place_verbs"):
            return "exact", None  # "spread over 40 hectares": where it lies, not how much
        if name == "up_to":
            # "rose 3.1 times, up to 2,150": after a verb of growth in its sentence, "up to"
            # means "rising to" and the figure is exact.
            lead = text[max(0, phrase_start - 120) : phrase_start]
            # Within its sentence: a stop before a capital, not an abbreviation ("4 тыс. до").
            ends = [
                m.end()
                for m in re.finditer(r"[.;!?]\s+", lead)
                if lead[m.end() : m.end() + 1].isupper()
            ]
            lead = lead[ends[-1] :].lower() if ends else lead.lower()
            if any(
                word in words("qualifiers", "growth_verbs")
                for word in re.findall(r"[^\W\d_]+", lead)
            ):
                return "exact", None
        return name, phrase_start
    tokens = re.findall(r"[^\W\d_]+", lowered)[-5:]
    ceiling, of = words("qualifiers", "ceiling_words"), words("qualifiers", "ceiling_of")
    if any(word in ceiling for word in tokens) and any(word in of for word in tokens):
        return "up_to", None
    return "exact", None


def _classify(text: str, q: Quantity, raw: str) -> None:
    numbers = grammar()
    after = text[q.end : q.end + 60]
    scale_match = numbers.scale_after.match(after)
    if scale_match:
        scale = scale_match.group("scale").lower()
        glued = scale_match.group("space") == ""
        if scale not in numbers.glued_only_scales or glued:
            q.value *= _scale_value(scale, numbers)
            q.end += scale_match.end()
            after = text[q.end : q.end + 60]
    if q.currency is None:
        currency_match = numbers.currency_after.match(after)
        if currency_match:
            q.currency = numbers.currency_words[currency_match.group("word").lower()]
            q.end += currency_match.end()
    if q.currency:
        q.kind = "money"
        return
    if percent := numbers.percent_after.match(after):
        q.kind = "percent"
        q.end += percent.end()
        return
    if numbers.ratio_after.match(after):
        q.kind = "ratio"
        return
    area_match = numbers.area_after.match(after)
    if area_match:
        unit = re.sub(r"[\s.-]+", " ", area_match.group("unit").lower()).strip().rstrip("s")
        factor = next((f for name, f in numbers.area_factors.items() if unit.startswith(name)), 1.0)
        q.value *= factor
        q.kind = "area"
        q.end += area_match.end()
        return
    if ordinal := numbers.ordinal_after.match(after):
        before = text[max(0, q.start - 20) : q.start]
        if q.value >= MILESTONE_ORDINAL and numbers.milestone_ordinal_before.search(before):
            q.end += ordinal.end()  # "its 150,000th vehicle": 150,000 vehicles made so far
            return
        q.kind = "ordinal"
        return
    plain = re.fullmatch(r"\d+", raw) is not None
    if (
        plain
        and 1 <= q.value <= 31
        and (
            numbers.month_before.search(text[max(0, q.start - 12) : q.start])
            or numbers.month_after.match(after)
        )
    ):
        q.kind = "day"
        return
    if plain and len(raw) == 4 and 1900 <= q.value <= 2100 and not scale_match:
        q.kind = "year"
        return
    q.per_year = bool(numbers.per_year_after.match(after))


def _scale_value(scale: str, numbers: NumberGrammar) -> float:
    """The factor of a scale word as written: "тыс." and "тысячи" are "тыс" and "тысяч"."""
    if scale in numbers.scales:
        return numbers.scales[scale]
    bare = scale.rstrip(".")
    if bare in numbers.scales:
        return numbers.scales[bare]
    return next(
        v for k, v in sorted(numbers.scales.items(), key=lambda i: -len(i[0])) if bare.startswith(k)
    )


def spelled_value(span: str) -> float | None:
    from text_to_num import text2num

    numbers = grammar()
    words = span.lower().replace("-", " ").split()
    words = [w for w in words if w not in numbers.spelled_joiners]
    if len(words) == 1 and words[0] in numbers.small_numbers:
        return float(numbers.small_numbers[words[0]])
    try:
        return float(text2num(" ".join(words), numbers.text2num_language))
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

    numbers = grammar()
    found: list[Quantity] = []
    compounds = [m for m in numbers.compound.finditer(text, start, end) if not is_masked(*m.span())]
    for match in compounds:
        # "15 тысяч 278", "1 миллион 697,1 тысячи": a larger unit and the rest written apart.
        value = float(match.group("high")) * _scale_value(match.group("scale").lower(), numbers)
        parts = match.groupdict()
        if parts.get("low_scaled"):
            low_raw = parts["low_scaled"]
            low = _parse_digits(low_raw, numbers) * _scale_value(
                parts["low_scale"].lower().rstrip("."), numbers
            ) + float(parts.get("units") or 0)
            low_raw += parts.get("units") or ""
        else:
            low_raw = parts["low"]
            low = float(low_raw)
        q = Quantity(match.start(), match.end(), value + low, "count")
        q.significant_digits = _significant(match.group("high") + low_raw)
        _classify(text, q, str(int(q.value)) + ".0")
        q.qualifier, q.qualifier_start = read_qualifier(text, q.start)
        found.append(q)
    taken = [m.span() for m in compounds]
    for match in numbers.number.finditer(text, start, end):
        num_start, num_end = match.span("num")
        if is_masked(num_start, num_end) or any(a <= num_start < b for a, b in taken):
            continue
        raw = match.group("num")
        currency = match.group("cur")
        q = Quantity(
            start=match.start(),
            end=num_end,
            value=_parse_digits(raw, numbers),
            kind="count",
            currency=numbers.currency_prefixes[currency.lower()] if currency else None,
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
        value = round(fraction * numbers.scales[match.group("scale").lower()])
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

    for match in numbers.spelled.finditer(text, start, end):
        if is_masked(*match.span()) or overlaps_digits(*match.span()):
            continue
        spelled = spelled_value(match.group())
        if spelled is None:
            continue
        q = Quantity(
            match.start(),
            match.end(),
            spelled,
            "count",
            spelled=True,
            significant_digits=_significant(str(int(spelled))),
        )
        _classify(text, q, str(int(spelled)) + ".0")
        q.qualifier, q.qualifier_start = read_qualifier(text, q.start)
        found.append(q)
    return sorted(found, key=lambda q: q.start)
