"""Extraction by several processes gives exactly what one process gives, in the same order."""

import polars as pl
from polars.testing import assert_frame_equal

from ingest.land.parallel import Extractors, extract_in_parallel, workers_for
from ingest.read import read_articles
from ingest.tables.frames import extract_articles


def test_two_processes_extract_what_one_does(seeds_dir):
    articles = read_articles([seeds_dir]).articles
    corpus = pl.concat(
        [articles.with_columns(pl.col("article_id") + f"_{copy}") for copy in range(3)]
    )
    one = extract_articles(corpus)
    # Chunks of two articles: both processes get several.
    two = extract_in_parallel(corpus, workers=2, min_articles_per_worker=1, chunk_articles=2)
    for alone, together in zip(one, two, strict=True):
        assert_frame_equal(alone, together)
    assert one[1].height > 0  # facts were found


def test_small_batches_stay_in_one_process():
    assert workers_for(articles=50, workers=2) == 1
    assert workers_for(articles=5_000, workers=2) == 2
    assert workers_for(articles=5_000, workers=1) == 1


def test_helpers_start_once_and_serve_every_batch_of_a_run(seeds_dir):
    articles = read_articles([seeds_dir]).articles
    batches = [articles.with_columns(pl.col("article_id") + f"_{n}") for n in range(2)]
    with Extractors(workers=2, min_articles_per_worker=1, chunk_articles=1) as extractors:
        first = extractors.extract(batches[0])
        helpers = extractors._pool
        second = extractors.extract(batches[1])
        assert extractors._pool is helpers
    for batch, frames in zip(batches, (first, second), strict=True):
        for alone, together in zip(extract_articles(batch), frames, strict=True):
            assert_frame_equal(alone, together)
