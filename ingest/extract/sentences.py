"""Split the blocks of an article into sentences with offsets into the stored text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract import cuewords
from ingest.read.layout import Block

TOKEN_BEFORE = re.compile(r"([\w.]+)$")
# An abbreviation is looked for this far before a full stop.
WORD_CHARS = 40
NEXT_WORD = re.compile(r"\s+[\"“‘«(\[]?(\w+)")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its index in the article, span, and the kind of block it came from."""

    index: int
    start: int
    end: int
    block_kind: str
    paragraph: int


def _abbreviations() -> frozenset[str]:
    return cuewords.words("sentences", "abbreviations")


ITEM_NUMBER = re.compile(r"\s*\d{1,2}\.")


def _openers() -> frozenset[str]:
    return cuewords.words("sentences", "openers")


def _is_abbreviation(text: str, dot: int) -> bool:
    match = TOKEN_BEFORE.search(text, max(0, dot - WORD_CHARS), dot)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _abbreviations():
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.") are not sentence ends.
    return (len(word) == 1 and word.isalpha()) or bool(
        re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", word)
    )


def _opens_sentence(text: str, dot: int, position: int) -> bool:
    """A capitalised word that usually opens a sentence follows: "... 60,1 тыс. Кроме того": the
    abbreviation's dot ends the sentence too."""
    match = NEXT_WORD.match(text, position)
    if not match or not match.group(1)[0].isupper():
        return False
    if match.group(1).lower() in _openers():
        return True
    word = TOKEN_BEFORE.search(text, max(0, dot - WORD_CHARS), dot)
    return bool(
        word
        and word.group(1).lower().rstrip(".") in cuewords.words("sentences", "scale_abbreviations")
        and cuewords.pattern("sentences", "after_scale_abbreviation").match(text, position)
    )


def _split_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for match in cuewords.pattern("sentences", "boundary").finditer(text, start, end):
        dot = match.start()
        if (
            text[dot] == "."
            and _is_abbreviation(text, dot)
            and not _opens_sentence(text, dot, match.end())
        ):
            continue
        if ITEM_NUMBER.fullmatch(text, cursor, dot + 1):
            continue  # "1. Toyota — 3 010 ед.": the number of a list item opens its sentence
        spans.append((cursor, match.end()))
        cursor = match.end()
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end:
        spans.append((cursor, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def glued_heading_end(text: str, start: int, end: int) -> int | None:
    """Where a sub-heading glued to the front of a sentence ends, if there is one."""
    words = list(re.finditer(r"\S+", text[start:end]))
    capitalised = cuewords.pattern("sentences", "capitalised")
    run = []
    for match in words:
        word = match.group()
        if capitalised.fullmatch(word.rstrip(",;:")) or word.lower() in cuewords.words(
            "sentences", "connectors"
        ):
            run.append(match)
            continue
        break
    if len(run) < 4 or len(run) == len(words):
        return None
    for position in range(2, len(run) - 1):
        written = run[position].group().rstrip(",;:")
        # The sentence after a heading starts with a capital: "в" in "Продажи Kamaz в
        # Казахстане" is a connector, not the start of a sentence.
        if not capitalised.fullmatch(written):
            continue
        word = written.lower()
        if word in _openers() and run[position - 1].group().lower() not in cuewords.words(
            "sentences", "connectors"
        ):
            return start + run[position].start()
    return None


def split_sentences(text: str, blocks: list[Block]) -> list[Sentence]:
    """Sentences of every block; a glued sub-heading becomes a sentence of kind `heading`."""
    sentences: list[Sentence] = []
    paragraph = 0
    for block in blocks:
        if block.kind == "paragraph":
            paragraph += 1
        for s, e in _split_span(text, block.start, block.end):
            kind = block.kind
            if kind == "paragraph":
                cut = glued_heading_end(text, s, e)
                if cut is not None:
                    heading_end = cut
                    while heading_end > s and text[heading_end - 1].isspace():
                        heading_end -= 1
                    sentences.append(Sentence(len(sentences), s, heading_end, "heading", paragraph))
                    s = cut
            sentences.append(Sentence(len(sentences), s, e, kind, paragraph))
    return sentences
