"""Read and extract a set of paths: the frames the warehouse lands, in one call."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ingest.extract.article import (
    ArticleExtraction,
    EntityMention,
    ExtractionOverrun,
    extract_article,
)
from ingest.extract.contract import FACT_COLUMNS, Fact
from ingest.extract.lang import DEFAULT_LANGUAGE, available, pack_for, speaking
from ingest.extract.periods import parse_label
from ingest.read import ReadResult, read_articles

SENTENCE_SCHEMA = pl.Schema(
    {
        "article_id": pl.String(),
        "sentence_index": pl.Int64(),
        "block_kind": pl.String(),
        "paragraph": pl.Int64(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
        "text": pl.String(),
    }
)
FACT_SCHEMA = pl.Schema(
    {
        "article_id": pl.String(),
        "fact_type": pl.String(),
        "subject": pl.String(),
        "location": pl.String(),
        "period": pl.String(),
        "value": pl.Float64(),
        "unit": pl.String(),
        "qualifier": pl.String(),
        "status": pl.String(),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
        "vehicle_type": pl.String(),
        "model": pl.String(),
        "milestone": pl.String(),
        "confidence": pl.Float64(),
        "plant_operator": pl.String(),
        "plant_city": pl.String(),
        "segment": pl.String(),
        "scope": pl.String(),
        "period_start": pl.Date(),
        "period_end": pl.Date(),
        "period_grain": pl.String(),
    }
)
ENTITY_SCHEMA = pl.Schema(
    {
        "article_id": pl.String(),
        "sentence_index": pl.Int64(),
        "entity_type": pl.String(),
        "name": pl.String(),
        "surface": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
        "kind": pl.String(),
        "country": pl.String(),
        "iso2": pl.String(),
        "latitude": pl.Float64(),
        "longitude": pl.Float64(),
        "operator": pl.String(),
        "relation": pl.String(),
        "relation_country": pl.String(),
    }
)


# Articles whose extraction ran past the per-file budget: they go to the quarantine.
OVERRUN_SCHEMA = pl.Schema(
    {"article_id": pl.String(), "reason": pl.String(), "message": pl.String()}
)
Frames = tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]


@dataclass(frozen=True)
class ExtractionResult:
    """Everything the reading and extraction stages produce, as polars frames."""

    articles: pl.DataFrame
    rejections: pl.DataFrame
    sentences: pl.DataFrame
    facts: pl.DataFrame
    entities: pl.DataFrame
    warnings: list[str] = field(default_factory=list)

    def fact_records(self) -> Iterator[Fact]:
        for row in self.facts.select(FACT_COLUMNS).iter_rows(named=True):
            yield Fact(**row)


def _fact_row(fact: Fact) -> dict:
    row = dict(vars(fact))  # flat dataclass: a shallow copy, not asdict's deep one
    period = parse_label(fact.period)
    row["period_start"] = period.first if period else None
    row["period_end"] = period.last if period else None
    row["period_grain"] = period.grain if period else None
    return row


def extract_articles(
    articles: pl.DataFrame,
    progress: Callable[[int, int], None] | None = None,
    seconds_per_file: float | None = None,
) -> Frames:
    """Sentences, facts, entity mentions and overruns for a frame of articles (see
    ARTICLE_SCHEMA). An article whose extraction takes longer than `seconds_per_file` (no
    limit when None) gives no rows but an overrun row, and the next article goes on.
    `progress(done, total)` is called after each article."""
    sentence_rows: list[dict] = []
    fact_rows: list[dict] = []
    entity_rows: list[dict] = []
    overrun_rows: list[dict] = []
    total = articles.height
    columns = ["article_id", "text", "published_at"]
    if "language" in articles.columns:
        columns.append("language")
    for done, row in enumerate(articles.select(columns).iter_rows(named=True), start=1):
        text = row["text"]
        language = pack_for(row.get("language"))
        if language is None:
            # No pack reads this language: the article lands with its language and no rows
            # (`language_warnings` says so), never with facts read as if it were English.
            if progress is not None:
                progress(done, total)
            continue
        try:
            with speaking(language):
                result: ArticleExtraction = extract_article(
                    row["article_id"],
                    text,
                    row["published_at"],
                    None if seconds_per_file is None else time.perf_counter() + seconds_per_file,
                )
        except ExtractionOverrun as overrun:
            overrun_rows.append(
                {
                    "article_id": row["article_id"],
                    "reason": "extraction_timeout",
                    "message": str(overrun),
                }
            )
            if progress is not None:
                progress(done, total)
            continue
        sentence_rows.extend(
            {
                "article_id": row["article_id"],
                "sentence_index": s.index,
                "block_kind": s.block_kind,
                "paragraph": s.paragraph,
                "char_start": s.start,
                "char_end": s.end,
                "text": text[s.start : s.end],
            }
            for s in result.sentences
        )
        fact_rows.extend(_fact_row(f) for f in result.facts)
        entity_rows.extend(dict(vars(e)) for e in result.entities)
        if progress is not None:
            progress(done, total)
    return (
        pl.DataFrame(sentence_rows, schema=SENTENCE_SCHEMA),
        pl.DataFrame(fact_rows, schema=FACT_SCHEMA),
        pl.DataFrame(entity_rows, schema=ENTITY_SCHEMA),
        pl.DataFrame(overrun_rows, schema=OVERRUN_SCHEMA),
    )


def has_language_pack() -> pl.Expr:
    """Whether a pack reads each article's language (unknown: the default pack's)."""
    return pl.col("language").fill_null(DEFAULT_LANGUAGE).is_in(list(available()))


def language_warnings(articles: pl.DataFrame) -> list[str]:
    """A warning for each language of `articles` that no pack reads: those articles land with
    their language and without facts."""
    if "language" not in articles.columns:
        return []
    counts = (
        articles.filter(~has_language_pack())
        .group_by("language")
        .agg(pl.len().alias("n"), pl.col("article_id").sort().head(3).alias("examples"))
        .sort("language")
    )
    return [
        f"{row['n']} article(s) in language {row['language']!r} ({', '.join(row['examples'])}"
        f"{', ...' if row['n'] > 3 else ''}): no language pack reads it, so they land without "
        f"facts (packs: {', '.join(available())})"
        for row in counts.iter_rows(named=True)
    ]


def extract_read(
    read: ReadResult,
    progress: Callable[[int, int], None] | None = None,
    seconds_per_file: float | None = None,
) -> ExtractionResult:
    sentences, facts, entities, overruns = extract_articles(
        read.articles, progress, seconds_per_file
    )
    articles, rejections = quarantine_overruns(read.articles, read.rejections, overruns)
    warnings = [*read.warnings, *language_warnings(articles)]
    return ExtractionResult(articles, rejections, sentences, facts, entities, warnings)


def quarantine_overruns(
    articles: pl.DataFrame, rejections: pl.DataFrame, overruns: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Move the articles whose extraction overran its budget to the rejections."""
    if overruns.is_empty():
        return articles, rejections
    over = articles.join(overruns, on="article_id", how="inner")
    moved = over.select(
        "article_id",
        "file_path",
        "reason",
        "message",
        pl.col("text").str.len_bytes().cast(pl.Int64).alias("size_bytes"),
    )
    kept = articles.join(overruns, on="article_id", how="anti")
    return kept, pl.concat([rejections, moved.select(list(rejections.columns))])


def extract_paths(
    paths: list[Path],
    progress: Callable[[int, int], None] | None = None,
    seconds_per_file: float | None = None,
) -> ExtractionResult:
    """Read every article under `paths` and extract it (each within `seconds_per_file`)."""
    return extract_read(read_articles(paths), progress, seconds_per_file)


__all__ = [
    "ENTITY_SCHEMA",
    "FACT_SCHEMA",
    "OVERRUN_SCHEMA",
    "SENTENCE_SCHEMA",
    "EntityMention",
    "ExtractionResult",
    "extract_articles",
    "extract_paths",
    "extract_read",
]
