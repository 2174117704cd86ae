"""Find lexicon phrases in text on word boundaries, compiled once per list."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from ingest.extract.first_chars import compile_fast, required_literals, spaced
from ingest.extract.lang import active_code, pack


def phrase_pattern(phrase: str) -> str:
    """A cue as a pattern: spaces match any white space, and a `*` any letters (a stem:
    "автомобил*" is every case of "автомобиль", "введен* в эксплуатацию" every form of the
    participle, "собира*ся" both numbers of the verb)."""
    return r"\s+".join(re.escape(word).replace(r"\*", r"\w*") for word in phrase.split(" "))


def alternation(phrases: list[str]) -> str:
    if not phrases:
        return "(?!)"  # an empty list matches nothing, not the empty string everywhere
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(phrase_pattern(p) for p in ordered)


@cache
def _phrase_pattern(code: str, section: str, key: str) -> re.Pattern[str]:
    body = alternation(pack(code).cues[section][key])
    return compile_fast(rf"(?<![\w'-])(?:{body})(?![\w-])", re.IGNORECASE)


WORD_LIST = re.compile(r"<<(\w+)\.(\w+)>>")


def _pattern_source(code: str, section: str, key: str) -> tuple[str, bool]:
    """The regex of pattern `key` of the pack's `patterns.toml`, `<<section.key>>` in it
    replaced by the phrases of that word list of `cues.toml` (longest first), and whether it
    is matched with case."""
    entry = pack(code).patterns[section][key]
    # An entry is a regex string (matched ignoring case) or {regex = "...", case = true}.
    source = entry if isinstance(entry, str) else entry["regex"]
    cased = isinstance(entry, dict) and bool(entry.get("case"))
    cue_lists = pack(code).cues
    expanded = WORD_LIST.sub(lambda m: f"(?:{alternation(cue_lists[m[1]][m[2]])})", source)
    return expanded, cased


@cache
def _named_pattern(code: str, section: str, key: str) -> re.Pattern[str]:
    source, cased = _pattern_source(code, section, key)
    return compile_fast(source, 0 if cased else re.IGNORECASE)


def pattern(section: str, key: str) -> re.Pattern[str]:
    """The compiled pattern `key` of section `section` of the active pack's patterns."""
    return _named_pattern(active_code(), section, key)


def rule(key: str) -> re.Pattern[str]:
    """A pattern of the active pack's [rules] section: the patterns the fact rules read."""
    return pattern("rules", key)


def spans(
    section: str,
    key: str,
    text: str,
    start: int = 0,
    end: int | None = None,
) -> list[tuple[int, int]]:
    """Spans of every phrase of cues[section][key] in text[start:end]."""
    end = len(text) if end is None else end
    return list(_spans(active_code(), section, key, text, start, end))


def has(section: str, key: str, text: str, start: int = 0, end: int | None = None) -> bool:
    end = len(text) if end is None else end
    return _has(active_code(), section, key, text, start, end)


# The rules ask again about the same list and stretch of a sentence (for each of its numbers);
# an article's text is one string, so the key is hashed once and compared by identity.
@lru_cache(maxsize=1024)
def _spans(
    code: str, section: str, key: str, text: str, start: int, end: int
) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _phrase_pattern(code, section, key).finditer(text, start, end))


@lru_cache(maxsize=1024)
def _has(code: str, section: str, key: str, text: str, start: int, end: int) -> bool:
    return _phrase_pattern(code, section, key).search(text, start, end) is not None


@cache
class WordSet(frozenset):
    """Words of a cue list; `in` also accepts any form of a stem listed with a trailing `*`."""

    stems: tuple[str, ...] = ()

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        return isinstance(word, str) and word.startswith(self.stems)


@cache
def _words(code: str, section: str, key: str) -> WordSet:
    listed = pack(code).cues[section][key]
    found = WordSet(w for w in listed if not w.endswith("*"))
    found.stems = tuple(w[:-1] for w in listed if w.endswith("*"))
    return found


def words(section: str, key: str) -> WordSet:
    return _words(active_code(), section, key)


@lru_cache(maxsize=32)
def _breaks_of(code: str, text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Starts and ends of the clause breaks of text[start:end], found once per sentence."""
    found = [m.span() for m in _named_pattern(code, "clauses", "break").finditer(text, start, end)]
    return [a for a, _ in found], [b for _, b in found]


def _breaks(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    return _breaks_of(active_code(), text, start, end)


def clause_bounds(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """The clause of text[start:end] that holds `position`."""
    starts, ends = _breaks(text, start, end)
    index = bisect_right(ends, position)  # breaks ending at or before the position
    left = ends[index - 1] if index else start
    later = bisect_left(starts, position, lo=index)
    right = starts[later] if later < len(starts) else end
    return left, right


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of text[start:end], in order."""
    spans, left = [], start
    for m in pattern("clauses", "break").finditer(text, start, end):
        if m.start() > left:
            spans.append((left, m.start()))
        left = m.end()
    if left < end:
        spans.append((left, end))
    return spans


@cache
def _gate(
    code: str, section: str, cue_keys: tuple[str, ...], keys: tuple[str, ...]
) -> tuple[str, ...] | re.Pattern[str]:
    """What a text must hold for any of the word lists `cue_keys` of cues[section] or patterns
    `keys` of patterns[section] to match in it: the literal texts they require, where every
    one requires some (a few substring tests), or else one alternation of them all."""
    branches = [f"(?:{_phrase_pattern(code, section, key).pattern})" for key in cue_keys]
    for key in keys:
        source, cased = _pattern_source(code, section, key)
        branches.append(f"(?-i:{source})" if cased else f"(?:{source})")
    required = [required_literals(branch, re.IGNORECASE) for branch in branches]
    if all(r is not None for r in required):
        found = sorted({literal for r in required for literal in r or ()}, key=len)
        # A literal that holds a shorter one is found wherever that one is looked for.
        kept: list[str] = []
        for literal in found:
            if not any(shorter in literal for shorter in kept):
                kept.append(literal)
        return tuple(kept)
    return compile_fast("|".join(branches) or "(?!)", re.IGNORECASE)


def any_of(
    section: str, cue_keys: tuple[str, ...], keys: tuple[str, ...], text: str, start: int, end: int
) -> bool:
    """Whether any of the word lists `cue_keys` or patterns `keys` of `section` may be in
    text[start:end]: False only where none of them is."""
    gate = _gate(active_code(), section, cue_keys, keys)
    if isinstance(gate, tuple):
        written = spaced(text[start:end])
        return any(literal in written for literal in gate)
    return gate.search(text, start, end) is not None
