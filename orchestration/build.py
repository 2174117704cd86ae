"""Build the whole warehouse from the command line, as `make run` does:

    python -m orchestration.build

Registers every article file as a partition (and drops the partitions of files that left the
folder), then runs `build_warehouse` once over all of them in this Dagster instance
($DAGSTER_HOME), so the run shows in the UI like any other.
"""

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from common import settings
from orchestration.partitions import range_tags, sync_partitions

JOB = "build_warehouse"


def build(instance: dg.DagsterInstance, raise_on_error: bool = True) -> dg.ExecuteInProcessResult:
    """Run the whole job over every article file of the articles folder."""
    from orchestration.definitions import defs

    changes = sync_partitions(instance, settings.articles_dir())
    if not changes.keys:
        raise SystemExit(f"qazauto: no article files (*.txt) in {settings.articles_dir()}")
    job = defs.resolve_job_def(JOB)
    return job.execute_in_process(
        instance=instance,
        tags={**range_tags(changes.keys), "qazauto/trigger": "full_build"},
        raise_on_error=raise_on_error,
    )


@contextmanager
def open_instance() -> Iterator[dg.DagsterInstance]:
    """The Dagster instance of $DAGSTER_HOME, opened by one process at a time.

    Opening an instance creates its SQLite storage on first use; two builds started together
    on a fresh home would both create it and the second would fail on its schema version."""
    home = Path(os.environ.get("DAGSTER_HOME") or ".").expanduser()
    home.mkdir(parents=True, exist_ok=True)
    with (home / ".instance.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        instance = dg.DagsterInstance.get()
        fcntl.flock(lock, fcntl.LOCK_UN)
    with instance:
        yield instance


def main() -> int:
    with open_instance() as instance:
        result = build(instance, raise_on_error=False)
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main())
