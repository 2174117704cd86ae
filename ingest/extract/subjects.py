"""Who or what a figure is about: the country, place, brand, model or plant, and the part
of a plant a figure covers."""

from __future__ import annotations

from ingest.extract import cuewords
from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.counted_nouns import WINDOW_CHARS, window_before
from ingest.extract.discourse import Discourse, PlantRef
from ingest.extract.entities import ModelMention
from ingest.extract.lang import cues
from ingest.extract.numbers import Quantity


def respectively_subject(
    text: str, q: Quantity, analysis: SentenceAnalysis, counts: list[Quantity]
) -> str | None:
    if not cuewords.rule("respectively").search(text, analysis.start, analysis.end):
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
    country = discourse.recent_country or discourse.main_country
    main = country.name if country else None
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

    named = respectively_subject(text, q, analysis, counts)
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
        if b <= q.lead and cuewords.rule("entity_dash").match(text[b : q.lead]):
            return name, (name if kind not in ("company", "model", "plant") else location)
    before = [c for c in candidates if clause_start <= c[0] and c[1] <= q.lead]
    # "In the first half, the plant made some 33,500 vehicles": the plant spoken of.
    anaphor = [p for p in analysis.plants if p.anaphoric and clause_start <= p.start < q.lead]
    if not before and anaphor and discourse.plant is not None and discourse.plant.label:
        return discourse.plant.label, discourse.plant.location or location
    if not before:
        names = [c for c in candidates if c[1] <= q.lead and c[3] in ("company", "model", "plant")]
        before = [c for c in names if not _in_relative_clause(text, c[0], analysis)] or names
    # "the model", "15 тыс. таких автомобилей" (of such cars): the model named before.
    reference_after = cuewords.rule("model_reference").search(
        text, q.end, min(analysis.end, q.end + 24)
    )
    if discourse.last_model and (
        cuewords.rule("model_reference").search(window_before(text, q, analysis))
        or reference_after
        or (
            discourse.last_model_sentence == analysis.sentence.index - 1
            and not before
            and cuewords.rule("possessive_subject").match(text, analysis.start, q.lead)
        )
    ):
        return discourse.last_model, location
    if before:
        # A model in the clause is what is counted, even at a plant named after it ("output
        # of the Cobalt at the Asaka plant"); else the longest, nearest name wins: a plant
        # over its operator, a model over its brand.
        in_clause_models = [c for c in before if c[3] == "model" and clause_start <= c[0]]
        _, _, name, kind = max(in_clause_models or before, key=lambda c: (c[1], c[1] - c[0]))
        return name, (name if kind not in ("company", "model", "plant") else location)
    # "Most of them — about 17,500 — are registered in Bishkek": a city or region after the
    # number and its verb, before any other number, when nothing names the subject before it.
    following = [x.lead for x in analysis.quantities if x.lead > q.end]
    until = min(following, default=analysis.end)
    finite, dash = cuewords.rule("finite"), cuewords.rule("place_after_dash")
    after = [
        p
        for p in places
        if q.end <= p.start < until
        and p.place.kind in ("city", "region", "district")
        and (finite.search(text, q.end, p.start) or dash.fullmatch(text, q.end, p.start))
    ]
    if after:
        return after[0].place.name, after[0].place.name
    countries = [p.place.name for p in analysis.places if p.place.kind == "country"]
    if countries:
        return countries[0], location
    return (main or location or "unknown"), location


def _in_relative_clause(text: str, position: int, analysis: SentenceAnalysis) -> bool:
    """The name at `position` is in a relative clause ("which began assembling the Song Plus")."""
    start = cuewords.clause_bounds(text, position, analysis.start, analysis.end)[0]
    window = (max(analysis.start, start - 12), min(analysis.end, start + 8))
    return cuewords.rule("relative_clause_head").search(text, *window) is not None


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
    copula = cuewords.rule("copula_before_name")
    after_noun = cuewords.rule("model_after_noun")

    def counts(m: ModelMention) -> bool:
        # "24,300 Onix", "24,300 – Onix", "of these, 24,300 were Chevrolet Onix sedans"
        gap = text[q.end : m.start]
        if m.start < max(noun_end, q.end + 5) and not gap.strip(" –—-"):
            return True
        # "9 000 автомобилей Tucson", "9,000 cars of the Tucson model": the model after the noun.
        if noun_end > q.end and after_noun.fullmatch(text, noun_end, m.start):
            return True
        return copula.fullmatch(gap) is not None

    counted = next((m for m in analysis.models if q.end < m.start and counts(m)), None)
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


def plant_scope(text: str, q: Quantity, analysis: SentenceAnalysis) -> str | None:
    """The part of a plant a figure is about ("first phase", "production area"), else None."""
    before = window_before(text, q, analysis, 2 * WINDOW_CHARS)
    part = cuewords.rule("part_of_plant").search(before)
    if (
        part
        and part.group(1).lower() not in cuewords.words("grammar", "whole_plant_words")
        and part.group(1).lower().split()[0] not in cuewords.words("grammar", "determiners")
    ):
        return part.group(1).lower()
    phases = list(cuewords.rule("phase").finditer(before))
    if phases and not cuewords.rule("clause_restart").search(before[phases[-1].end() :]):
        names = cues()["scope_names"]
        ordinal = _named(phases[-1].group(1).lower(), names["ordinals"])
        return f"{ordinal} {_named(phases[-1].group(2).lower(), names['units'])}"
    return None


def _named(word: str, names: dict[str, str]) -> str:
    """The warehouse's name for a word whose stem the pack maps ("первой" → "first")."""
    return next((name for stem, name in names.items() if word.startswith(stem)), word)


def scoped(label: str, scope: str | None) -> str:
    return f"{label}, {scope}" if scope else label


def plant_ref(analysis: SentenceAnalysis, discourse: Discourse) -> PlantRef:
    # "two new automotive plants ... with a combined capacity": a fact about the group.
    group = cuewords.rule("group_of_plants").search(analysis.text, analysis.start, analysis.end)
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
