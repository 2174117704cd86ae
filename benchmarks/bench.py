"""Every benchmark in one go (`make bench`): prints the figures and writes them, with the
targets they are held to, to warehouse/bench/results.json.

    uv run python benchmarks/bench.py [--sizes 1000 10000 100000] [--incremental 10]

Runs extraction_speed.py, pipeline_scale.py, fixed_costs.py and pathological.py, each in its
own process, and scores the extractor on the smallest generated corpus against the facts it
planted (with ../shared/tools/score_facts.py, when it is there).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "warehouse" / "bench"
SCORER = ROOT.parent / "shared" / "tools" / "score_facts.py"


def run_script(name: str, *args: str) -> dict | list:
    """Run benchmarks/<name> with --json; its printed figures pass through."""
    out = BENCH_DIR / f"{Path(name).stem}.json"
    print(f"== {name} {' '.join(args)}", flush=True)
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / name), *args, "--json", str(out)], check=True
    )
    return json.loads(out.read_text())


def machine() -> dict:
    memory_kb = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def accuracy(corpus: Path) -> dict:
    """Precision and recall of the extractor on a generated corpus and its planted gold."""
    if not SCORER.exists():
        return {"skipped": f"{SCORER} not found"}
    predicted = BENCH_DIR / "generated_predictions.jsonl"
    with predicted.open("w") as out:
        subprocess.run(
            [sys.executable, "-m", "ingest.cli", "extract", str(corpus), "--format", "jsonl"],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.DEVNULL,
            check=True,
        )
    scored = subprocess.run(
        [sys.executable, str(SCORER), str(corpus / "gold.jsonl"), str(predicted)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(row for row in scored.splitlines() if row.startswith("ALL"))
    _, matched, gold, pred, precision, recall, _, f1 = line.split()
    return {
        "corpus": corpus.name,
        "gold_facts": int(gold),
        "predicted_facts": int(pred),
        "matched": int(matched),
        "precision": float(precision),
        "recall": float(recall),
        "f1": float(f1),
    }


def targets(extraction: dict, corpora: list[dict], fixed: dict, pathological: dict) -> dict:
    """The targets of the performance issue, each with the measured figure and whether it
    is met. A target that needs a corpus size this run did not build is left out."""
    met: dict[str, dict] = {
        "extraction_sentences_per_second_per_core_at_least_1000": {
            "value": extraction["sentences_per_second"],
            "met": extraction["sentences_per_second"] >= 1000,
        },
        "two_processes_at_least_1.7x_one": {
            "value": extraction["parallel_speedup"],
            "met": extraction["parallel_speedup"] >= 1.7,
        },
        "one_line_dump_of_20000_numbers_under_5_seconds": {
            "value": pathological["one_line_20000_numbers_seconds"],
            "met": pathological["one_line_20000_numbers_seconds"] < 5,
        },
        "extract_command_startup_under_1.5_seconds": {
            "value": pathological["extract_command_startup_seconds"],
            "met": pathological["extract_command_startup_seconds"] < 1.5,
        },
        "seed_run_own_work_a_few_seconds": {
            "value": fixed["own_work_total_seconds"],
            "met": fixed["own_work_total_seconds"] <= 5,
        },
    }
    by_size = {c["articles"]: c for c in corpora}
    if 100_000 in by_size:
        big = by_size[100_000]
        met["100000_articles_under_10_minutes"] = {
            "value": big["total_seconds"],
            "met": big["total_seconds"] < 600,
        }
        met["100000_articles_peak_memory_under_4_gb"] = {
            "value": big["peak_memory_mb"],
            "met": big["peak_memory_mb"] < 4096,
        }
        if 10_000 in by_size:
            growth = big["total_seconds"] / by_size[10_000]["total_seconds"]
            met["100000_at_most_12x_10000"] = {"value": round(growth, 2), "met": growth <= 12}
    largest = max(corpora, key=lambda c: c["articles"])
    if "incremental" in largest:
        share = largest["incremental"]["share_of_full_build"]
        met[f"add_10_to_{largest['articles']}_under_10_percent_of_full_build"] = {
            "value": share,
            "met": share < 0.10,
        }
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["1000", "10000"])
    parser.add_argument("--incremental", default="10")
    args = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.UTC)

    extraction = run_script("extraction_speed.py")
    russian = ROOT.parent / "shared" / "devset_ru" / "articles"
    extraction_ru = (
        run_script("extraction_speed.py", str(russian), "--copies", "100")
        if russian.exists()
        else {"skipped": f"{russian} not found"}
    )
    corpora = run_script(
        "pipeline_scale.py", "--sizes", *args.sizes, "--incremental", args.incremental
    )
    fixed = run_script("fixed_costs.py")
    pathological = run_script("pathological.py")
    smallest = min(int(size) for size in args.sizes)
    scored = accuracy(BENCH_DIR / "corpus" / f"{smallest}_seed7")
    print(f"== accuracy on the generated corpus: {scored}")

    largest = max(corpora, key=lambda c: c["articles"])
    results = {
        "date": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "sentences_per_second": extraction["sentences_per_second"],
        "sentences_per_second_two_processes": extraction["sentences_per_second_parallel"],
        "megabytes_per_second": extraction["megabytes_per_second"],
        "megabytes_per_second_two_processes": extraction["megabytes_per_second_parallel"],
        "extraction": extraction,
        "extraction_russian": extraction_ru,
        "sentences_per_second_russian": extraction_ru.get("sentences_per_second"),
        "corpora": [{key: c[key] for key in c if key != "incremental"} for c in corpora],
        "incremental": {
            "base_articles": largest["articles"],
            "full_build_seconds": largest["total_seconds"],
            **largest.get("incremental", {}),
        },
        "fixed_costs": fixed,
        "pathological_input": pathological,
        "accuracy_on_generated_corpus": scored,
        "targets": targets(extraction, corpora, fixed, pathological),
    }
    out = BENCH_DIR / "results.json"
    out.write_text(json.dumps(results, indent=2))
    print("== targets")
    for name, target in results["targets"].items():
        print(f"  {'met    ' if target['met'] else 'NOT MET'} {name}: {target['value']}")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
