"""A sensor that adds a partition for each new article file and starts the build."""

import hashlib
import os
from pathlib import Path

import dagster as dg

from common import settings
from orchestration.defs.jobs import build_warehouse
from orchestration.partitions import ARTICLE_FILES, plan_partitions, range_tags


def files_digest(folder: Path, keys: list[str]) -> str:
    """A digest of the names, sizes and modification times of these files and sources.csv."""
    digest = hashlib.sha256()
    for key in sorted(keys):
        path = folder / key
        if path.is_file():
            stat = path.stat()
            digest.update(f"{key}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    for sources in sorted(folder.rglob("sources.csv")) if folder.is_dir() else []:
        stat = sources.stat()
        digest.update(f"{sources}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


# On unless QAZAUTO_SENSOR=stopped (tests that drive the UI start runs themselves).
SENSOR_STATUS = (
    dg.DefaultSensorStatus.STOPPED
    if os.environ.get("QAZAUTO_SENSOR", "running") == "stopped"
    else dg.DefaultSensorStatus.RUNNING
)


@dg.sensor(job=build_warehouse, minimum_interval_seconds=30, default_status=SENSOR_STATUS)
def new_articles(context: dg.SensorEvaluationContext):
    """New files get partitions and a run over just those partitions (plus the models
    downstream). When files already known changed or left, the run covers every partition:
    the ledger reads only what changed and retires what left."""
    folder = settings.articles_dir()
    existing = context.instance.get_dynamic_partitions(ARTICLE_FILES.name)
    changes = plan_partitions(existing, folder)
    now = files_digest(folder, changes.keys)
    if now == context.cursor:
        return dg.SkipReason("No new or changed article files.")
    known_unchanged = files_digest(folder, existing) == context.cursor
    context.update_cursor(now)
    requests = []
    if changes.added:
        requests.append(ARTICLE_FILES.build_add_request(changes.added))
    if changes.removed:
        requests.append(ARTICLE_FILES.build_delete_request(changes.removed))
    selected = changes.added if known_unchanged and changes.added else changes.keys
    if not selected:
        return dg.SensorResult(dynamic_partitions_requests=requests)
    run = dg.RunRequest(
        run_key=now,
        tags={
            **range_tags(selected),
            "qazauto/trigger": "new_articles",
            "qazauto/files": str(len(selected)),
        },
    )
    return dg.SensorResult(run_requests=[run], dynamic_partitions_requests=requests)
