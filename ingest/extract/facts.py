"""Rules that turn the quantities and times of a sentence into facts of the contract."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.contract import PLANT_FACT_TYPES, Fact
from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.attach import TIME_EVIDENCE, Attachment, attach_time, plant_time
from ingest.extract.confidence import BASE, confidence
from ingest.extract.discourse import Discourse, PlantRef
from ingest.extract.lang import cues
from ingest.extract.numbers import Quantity
from ingest.extract.periods import Period, TimeExpression

# A vehicle count below this is a phrase ("one in every three cars"), not a statistic.
MIN_VEHICLE_COUNT = 100
# A time this close after a number is that number's time ("41,000 a year earlier").
ADJACENT_TIME_CHARS = 24
# No country of the region makes or sells more than this in a period: larger counts are
# world or China figures, which this warehouse does not record.
MAX_VEHICLE_COUNT = 5_000_000
# Rules look this far around a number, never the whole sentence (a table dumped on one line).
WINDOW_CHARS = 200
NOUN_WINDOW_CHARS = 120
TOKEN = re.compile(r"[\w’'.-]*\w|[^\w\s]")
FUNCTION_WORDS = frozenset(
    "were was are is be been being have has had will would in by to from and or for at of on "
    "with than compared year years per a an the this that which who while as up down last since "
    "during after before between across respectively each annually yearly a-year".split()
)
PLAN_AUXILIARIES = frozenset(
    "is are was were be been will to scheduled expected set planned due slated about going".split()
)
UNLISTED_MODEL = re.compile(
    r"\s+(?:of\s+|with\s+)?(?:the\s+)?(?:new(?:-generation)?\s+)?"
    r"(?P<name>(?:[A-Z][\w-]*|\d[\w-]*)(?:\s+(?:[A-Z][\w-]*|\d[\w-]*)){0,2})\b"
)
PLANT_AFTER_NAME = re.compile(
    r"\s+(?:plant|factory|facility|site|enterprise|company|group)\b", re.IGNORECASE
)
CHANGE_AFTER = re.compile(
    r"\s+(?:more|fewer|less|higher|lower|above|below)\b(?!\s+than\s+\d)", re.IGNORECASE
)
CHANGE_BEFORE = re.compile(
    r"\b(?:by|(?:of\s+)?(?:an?\s+)?(?:additional|extra|another))\s+$", re.IGNORECASE
)
FROM_TO_AFTER = re.compile(
    r"[^,;.]{0,40}?\bto\s+(?:about\s+|over\s+|more\s+than\s+)?[\d$]", re.IGNORECASE
)
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
LIST_LINK = re.compile(r"^\s*(?:,|and|or|to|–|-|—|,\s*and)\s*$", re.IGNORECASE)
ANAPHORIC_FIGURE = re.compile(
    r"\b(?:that|this|their|its)\s+(?:figure|number|indicator|total|volume|count)\b",
    re.IGNORECASE,
)
ENTITY_DASH = re.compile(r"^\s*(?:[–—:-]|\()\s*$")
FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|shall|should|can|could|did|does|do|"
    r"spans|employs|features|provides|operates|produces|makes|holds|sold|produced|made|rose|"
    r"grew|fell|reached|totaled|totalled|amounted|exceeded|surpassed|began|started|occupies|"
    r"covers|includes|houses|comprises|boasts|stands|totals|accounts|cost|costs|opened|"
    r"employs|assembled|manufactured|registered|launched|built|exported)\b",
    re.IGNORECASE,
)
# "198,600 were sold": a bare number that a verb of output or sales counts.
PASSIVE_COUNT = re.compile(
    r"\s+(?:were|was|are|have\s+been|had\s+been)\s+(?:sold|produced|"
    r"manufactured|assembled|registered)\b",
    re.IGNORECASE,
)
# "while Chery delivered 8,500": a bare number a verb of output or sales counts.
COUNTING_VERB_BEFORE = re.compile(
    r"\b(?:sold|delivered|produced|manufactured|assembled|made|registered)\s+$", re.IGNORECASE
)
# "Tashkent accounts for 31,000 of them": a share of the figure before.
OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|these|those|which)\b", re.IGNORECASE)
PASSENGER_CARS = re.compile(r"\bpassenger\s+cars?\b", re.IGNORECASE)
UNITS_OF = re.compile(r"\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)
MODEL_REFERENCE = re.compile(r"\bthe\s+model\b", re.IGNORECASE)


@dataclass
class Noun:
    kind: str  # vehicle | robot | none | other
    end: int
    vehicle_type: str | None = None


def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text, start, min(end, start + NOUN_WINDOW_CHARS)))


def _before(text: str, q: Quantity, analysis: SentenceAnalysis, width: int = WINDOW_CHARS) -> str:
    """The words before a number, at most `width` characters of its sentence: every rule reads
    a bounded window, so a sentence costs time in proportion to its length."""
    return text[max(analysis.start, q.lead - width) : q.lead]


def noun_after(text: str, q: Quantity, end: int, analysis: SentenceAnalysis) -> Noun:
    """What the number counts, read from the words after it."""
    nouns = cues()["nouns"]
    vehicles, robots = set(nouns["vehicle"]), set(nouns["robot"])
    others = set(nouns["non_vehicle_products"])
    modifiers = set(nouns["vehicle_modifiers"])
    names = [(c.start, c.end) for c in analysis.companies] + [
        (m.start, m.end) for m in analysis.models
    ]
    # "with 5,000 and 4,800 sold": in this domain a bare number a verb counts is vehicles.
    counted_by_verb = {"sold", "produced", "manufactured", "assembled", "delivered"}
    tokens = _tokens(text, q.end, end)
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
        following = _tokens(text, named_model.end, end)[:1]
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
            of_what = UNITS_OF.match(text, token.end(), end)
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
        if index == 0 and (word in FUNCTION_WORDS or not token.group()[0].isalnum()):
            if word == "-" and len(tokens) > 1:
                continue
            return Noun("none", q.end)
        in_name = any(a <= token.start() < b for a, b in names)
        if in_name or word in modifiers or "-" in word or word in FUNCTION_WORDS:
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


def _measured_by_trigger(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
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
    return bool(cuewords.pattern("roles", "governed_number").search(_before(text, q, analysis)))


def _vehicle_weaknesses(
    text: str,
    q: Quantity,
    noun: Noun,
    attachment: Attachment,
    subject: str,
    analysis: SentenceAnalysis,
    discourse: Discourse,
    figures: int,
) -> list[str]:
    """The weaker pieces of evidence a vehicle figure was read with (see confidence.py)."""
    weak = []
    if noun.end <= q.end:
        weak.append("noun_inferred")
    clause = cuewords.clause_bounds(text, q.start, analysis.start, analysis.end)
    if not any(
        cuewords.has("triggers", key, text, *clause) for key in ("output", "sales", "stock")
    ):
        weak.append("trigger_outside_clause")
    main = discourse.main_country.name if discourse.main_country else None
    named = {p.place.name for p in analysis.places} | {c.company.name for c in analysis.companies}
    if subject in ("unknown", main) and subject not in named:
        weak.append("subject_fallback")
    if attachment.role == "baseline":
        weak.append("baseline")
    if figures >= 4:
        weak.append("crowded")
    if q.value < MIN_VEHICLE_COUNT:
        weak.append("small_figure")
    return weak


def _small_list_entry(
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


def _named_list_entry(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    names = [(c.start, c.end) for c in analysis.companies if c.company.kind != "association"]
    names += [(m.start, m.end) for m in analysis.models]
    names += [(p.start, p.end) for p in analysis.places if p.place.kind != "country_adjective"]
    return any(end <= q.lead and ENTITY_DASH.match(text[end : q.lead]) for _, end in names)


def _nearest(spans: list[tuple[int, int]], position: int) -> int | None:
    if not spans:
        return None
    return min(abs((a + b) // 2 - position) for a, b in spans)


def _has_non_vehicle_product(text: str, q: Quantity, start: int) -> bool:
    window = text[max(start, q.lead - 60) : q.lead].lower()
    products = cuewords.words("nouns", "non_vehicle_products")
    vehicles = cuewords.words("nouns", "vehicle")
    last_product = last_vehicle = -1
    for m in re.finditer(r"[a-z]+", window):
        if m.group() in products:
            last_product = m.start()
        elif m.group() in vehicles and m.group() not in ("unit", "units"):
            last_vehicle = m.start()
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
    wide = _before(text, q, analysis, 160)
    if cuewords.pattern("capacity", "annual_volume").search(wide) and (
        analysis.plants or cuewords.has("triggers", "plant", text, start, end)
    ):
        return "plant_capacity"
    explicit_time = any(not t.comparison and abs(t.start - q.end) < 60 for t in analysis.times)
    subject_is_country = any(
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
    if stock is not None:
        # A fleet of all vehicles, not of electric ones: no fact type records it.
        return None
    if cuewords.has("triggers", "capacity", text, clause_start, clause_end):
        return "plant_capacity"
    recent = analysis.sentence.index - discourse.last_fact_sentence <= 2
    if discourse.last_fact_type in ("vehicle_output", "vehicle_sales", "ev_stock") and recent:
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


def _ranks_a_model(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    """A model's place in a ranking ("the Onix remained the best-selling model with 7,120
    units") is not a figure of the market."""
    clause_start, clause_end = cuewords.clause_bounds(text, q.start, analysis.start, analysis.end)
    return cuewords.has("triggers", "model_level", text, clause_start, clause_end)


def _respectively_subject(
    text: str, q: Quantity, analysis: SentenceAnalysis, counts: list[Quantity]
) -> str | None:
    if "respectively" not in text[analysis.start : analysis.end]:
        return None
    first = counts[0].lead if counts else q.lead
    names = [(c.start, c.company.name) for c in analysis.companies if c.start < first]
    names += [(m.start, m.text) for m in analysis.models if m.start < first]
    names += [(p.start, p.place.name) for p in analysis.places if p.start < first]
    names.sort()
    names = [
        n
        for n in names
        if not any(
            o is not n and o[0] <= n[0] and n[0] < o[0] + len(o[1]) and len(o[1]) > len(n[1])
            for o in names
        )
    ]
    index = counts.index(q) if q in counts else -1
    if 0 <= index < len(names) and len(names) == len(counts):
        return names[index][1]
    return None


def vehicle_subject(
    text: str, q: Quantity, analysis: SentenceAnalysis, counts: list[Quantity], discourse: Discourse
) -> tuple[str, str | None]:
    """The country, place, brand, model or plant a vehicle figure is about, and its location."""
    clause_start, _ = cuewords.clause_bounds(text, q.lead, analysis.start, analysis.end)
    main = discourse.main_country.name if discourse.main_country else None
    places = [p for p in analysis.places if p.place.kind != "country_adjective"]
    location = None
    in_clause_places = [p for p in places if p.end <= q.lead]
    if in_clause_places:
        location = in_clause_places[-1].place.name
    elif places:
        location = places[0].place.name
    elif analysis.places:
        location = analysis.places[0].place.country
    location = location or main

    named = _respectively_subject(text, q, analysis, counts)
    if named:
        return named, location

    candidates: list[tuple[int, int, str, str]] = []
    for c in analysis.companies:
        if c.company.kind in ("brand", "manufacturer", "dealer"):
            candidates.append((c.start, c.end, c.company.name, "company"))
    for m in analysis.models:
        candidates.append((m.start, m.end, m.text, "model"))
    for p in places:
        candidates.append((p.start, p.end, p.place.name, p.place.kind))
    for plant in analysis.plants:
        if plant.operator and not plant.anaphoric:
            label = plant.name or f"{plant.operator} plant"
            candidates.append((plant.start, plant.end, label, "plant"))
    # "Almaty – 4,946 units", "Chevrolet Cobalt –101,617 cars": the name right before.
    for _, b, name, kind in sorted(candidates, key=lambda c: -c[1]):
        if b <= q.lead and ENTITY_DASH.match(text[b : q.lead]):
            return name, (name if kind not in ("company", "model", "plant") else location)
    before = [c for c in candidates if clause_start <= c[0] and c[1] <= q.lead]
    if not before:
        before = [c for c in candidates if c[1] <= q.lead and c[3] in ("company", "model", "plant")]
    if MODEL_REFERENCE.search(_before(text, q, analysis)) and discourse.last_model:
        return discourse.last_model, location
    if before:
        # The longest, nearest name wins: a plant over its operator, a model over its brand.
        _, _, name, kind = max(before, key=lambda c: (c[1], c[1] - c[0]))
        return name, (name if kind not in ("company", "model", "plant") else location)
    countries = [p.place.name for p in analysis.places if p.place.kind == "country"]
    if countries:
        return countries[0], location
    return (main or location or "unknown"), location


def model_figure(
    text: str,
    q: Quantity,
    noun_end: int,
    subject: str,
    analysis: SentenceAnalysis,
    discourse: Discourse,
) -> tuple[str, str | None]:
    """(subject, model) of a vehicle figure: a figure that counts one model has the model and,
    as subject, the maker the sentence names before it (else the model's brand)."""
    counted = next(
        (
            m
            for m in analysis.models
            if q.end < m.start < max(noun_end, q.end + 5)
            and not text[q.end : m.start].strip(" –—-")
        ),
        None,
    )
    named = counted or next(
        (m for m in analysis.models if m.text == subject or m.model.name == subject), None
    )
    if named is None:
        if discourse.last_model and subject == discourse.last_model:
            return discourse.last_model_brand or subject, discourse.last_model
        return subject, None
    # "Gentra (Lacetti)": the name in brackets is another name of the model before it.
    previous = [m for m in analysis.models if m.end <= named.start]
    if previous and text[previous[-1].end : named.start].strip() == "(":
        named = previous[-1]
    written_with = [
        c
        for c in analysis.companies
        if named.start <= c.start < named.end and c.company.kind in ("brand", "manufacturer")
    ]
    clause_start = cuewords.clause_bounds(text, named.start, analysis.start, analysis.end)[0]
    before = [
        c
        for c in analysis.companies
        if c.company.kind in ("brand", "manufacturer") and clause_start <= c.start < named.start
    ]
    if written_with:
        maker = written_with[0].company.name
    elif before:
        maker = max(before, key=lambda c: c.end).company.name
    else:
        maker = named.model.brand
    return maker, named.model.name


GROUP_OF_PLANTS = re.compile(
    r"\b(?P<phrase>(?:\d+|two|three|four|five|six|several|the|these)\s+(?:\w+\s+){0,3}?"
    r"(?:plants|factories|enterprises|facilities))\b",
    re.IGNORECASE,
)


PHASE = re.compile(
    r"\b(?:the\s+)?(first|second|third|initial|next|final)\s+(phase|stage)\b", re.IGNORECASE
)
PART_OF_PLANT = re.compile(
    r"\b((?:[a-z-]+\s+)?(?:area|section|shop|building|workshop|warehouse|hall|zone))\s+of\s*$",
    re.IGNORECASE,
)
WHOLE_PLANT_WORDS = frozenset(
    {
        "area",
        "total area",
        "an area",
        "site area",
        "land area",
        "the area",
        "its area",
        "overall area",
        "a total area",
    }
)
CLAUSE_RESTART = re.compile(r",\s+(?:the|a|an|its)\s", re.IGNORECASE)


def plant_scope(text: str, q: Quantity, analysis: SentenceAnalysis) -> str | None:
    """The part of a plant a figure is about ("first phase", "production area"), else None."""
    before = _before(text, q, analysis, 2 * WINDOW_CHARS)
    part = PART_OF_PLANT.search(before)
    if (
        part
        and part.group(1).lower() not in WHOLE_PLANT_WORDS
        and not part.group(1).lower().startswith(("an ", "a ", "the ", "its "))
    ):
        return part.group(1).lower()
    phases = list(PHASE.finditer(before))
    if phases and not CLAUSE_RESTART.search(before[phases[-1].end() :]):
        return f"{phases[-1].group(1).lower()} {phases[-1].group(2).lower()}"
    return None


def _scoped(label: str, scope: str | None) -> str:
    return f"{label}, {scope}" if scope else label


SEGMENTS = ("used", "electric", "hybrid", "foreign_brands", "domestic", "new")


def market_segment(text: str, q: Quantity, analysis: SentenceAnalysis) -> str | None:
    """The part of the market a figure counts (used, electric, ...), None for the whole."""
    start, end = cuewords.clause_bounds(text, q.start, analysis.start, analysis.end)
    for segment in SEGMENTS:
        if cuewords.has("segments", segment, text, max(analysis.start, start - 80), end):
            return segment
    return None


def _plant_ref(analysis: SentenceAnalysis, discourse: Discourse) -> PlantRef:
    # "two new automotive plants ... with a combined capacity": a fact about the group.
    group = GROUP_OF_PLANTS.search(analysis.text, analysis.start, analysis.end)
    if group:
        places = [p.place.name for p in analysis.places if p.place.kind != "country_adjective"]
        where = ", ".join(dict.fromkeys(places)) or None
        label = group.group("phrase") + (f" ({where})" if where else "")
        return PlantRef(label, None, "; ".join(dict.fromkeys(places)) or None)
    if discourse.plant is not None:
        return discourse.plant
    location = discourse.plant_location or (
        discourse.main_country.name if discourse.main_country else None
    )
    return PlantRef(None, discourse.main_company, location)


PAST_TENSE = re.compile(
    r"\b(?:was|were|had|has\s+been|have\s+been|opened|launched|began|started|built|"
    r"inaugurated|completed|commissioned|cost|invested|produced|installed)\b",
    re.IGNORECASE,
)
SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
WHEN_LINK = re.compile(r"^\s*,?\s*when\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)


def text_between(analysis: SentenceAnalysis, start: int, end: int) -> str:
    return analysis.text[start:end] if start <= end else ""


def modality(text: str, position: int, analysis: SentenceAnalysis) -> str:
    """`future` where the clause looks ahead; `future_sentence` where only the sentence does
    (the clause has no verb of its own); else `actual`."""
    start, end = cuewords.clause_bounds(text, position, analysis.start, analysis.end)
    if cuewords.has("modality", "future", text, start, end):
        return "future"
    if FINITE.search(text, start, end):
        return "actual"
    # A clause without a verb ("worth $160 million") takes the mood of the nearest clause
    # that has one, looking ahead first, then back.
    clauses = cuewords.clauses(text, analysis.start, analysis.end)
    here = next((i for i, (a, b) in enumerate(clauses) if a <= position < b), 0)
    for a, b in clauses[here + 1 :] + clauses[:here][::-1]:
        if cuewords.has("modality", "future", text, a, b):
            return "future_sentence"
        if FINITE.search(text, a, b):
            return "actual"
    return "actual"


def status_for(
    fact_type: str, mood: str, period: Period | None, discourse: Discourse, explicit: bool
) -> str:
    """actual, projected or planned, from the mood and the period against the publication date."""
    published = discourse.published
    if published and period is not None and explicit:
        if period.last < published and mood == "future_sentence":
            mood = "actual"
        elif period.first > published:
            mood = "future"
    if not mood.startswith("future"):
        return "actual"
    return "planned" if fact_type in PLANT_FACT_TYPES else "projected"


def _is_global(text: str, analysis: SentenceAnalysis, discourse: Discourse) -> bool:
    if cuewords.has("triggers", "global_scope", text, analysis.start, analysis.end):
        discourse.global_paragraph = analysis.sentence.paragraph
        return True
    return discourse.global_paragraph == analysis.sentence.paragraph


def _plant_context(text: str, analysis: SentenceAnalysis, discourse: Discourse) -> bool:
    """Whether the article has spoken of a plant by now, so that areas and money are its."""
    return discourse.plant is not None or discourse.plant_mentioned


def _evidence(text: str, analysis: SentenceAnalysis) -> tuple[str, int, int]:
    start, end = analysis.start, analysis.end
    return text[start:end], start, end


def _fact(
    discourse: Discourse, fact_type: str, analysis: SentenceAnalysis, text: str, **fields: object
) -> Fact:
    evidence, start, end = _evidence(text, analysis)
    return Fact(
        article_id=discourse.article_id,
        fact_type=fact_type,
        evidence=evidence,
        char_start=start,
        char_end=end,
        **fields,
    )  # type: ignore[arg-type]


def quantity_facts(text: str, analysis: SentenceAnalysis, discourse: Discourse) -> list[Fact]:
    """Facts carried by the numbers of one sentence."""
    facts: list[Fact] = []
    if _is_global(text, analysis, discourse):
        return facts
    counts = [q for q in analysis.quantities if q.kind == "count"]
    nouns = {id(q): noun_after(text, q, analysis.end, analysis) for q in counts}
    # A count with no noun borrows one from the list it stands in ("914 to 8,366 units").
    for index, q in enumerate(counts):
        if nouns[id(q)].kind != "none":
            continue
        for later in counts[index + 1 :]:
            if LIST_LINK.match(text[q.end : later.lead]) or later.lead - q.end < 3:
                if nouns[id(later)].kind != "none":
                    nouns[id(q)] = nouns[id(later)]
                    break
                continue
            break
    listed_vehicles = any(n.kind == "vehicle" for n in nouns.values())
    counted_nouns = {n.end for n in nouns.values() if n.kind == "vehicle"}
    measured = [
        b
        for a, b in cuewords.spans("nouns", "vehicle", text, analysis.start, analysis.end)
        if b not in counted_nouns
    ]
    vehicle_counts = []
    superseded: list[Quantity] = []
    for q in counts:
        noun = nouns[id(q)]
        if noun.kind == "none":
            before = _before(text, q, analysis)
            if listed_vehicles and re.search(r"(?:[–—:(-]|\b(?:from|to|with))\s*$", before):
                noun = Noun("vehicle", q.end)
            elif _named_list_entry(text, q, analysis):
                # "Chevrolet – 61,200; BYD – 5,400": a brand, model or place and its figure.
                noun = Noun("vehicle", q.end)
            elif any(b <= q.lead for b in measured):
                # "the number of registered electric vehicles grew from about 1,500"
                noun = Noun("vehicle", q.end)
            elif _measured_by_trigger(text, q, analysis):
                # "raised Nexia output from 40.1 thousand to 52.3 thousand"
                noun = Noun("vehicle", q.end)
            elif (
                (ANAPHORIC_FIGURE.search(before) and discourse.last_fact_type)
                or PASSIVE_COUNT.match(text, q.end, analysis.end)
                or COUNTING_VERB_BEFORE.search(before)
                or (OF_THEM_AFTER.match(text, q.end, analysis.end) and discourse.last_fact_type)
            ):
                noun = Noun("vehicle", q.end)
        if noun.kind == "robot":
            if discourse.other_plant:
                continue
            facts.append(
                _plant_fact(
                    "plant_robots", q, "robots", analysis, discourse, period_from_sentence=False
                )
            )
            continue
        if noun.kind != "vehicle":
            continue
        if q.value > MAX_VEHICLE_COUNT or (
            q.value < MIN_VEHICLE_COUNT and not _small_list_entry(text, q, noun, counts, analysis)
        ):
            continue
        before = _before(text, q, analysis)
        if CHANGE_BEFORE.search(before) or CHANGE_AFTER.match(text[q.end : analysis.end]):
            continue
        if cuewords.pattern("roles", "superseded_before").search(before) or (
            superseded and LIST_LINK.match(text[superseded[-1].end : q.lead])
        ):
            superseded.append(q)  # "versus the initial estimates of 666,000 and 74,000"
            continue
        if _has_non_vehicle_product(text, q, analysis.start):
            continue
        if _ranks_a_model(text, q, analysis):
            continue
        vehicle_counts.append((q, noun))

    for q, noun in vehicle_counts:
        fact_type = classify_vehicle_count(text, q, noun.end, analysis, discourse)
        if fact_type is None:
            continue
        is_from = bool(FROM_BEFORE.search(_before(text, q, analysis)))
        vehicle_type = noun.vehicle_type or labelled_vehicle_type(text, q, analysis)
        if (
            vehicle_type is None
            and len(vehicle_counts) == 1
            and PASSENGER_CARS.search(text, analysis.start, analysis.end)
        ):
            vehicle_type = "passenger_cars"  # "passenger car production rose to 153,800 units"
        mood = modality(text, q.start, analysis)
        if is_from and FROM_TO_AFTER.match(text, q.end, analysis.end):
            mood = "actual"  # "will be increased from 60,000 to 120,000": 60,000 is today's
        elif mood == "actual" and cuewords.has(
            "modality", "forecast_nouns", text, analysis.start, q.lead
        ):
            mood = "future_sentence"  # "the forecast for TIV comprises ... 696,150 units"
        if fact_type == "plant_capacity":
            if discourse.other_plant:
                continue
            facts.append(
                _plant_fact(
                    fact_type,
                    q,
                    "vehicles_per_year",
                    analysis,
                    discourse,
                    vehicle_type=vehicle_type,
                )
            )
            continue
        attachment = attach_time(text, q, analysis, discourse)
        period, explicit = attachment.period, attachment.explicit
        segment = market_segment(text, q, analysis)
        subject, location = vehicle_subject(
            text, q, analysis, [c for c, _ in vehicle_counts], discourse
        )
        subject, model = model_figure(text, q, noun.end, subject, analysis, discourse)
        if model is None:
            # "3,150 Chery cars": the brand named between a number and its noun is its subject.
            brand = next(
                (
                    c.company.name
                    for c in analysis.companies
                    if q.end < c.start
                    and c.end <= noun.end
                    and c.company.kind in ("brand", "manufacturer")
                ),
                None,
            )
            subject = brand or subject
        facts.append(
            _fact(
                discourse,
                fact_type,
                analysis,
                text,
                subject=subject,
                location=location,
                period=period.label if period else None,
                value=q.value,
                unit="vehicles",
                qualifier=q.qualifier,
                status=status_for(fact_type, mood, period, discourse, explicit),
                vehicle_type=vehicle_type,
                model=model,
                segment=segment,
                confidence=confidence(
                    TIME_EVIDENCE[attachment.how],
                    *_vehicle_weaknesses(
                        text, q, noun, attachment, subject, analysis, discourse, len(vehicle_counts)
                    ),
                ),
            )
        )

    for q in analysis.quantities:
        if q.kind == "money":
            fact = _investment_fact(text, q, analysis, discourse)
        elif (
            q.kind == "area"
            and _plant_context(text, analysis, discourse)
            and not discourse.other_plant
        ):
            fact = _plant_fact("plant_area", q, "m2", analysis, discourse, value=round(q.value))
        else:
            fact = None
        if fact is not None:
            facts.append(fact)
    return facts


def _plant_fact(
    fact_type: str,
    q: Quantity,
    unit: str | None,
    analysis: SentenceAnalysis,
    discourse: Discourse,
    *,
    period_from_sentence: bool = True,
    value: float | None = None,
    vehicle_type: str | None = None,
) -> Fact:
    """A figure about the plant the article is talking about (or the part of it named)."""
    text = analysis.text
    plant = _plant_ref(analysis, discourse)
    scope = plant_scope(text, q, analysis)
    period = plant_time(text, q, analysis) if period_from_sentence else None
    explicit = period is not None
    mood = modality(text, q.start, analysis)
    if FROM_BEFORE.search(_before(text, q, analysis)) and FROM_TO_AFTER.match(
        text, q.end, analysis.end
    ):
        mood = "actual"  # "will be increased from 60,000 to 120,000": 60,000 is today's
    elif mood == "actual" and discourse.plant_planned:
        clause = cuewords.clause_bounds(text, q.start, analysis.start, analysis.end)
        if not PAST_TENSE.search(text, analysis.start, clause[1]):
            mood = "future"
    return _fact(
        discourse,
        fact_type,
        analysis,
        text,
        subject=_scoped(plant.label, scope),
        scope=scope,
        location=plant.location,
        period=period.label if period else None,
        plant_operator=plant.operator,
        plant_city=plant.location,
        value=q.value if value is None else value,
        unit=unit,
        qualifier=q.qualifier,
        status=status_for(fact_type, mood, period, discourse, explicit),
        vehicle_type=vehicle_type,
        confidence=confidence(
            BASE["plant_metric"],
            *([] if analysis.plants or plant_named_here(analysis) else ["plant_from_discourse"]),
        ),
    )


def plant_named_here(analysis: SentenceAnalysis) -> bool:
    return cuewords.has("triggers", "plant", analysis.text, analysis.start, analysis.end)


def _owned_by_other(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    """The amount belongs to something other than a plant named nearer to it: a region's
    projects, a budget, trade ("52 projects in agriculture worth 90 billion tenge")."""
    before = _before(text, q, analysis)
    others = [m.end() for m in cuewords.pattern("plant_money", "other_owner").finditer(before)]
    if not others:
        return False
    plants = [b for _, b in cuewords.spans("triggers", "plant", before)]
    return not plants or max(others) >= max(plants)


def _investment_fact(
    text: str, q: Quantity, analysis: SentenceAnalysis, discourse: Discourse
) -> Fact | None:
    window_start = max(analysis.start, q.lead - 60)
    # A figure in brackets converts the one before it ("KZT 1 bn ($2 m)"): not a second fact.
    if text[max(analysis.start, q.lead - 2) : q.lead].strip().endswith("("):
        return None
    if discourse.other_plant:
        return None
    owns = cuewords.pattern("plant_money", "plant_after").match(text, q.end, analysis.end)
    built_for = cuewords.pattern("plant_money", "built_for_before").search(
        _before(text, q, analysis)
    )
    if owns or built_for:
        discourse.plant_mentioned = True
        return _plant_fact("plant_investment", q, q.currency, analysis, discourse)
    if not _plant_context(text, analysis, discourse):
        return None
    cue = cuewords.spans("triggers", "investment", text, window_start, q.lead)
    after_cue = cuewords.spans("triggers", "investment", text, q.end, min(analysis.end, q.end + 40))
    if not cue and not after_cue:
        return None
    if _owned_by_other(text, q, analysis):
        return None
    if cue:
        cue_start = cue[-1][0]
        words_before_cue = re.findall(
            r"[a-z]+", text[max(analysis.start, cue_start - 25) : cue_start].lower()
        )
        if words_before_cue and words_before_cue[-1] in cuewords.words(
            "triggers", "money_of_products"
        ):
            return None
        if re.search(r"\b(?:vehicles|cars|units)\s+(?:valued|worth)", text[window_start : q.lead]):
            return None
    return _plant_fact("plant_investment", q, q.currency, analysis, discourse)


PRODUCTION_NOUN_BEFORE_PLANT = re.compile(
    r"^\s+(?:plant|factory|facility|line|shop|site|hub)\b", re.IGNORECASE
)


def _produces_other_goods(text: str, position: int, end: int) -> bool:
    """ "production of ... components": the goods named after the noun are not vehicles."""
    following = re.findall(r"[a-z]+", text[position : min(end, position + 50)].lower())[:6]
    products = cuewords.words("nouns", "non_vehicle_products")
    vehicles = cuewords.words("nouns", "vehicle")
    for word in following:
        if word in vehicles:
            return False
        if word in products:
            return True
    return False


def _start_cues(text: str, analysis: SentenceAnalysis) -> list[tuple[int, int, str]]:
    start, end = analysis.start, analysis.end
    found: list[tuple[int, int, str]] = []
    verbs = cuewords.spans("production_start", "start_verbs", text, start, end)
    nouns = [
        (a, b)
        for a, b in cuewords.spans("production_start", "start_nouns", text, start, end)
        if not PRODUCTION_NOUN_BEFORE_PLANT.match(text[b : b + 12])
        and text[a:b].lower() not in ("start", "launch")
    ]
    plant_before = {
        a
        for a, _ in nouns
        if any(p.start < a for p in analysis.plants)
        or cuewords.has("triggers", "plant", text, start, a)
    }
    nouns = [(a, b) for a, b in nouns if not _produces_other_goods(text, b, end)]
    gerunds = cuewords.spans("production_start", "start_gerunds", text, start, end)
    for va, vb in verbs:
        for ga, gb in gerunds:
            if 0 <= ga - vb <= 2 and not _produces_other_goods(text, gb, end):
                found.append((va, gb, "production_start"))
    named = [(m.start, m.end) for m in (*analysis.models, *analysis.companies, *analysis.places)]
    for va, vb in verbs:
        for na, nb in nouns:
            gap_start, gap_end = min(vb, nb), max(va, na)
            gap = text[gap_start:gap_end]
            if _gap_words(text, gap_start, gap_end, named) > 5 or re.search(r"[,;.]", gap):
                continue
            if text[na:nb].lower().startswith("operation") and na not in plant_before:
                continue
            found.append((min(va, na), max(vb, nb), "production_start"))
    for a, b in cuewords.spans("production_start", "commissioning", text, start, end):
        found.append((a, b, "commissioning"))
    for m in cuewords.pattern("production_start", "beginning_with").finditer(text, start, end):
        if any(0 <= model.start - m.end() <= 2 for model in analysis.models):
            found.append((m.start(), m.end(), "production_start"))
    for key in ("launch_plant", "plant_launched"):
        for m in cuewords.pattern("production_start", key).finditer(text, start, end):
            found.append((m.start(), m.end(), "commissioning"))
    counts = [q.lead for q in analysis.quantities if q.kind == "count" and q.value >= 100]
    first_spans = cuewords.spans("production_start", "first_vehicle", text, start, end)
    first_spans += [
        m.span()
        for m in cuewords.pattern("production_start", "first_vehicle").finditer(text, start, end)
    ]
    for a, b in sorted(set(first_spans)):
        clause_start = cuewords.clause_bounds(text, a, start, end)[0]
        counted = any(clause_start <= lead < a for lead in counts)
        if counted and "first" not in text[a:b].lower():
            continue  # "41,045 cars rolled off assembly lines": output, not a first vehicle
        found.append((a, b, "first_vehicle"))
    return sorted(found)


def _gap_words(text: str, start: int, end: int, named: list[tuple[int, int]]) -> int:
    """Words between two cues, a name ("the Hyundai Elantra", "Almaty") counting as one
    word and the auxiliaries of a plan ("is scheduled to") as none."""
    words = 0
    inside_name: tuple[int, int] | None = None
    for match in re.finditer(r"\S+", text[start:end]):
        position = start + match.start()
        name = next((span for span in named if span[0] <= position < span[1]), None)
        if name is not None:
            words += name != inside_name
            inside_name = name
            continue
        if match.group().lower() not in PLAN_AUXILIARIES:
            words += 1
    return words


def production_start_facts(
    text: str, analysis: SentenceAnalysis, discourse: Discourse
) -> list[Fact]:
    """When production of a model starts, or a plant is commissioned, with the stated date."""
    if discourse.other_plant and not analysis.models:
        return []  # "the foundry was commissioned": not a vehicle plant
    starts = _start_cues(text, analysis)
    times = [t for t in analysis.times if not t.comparison]
    plant_spoken_of = discourse.plant is not None or discourse.plant_mentioned
    base = BASE["start_dated"]
    if not starts and times and plant_spoken_of:
        bare = cuewords.pattern("production_start", "launch_bare").search(
            text, analysis.start, analysis.end
        )
        if bare:
            starts = [(bare.start(), bare.end(), "commissioning")]
            base = BASE["start_bare_launch"]
    starts = [
        cue for cue in starts if cue[2] != "commissioning" or _launches_vehicle_plant(analysis)
    ]
    if not starts:
        return []
    if not times:
        return _undated_starts(text, analysis, discourse, starts)
    first_cue = starts[0]
    milestone = first_cue[2]
    models = analysis.models
    pairs: list[tuple[TimeExpression, str | None]] = []
    if len(times) > 1 and len(models) > 1:
        for model in models:
            following = [t for t in times if t.start > model.end]
            if following:
                pairs.append((following[0], model.text))
    else:
        clause = cuewords.clause_bounds(text, first_cue[0], analysis.start, analysis.end)
        in_clause = [t for t in times if clause[0] <= t.start < clause[1]]
        time = min(
            in_clause or times,
            key=lambda t: min(abs(t.start - first_cue[1]), abs(first_cue[0] - t.end)),
        )
        model = models[0].text if models else _unlisted_model(text, analysis, first_cue[1])
        pairs.append((time, model))
    subject, location, operator = _start_subject(text, analysis, discourse, first_cue[0])
    facts = []
    for time, model in pairs:
        mood = modality(text, time.start, analysis)
        if mood != "future":
            cue_mood = modality(text, first_cue[0], analysis)
            mood = cue_mood if cue_mood == "future" else mood
        status = status_for("production_start", mood, time.period, discourse, True)
        facts.append(
            _fact(
                discourse,
                "production_start",
                analysis,
                text,
                subject=subject,
                location=location,
                period=time.period.label,
                value=None,
                unit=None,
                qualifier="exact",
                status=status,
                model=model,
                milestone=milestone,
                plant_operator=operator,
                plant_city=location,
                confidence=base,
            )
        )
    return facts


def _launches_vehicle_plant(analysis: SentenceAnalysis) -> bool:
    """A launch in this sentence is of one plant that makes vehicles: not of a group of plants
    ("two new plants are to open"), nor of a plant for other goods (engines, TVs)."""
    text, start, end = analysis.text, analysis.start, analysis.end
    if GROUP_OF_PLANTS.search(text, start, end):
        return False
    products = cuewords.spans("nouns", "non_vehicle_products", text, start, end)
    vehicles = [
        (a, b)
        for a, b in cuewords.spans("nouns", "vehicle", text, start, end)
        if text[a:b].lower() not in ("unit", "units")
    ]
    if not products:
        return True
    launches = [b for _, b, kind in _start_cues(text, analysis) if kind == "commissioning"]
    if launches:
        # "a plant for cars, ..., and one for engines – it was commissioned": the goods named
        # nearest before the launch are what the launched plant makes.
        cue = launches[0]
        before = [(b, "other") for _, b in products if b <= cue]
        before += [(b, "vehicle") for _, b in vehicles if b <= cue]
        if before:
            return max(before)[1] == "vehicle"
    return bool(vehicles) or bool(analysis.models)


def _undated_starts(
    text: str,
    analysis: SentenceAnalysis,
    discourse: Discourse,
    starts: list[tuple[int, int, str]],
) -> list[Fact]:
    """A start the sentence reports as done without a date: a plant inaugurated, production
    of the models it names introduced. Period null; a plan without a date is no fact."""
    cue_start, cue_end, milestone = starts[0]
    if modality(text, cue_start, analysis) != "actual":
        return []
    models: list[str | None] = [m.text for m in analysis.models]
    unlisted = _unlisted_model(text, analysis, cue_end)
    if unlisted and not any(unlisted in m or m in unlisted for m in models if m):
        models.insert(0, unlisted)  # "started production of the Song Plus and Chazor models"
    if milestone == "commissioning":
        models = [None]
    elif not models:
        return []
    subject, location, operator = _start_subject(text, analysis, discourse, cue_start)
    return [
        _fact(
            discourse,
            "production_start",
            analysis,
            text,
            subject=subject,
            location=location,
            period=None,
            value=None,
            unit=None,
            qualifier="exact",
            status="actual",
            model=model,
            milestone=milestone,
            plant_operator=operator,
            plant_city=location,
            confidence=BASE["start_undated"],
        )
        for model in models
    ]


def _unlisted_model(text: str, analysis: SentenceAnalysis, cue_end: int) -> str | None:
    """A model the lexicon does not know, named right after the start cue: "started production
    of the Song Plus at", "began assembling the Isuzu NPR"."""
    match = UNLISTED_MODEL.match(text, cue_end, analysis.end)
    if match is None:
        return None
    name_start, name_end = match.span("name")
    if PLANT_AFTER_NAME.match(text, name_end, analysis.end):
        return None  # "production of the Kia Qazaqstan plant": a plant, not a model
    named = [
        (m.start, m.end)
        for m in (*analysis.companies, *analysis.places)
        if name_start <= m.start < name_end
    ]
    words = [w for w in re.finditer(r"\S+", text[name_start:name_end])]
    uncovered = [w for w in words if not any(a <= name_start + w.start() < b for a, b in named)]
    return match.group("name") if uncovered else None


def _start_subject(
    text: str, analysis: SentenceAnalysis, discourse: Discourse, cue_start: int
) -> tuple[str, str | None, str | None]:
    """The plant (or company) whose production starts: label, location, operator."""
    named = [p for p in analysis.plants if not p.anaphoric and (p.name or p.operator)]
    if named:
        plant = named[0]
        place = next((p.place.name for p in analysis.places if p.start > plant.start), None)
        ref = PlantRef(plant.name, plant.operator, place or discourse.plant_location)
        return ref.label, ref.location, ref.operator
    makers = [c for c in analysis.companies if c.company.kind in ("brand", "manufacturer")]
    model_brands = {m.model.brand for m in analysis.models}
    plant = discourse.plant
    if plant is not None and all(
        c.company.name in model_brands or c.company.name == plant.operator for c in makers
    ):
        return plant.label, plant.location, plant.operator
    if makers:
        # The maker nearest the cue, manufacturers before brands, and not a model's brand
        # ("after launching Chevrolet Onix production": Chevrolet names the model).
        operators = [c for c in makers if c.company.name not in model_brands] or makers
        company = min(
            operators, key=lambda c: (c.company.kind != "manufacturer", abs(c.start - cue_start))
        )
        places = [p.place.name for p in analysis.places if p.place.kind != "country_adjective"]
        location = (
            places[-1]
            if places
            else (discourse.main_country.name if discourse.main_country else None)
        )
        return company.company.name, location, company.company.name
    plant = _plant_ref(analysis, discourse)
    return plant.label, plant.location, plant.operator
