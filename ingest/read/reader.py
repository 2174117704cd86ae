"""Read article files into a polars frame of articles and a frame of rejected files."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ingest.read.decode import Decoded, decode_bytes
from ingest.read.discover import Candidate, discover
from ingest.read.layout import layout, title_of

DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_BYTES_ENV = "QAZAUTO_MAX_FILE_BYTES"

ARTICLE_SCHEMA = {
    "article_id": pl.String,
    "file_path": pl.String,
    "title": pl.String,
    "published_at": pl.Date,
    "source_url": pl.String,
    "encoding": pl.String,
    "content_sha256": pl.String,
    "n_chars": pl.Int64,
    "text": pl.String,
}
REJECTION_SCHEMA = {
    "article_id": pl.String,
    "file_path": pl.String,
    "reason": pl.String,
    "message": pl.String,
    "size_bytes": pl.Int64,
}


@dataclass(frozen=True)
class ReadResult:
    articles: pl.DataFrame
    rejections: pl.DataFrame


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


def _read_one(candidate: Candidate, limit: int) -> dict | tuple[str, str, int | None]:
    if candidate.outside_root:
        return (
            "outside_folder",
            "The file is a link to a place outside the articles folder; it was not followed.",
            None,
        )
    try:
        size = candidate.path.stat().st_size
        if size > limit:
            return (
                "too_large",
                f"The file is {size:,} bytes, over the limit of {limit:,} "
                f"(set {MAX_BYTES_ENV} to change it).",
                size,
            )
        raw = candidate.path.read_bytes()
    except OSError as error:
        return ("unreadable", f"The file could not be read: {error.strerror or error}.", None)
    decoded = decode_bytes(raw)
    if not isinstance(decoded, Decoded):
        return (decoded.reason, decoded.message, len(raw))
    text = decoded.text
    meta = candidate.meta
    title = (meta.title if meta else None) or title_of(text, layout(text))
    return {
        "article_id": candidate.path.stem,
        "file_path": str(candidate.path),
        "title": title,
        "published_at": meta.published if meta else None,
        "source_url": meta.url if meta else None,
        "encoding": decoded.encoding,
        "content_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "n_chars": len(text),
        "text": text,
    }


def read_articles(paths: list[Path], limit: int | None = None) -> ReadResult:
    """Read every article file under `paths`; files that are not articles become rejections."""
    limit = max_file_bytes() if limit is None else limit
    articles, rejections = [], []
    for candidate in discover(paths):
        outcome = _read_one(candidate, limit)
        if isinstance(outcome, dict):
            articles.append(outcome)
        else:
            rejections.append(_rejection(candidate, *outcome))
    return ReadResult(
        articles=pl.DataFrame(articles, schema=ARTICLE_SCHEMA),
        rejections=pl.DataFrame(rejections, schema=REJECTION_SCHEMA),
    )
