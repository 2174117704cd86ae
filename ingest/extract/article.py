"""Extract one article: sentences in order, the discourse carried between them, facts out."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from ingest.extract.analysis import SentenceAnalysis, analyse
from ingest.extract.contract import Fact
from ingest.extract.dedupe import deduplicate
from ingest.extract.discourse import Discourse
from ingest.extract.discourse_updates import (
    update_country,
    update_plant,
    update_plant_status,
    update_time,
)
from ingest.extract.facts import quantity_facts
from ingest.extract.mentions import EntityMention, entity_mentions
from ingest.extract.periods import TimeContext
from ingest.extract.sentences import Sentence, split_sentences
from ingest.extract.starts import production_start_facts
from ingest.extract.times import may_hold_time
from ingest.read.layout import layout

FACT_BLOCKS = ("paragraph",)


class ExtractionOverrun(Exception):
    """An article's extraction ran past its deadline."""


@dataclass
class ArticleExtraction:
    sentences: list[Sentence]
    facts: list[Fact]
    entities: list[EntityMention]


def _stated_dates(analyses: list[SentenceAnalysis]) -> list[tuple[int, dt.date]]:
    """(sentence index, date) of every full date the body states ("As of July 1, 2025",
    "In August 2023"): without a publication date, relative words resolve against the nearest."""
    found = []
    for index, analysis in enumerate(analyses):
        if analysis.sentence.block_kind not in FACT_BLOCKS:
            continue
        for t in analysis.times:
            if not t.relative and not t.comparison and t.period.grain in ("day", "month"):
                found.append((index, t.period.last))
    return found


def _check(deadline: float | None, done: int, total: int) -> None:
    if deadline is not None and time.perf_counter() > deadline:
        raise ExtractionOverrun(
            f"Extraction took longer than its time budget per file (stopped after {done} of "
            f"{total} sentences); set QAZAUTO_EXTRACT_SECONDS_PER_FILE to change the budget."
        )


def extract_article(
    article_id: str, text: str, published: dt.date | None, deadline: float | None = None
) -> ArticleExtraction:
    """Sentences, facts and entity mentions of one article's stored text. Past `deadline` (a
    `time.perf_counter()` value) it raises ExtractionOverrun, checked between sentences."""
    blocks = layout(text)
    sentences = split_sentences(text, blocks)
    probe = TimeContext(published=published)
    analyses = []
    for index, sentence in enumerate(sentences):
        _check(deadline, index, 2 * len(sentences))
        analyses.append(analyse(text, sentence, probe))
    discourse = Discourse.start(article_id, published, analyses)
    dated = [] if published else _stated_dates(analyses)
    facts: list[Fact] = []
    entities: list[EntityMention] = []
    for index, (sentence, first_pass) in enumerate(zip(sentences, analyses, strict=True)):
        if sentence.block_kind not in FACT_BLOCKS:
            continue
        _check(deadline, len(sentences) + index, 2 * len(sentences))
        if dated:
            discourse.time.reference = min(dated, key=lambda d: (abs(d[0] - index), d[0]))[1]
        # Times are read again: "that year" and "the same period" depend on what came before.
        rereading = first_pass.times or may_hold_time(text, sentence.start, sentence.end)
        analysis = analyse(text, sentence, discourse.time, first_pass) if rereading else first_pass
        update_plant(text, analysis, discourse)
        sentence_facts = quantity_facts(text, analysis, discourse)
        starts = production_start_facts(text, analysis, discourse)
        update_plant_status(starts, discourse)
        sentence_facts += starts
        facts.extend(sentence_facts)
        entities.extend(entity_mentions(article_id, text, analysis, discourse))
        update_time(analysis, sentence_facts, discourse, text)
        update_country(analysis, discourse)
    return ArticleExtraction(sentences, deduplicate(facts), entities)
