"""What a number of a sentence counts: the noun after it ("41,000 cars", "600 charging
spaces"), or, for a bare number, the list, trigger or verb that makes it a count of vehicles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.lang import active_code, cues, pack
from ingest.extract.numbers import Quantity

# A vehicle count below this is a phrase ("one in every three cars"), not a statistic.
MIN_VEHICLE_COUNT = 100

# No country of the region makes or sells more than this in a period: larger counts are
# world or China figures, which this warehouse does not record.
MAX_VEHICLE_COUNT = 5_000_000

# Rules look this far around a number, never the whole sentence (a table dumped on one line).
WINDOW_CHARS = 200
# Words after a number read for its noun.
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
            # "104,300 units of that total" points back to a total of vehicles. Cars stay
            # cars whatever they are of ("1,900 cars of the Chinese brand Changan").
            generic = word in cuewords.words("nouns", "generic_units")
            of_what = generic and cuewords.rule("units_of").match(text, token.end(), end)
            of_total = cuewords.rule("of_them_after").match(text, token.end(), end)
            if of_what and not of_total and not cuewords.has("nouns", "vehicle", of_what.group(1)):
                return Noun("other", token.end())
            # "600 EV charging spaces": the vehicle noun only modifies another noun.
            modified = [t.group().lower() for t in tokens[index + 1 : index + 3]]
            if modified and (modified[0] in others or modified[-1] in others):
                return Noun("other", token.end())
            # "new passenger and commercial vehicles": a count of two types has none of them.
            phrase = text[q.end : token.end()].lower()
            types = {v for k, v in cues()["vehicle_types"].items() if k in phrase}
            vehicle_type = types.pop() if len(types) == 1 else None
            return Noun("vehicle", token.end(), vehicle_type)
        if word in cuewords.words("nouns", "market_deals") and cuewords.has(
            "nouns", "vehicle", text, analysis.start, q.lead
        ):
            return Noun("vehicle", token.end())
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
        # "70,000 finished vehicles", "140 промышленных роботов": a word the lists lack, right
        # before a vehicle or robot noun.
        ahead = [t.group().lower().strip("’'") for t in tokens[index + 1 : index + 3]]
        counted = [w in vehicles or w in robots for w in ahead]
        before_vehicle = (counted and counted[0]) or (len(counted) > 1 and counted[1])
        if before_vehicle and not any(w in others for w in ahead):
            continue
        return Noun("other", token.end())
    return Noun("other", q.end)


def measured_by_trigger(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    """A bare number that a noun of output, sales or stock governs in its clause ("Cobalt
    production from 90.2 thousand to 104.57 thousand", "sales amounted to 12,400", "the fleet
    stood at 9,410"), of no other goods."""
    clause_start = cuewords.clause_bounds(text, q.lead, analysis.start, analysis.end)[0]
    # "Used-car transactions, by contrast, fell to 54,300": a clause that opens on its verb has
    # its subject in a clause before.
    verb_first = cuewords.rule("finite").match(text[clause_start : q.lead].lstrip())
    window_start = max(analysis.start if verb_first else clause_start, q.lead - 60)
    if not (
        cuewords.has("triggers", "output", text, window_start, q.lead)
        or cuewords.has("triggers", "sales", text, window_start, q.lead)
        or cuewords.has("triggers", "stock_nouns", text, window_start, q.lead)
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


@cache
def _vehicle_type_labels(code: str) -> list[tuple[str, str, re.Pattern[str]]]:
    return [
        (label, vehicle_type, re.compile(rf"\b{re.escape(label)}\b"))
        for label, vehicle_type in pack(code).cues["vehicle_types"].items()
    ]


def labelled_vehicle_type(text: str, q: Quantity, analysis: SentenceAnalysis) -> str | None:
    """The vehicle type a figure's own clause names ("trucks – 9.8 thousand units")."""
    window = text[max(analysis.start, q.lead - 40) : q.lead].lower()
    window = re.split(r"\d", window)[-1]  # not the label of the figure before
    found = [
        (window.rfind(label), vehicle_type)
        for label, vehicle_type, pattern in _vehicle_type_labels(active_code())
        if pattern.search(window)
    ]
    return max(found)[1] if found else None


def _list_names(analysis: SentenceAnalysis) -> list[tuple[int, int]]:
    """Spans of the names a list entry may start with: companies, models, places."""
    names = [(c.start, c.end) for c in analysis.companies if c.company.kind != "association"]
    names += [(m.start, m.end) for m in analysis.models]
    names += [(p.start, p.end) for p in analysis.places if p.place.kind != "country_adjective"]
    return names


def named_list_entry(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    return any(
        end <= q.lead and cuewords.rule("entity_dash").match(text[end : q.lead])
        for _, end in _list_names(analysis)
    )


def listed_after_colon(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    """A name and its bare number in a list of such pairs after a colon ("Top brands in 1H26:
    Hyundai 16.2k, Toyota 10.4k, Chevrolet 8.9k")."""
    colon = text.rfind(":", analysis.start, q.lead)
    if colon < 0:
        return False
    names = _list_names(analysis)
    gap = cuewords.rule("gapped_entry_gap")

    def named(x: Quantity) -> bool:
        return any(end <= x.lead and gap.match(text[end : x.lead]) for _, end in names)

    entries = [x for x in analysis.quantities if x.lead > colon and named(x)]
    return q in entries and len(entries) >= 2


def gapped_list_entry(text: str, q: Quantity, analysis: SentenceAnalysis) -> bool:
    """A name and a bare number that repeat, without the verb, a figure listed before them
    ("Chevrolet sold 154,300 cars, Kia 18,900 and BYD 14,600"; "while the Tashkent region has
    7,950")."""
    gap, link = cuewords.rule("gapped_entry_gap"), cuewords.rule("gapped_entry_link")
    return any(
        end <= q.lead
        and gap.match(text[end : q.lead])
        and link.search(text[max(analysis.start, start - 16) : start])
        for start, end in _list_names(analysis)
    )


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
