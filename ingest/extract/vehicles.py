"""What a number counts and what a vehicle count measures: output, sales, stock or a
plant's capacity, read from the words around it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.discourse import Discourse
from ingest.extract.lang import cues
from ingest.extract.numbers import Quantity

# A vehicle count below this is a phrase ("one in every three cars"), not a statistic.
MIN_VEHICLE_COUNT = 100


# No country of the region makes or sells more than this in a period: larger counts are
# world or China figures, which this warehouse does not record.
MAX_VEHICLE_COUNT = 5_000_000


# Rules look this far around a number, never the whole sentence (a table dumped on one line).
WINDOW_CHARS = 200


NOUN_WINDOW_CHARS = 120


TOKEN = re.compile(r"[\w’'.-]*\w|[^\w\s]")


@dataclass
class Noun:
    kind: str  # vehicle | robot | none | other
    end: int
    vehicle_type: str | None = None


def tokens_after(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text, start, min(end, start + NOUN_WINDOW_CHARS)))


def window_before(
    text: str, q: Quantity, analysis: SentenceAnalysis, width: int = WINDOW_CHARS
) -> str:
    """The words before a number, at most `width` characters of its sentence: every rule reads
    a bounded window, so a sentence costs time in proportion to its length."""
    return text[max(analysis.start, q.lead - width) : q.lead]


def noun_after(text: str, q: Quantity, end: int, analysis: SentenceAnalysis) -> Noun:
    """What the number counts, read from the words after it."""
    vehicles, robots = cuewords.words("nouns", "vehicle"), cuewords.words("nouns", "robot")
    others = cuewords.words("nouns", "non_vehicle_products")
    modifiers = cuewords.words("nouns", "vehicle_modifiers")
    names = [(c.start, c.end) for c in analysis.companies] + [
        (m.start, m.end) for m in analysis.models
    ]
    # "with 5,000 and 4,800 sold": in this domain a bare number a verb counts is vehicles.
    counted_by_verb = cuewords.words("grammar", "counting_verbs")
    tokens = tokens_after(text, q.end, end)
    if not tokens:
        return Noun("none", q.end)
    named_model = next(
        (
            m
            for m in analysis.models
            if 0 <= m.start - q.end <= 4 and not text[q.end : m.start].strip(" –—-")
        ),
        None,
    )
    if named_model is not None:
        # "29,200 Onix were produced": a model named right after the number is what it counts.
        following = tokens_after(text, named_model.end, end)[:1]
        word = following[0].group().lower() if following else ""
        if word in vehicles:
            return Noun("vehicle", following[0].end())
        if word not in others:
            return Noun("vehicle", named_model.end)
    for index, token in enumerate(tokens[:6]):
        word = token.group().lower().strip("’'")
        if word in robots:
            return Noun("robot", token.end())
        if word in vehicles:
            # "2,400 units of agricultural machinery": the units are not vehicles.
            of_what = cuewords.rule("units_of").match(text, token.end(), end)
            if of_what and not cuewords.has("nouns", "vehicle", of_what.group(1)):
                return Noun("other", token.end())
            # "600 EV charging spaces": the vehicle noun only modifies another noun.
            following = [t.group().lower() for t in tokens[index + 1 : index + 3]]
            if following and (following[0] in others or following[-1] in others):
                return Noun("other", token.end())
            phrase = text[q.end : token.end()].lower()
            vehicle_type = next(
                (v for k, v in cues()["vehicle_types"].items() if k in phrase), None
            )
            return Noun("vehicle", token.end(), vehicle_type)
        if word in others:
            return Noun("other", token.end())
        if index == 0 and word in counted_by_verb:
            return Noun("vehicle", q.end)
        in_time = any(x.start <= token.start() < x.end for x in analysis.times)
        if index == 0 and (
            word in cuewords.words("grammar", "function_words")
            or not token.group()[0].isalnum()
            or in_time
            or cuewords.rule("finite").fullmatch(word)
        ):
            if word == "-" and len(tokens) > 1:
                continue
            return Noun("none", q.end)
        in_name = any(a <= token.start() < b for a, b in names)
        if (
            in_name
            or word in modifiers
            or "-" in word
            or word in cuewords.words("grammar", "function_words")
        ):
            continue
        # "70,000 finished vehicles": a word the lists lack, right before a vehicle noun.
        ahead = [t.group().lower().strip("’'") for t in tokens[index + 1 : index + 3]]
        before_vehicle = (ahead and ahead[0] in vehicles) or (
            len(ahead) > 1 and ahead[1] in vehicles
        )
        if before_vehicle and not any(w in others for w in ahead):
            continue
        return Noun("other", token.end())
    return Noun("other", q.end)


def measured_by_trigger(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    """A bare number that a noun of output or sales governs in its clause ("Cobalt production
    from 90.2 thousand to 104.57 thousand", "sales amounted to 12,400"), of no other goods."""
    clause_start = cuewords.clause_bounds(text, q.lead, analysis.start, analysis.end)[0]
    window_start = max(clause_start, q.lead - 60)
    if not (
        cuewords.has("triggers", "output", text, window_start, q.lead)
        or cuewords.has("triggers", "sales", text, window_start, q.lead)
        or cuewords.has("triggers", "capacity", text, window_start, q.lead)
        or cuewords.pattern("capacity", "annual_volume").search(text, window_start, q.lead)
    ):
        return False
    if cuewords.has("nouns", "non_vehicle_products", text, clause_start, q.lead):
        return False
    return bool(
        cuewords.pattern("roles", "governed_number").search(window_before(text, q, analysis))
    )


def small_list_entry(
    text: str, q: Quantity, noun: Noun, counts: list[Quantity], analysis: SentenceAnalysis
) -> bool:
    """ "2,004 Chery cars, 4,112 KIA cars, 38 Exeed cars": a small figure for a brand or model
    in a list of larger ones is a figure too (a phrase like "one in three cars" is not)."""
    if q.spelled or q.value < 1 or not q.value.is_integer():
        return False
    named = [(c.start, c.end) for c in analysis.companies] + [
        (m.start, m.end) for m in analysis.models
    ]
    names_it = any(q.end < a and b <= noun.end for a, b in named) or any(
        b <= q.lead and not text[b : q.lead].strip(" –—-:") for _, b in named
    )
    return names_it and any(o is not q and o.value >= MIN_VEHICLE_COUNT for o in counts)


def labelled_vehicle_type(text: str, q: Quantity, analysis: SentenceAnalysis) -> str | None:
    """The vehicle type a figure's own clause names ("trucks – 9.8 thousand units")."""
    window = text[max(analysis.start, q.lead - 40) : q.lead].lower()
    window = re.split(r"\d", window)[-1]  # not the label of the figure before
    found = [
        (window.rfind(label), vehicle_type)
        for label, vehicle_type in cues()["vehicle_types"].items()
        if re.search(rf"\b{re.escape(label)}\b", window)
    ]
    return max(found)[1] if found else None


def named_list_entry(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    names = [(c.start, c.end) for c in analysis.companies if c.company.kind != "association"]
    names += [(m.start, m.end) for m in analysis.models]
    names += [(p.start, p.end) for p in analysis.places if p.place.kind != "country_adjective"]
    return any(
        end <= q.lead and cuewords.rule("entity_dash").match(text[end : q.lead]) for _, end in names
    )


def _nearest(spans: list[tuple[int, int]], position: int) -> int | None:
    if not spans:
        return None
    return min(abs((a + b) // 2 - position) for a, b in spans)


def has_non_vehicle_product(text: str, q: Quantity, start: int) -> bool:
    window = text[max(start, q.lead - 60) : q.lead].lower()
    products = cuewords.words("nouns", "non_vehicle_products")
    vehicles = cuewords.words("nouns", "vehicle")
    purpose = cuewords.words("grammar", "purpose_prepositions")
    modifiers = cuewords.words("nouns", "vehicle_modifiers")
    last_product = last_vehicle = -1
    for_what = False  # inside "engines for (passenger) cars"
    for m in re.finditer(r"\w+", window):
        word = m.group()
        if word in products:
            last_product = m.start()
        elif word in purpose and last_product > last_vehicle:
            for_what = True
        elif for_what and (word in vehicles or word in modifiers):
            continue
        elif word in vehicles and word not in cuewords.words("nouns", "generic_units"):
            last_vehicle = m.start()
        else:
            for_what = False
    return last_product > last_vehicle


def classify_vehicle_count(
    text: str, q: Quantity, noun_end: int, analysis: SentenceAnalysis, discourse: Discourse
) -> str | None:
    """Which of output, sales, stock or capacity a vehicle count measures, if any."""
    start, end = analysis.start, analysis.end
    clause_start, clause_end = cuewords.clause_bounds(text, q.start, start, end)
    before = text[max(start, q.lead - 70) : q.lead]
    if cuewords.pattern("capacity", "demand").search(before):
        return None
    if cuewords.has("triggers", "capacity", before):
        return "plant_capacity"
    wide = window_before(text, q, analysis, 160)
    nationwide = cuewords.has("triggers", "country_scope", text, clause_start, clause_end)
    if (
        cuewords.pattern("capacity", "annual_volume").search(wide)
        and (analysis.plants or cuewords.has("triggers", "plant", text, start, end))
        and not nationwide
    ):
        return "plant_capacity"
    explicit_time = any(not t.comparison and abs(t.start - q.end) < 60 for t in analysis.times)
    subject_is_country = nationwide or any(
        p.place.kind == "country" and clause_start <= p.start < q.start for p in analysis.places
    )
    plant_subject = any(clause_start <= p.start < q.start for p in analysis.plants) or (
        cuewords.has("triggers", "plant", text, clause_start, q.start)
    )
    if q.per_year and not subject_is_country and (not explicit_time or plant_subject):
        return "plant_capacity"
    position = q.start

    def triggers(key: str) -> int | None:
        # A trigger inside the counted phrase ("15,000 locally made cars") only modifies it.
        spans = [
            (a, b)
            for a, b in cuewords.spans("triggers", key, text, start, end)
            if not q.start <= a < noun_end
        ]
        return _nearest(spans, position)

    head = tokens_after(text, q.end, noun_end)
    if head and cuewords.has("triggers", "sales", head[-1].group()):
        return "vehicle_sales"  # "24,100 sales", "1,210 registrations": the noun is the trigger
    output, sales, stock = triggers("output"), triggers("sales"), triggers("stock")
    trade = triggers("trade")
    if trade is not None and all(d is None or trade < d for d in (output, sales, stock)):
        return None
    if trade is not None and sales is not None and output is None:
        # "4,567 EVs were delivered, 76% of car imports": deliveries counted as imports.
        sold = {text[a:b].lower() for a, b in cuewords.spans("triggers", "sales", text, start, end)}
        if sold <= cuewords.words("triggers", "deliveries"):
            return None
    is_ev = cuewords.has("nouns", "ev", text, start, end) or bool(
        cuewords.pattern("nouns", "ev_phrase").search(text, start, end)
    )
    counted = {w.group().lower() for w in tokens_after(text, q.end, noun_end)}
    if (
        is_ev
        and (stock is not None or sales is not None)
        and any(w in cuewords.words("nouns", "new_modifiers") for w in counted)
        and not _at_point_in_time(text, analysis)
    ):
        return "vehicle_sales"  # new EVs registered in a period: a flow, not the fleet
    if (
        is_ev
        and stock is not None
        and (output is None or stock <= output)
        and (sales is None or stock <= sales or _at_point_in_time(text, analysis))
    ):
        return "ev_stock"
    if output is not None and (sales is None or output <= sales):
        return "vehicle_output"
    if sales is not None:
        return "vehicle_sales"
    recent = analysis.sentence.index - discourse.last_fact_sentence <= 2
    if stock is not None:
        # "A year earlier there were 12,110": a bare figure continues the EV count before it.
        if (
            discourse.last_fact_type == "ev_stock"
            and recent
            and noun_end <= q.end
            and not cuewords.has("nouns", "other_fuels", text, start, end)
        ):
            return "ev_stock"
        # A fleet of all vehicles, not of electric ones: no fact type records it.
        return None
    if cuewords.has("triggers", "capacity", text, clause_start, clause_end):
        return "plant_capacity"
    if discourse.last_fact_type in ("vehicle_output", "vehicle_sales", "ev_stock") and recent:
        if discourse.last_fact_type == "ev_stock" and cuewords.has(
            "nouns", "other_fuels", text, start, end
        ):
            return None  # "972,252 units — petrol": the rest of the fleet, not electric cars
        return discourse.last_fact_type
    return None


def _at_point_in_time(text: str, analysis: SentenceAnalysis) -> bool:
    """The sentence dates its figure at a point ("as of 1 January 2024", "by the end of 2023")."""
    for t in analysis.times:
        if t.comparison:
            continue
        if t.period.grain == "day" or cuewords.spans(
            "triggers", "stock_dates", text, max(analysis.start, t.start - 16), t.start + 16
        ):
            return True
    return False


def ranks_a_model(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    """A model's place in a ranking ("the Onix remained the best-selling model with 7,120
    units") is not a figure of the market."""
    clause_start, clause_end = cuewords.clause_bounds(text, q.start, analysis.start, analysis.end)
    return cuewords.has("triggers", "model_level", text, clause_start, clause_end)


SEGMENTS = ("used", "electric", "hybrid", "foreign_brands", "domestic", "new")


def market_segment(text: str, q: Quantity, analysis: SentenceAnalysis) -> str | None:
    """The part of the market a figure counts (used, electric, ...), None for the whole."""
    start, end = cuewords.clause_bounds(text, q.start, analysis.start, analysis.end)
    for segment in SEGMENTS:
        if cuewords.has("segments", segment, text, max(analysis.start, start - 80), end):
            return segment
    return None
