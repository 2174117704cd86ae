"""Find article files under the paths a user gives, and the metadata beside them."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterator
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


SOURCE_COLUMNS = ("file", "url", "title", "published")


def source_key(name: str) -> str:
    """The article file a `sources.csv` row names: `01_kia` and `01_kia.txt` are one file."""
    name = name.strip().replace("\\", "/").rsplit("/", 1)[-1]
    return name if name.lower().endswith(ARTICLE_SUFFIX) else name + ARTICLE_SUFFIX


def _source_rows(path: Path) -> Iterator[tuple[dict[str, int], list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle)
        header = [column.strip() for column in next(rows, [])]
        where = {column: header.index(column) for column in SOURCE_COLUMNS if column in header}
        if "file" not in where:
            return
        for row in rows:
            yield where, row


def read_sources(folder: Path, names: set[str] | None = None) -> dict[str, SourceMeta]:
    """`sources.csv` (file,url,title,published) keyed by file name; empty when absent.
    With `names`, only those files' rows: a large index costs little when few files are new."""
    path = folder / SOURCES_FILE
    if not path.is_file():
        return {}

    def cell(where: dict[str, int], row: list[str], column: str) -> str:
        index = where.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    found: dict[str, SourceMeta] = {}
    for where, row in _source_rows(path):
        name = cell(where, row, "file")
        if not name:
            continue
        name = source_key(name)
        if names is None or name in names:
            found[name] = SourceMeta(
                url=cell(where, row, "url") or None,
                title=cell(where, row, "title") or None,
                published=_parse_date(cell(where, row, "published")),
            )
    return found


def unmatched_sources(listed: list[Listed]) -> list[str]:
    """Warnings for the rows of each folder's `sources.csv` that name no file listed there:
    their titles and dates would be lost without a word."""
    present: dict[Path, set[str]] = {}
    for item in listed:
        path = Path(item.path)
        present.setdefault(path.parent, set()).add(path.name)
    warnings = []
    for folder, names in present.items():
        path = folder / SOURCES_FILE
        if not path.is_file():
            continue
        rows = [
            row[where["file"]].strip()
            for where, row in _source_rows(path)
            if len(row) > where["file"]
        ]
        missing = [name for name in rows if name and source_key(name) not in names]
        if missing:
            more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
            shown = ", ".join(missing[:5]) + more
            warnings.append(
                f"{path}: {len(missing)} of {len(rows)} rows name no article file in the folder "
                f"({shown}); their titles and publication dates are not used"
            )
    return warnings


def is_outside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return True
    return False


@dataclass(frozen=True)
class Listed:
    """A file found under a folder the user gave, before anything about it is read."""

    path: str
    root: Path
    is_link: bool = False

    @property
    def name(self) -> str:
        """The path relative to `root`, with `/` between folders: a partition key."""
        return self.path[len(str(self.root)) + 1 :].replace(os.sep, "/")


def _article_files(folder: Path) -> list[tuple[str, bool]]:
    """Every `*.txt` under `folder` with whether it is a symbolic link (in no order).
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
    return found


def list_files(paths: list[Path]) -> list[Listed]:
    """Every `*.txt` file named or found (recursively) under the given paths, sorted by path:
    names only, cheap enough to run over a large folder on every run."""
    found: dict[str, Listed] = {}
    for given in paths:
        if not given.exists() and not given.is_symlink():
            raise PathNotFoundError(f"no such file or folder: {given}")
        if given.is_dir():
            for name, is_link in _article_files(given):
                found[name] = Listed(name, given, is_link)
        else:
            found[str(given)] = Listed(str(given), given.parent)
    return [found[key] for key in sorted(found)]


def candidates(listed: list[Listed]) -> list[Candidate]:
    """The files to read, with their rows of `sources.csv` (each index read once, and only
    for the files asked about)."""
    paths = [Path(item.path) for item in listed]
    wanted: dict[Path, set[str]] = {}
    for path in paths:
        wanted.setdefault(path.parent, set()).add(path.name)
    sources = {folder: read_sources(folder, names) for folder, names in wanted.items()}
    return [
        Candidate(
            path,
            item.root,
            sources[path.parent].get(path.name),
            item.is_link and is_outside(path, item.root),
        )
        for item, path in zip(listed, paths, strict=True)
    ]


def discover(paths: list[Path]) -> list[Candidate]:
    """Every `*.txt` file named or found (recursively) under the given folders, sorted."""
    return candidates(list_files(paths))
