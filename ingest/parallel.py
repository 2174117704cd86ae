"""Extraction of a large batch of articles by several processes, one chunk of articles each.

Extraction is pure Python and CPU-bound, so processes (not threads) give it more cores.
Workers are spawned, never forked: polars runs its own thread pool, and a forked child can
inherit one of its locks held and deadlock (so can a multi-threaded Dagster run). A spawned
worker pays about a second to import polars and load the lexicons, so small batches stay in
the calling process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import polars as pl

from ingest.pipeline import ENTITY_SCHEMA, FACT_SCHEMA, SENTENCE_SCHEMA, extract_articles

# Below this many articles one process is faster than starting others.
MIN_ARTICLES_PER_WORKER = 400
CHUNK_ARTICLES = 100
Frames = tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]


def _extract_chunk(chunk: pl.DataFrame) -> Frames:
    return extract_articles(chunk)


def workers_for(articles: int, workers: int, per_worker: int = MIN_ARTICLES_PER_WORKER) -> int:
    """How many processes a batch of `articles` is worth, at most `workers`."""
    return max(1, min(workers, articles // max(1, per_worker)))


def extract_in_parallel(
    articles: pl.DataFrame,
    workers: int,
    progress: Callable[[int, int], None] | None = None,
    min_articles_per_worker: int = MIN_ARTICLES_PER_WORKER,
) -> Frames:
    """Sentences, facts and entities of `articles`, as `extract_articles` returns them, in the
    same order, using up to `workers` processes (fewer for a small batch)."""
    workers = workers_for(articles.height, workers, min_articles_per_worker)
    if workers == 1:
        return extract_articles(articles, progress)
    columns = articles.select("article_id", "text", "published_at")
    chunks = [
        columns.slice(offset, CHUNK_ARTICLES) for offset in range(0, columns.height, CHUNK_ARTICLES)
    ]
    parts: list[Frames] = []
    done = 0
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk, part in zip(chunks, pool.map(_extract_chunk, chunks), strict=True):
            parts.append(part)
            done += chunk.height
            if progress is not None:
                progress(done, articles.height)
    schemas = (SENTENCE_SCHEMA, FACT_SCHEMA, ENTITY_SCHEMA)
    return tuple(  # type: ignore[return-value]
        pl.concat([part[i] for part in parts]) if parts else pl.DataFrame(schema=schema)
        for i, schema in enumerate(schemas)
    )
