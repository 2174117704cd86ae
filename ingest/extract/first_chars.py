"""Compile a pattern with a lookahead for the characters its matches can begin with.

Python's regex engine skips ahead by a pattern's first characters only when it can read them
off a plain literal; behind a lookbehind, a `\\b` or with IGNORECASE it tries every branch of
every alternation at every position of the text. The lexicon patterns are all like that, and
most positions of a sentence start none of their words: a one-character lookahead turns those
positions down at once. The lookahead is worked out from the parsed pattern and is exact: a
match always begins with one of the characters it lists, so the pattern matches where it did.
"""

from __future__ import annotations

import re
import re._constants as c  # type: ignore[import-not-found]  # the parser's opcodes
import re._parser as parser  # type: ignore[import-not-found]
from typing import Any

_CATEGORIES = {c.CATEGORY_DIGIT: r"\d"}


class _Unknown(Exception):
    """The pattern can begin with too many characters to be worth a lookahead."""


def _class_items(items: list) -> list[str]:
    out = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # a negated class, a word or space category: nearly every character
            raise _Unknown
    return out


def _first(sequence: parser.SubPattern | list, flags: int) -> tuple[list[str], bool]:
    """The characters a match of `sequence` can begin with, and whether it can be empty."""
    found: list[str] = []
    for op, av in sequence:
        if op is c.LITERAL:
            return [*found, re.escape(chr(av))], False
        if op is c.IN:
            return found + _class_items(av), False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: it checks the position, it begins no match
        if op is c.BRANCH:
            empty = False
            for branch in av[1]:
                chars, can_be_empty = _first(branch, flags)
                found += chars
                empty = empty or can_be_empty
            if not empty:
                return found, False
            continue
        if op is c.SUBPATTERN:
            _group, add_flags, _del_flags, body = av
            if add_flags & re.IGNORECASE and not flags & re.IGNORECASE:
                raise _Unknown  # the lookahead would be read with the case the group drops
            chars, empty = _first(body, flags)
        elif op is c.ATOMIC_GROUP:
            chars, empty = _first(av, flags)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, body = av
            chars, empty = _first(body, flags)
            empty = empty or low == 0
        else:  # any character, a back reference, a conditional group
            raise _Unknown
        found += chars
        if not empty:
            return found, False
    return found, True


def first_chars_lookahead(source: str, flags: int = 0) -> str:
    """`(?=[...])` for the characters a match of `source` begins with, or "" where that set is
    not small (a match may be empty or begin with any letter)."""
    try:
        parsed = parser.parse(source, flags)
        chars, empty = _first(parsed, flags | parsed.state.flags)
    except (_Unknown, re.error):
        return ""
    if empty or not chars:
        return ""
    return "(?=[" + "".join(dict.fromkeys(chars)) + "])"


def compile_fast(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)` with the first-character lookahead in front of it."""
    lookahead = first_chars_lookahead(source, flags)
    if lookahead and source.startswith("(?") and re.match(r"\(\?[aiLmsux]+\)", source):
        return re.compile(source, flags)  # global inline flags must stay at the start
    return re.compile(lookahead + source, flags)


MAX_PREFIXES = 400


def _prefixes(sequence: parser.SubPattern | list, open_: list[str]) -> tuple[list[str], list[str]]:
    """Extend the literal beginnings `open_` through `sequence`: (still open, closed)."""
    closed: list[str] = []
    for op, av in sequence:
        if not open_:
            break
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if _is_space(op, av):
            # Runs of white space are one space in the text the beginnings are looked for in.
            closed += [p for p in open_ if p.endswith(" ")]
            open_ = [p + " " for p in open_ if not p.endswith(" ")]
        elif op is c.LITERAL:
            open_ = [p + chr(av) for p in open_]
        elif op is c.BRANCH and len(open_) * len(av[1]) <= MAX_PREFIXES:
            after: list[str] = []
            for branch in av[1]:
                branch_open, branch_closed = _prefixes(branch, [""])
                after += [p + s for p in open_ for s in branch_open]
                closed += [p + s for p in open_ for s in branch_closed]
            open_ = after
        elif op is c.SUBPATTERN:
            open_, more = _prefixes(av[3], open_)
            closed += more
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[:2] == (0, 1):
            # An optional part: the beginnings with it and without it.
            with_open, with_closed = _prefixes(av[2], open_)
            closed += with_closed
            open_ = list(dict.fromkeys(with_open + open_))
            if len(open_) > MAX_PREFIXES:
                closed += open_
                open_ = []
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            once_open, once_closed = _prefixes(av[2], open_)
            closed += once_open + once_closed
            open_ = []
        else:
            closed += open_
            open_ = []
    return open_, closed


def _is_space(op: object, av: Any) -> bool:
    """White space, once or more: a space, `\\s` or `\\s+`."""
    if op is c.LITERAL:
        return chr(av).isspace()
    if op is c.IN:
        return av == [(c.CATEGORY, c.CATEGORY_SPACE)]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, body = av
        return low >= 1 and len(body) == 1 and _is_space(*body[0])
    return False


def spaced(text: str) -> str:
    """`text` in lower case with every run of white space one space, a space either side: what
    literal beginnings are looked for in."""
    return " " + " ".join(text.lower().split()) + " "


def _beginnings(sequence: list) -> list[str] | None:
    open_, closed = _prefixes(sequence, [""])
    found = open_ + closed
    return None if not found or any(not p for p in found) else found


def _required(sequence: list) -> list[str] | None:
    """Texts one of which every match of `sequence` holds: of the choices (the beginnings of
    the sequence from each of its parts on, or what each alternative of a part holds), the
    one whose shortest text is longest."""
    best: list[str] | None = None

    def consider(candidate: list[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    items = list(sequence)
    for index, (op, av) in enumerate(items):
        consider(_beginnings(items[index:]))
        if op is c.SUBPATTERN:
            consider(_required(list(av[3])))
        elif op is c.BRANCH:
            held = [_required(list(branch)) for branch in av[1]]
            if all(held):
                consider([text for texts in held for text in texts or ()])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_required(list(av[2])))
    return best


def required_literals(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literal texts, in lower case and with one space for any white space, one of which every
    match of `source` holds (in the `spaced` text), chosen to be as long as they can; None
    where a match need hold no literal text. Only for patterns that ignore case."""
    try:
        parsed = parser.parse(source, flags)
    except re.error:
        return None
    if (flags | parsed.state.flags) & re.IGNORECASE == 0:
        return None
    found = _required(list(parsed))
    return tuple(sorted({p.lower() for p in found})) if found else None
