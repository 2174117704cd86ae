"""Read article files into a polars frame of articles and a frame of rejected files."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ingest.read.decode import Decoded, decode_bytes
from ingest.read.discover import Candidate, candidates, list_files, unmatched_sources
from ingest.read.language import detect_language
from ingest.read.layout import layout, title_of

DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# Files modified this recently get a second look a moment later: a file that is still growing
# (a scraper writing it) waits for the next run instead of being read half-written.
RECENT_SECONDS = 5.0
SECOND_LOOK_SECONDS = 0.3
MAX_BYTES_ENV = "QAZAUTO_MAX_FILE_BYTES"

ARTICLE_SCHEMA = pl.Schema(
    {
        "article_id": pl.String(),
        "file_path": pl.String(),
        "title": pl.String(),
        "published_at": pl.Date(),
        "source_url": pl.String(),
        "encoding": pl.String(),
        "content_sha256": pl.String(),
        "n_chars": pl.Int64(),
        "language": pl.String(),
        "text": pl.String(),
    }
)
REJECTION_SCHEMA = pl.Schema(
    {
        "article_id": pl.String(),
        "file_path": pl.String(),
        "reason": pl.String(),
        "message": pl.String(),
        "size_bytes": pl.Int64(),
    }
)


@dataclass(frozen=True)
class ReadResult:
    articles: pl.DataFrame
    rejections: pl.DataFrame
    pending: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def max_file_bytes() -> int:
    raw = os.environ.get(MAX_BYTES_ENV, "")
    return int(raw) if raw.strip().isdigit() else DEFAULT_MAX_FILE_BYTES


def _rejection(candidate: Candidate, reason: str, message: str, size: int | None) -> dict:
    return {
        "article_id": candidate.path.stem,
        "file_path": str(candidate.path),
        "reason": reason,
        "message": message,
        "size_bytes": size,
    }


@dataclass(frozen=True)
class FileState:
    """What a file looks like from outside: enough to notice that it changed."""

    size: int
    mtime_ns: int


@dataclass(frozen=True)
class ReadOutcome:
    """One file read: an article row, a rejection row, or `pending` (it changed meanwhile)."""

    candidate: Candidate
    state: FileState | None
    article: dict | None = None
    rejection: dict | None = None

    @property
    def pending(self) -> bool:
        return self.article is None and self.rejection is None


def file_state(path: Path) -> FileState | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return FileState(stat.st_size, stat.st_mtime_ns)


def _rejected(
    candidate: Candidate, state: FileState | None, reason: str, message: str, size: int | None
) -> ReadOutcome:
    return ReadOutcome(candidate, state, rejection=_rejection(candidate, reason, message, size))


def read_candidate(candidate: Candidate, limit: int) -> ReadOutcome:
    """Read one file. A file whose size or time changes while it is read (a scraper still
    writing it) is `pending`: it is read whole on a later run, never half."""
    if candidate.outside_root:
        return _rejected(
            candidate,
            None,
            "outside_folder",
            "The file is a link to a place outside the articles folder; it was not followed.",
            None,
        )
    before = file_state(candidate.path)
    if before is None:
        return _rejected(
            candidate, None, "unreadable", "The file vanished or cannot be inspected.", None
        )
    if before.size > limit:
        return _rejected(
            candidate,
            before,
            "too_large",
            f"The file is {before.size:,} bytes, "
            f"over the limit of {limit:,} (set {MAX_BYTES_ENV} to change it).",
            before.size,
        )
    try:
        raw = candidate.path.read_bytes()
    except OSError as error:
        return _rejected(
            candidate,
            before,
            "unreadable",
            f"The file could not be read: {error.strerror or error}.",
            None,
        )
    if file_state(candidate.path) != before or len(raw) != before.size:
        return ReadOutcome(candidate, None)
    decoded = decode_bytes(raw)
    if not isinstance(decoded, Decoded):
        return _rejected(candidate, before, decoded.reason, decoded.message, len(raw))
    text = decoded.text
    meta = candidate.meta
    title = (meta.title if meta else None) or title_of(text, layout(text))
    return ReadOutcome(
        candidate,
        before,
        article={
            "article_id": candidate.path.stem,
            "file_path": str(candidate.path),
            "title": title,
            "published_at": meta.published if meta else None,
            "source_url": meta.url if meta else None,
            "encoding": decoded.encoding,
            "content_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "n_chars": len(text),
            "language": detect_language(text),
            "text": text,
        },
    )


def frames(outcomes: list[ReadOutcome]) -> ReadResult:
    """The articles and rejections of some read outcomes, as polars frames."""
    return ReadResult(
        articles=pl.DataFrame([o.article for o in outcomes if o.article], schema=ARTICLE_SCHEMA),
        rejections=pl.DataFrame(
            [o.rejection for o in outcomes if o.rejection], schema=REJECTION_SCHEMA
        ),
        pending=[str(o.candidate.path) for o in outcomes if o.pending],
    )


def split_settled(candidates: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """(settled, still changing): recently modified files are looked at twice, all at once."""
    now = time.time_ns()
    first_look = {c.path: file_state(c.path) for c in candidates if not c.outside_root}
    recent = [
        path
        for path, state in first_look.items()
        if state is not None and now - state.mtime_ns < RECENT_SECONDS * 1e9
    ]
    if not recent:
        return candidates, []
    time.sleep(SECOND_LOOK_SECONDS)
    changing = {path for path in recent if file_state(path) != first_look[path]}
    return (
        [c for c in candidates if c.path not in changing],
        [c for c in candidates if c.path in changing],
    )


def read_all(candidates: list[Candidate], limit: int) -> list[ReadOutcome]:
    """Read candidates; the ones still being written come back `pending`."""
    settled, changing = split_settled(candidates)
    outcomes = {c.path: read_candidate(c, limit) for c in settled}
    outcomes.update({c.path: ReadOutcome(c, None) for c in changing})
    return [outcomes[c.path] for c in candidates]


def read_articles(paths: list[Path], limit: int | None = None) -> ReadResult:
    """Read every article file under `paths`; files that are not articles become rejections."""
    limit = max_file_bytes() if limit is None else limit
    listed = list_files(paths)
    read = frames(read_all(candidates(listed), limit))
    return ReadResult(read.articles, read.rejections, read.pending, unmatched_sources(listed))
