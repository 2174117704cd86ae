"""The words of a sentence that say production starts, a plant is launched or its first
vehicle comes off the line: each cue's span and its milestone. A launch of several plants named
one by one ("Two new plants, a factory in Almaty and a Kia plant in Kostanay, were
commissioned") is read as the launch of each."""

from __future__ import annotations

import re

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.discourse import PlantRef
from ingest.extract.numbers import spelled_value


def _produces_other_goods(text: str, position: int, end: int) -> bool:
    """ "production of ... components": the goods named after the noun are not vehicles."""
    following = re.findall(r"\w+", text[position : min(end, position + 50)].lower())[:6]
    products = cuewords.words("nouns", "non_vehicle_products")
    vehicles = cuewords.words("nouns", "vehicle")
    for word in following:
        if word in vehicles:
            return False
        if word in products:
            return True
    return False


def start_cues(text: str, analysis: SentenceAnalysis) -> list[tuple[int, int, str]]:
    start, end = analysis.start, analysis.end
    found: list[tuple[int, int, str]] = []
    verbs = cuewords.spans("production_start", "start_verbs", text, start, end)
    nouns = [
        (a, b)
        for a, b in cuewords.spans("production_start", "start_nouns", text, start, end)
        if not cuewords.rule("production_noun_before_plant").match(text[b : b + 12])
        and text[a:b].lower() not in cuewords.words("grammar", "bare_start_nouns")
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
    named = analysis.name_spans()
    for va, vb in verbs:
        for na, nb in nouns:
            gap_start, gap_end = min(vb, nb), max(va, na)
            gap = text[gap_start:gap_end]
            if _gap_words(text, gap_start, gap_end, named) > 5 or re.search(r"[,;.]", gap):
                continue
            operation = text[na:nb].lower() in cuewords.words("grammar", "operation_nouns")
            if operation and na not in plant_before:
                continue
            found.append((min(va, na), max(vb, nb), "production_start"))
    for a, b in cuewords.spans("production_start", "commissioning", text, start, end):
        found.append((a, b, "commissioning"))
    for key in ("beginning_with", "initial_model"):
        for m in cuewords.pattern("production_start", key).finditer(text, start, end):
            if any(0 <= model.start - m.end() <= 2 for model in analysis.models):
                found.append((m.start(), m.end(), "production_start"))
    for m in cuewords.pattern("production_start", "adds_model").finditer(text, start, end):
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
        if counted and not cuewords.rule("first_word").search(text, a, b):
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
        if match.group().lower() not in cuewords.words("grammar", "plan_auxiliaries"):
            words += 1
    return words


def launched_group(analysis: SentenceAnalysis) -> list[PlantRef]:
    """The plants a launch of a group names one by one, when the group's number says how many
    ("two new plants, namely, a factory in Almaty ... and a new Kia plant in Kostanay")."""
    text = analysis.text
    group = cuewords.rule("group_of_plants").search(text, analysis.start, analysis.end)
    if group is None:
        return []
    head = group.group("phrase").split()[0]
    count = int(head) if head.isdigit() else spelled_value(head)
    members = [p for p in analysis.plants if p.start >= group.end() and not p.anaphoric]
    some = members and cuewords.rule("group_subset").search(text, group.end(), members[0].start)
    if not count or count < 2 or not members or len(members) > count:
        return []
    if len(members) < count and not some:
        return []
    refs = []
    for index, plant in enumerate(members):
        until = members[index + 1].start if index + 1 < len(members) else analysis.end
        place = next(
            (
                p.place.name
                for p in analysis.places
                if plant.start <= p.start < until and p.place.kind != "country_adjective"
            ),
            None,
        )
        refs.append(PlantRef(plant.name, plant.operator, place))
    return refs
