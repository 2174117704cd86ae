"""Language packs: every word and pattern the extractor reads, one folder per language.

A pack (`lang/<code>/`) holds `cues.toml` (word lists by section and key: triggers, nouns,
qualifiers, modality, ...), `patterns.toml` (named regular expressions over the words of
that language), `numbers.toml` (how the language writes quantities) and `times.toml` (its
months, words of relative time and rules of time expressions). The extraction
code is the same for every language and asks the active pack;
`speaking(code)` makes a pack active for the article being extracted.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PACKS_DIR = Path(__file__).parent
DEFAULT_LANGUAGE = "en"
_ACTIVE: ContextVar[str] = ContextVar("language_pack", default=DEFAULT_LANGUAGE)


@dataclass(frozen=True)
class Pack:
    code: str
    cues: dict
    patterns: dict[str, dict[str, str]]
    numbers: dict
    times: dict


def _toml(path: Path) -> dict:
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def pack(code: str) -> Pack:
    folder = PACKS_DIR / code
    if not folder.is_dir():
        raise LookupError(f"no language pack {code!r} in {PACKS_DIR}")
    return Pack(
        code,
        _toml(folder / "cues.toml"),
        _toml(folder / "patterns.toml"),
        _toml(folder / "numbers.toml"),
        _toml(folder / "times.toml"),
    )


@cache
def available() -> tuple[str, ...]:
    """The codes of the languages that have a pack."""
    return tuple(sorted(p.name for p in PACKS_DIR.iterdir() if (p / "cues.toml").is_file()))


def pack_for(language: str | None) -> str | None:
    """The pack that reads `language` (the default one when the language is unknown), or None."""
    code = language or DEFAULT_LANGUAGE
    return code if code in available() else None


def active() -> Pack:
    return pack(_ACTIVE.get())


# The code of the active pack, without loading it. The rules ask for it on nearly every word
# list they read, so it is the context variable's own getter, not a function around it.
active_code: Callable[[], str] = _ACTIVE.get


def cues() -> dict:
    """The active pack's word lists."""
    return active().cues


@contextmanager
def speaking(code: str) -> Iterator[Pack]:
    """Make `code`'s pack the one the extractor reads, for the duration of the block."""
    token = _ACTIVE.set(code)
    try:
        yield pack(code)
    finally:
        _ACTIVE.reset(token)
