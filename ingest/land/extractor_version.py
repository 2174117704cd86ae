"""The extractor's version: a hash of every file that decides the rows an article gives.

Those files are the folders of reading, extraction (with its language packs), the frames built
from it, and the reference data. Landing, parallelism and publication can change without
every file being read again. The hash is of the files' contents only, so moving or renaming a
file within those folders keeps the version; changing any byte of one changes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import ingest.extract
import ingest.read
import ingest.tables
import reference

ROW_DECIDING_FOLDERS: tuple[Path, ...] = tuple(
    Path(str(package.__file__)).parent
    for package in (ingest.read, ingest.extract, ingest.tables, reference)
)
DATA_SUFFIXES = frozenset({".py", ".csv", ".toml", ".txt"})


def folders_version(folders: Iterable[Path]) -> str:
    """A hash of the contents of every code and data file under `folders`, in any order."""
    digests = sorted(
        hashlib.sha256(path.read_bytes()).digest()
        for folder in folders
        for path in folder.rglob("*")
        if path.suffix in DATA_SUFFIXES and path.is_file() and "__pycache__" not in path.parts
    )
    return hashlib.sha256(b"".join(digests)).hexdigest()[:16]


@cache
def extractor_version() -> str:
    """The version of the running extractor: when it changes, every file is read again."""
    return folders_version(ROW_DECIDING_FOLDERS)
