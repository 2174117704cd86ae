"""What an article has established so far: its country, its plant, its current period."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.gazetteer import Place
from ingest.extract.periods import Period, TimeContext


@dataclass
class PlantRef:
    """The plant an article is talking about, by name or by operator and place."""

    name: str | None
    operator: str | None
    location: str | None

    @property
    def label(self) -> str:
        """A plant's name, else "<operator> plant (<place>)"."""
        if self.name:
            return self.name
        base = f"{self.operator} plant" if self.operator else "plant"
        return f"{base} ({self.location})" if self.location else base


@dataclass
class Discourse:
    article_id: str
    published: dt.date | None
    main_country: Place | None = None
    # The country the sentences just before named, which figures without a place are about.
    recent_country: Place | None = None
    main_company: str | None = None
    time: TimeContext = field(default_factory=TimeContext)
    comparison: Period | None = None
    # The current period is that of a figure the article stated (not of a passing mention).
    current_stated: bool = False
    plant: PlantRef | None = None
    plant_location: str | None = None
    plant_mentioned: bool = False
    # The plant last spoken of makes no vehicles (a foundry, an engine plant): its figures are
    # not recorded until a vehicle plant is named again.
    other_plant: bool = False
    # The plant was introduced as one to be built: its present-tense figures are plans.
    plant_planned: bool = False
    last_fact_type: str | None = None
    last_fact_sentence: int = -10
    # The last sentence with a fleet of EVs: "the fleet" a little later still means that fleet.
    last_stock_sentence: int = -10
    last_model: str | None = None
    last_model_brand: str | None = None
    last_model_sentence: int = -10
    global_paragraph: int | None = None

    def stock_spoken_of(self, sentence_index: int) -> bool:
        """An EV fleet was counted in one of the last few sentences."""
        return sentence_index - self.last_stock_sentence <= 3

    @classmethod
    def start(
        cls, article_id: str, published: dt.date | None, analyses: list[SentenceAnalysis]
    ) -> Discourse:
        countries: dict[str, float] = defaultdict(float)  # votes, fractional for adjectives
        first_seen: dict[str, int] = {}
        country_places: dict[str, Place] = {}
        company_counts: Counter[str] = Counter()
        for analysis in analyses:
            if analysis.sentence.block_kind not in ("paragraph", "title"):
                continue
            for mention in analysis.places:
                name = mention.place.country
                # "Chinese carmaker", "китайская компания": an origin more often than the
                # country the article is about, so it weighs less than a place named.
                countries[name] += 0.5 if mention.place.kind == "country_adjective" else 1
                first_seen.setdefault(name, mention.start)
                if mention.place.kind == "country":
                    country_places.setdefault(name, mention.place)
            for named in analysis.companies:
                if named.company.kind in ("brand", "manufacturer"):
                    company_counts[named.company.name] += 1
        main = None
        if countries:
            best = max(countries, key=lambda name: (countries[name], -first_seen[name]))
            main = country_places.get(best) or Place(best, "country", best, None)
        company = company_counts.most_common(1)[0][0] if company_counts else None
        return cls(
            article_id=article_id,
            published=published,
            main_country=main,
            main_company=company,
            time=TimeContext(published=published),
        )
