"""Where the article is in a page's text: title, paragraphs, sub-headings, captions, furniture."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TERMINAL = tuple('.!?…:;"”’»)')
SMALL_WORDS = frozenset(
    "a an the of for to in on and or with at by from as vs via into over per its is are".split()
)
MAX_HEADING_WORDS = 16
WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# "• Almaty: 15,870", "- Toyota – 1,380 units": an item of a list, not a heading.
LIST_ITEM = re.compile(
    r"^\s*(?:[•·▪◦‣*–—|-]|\d{1,2}[.)])\s+\S"  # a bullet, an item number, a table row
    r"|[:–—-]\s*\d[\d,.\s\u00a0]*(?:\w{1,6})?\s*$"  # a name, a dash or colon, a figure
)
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
FURNITURE = Path(__file__).parent / "furniture.toml"


@cache
def furniture() -> dict:
    """What page furniture looks like: menu words, caption credits, teaser marks."""
    with FURNITURE.open("rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class Block:
    """A run of text between line breaks and what it is: title, heading, paragraph, ..."""

    kind: str
    start: int
    end: int


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans


def is_title_case(line: str) -> bool:
    words = [w for w in WORD.findall(line) if w.lower() not in SMALL_WORDS]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.7


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(TERMINAL)


def _word_count(line: str) -> int:
    return len(line.split())


def _is_furniture(line: str) -> bool:
    rules = furniture()
    lowered = line.lower().strip()
    if TABLE_ROW.match(line):
        return False  # "| Hyundai | 3,240 | +12% |": a row of a table in the text, not a menu
    if any(lowered.startswith(prefix) for prefix in rules["line_prefixes"]):
        return True
    return any(sep in line for sep in rules["separators"]) and not _ends_sentence(line)


def _is_caption(line: str) -> bool:
    lowered = line.lower()
    return any(credit in lowered for credit in furniture()["caption_credits"])


def _is_headline(line: str) -> bool:
    return not _ends_sentence(line) and _word_count(line) <= 30


def _is_list_item(line: str) -> bool:
    return LIST_ITEM.search(line) is not None


def layout(text: str) -> list[Block]:
    """Split a page's text into blocks; only `paragraph` blocks carry the article's statements."""
    spans = _lines(text)
    kinds = ["paragraph"] * len(spans)
    if not spans:
        return []
    lines = [text[s:e] for s, e in spans]

    if len(spans) > 1 and _is_headline(lines[0]):
        kinds[0] = "title"

    # Page furniture trails the article: walk back from the end while lines look like it.
    index = len(spans) - 1
    while index > 0 and kinds[index] == "paragraph":
        line = lines[index]
        previous_ends = _ends_sentence(lines[index - 1])
        teaser = (
            not _ends_sentence(line)
            and is_title_case(line)
            and _word_count(line) <= MAX_HEADING_WORDS
            and previous_ends
        )
        if _is_furniture(line) or teaser:
            kinds[index] = "furniture"
            index -= 1
            continue
        break

    for i, line in enumerate(lines):
        if kinds[i] != "paragraph":
            continue
        if _is_caption(line):
            kinds[i] = "caption"
        elif _is_furniture(line):
            kinds[i] = "furniture"
        elif (
            i + 1 < len(lines)
            and not _ends_sentence(line)
            and not _is_list_item(line)
            and _word_count(line) <= MAX_HEADING_WORDS
        ):
            kinds[i] = "heading"
    return [Block(kind, start, end) for kind, (start, end) in zip(kinds, spans, strict=True)]


def title_of(text: str, blocks: list[Block]) -> str | None:
    for block in blocks:
        if block.kind == "title":
            return text[block.start : block.end]
    return None
