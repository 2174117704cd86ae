"""Where articles are read from and where the warehouse lives: one place for every tool."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
ARTICLES_DIR_ENV = "QAZAUTO_ARTICLES_DIR"
WAREHOUSE_ENV = "QAZAUTO_WAREHOUSE"
DEFAULT_ARTICLES_DIR = "seeds"
DEFAULT_WAREHOUSE = "warehouse/qazauto.duckdb"
PUBLISHED_DIR_ENV = "QAZAUTO_PUBLISHED_DIR"
DEFAULT_PUBLISHED_DIR = "warehouse/published"


def _resolve(raw: str) -> Path:
    path = Path(raw).expanduser()
    return path if path.is_absolute() else (PROJECT_ROOT / path)


def articles_dir() -> Path:
    """`QAZAUTO_ARTICLES_DIR`, relative to the project root unless absolute."""
    return _resolve(os.environ.get(ARTICLES_DIR_ENV) or DEFAULT_ARTICLES_DIR)


def warehouse_path() -> Path:
    """`QAZAUTO_WAREHOUSE`: the DuckDB file, relative to the project root unless absolute."""
    return _resolve(os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE)


def published_dir() -> Path:
    """`QAZAUTO_PUBLISHED_DIR`: where the snapshot for readers is published."""
    return _resolve(os.environ.get(PUBLISHED_DIR_ENV) or DEFAULT_PUBLISHED_DIR)


WORKERS_ENV = "QAZAUTO_EXTRACT_WORKERS"


def extract_workers() -> int:
    """`QAZAUTO_EXTRACT_WORKERS`: processes that extract a large batch; one per core by default."""
    raw = os.environ.get(WORKERS_ENV, "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return os.cpu_count() or 1


SECONDS_PER_FILE_ENV = "QAZAUTO_EXTRACT_SECONDS_PER_FILE"
DEFAULT_SECONDS_PER_FILE = 60.0


def extract_seconds_per_file() -> float:
    """`QAZAUTO_EXTRACT_SECONDS_PER_FILE`: the time one file's extraction may take before the
    file goes to the quarantine (`extraction_timeout`) and the run goes on without it."""
    raw = os.environ.get(SECONDS_PER_FILE_ENV, "").strip()
    try:
        seconds = float(raw)
    except ValueError:
        return DEFAULT_SECONDS_PER_FILE
    return seconds if seconds > 0 else DEFAULT_SECONDS_PER_FILE
