"""Extraction of a large batch of articles by several processes, one chunk of articles at a time.

Extraction is pure Python and CPU-bound, so processes (not threads) give it more cores. The
calling process extracts too: with `workers` processes in all it starts `workers - 1` helpers,
and it does not wait for them to start, because a spawned helper pays about a second to import
polars and load the lexicons. Chunks are handed out one at a time from a shared counter, so a
slow or late process simply takes fewer of them.

Helpers are spawned, never forked: polars runs its own thread pool, and a forked child can
inherit one of its locks held and deadlock (so can a multi-threaded Dagster run).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

import polars as pl

from ingest.tables.frames import (
    ENTITY_SCHEMA,
    FACT_SCHEMA,
    OVERRUN_SCHEMA,
    SENTENCE_SCHEMA,
    Frames,
    extract_articles,
)

# Below this many articles per process, one process is faster than starting others.
MIN_ARTICLES_PER_WORKER = 400
CHUNK_ARTICLES = 50
CHUNKS_IN_FLIGHT = 2


def workers_for(articles: int, workers: int, per_worker: int = MIN_ARTICLES_PER_WORKER) -> int:
    """How many processes a batch of `articles` is worth, at most `workers`."""
    return max(1, min(workers, articles // max(1, per_worker)))


class _Chunks:
    """The chunks of a batch, handed out one at a time to whoever asks first."""

    def __init__(
        self,
        articles: pl.DataFrame,
        size: int,
        progress: Callable[[int, int], None] | None,
        seconds_per_file: float | None = None,
    ) -> None:
        self.seconds_per_file = seconds_per_file
        wanted = [
            c for c in ("article_id", "text", "published_at", "language") if c in articles.columns
        ]
        columns = articles.select(wanted)
        self.chunks = [columns.slice(offset, size) for offset in range(0, columns.height, size)]
        self.results: list[Frames | None] = [None] * len(self.chunks)
        self._next = 0
        self._done = 0
        self._total = articles.height
        self._progress = progress
        self._lock = threading.Lock()

    def take(self) -> int | None:
        with self._lock:
            if self._next >= len(self.chunks):
                return None
            self._next += 1
            return self._next - 1

    def stop(self) -> None:
        """Hand out nothing more (the calling process failed)."""
        with self._lock:
            self._next = len(self.chunks)

    def finish(self, index: int, frames: Frames) -> None:
        with self._lock:
            self.results[index] = frames
            self._done += self.chunks[index].height
            if self._progress is not None:
                self._progress(self._done, self._total)


def _feed(pool: ProcessPoolExecutor, chunks: _Chunks, failures: list[BaseException]) -> None:
    """Keep one helper process busy. Its next chunk is always sent before the current one is
    back: the calling process is busy extracting and answers the helper only now and then."""
    in_flight: deque[tuple[int, Future[Frames]]] = deque()
    try:
        while True:
            while len(in_flight) < CHUNKS_IN_FLIGHT and (index := chunks.take()) is not None:
                chunk = chunks.chunks[index]
                future = pool.submit(extract_articles, chunk, None, chunks.seconds_per_file)
                in_flight.append((index, future))
            if not in_flight:
                return
            index, future = in_flight.popleft()
            chunks.finish(index, future.result())
    except BaseException as error:  # re-raised by the calling thread
        failures.append(error)


class Extractors:
    """Up to `workers` processes in all (this one included) that extract batches of articles.

    Helpers start with the first batch large enough to need them and serve every later batch
    until the context ends: a run of many batches starts them once."""

    def __init__(
        self,
        workers: int,
        min_articles_per_worker: int = MIN_ARTICLES_PER_WORKER,
        chunk_articles: int = CHUNK_ARTICLES,
        seconds_per_file: float | None = None,
    ) -> None:
        self.workers = workers
        self.seconds_per_file = seconds_per_file
        self.min_articles_per_worker = min_articles_per_worker
        self.chunk_articles = chunk_articles
        self._pool: ProcessPoolExecutor | None = None
        self._helpers = 0

    def __enter__(self) -> Extractors:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _pool_of(self, helpers: int) -> ProcessPoolExecutor:
        if self._pool is None or self._helpers < helpers:
            if self._pool is not None:
                self._pool.shutdown()
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=helpers, mp_context=context)
            self._helpers = helpers
        return self._pool

    def extract(
        self, articles: pl.DataFrame, progress: Callable[[int, int], None] | None = None
    ) -> Frames:
        """Sentences, facts, entities and overruns of `articles`, as `extract_articles`
        returns them, in the same order."""
        workers = workers_for(articles.height, self.workers, self.min_articles_per_worker)
        if workers == 1:
            return extract_articles(articles, progress, self.seconds_per_file)
        pool = self._pool_of(workers - 1)
        chunks = _Chunks(articles, self.chunk_articles, progress, self.seconds_per_file)
        failures: list[BaseException] = []
        feeders = [
            threading.Thread(target=_feed, args=(pool, chunks, failures), daemon=True)
            for _ in range(workers - 1)
        ]
        for feeder in feeders:
            feeder.start()
        try:
            while not failures and (index := chunks.take()) is not None:
                frames = extract_articles(chunks.chunks[index], None, self.seconds_per_file)
                chunks.finish(index, frames)
        finally:
            chunks.stop()
            for feeder in feeders:
                feeder.join()
        if failures:
            raise failures[0]
        parts = [part for part in chunks.results if part is not None]
        schemas = (SENTENCE_SCHEMA, FACT_SCHEMA, ENTITY_SCHEMA, OVERRUN_SCHEMA)
        return tuple(  # type: ignore[return-value]
            pl.concat([part[i] for part in parts]) if parts else pl.DataFrame(schema=schema)
            for i, schema in enumerate(schemas)
        )


def extract_in_parallel(
    articles: pl.DataFrame,
    workers: int,
    progress: Callable[[int, int], None] | None = None,
    min_articles_per_worker: int = MIN_ARTICLES_PER_WORKER,
    chunk_articles: int = CHUNK_ARTICLES,
) -> Frames:
    """Sentences, facts, entities and overruns of `articles`, as `extract_articles` returns
    them, in the same order, using up to `workers` processes in all (fewer for a small batch)."""
    with Extractors(workers, min_articles_per_worker, chunk_articles) as extractors:
        return extractors.extract(articles, progress)
