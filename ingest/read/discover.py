"""Find article files under the paths a user gives, and the metadata beside them."""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

SOURCES_FILE = "sources.csv"
ARTICLE_SUFFIX = ".txt"


class PathNotFoundError(FileNotFoundError):
    """A path given by the user does not exist."""


@dataclass(frozen=True)
class SourceMeta:
    url: str | None
    title: str | None
    published: dt.date | None


@dataclass(frozen=True)
class Candidate:
    """A file that should be an article; `outside_root` marks a link leading elsewhere."""

    path: Path
    root: Path
    meta: SourceMeta | None
    outside_root: bool = False


def _parse_date(raw: str | None) -> dt.date | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        return None


def read_sources(folder: Path) -> dict[str, SourceMeta]:
    """`sources.csv` (file,url,title,published) keyed by file name; empty when absent."""
    path = folder / SOURCES_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        (row.get("file") or "").strip(): SourceMeta(
            url=(row.get("url") or "").strip() or None,
            title=(row.get("title") or "").strip() or None,
            published=_parse_date(row.get("published")),
        )
        for row in rows
        if (row.get("file") or "").strip()
    }


def _is_outside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return True
    return False


def _article_files(folder: Path) -> list[tuple[str, bool]]:
    """Every `*.txt` under `folder` with whether it is a symbolic link, sorted by path.
    Linked folders are not entered: nothing outside the folder is read through them."""
    found: list[tuple[str, bool]] = []
    pending = [str(folder)]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif entry.name.endswith(ARTICLE_SUFFIX):
                    found.append((entry.path, entry.is_symlink()))
    found.sort()
    return found


def discover(paths: list[Path]) -> list[Candidate]:
    """Every `*.txt` file named or found (recursively) under the given folders, sorted."""
    found: dict[str, Candidate] = {}
    for given in paths:
        if not given.exists() and not given.is_symlink():
            raise PathNotFoundError(f"no such file or folder: {given}")
        if given.is_dir():
            sources_by_folder: dict[Path, dict[str, SourceMeta]] = {}
            for name, is_link in _article_files(given):
                path = Path(name)
                folder = path.parent
                if folder not in sources_by_folder:
                    sources_by_folder[folder] = read_sources(folder)
                meta = sources_by_folder[folder].get(path.name)
                outside = is_link and _is_outside(path, given)
                found[name] = Candidate(path, given, meta, outside)
        else:
            meta = read_sources(given.parent).get(given.name)
            found[str(given)] = Candidate(given, given.parent, meta)
    return [found[key] for key in sorted(found)]
