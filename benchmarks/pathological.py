"""Extraction cost on pathological input, and the start-up of the extraction command.

    uv run python benchmarks/pathological.py [--json FILE]

A table dumped on one line (2,000, 5,000 and 20,000 numbers in one sentence) must cost time
in proportion to its length: the figures printed are seconds per dump and microseconds per
number. The start-up is the wall time of `qazauto extract` on one short article, best of three.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.extract.article import extract_article  # noqa: E402

SIZES = (2_000, 5_000, 20_000)


def one_line_dump(numbers: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    cells = ", ".join(f"{rng.randint(1, 99_999):,}" for _ in range(numbers))
    return f"Table\n\nKazakhstan produced {cells} cars in 2024.\n"


def startup_seconds() -> float:
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "one.txt"
        article.write_text("Kia sales\n\nKia sold 9,224 vehicles in 2024.\n")
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "ingest.cli", "extract", str(article)],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    extract_article("warm", "Warm.\n\nKia sold 9,224 cars in 2024.\n", None)
    figures: dict[str, float] = {}
    for size in SIZES:
        text = one_line_dump(size)
        started = time.perf_counter()
        extract_article(f"dump{size}", text, None)
        seconds = time.perf_counter() - started
        figures[f"one_line_{size}_numbers_seconds"] = round(seconds, 3)
        figures[f"one_line_{size}_numbers_microseconds_per_number"] = round(1e6 * seconds / size)
    figures["extract_command_startup_seconds"] = round(startup_seconds(), 3)
    for key, value in figures.items():
        print(f"{key:50} {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
