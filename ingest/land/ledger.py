"""The article ledger: every file the warehouse has seen, and what a run must read again.

The ledger (`raw.article_ledger`) remembers every file by absolute path: its size,
modification time, content hash, status and the extractor version that read it. Planning a
run compares the folder with it in bulk, so that a run over a large folder that adds ten files
costs a listing and a stat per file, and ledger rows in Python only for the files it touches.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ingest.read.discover import (
    Candidate,
    Listed,
    candidates,
    is_outside,
    list_files,
    unmatched_sources,
)

LEDGER_TABLE = "article_ledger"
LEDGER_SCHEMA = pl.Schema(
    {
        "file_path": pl.String(),
        "article_id": pl.String(),
        "content_sha256": pl.String(),
        "size_bytes": pl.Int64(),
        "mtime_ns": pl.Int64(),
        "status": pl.String(),  # active | duplicate | rejected | retired
        "duplicate_of": pl.String(),
        "extractor_version": pl.String(),
        "first_seen_at": pl.Datetime("us"),
        "last_seen_at": pl.Datetime("us"),
        # When this row last changed (read again, retired): incremental models take in the
        # articles whose row changed since their last build.
        "changed_at": pl.Datetime("us"),
        "run_id": pl.String(),
    }
)


@dataclass
class Plan:
    """What a run does before reading anything."""

    to_read: list[Candidate]
    unchanged: list[str]
    # Ledger rows of the files to read and of the files gone, by path.
    rows: dict[str, dict] = field(default_factory=dict)
    # Files the ledger holds (not yet retired) that left the folder; only when the run
    # looks at the whole folder.
    gone: list[str] = field(default_factory=list)
    # Content hash -> article id of the active files that stay as they are: a file read now
    # with the same text is their duplicate.
    known: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _state(item: Listed) -> tuple[int | None, int | None]:
    if item.is_link and is_outside(Path(item.path), item.root):
        return None, None  # never trusted as unchanged: read (and rejected) again
    try:
        stat = os.stat(item.path)
    except OSError:
        return None, None
    return stat.st_size, stat.st_mtime_ns


def plan_reads(ledger: pl.DataFrame, folder: Path, only: set[str] | None, version: str) -> Plan:
    """Compare `folder` (absolute) with the `ledger` frame: which files to read, in which order.

    `only` restricts the run to those files (names relative to `folder`); files that left the
    folder are retired only by a run that looks at the whole folder."""
    listed = listed_all = list_files([folder])
    present = pl.Series([item.path for item in listed], dtype=pl.String)
    if only is not None:
        whole_folder = {item.name for item in listed} <= only
        listed = [item for item in listed if item.name in only]
    else:
        whole_folder = True
    sizes, mtimes = zip(*(_state(item) for item in listed), strict=True) if listed else ((), ())
    looked_at = pl.DataFrame(
        {"file_path": [item.path for item in listed], "size": sizes, "mtime": mtimes},
        schema={"file_path": pl.String(), "size": pl.Int64(), "mtime": pl.Int64()},
    )
    compared = looked_at.join(
        ledger, on="file_path", how="left", maintain_order="left"
    ).with_columns(
        (
            (pl.col("status") != "retired")
            & (pl.col("extractor_version") == version)
            & (pl.col("size_bytes") == pl.col("size"))
            & (pl.col("mtime_ns") == pl.col("mtime"))
        )
        .fill_null(False)
        .alias("unchanged"),
        pl.col("status").is_not_null().alias("in_ledger"),
    )
    unchanged = compared.filter("unchanged")["file_path"].to_list()
    rereading = compared.filter(~pl.col("unchanged"))
    # Files the ledger knows come first: a new name for known text is the duplicate.
    order = rereading.sort(["in_ledger", "file_path"], descending=[True, False])["file_path"]
    by_path = {item.path: item for item in listed}
    to_read = candidates([by_path[path] for path in order])

    gone = (
        ledger.filter(
            ~pl.col("file_path").is_in(present.implode()) & (pl.col("status") != "retired")
        )
        if whole_folder
        else ledger.clear()
    )
    needed = pl.concat([order, gone["file_path"]])
    rows = {
        row["file_path"]: row
        for row in ledger.filter(pl.col("file_path").is_in(needed.implode())).iter_rows(named=True)
    }
    staying = ledger.filter(
        (pl.col("status") == "active")
        & pl.col("file_path").is_in(present.implode())
        & ~pl.col("file_path").is_in(order.implode())
    )
    return Plan(
        to_read=to_read,
        unchanged=unchanged,
        rows=rows,
        gone=gone["file_path"].to_list(),
        known=dict(zip(staying["content_sha256"], staying["article_id"], strict=True)),
        warnings=unmatched_sources(listed_all),
    )
