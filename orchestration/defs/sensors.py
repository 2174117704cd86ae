"""A sensor that starts the build when article files appear or change."""

import hashlib

import dagster as dg

from ingest import settings
from orchestration.defs.jobs import build_warehouse

WATCHED_SUFFIXES = (".txt", ".csv")


def folder_fingerprint() -> tuple[str, int]:
    """A digest of the names, sizes and modification times of the articles folder's files."""
    folder = settings.articles_dir()
    digest = hashlib.sha256()
    count = 0
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.suffix in WATCHED_SUFFIXES and path.is_file():
                stat = path.stat()
                digest.update(
                    f"{path.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode()
                )
                count += 1
    return digest.hexdigest(), count


@dg.sensor(
    job=build_warehouse, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING
)
def new_articles(context: dg.SensorEvaluationContext):
    """Start a build when the articles folder's files differ from the last build's."""
    fingerprint, count = folder_fingerprint()
    if fingerprint == context.cursor:
        return dg.SkipReason(f"No new or changed article files ({count} files).")
    context.update_cursor(fingerprint)
    return dg.RunRequest(
        run_key=fingerprint, tags={"qazauto/trigger": "new_articles", "qazauto/files": str(count)}
    )
