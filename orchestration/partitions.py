"""Article files as dynamic partitions: each file's extraction is a partition of the raw
tables, so a new file materialises only its own partition plus the models downstream."""

from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from ingest.read.discover import list_files

ARTICLE_FILES = dg.DynamicPartitionsDefinition(name="article_files")
RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"


def article_keys(folder: Path) -> list[str]:
    """Partition keys of the article files under `folder` (the files a landing looks at),
    in a stable order."""
    if not folder.is_dir():
        return []
    return [item.name for item in list_files([folder])]


@dataclass(frozen=True)
class PartitionChanges:
    keys: list[str]  # every partition after the change, in the instance's order
    added: list[str]
    removed: list[str]


def plan_partitions(existing: list[str], folder: Path) -> PartitionChanges:
    present = article_keys(folder)
    added = [key for key in present if key not in set(existing)]
    removed = [key for key in existing if key not in set(present)]
    kept = [key for key in existing if key not in set(removed)]
    return PartitionChanges(keys=kept + added, added=added, removed=removed)


def sync_partitions(instance: dg.DagsterInstance, folder: Path) -> PartitionChanges:
    """Make the instance's partitions the files of `folder`."""
    changes = plan_partitions(instance.get_dynamic_partitions(ARTICLE_FILES.name), folder)
    if changes.added:
        instance.add_dynamic_partitions(ARTICLE_FILES.name, changes.added)
    for key in changes.removed:
        instance.delete_dynamic_partition(ARTICLE_FILES.name, key)
    return changes


def range_tags(keys: list[str]) -> dict[str, str]:
    """Run tags that select the partitions from the first to the last of `keys`."""
    return {RANGE_START: keys[0], RANGE_END: keys[-1]}
