"""End to end on generated corpora: wall time of every stage, peak memory, and the cost of
adding ten articles to the largest warehouse.

    uv run python benchmarks/pipeline_scale.py --sizes 1000 10000 [--incremental 10]
        [--workers N] [--json FILE]

Each size runs in a fresh process on a fresh warehouse, through the same library calls the
Dagster assets make: `ingest_folder` (read, extract, land), `dbt build` (the dbt CLI, as
dagster-dbt runs it), the great-expectations suites (checks) and the publication of the
snapshot and the brief (publish). Framework imports are timed apart (see fixed_costs.py).
Corpora are generated once per size and seed under warehouse/bench/corpus/ and reused.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BENCH_DIR = ROOT / "warehouse" / "bench"
SEED = 7


def corpus(size: int, seed: int = SEED) -> tuple[Path, float]:
    """The generated corpus of `size` articles (written once), and the seconds it took."""
    from benchmarks.generate_corpus import generate

    folder = BENCH_DIR / "corpus" / f"{size}_seed{seed}"
    done = folder / ".complete"
    if done.exists():
        return folder, 0.0
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    generate(folder, size, seed)
    done.write_text("ok\n")
    return folder, time.perf_counter() - started


def peak_memory_mb() -> float:
    """Peak resident memory of this process plus the largest child (dbt, a worker), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round((own + children) / 1024, 1)


def dbt_build(database: Path, target: Path) -> None:
    env = {**os.environ, "QAZAUTO_WAREHOUSE": str(database), "DO_NOT_TRACK": "1"}
    command = [sys.executable, "-m", "dbt.cli.main", "build", "--profiles-dir", "."]
    command += ["--target-path", str(target), "--log-path", str(target / "logs"), "--quiet"]
    subprocess.run(command, cwd=ROOT / "dbt", env=env, check=True)


def build_once(folder: Path, workdir: Path, run_id: str, workers: int) -> dict:
    """One build of the warehouse in `workdir` from `folder`: seconds per stage."""
    from expectations.validate import validate_warehouse
    from ingest.land.warehouse import ingest_folder
    from publish.brief import write_brief
    from publish.snapshot import publish

    database = workdir / "qazauto.duckdb"
    seconds: dict[str, float] = {}
    landing = ingest_folder(folder, database, run_id=run_id, workers=workers)
    seconds.update(landing.seconds)

    started = time.perf_counter()
    dbt_build(database, workdir / "dbt-target")
    seconds["dbt"] = time.perf_counter() - started

    started = time.perf_counter()
    outcomes = validate_warehouse(database)
    seconds["checks"] = time.perf_counter() - started
    failed = [o.mart for o in outcomes if not o.passed]

    started = time.perf_counter()
    publish(database, workdir / "published")
    write_brief(database, workdir / "published")
    seconds["publish"] = time.perf_counter() - started
    return {
        "seconds": {stage: round(value, 2) for stage, value in seconds.items()},
        "total_seconds": round(sum(seconds.values()), 2),
        "files_read": len(landing.new) + len(landing.changed),
        "rows_landed": landing.row_counts,
        "failed_checks": failed,
    }


def run_size(size: int, incremental: int, workers: int) -> dict:
    """Everything measured for one corpus size (runs in its own process)."""
    from benchmarks.generate_corpus import generate

    folder, generate_seconds = corpus(size)
    workdir = BENCH_DIR / "runs" / str(size)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)

    started = time.perf_counter()
    import great_expectations  # noqa: F401  (timed apart: a fixed cost, not a stage)

    imports = time.perf_counter() - started
    full = build_once(folder, workdir, "full", workers)
    result = {
        "articles": size,
        "generate_seconds": round(generate_seconds, 2),
        "framework_import_seconds": round(imports, 2),
        **full,
        "peak_memory_mb": peak_memory_mb(),
    }
    if incremental:
        late = folder / "late"
        shutil.rmtree(late, ignore_errors=True)
        generate(late, incremental, seed=SEED + 1, prefix="late")
        try:
            again = build_once(folder, workdir, "incremental", workers)
        finally:
            shutil.rmtree(late, ignore_errors=True)
        result["incremental"] = {
            "articles_added": incremental,
            **again,
            "share_of_full_build": round(again["total_seconds"] / full["total_seconds"], 3),
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--incremental", type=int, default=10, help="articles added at the end")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--with-incremental", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.one:  # a child: one size, JSON on the last line of stdout
        added = args.incremental if args.with_incremental else 0
        print(json.dumps(run_size(args.one, added, args.workers)))
        return

    results = []
    largest = max(args.sizes)
    for size in sorted(args.sizes):
        command = [sys.executable, __file__, "--one", str(size), "--workers", str(args.workers)]
        command += ["--incremental", str(args.incremental)]
        if size == largest and args.incremental:
            command.append("--with-incremental")
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(figures)
        stages = ", ".join(f"{k} {v}s" for k, v in figures["seconds"].items())
        print(
            f"{size:>7} articles: {figures['total_seconds']}s ({stages}); "
            f"peak {figures['peak_memory_mb']} MB"
        )
        if "incremental" in figures:
            inc = figures["incremental"]
            stages = ", ".join(f"{k} {v}s" for k, v in inc["seconds"].items())
            print(
                f"        +{inc['articles_added']} articles: {inc['total_seconds']}s ({stages}); "
                f"{inc['share_of_full_build']:.1%} of the full build"
            )
    for small, large in itertools.pairwise(results):
        growth = large["total_seconds"] / small["total_seconds"]
        print(f"{small['articles']} -> {large['articles']} articles: time x{growth:.1f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
