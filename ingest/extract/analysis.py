"""Everything found in one sentence: times, quantities, places, companies, models, plants."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ingest.extract.entities import (
    CompanyMention,
    ModelMention,
    PlantMention,
    find_companies,
    find_models,
    find_organisations,
    find_plants,
)
from ingest.extract.gazetteer import PlaceMention, find_places
from ingest.extract.numbers import Quantity, find_quantities
from ingest.extract.periods import TimeContext, TimeExpression
from ingest.extract.sentences import Sentence
from ingest.extract.times import find_times


@dataclass
class SentenceAnalysis:
    text: str
    sentence: Sentence
    times: list[TimeExpression]
    quantities: list[Quantity]
    places: list[PlaceMention]
    companies: list[CompanyMention]
    models: list[ModelMention]
    plants: list[PlantMention]
    organisations: list[tuple[int, int, str]]
    # What the rules work out once per sentence (the times each number claims, ...).
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    def name_spans(self, models: bool = True, places: bool = True) -> list[tuple[int, int]]:
        """The spans of the companies (and models, places) the sentence names."""
        spans = [(c.start, c.end) for c in self.companies]
        if models:
            spans += [(m.start, m.end) for m in self.models]
        if places:
            spans += [(p.start, p.end) for p in self.places]
        return spans


def analyse(
    text: str,
    sentence: Sentence,
    context: TimeContext,
    previous: SentenceAnalysis | None = None,
) -> SentenceAnalysis:
    """Find the parts of a sentence the fact rules work on. Given the `previous` analysis of
    the same sentence, only its times are read again (they depend on the context) and the rest
    is kept where the times cover the same spans."""
    start, end = sentence.start, sentence.end
    times = find_times(text, start, end, context)
    if previous is not None and [(t.start, t.end) for t in times] == [
        (t.start, t.end) for t in previous.times
    ]:
        return replace(previous, times=times, memo={})
    models = find_models(text, start, end)
    companies = find_companies(text, start, end)
    masked = [(t.start, t.end) for t in times] + [(m.start, m.end) for m in models]
    quantities = find_quantities(text, start, end, masked)
    # "Astana Motors" names a company, not Astana.
    places = [
        p
        for p in find_places(text, start, end)
        if not any(
            c.start <= p.start and p.end <= c.end and (c.start, c.end) != (p.start, p.end)
            for c in companies
        )
    ]
    plants = find_plants(text, start, end, companies)
    # "the KIA Qazaqstan plant": a country inside a plant's name is part of the name.
    named = [(p.start, p.end) for p in plants if (p.name or p.operator) and not p.anaphoric]
    places = [
        p
        for p in places
        if p.place.kind != "country" or not any(a <= p.start and p.end < b for a, b in named)
    ]
    return SentenceAnalysis(
        text=text,
        sentence=sentence,
        times=times,
        quantities=quantities,
        places=places,
        companies=companies,
        models=models,
        plants=plants,
        organisations=find_organisations(text, start, end),
    )
