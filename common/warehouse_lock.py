"""Waiting for DuckDB's file lock: one writer at a time, the others wait instead of failing."""

from __future__ import annotations

import time
from pathlib import Path

LOCK_MESSAGE = "Could not set lock"
DEFAULT_WAIT_SECONDS = 300.0


class WarehouseBusyError(TimeoutError):
    """Another process kept the warehouse file locked for longer than we were willing to wait."""


def is_lock_error(error: BaseException) -> bool:
    return LOCK_MESSAGE in str(error)


def connect_when_free(path: Path, wait_seconds: float = DEFAULT_WAIT_SECONDS, **options):
    """Open `path` for writing, waiting (with growing pauses) while another process holds it."""
    import duckdb

    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    pause = 0.2
    while True:
        try:
            return duckdb.connect(str(path), **options)
        except duckdb.IOException as error:
            if not is_lock_error(error) or time.monotonic() >= deadline:
                if is_lock_error(error):
                    raise WarehouseBusyError(
                        f"{path} stayed locked by another process for {wait_seconds:.0f} s"
                    ) from error
                raise
            time.sleep(pause)
            pause = min(pause * 2, 5.0)


def wait_until_free(path: Path, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> None:
    """Return once no other process holds the write lock on `path`."""
    connect_when_free(path, wait_seconds).close()
