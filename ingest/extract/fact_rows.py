"""One fact row of the contract, with the sentence it was read from as its evidence."""

from __future__ import annotations

from typing import Any

from ingest.extract.analysis import SentenceAnalysis
from ingest.extract.contract import Fact
from ingest.extract.discourse import Discourse


def sentence_evidence(text: str, analysis: SentenceAnalysis) -> tuple[str, int, int]:
    start, end = analysis.start, analysis.end
    return text[start:end], start, end


def make_fact(
    discourse: Discourse, fact_type: str, analysis: SentenceAnalysis, text: str, **fields: Any
) -> Fact:
    evidence, start, end = sentence_evidence(text, analysis)
    return Fact(
        article_id=discourse.article_id,
        fact_type=fact_type,
        evidence=evidence,
        char_start=start,
        char_end=end,
        **fields,
    )
