"""Extraction speed: sentences and megabytes per second, in one process and in one per core.

    uv run python benchmarks/extraction_speed.py [PATH ...] [--copies N] [--json FILE]

The corpus is the seed articles and the dev set (when ../shared is beside the repository),
each article repeated `--copies` times under new ids so that the timing is not dominated by
start-up. Reading (decoding) is timed apart from extraction. The run with several processes
includes starting them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.land.parallel import extract_in_parallel  # noqa: E402
from ingest.read import read_articles  # noqa: E402
from ingest.tables.frames import extract_articles  # noqa: E402

DEFAULT_PATHS = [ROOT / "seeds", ROOT.parent / "shared" / "devset" / "articles"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    paths = [p for p in (args.paths or DEFAULT_PATHS) if p.exists()]

    started = time.perf_counter()
    read = read_articles(paths)
    read_seconds = time.perf_counter() - started
    corpus = pl.concat(
        [
            read.articles.with_columns(pl.col("article_id") + f"_copy{copy}")
            for copy in range(args.copies)
        ]
    )
    # Warm the lexicons and compiled patterns so the timing is of steady-state extraction.
    extract_articles(read.articles.head(1))

    # Each way is timed `--repeats` times and the best time kept: the machine's noise only
    # ever adds time. The run with several processes includes starting them every time.
    seconds = parallel_seconds = float("inf")
    for _ in range(args.repeats):
        started = time.perf_counter()
        sentences, facts, _, _ = extract_articles(corpus)
        seconds = min(seconds, time.perf_counter() - started)
        started = time.perf_counter()
        parallel_sentences, _, _, _ = extract_in_parallel(
            corpus, args.workers, min_articles_per_worker=1
        )
        parallel_seconds = min(parallel_seconds, time.perf_counter() - started)
        assert parallel_sentences.height == sentences.height
    megabytes = corpus["text"].str.len_bytes().sum() / 1e6
    figures = {
        "articles": corpus.height,
        "sentences": sentences.height,
        "facts": facts.height,
        "megabytes": round(megabytes, 3),
        "read_seconds_for_source_files": round(read_seconds, 3),
        "extract_seconds": round(seconds, 3),
        "sentences_per_second": round(sentences.height / seconds, 1),
        "megabytes_per_second": round(megabytes / seconds, 3),
        "workers": args.workers,
        "repeats": args.repeats,
        "extract_seconds_parallel": round(parallel_seconds, 3),
        "sentences_per_second_parallel": round(sentences.height / parallel_seconds, 1),
        "megabytes_per_second_parallel": round(megabytes / parallel_seconds, 3),
        "parallel_speedup": round(seconds / parallel_seconds, 2),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    for key, value in figures.items():
        print(f"{key:32} {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
