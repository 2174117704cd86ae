"""Reading stage: article files in, polars frames of articles and rejections out."""

from ingest.read.reader import ARTICLE_SCHEMA, REJECTION_SCHEMA, ReadResult, read_articles

__all__ = ["ARTICLE_SCHEMA", "REJECTION_SCHEMA", "ReadResult", "read_articles"]
