"""Read time expressions ("early 2023", "January-September 2024", "last year") as periods."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ingest.extract import cuewords

MONTH_NUMBERS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTH_NUMBERS["sept"] = 9
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
YEAR = r"(?:19|20)\d{2}"
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "last": 4,
    "final": 4,
}
COUNT_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
COMPARISON_BEFORE = re.compile(
    r"(?:compared\s+(?:to|with)|than|versus|vs\.?|against|relative\s+to|from\s+the\s+same|"
    r"over\s+the\s+same|on\s+the\s+same|year-earlier)\s+(?:in\s+|during\s+|for\s+|with\s+)?"
    r"(?:the\s+)?(?:same\s+(?:period|month)\s+(?:of|in)\s+)?$"
    # "in the same period of 2023": a span set against the current one.
    r"|\bsame\s+(?:period|months?|time|quarter|half)\s+(?:of|in)\s+(?:the\s+)?$"
    # "35% above the level recorded in 2021", "higher than that produced in 2021".
    r"|\b(?:above|below|higher|lower|more|less|fewer|up|down)\s+(?:than\s+|on\s+|from\s+)?"
    r"(?:(?:that|those|the\s+(?:figure|level|volume|result|number))\s+(?:\w+\s+){0,2})?"
    r"(?:in|of|for)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Period:
    label: str
    first: dt.date
    last: dt.date

    @property
    def grain(self) -> str:
        if "/" in self.label:
            return "interval"
        if re.fullmatch(r"\d{4}", self.label):
            return "year"
        if "-H" in self.label:
            return "half"
        if "-Q" in self.label:
            return "quarter"
        return "month" if re.fullmatch(r"\d{4}-\d{2}", self.label) else "day"


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    period: Period
    comparison: bool = False
    relative: bool = False


def year_period(year: int) -> Period:
    return Period(f"{year}", dt.date(year, 1, 1), dt.date(year, 12, 31))


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(f"{year}-{month:02d}", dt.date(year, month, 1), dt.date(year, month, last))


def quarter_period(year: int, quarter: int) -> Period:
    first = month_period(year, quarter * 3 - 2)
    last = month_period(year, quarter * 3)
    return Period(f"{year}-Q{quarter}", first.first, last.last)


def half_period(year: int, half: int) -> Period:
    first = month_period(year, half * 6 - 5)
    last = month_period(year, half * 6)
    return Period(f"{year}-H{half}", first.first, last.last)


def day_period(year: int, month: int, day: int) -> Period | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return Period(date.isoformat(), date, date)


def span_period(a: Period, b: Period) -> Period:
    if a.label == b.label:
        return a
    return Period(f"{a.label}/{b.label}", a.first, b.last)


def shift_years(period: Period, years: int) -> Period:
    """The same period `years` later (negative: earlier)."""

    def move(label: str) -> str:
        return re.sub(r"^\d{4}", lambda m: str(int(m.group()) + years), label)

    parts = [move(part) for part in period.label.split("/")]
    first = period.first.replace(year=period.first.year + years)
    last_year = period.last.year + years
    last_day = min(period.last.day, calendar.monthrange(last_year, period.last.month)[1])
    return Period("/".join(parts), first, dt.date(last_year, period.last.month, last_day))


def month_number(word: str) -> int:
    return MONTH_NUMBERS[
        word.lower().rstrip(".")[:4].rstrip("t")
        if word.lower().startswith("sept")
        else word.lower().rstrip(".")[:3]
    ]


@dataclass
class TimeContext:
    """What relative expressions resolve against: the publication date and the last year named."""

    published: dt.date | None = None
    anchor_year: int | None = None
    current: Period | None = None
    # Without a publication date: the nearest date the article itself states in full ("As of
    # July 1, 2025"), which fixes what "last year" and "by the end of June" mean.
    reference: dt.date | None = None

    def default_year(self, month: int | None = None, future: bool = False) -> int | None:
        """The year of a month named without one: the latest such month up to the publication
        date, or the next one from it in a sentence that looks ahead."""
        today = self.published or self.reference
        if today:
            if month is not None and future and month < today.month:
                return today.year + 1
            if month is not None and not future and month > today.month:
                return today.year - 1
            return today.year
        return self.anchor_year


def _year2(raw: str) -> int:
    value = int(raw)
    return value if value > 100 else 2000 + value


class _Matcher:
    def __init__(
        self, text: str, context: TimeContext, sentence_year: int | None, future: bool = False
    ) -> None:
        self.text = text
        self.context = context
        self.sentence_year = sentence_year
        self.future = future

    def year_for(self, month: int | None = None) -> int | None:
        if self.sentence_year is not None:
            return self.sentence_year
        return self.context.default_year(month, self.future)


def _rules() -> list[tuple[re.Pattern[str], str]]:
    flags = re.IGNORECASE
    return [
        (
            re.compile(
                r"\byear[-\s]on[-\s]year\b|\byear[-\s]over[-\s]year\b|\by/y\b|\byoy\b", flags
            ),
            "skip",
        ),
        (
            re.compile(
                rf"\b(?:from\s+|between\s+)?(?P<m1>{MONTH})\s*(?:-|–|—|to|through|till|until|"
                rf"and)\s*(?P<m2>{MONTH})(?:,?\s+(?:of\s+)?(?:(?P<y>{YEAR})|"
                rf"(?P<r>(?i:this|last|the\s+current|the\s+previous)\s+year)))?\b"
            ),
            "month_range",
        ),
        (
            re.compile(
                rf"\b(?:the\s+)?first\s+(?P<n>\w+)\s+months\s+(?:of\s+)?(?P<y>{YEAR})?", flags
            ),
            "first_months",
        ),
        (
            re.compile(
                rf"\b(?:over|in|for|during)\s+(?:the\s+)?(?P<n>two|three|four|five|six|seven|"
                rf"eight|nine|ten|eleven|\d{{1,2}})\s+months(?:\s+of\s+(?:(?P<y>{YEAR})|"
                rf"(?P<r>this|last|the\s+current|the\s+previous|the\s+past|past)\s+year))?",
                flags,
            ),
            "first_months",
        ),
        (re.compile(rf"\b(?P<n>\d{{1,2}})\s?M\s?(?P<y>{YEAR}|\d{{2}})\b", flags), "nm_year"),
        (
            re.compile(
                rf"\b(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+"
                rf"(?P<u>quarter|half)(?:\s+of)?(?:\s+(?P<y>{YEAR}))?",
                flags,
            ),
            "ordinal_part",
        ),
        (
            re.compile(rf"\b(?P<u>Q|H)(?P<n>[1-4])\s*(?:of\s+)?['’]?(?P<y>{YEAR}|\d{{2}})?\b"),
            "qh_year",
        ),
        (re.compile(rf"\b(?P<y>{YEAR})\s*(?P<u>Q|H)(?P<n>[1-4])\b"), "year_qh"),
        (re.compile(rf"\b(?P<n>[1-4])(?P<u>Q|H)\s*(?P<y>{YEAR})\b"), "year_qh"),
        (re.compile(r"\b(?P<n>[1-4])(?P<u>Q|H)(?P<y>\d{2})\b"), "year_qh"),
        (
            re.compile(
                rf"\b(?P<w>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|"
                rf"beginning\s+of|the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of|"
                rf"the\s+first\s+months\s+of|the\s+close\s+of)[\s-]+(?:(?P<m>{MONTH})\s*)?"
                rf"(?P<y>{YEAR}|this\s+year|that\s+year|last\s+year|next\s+year|the\s+year|"
                rf"the\s+current\s+year)?",
                flags,
            ),
            "vague",
        ),
        (
            re.compile(
                rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>{YEAR}))?\b"
            ),
            "month_day",
        ),
        (
            re.compile(
                rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+"
                rf"(?P<y>{YEAR}))?\b"
            ),
            "day_month",
        ),
        (re.compile(rf"\b(?P<m>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR})\b"), "month_year"),
        (
            re.compile(
                rf"\b(?P<m>{MONTH})\s+(?P<r>last\s+year|this\s+year|"
                rf"a\s+year\s+(?:earlier|ago)|of\s+last\s+year|of\s+the\s+previous\s+year)\b"
            ),
            "month_relative",
        ),
        (
            re.compile(
                rf"\b(?:between\s+)?(?P<a>{YEAR})\s*(?:/|-|–|—|to|and|through)\s*"
                rf"(?P<b>{YEAR}|\d{{2}})\b(?!\s*(?:cars|vehicles|units))",
                flags,
            ),
            "year_range",
        ),
        (
            re.compile(
                rf"\b(?:FY\s?)?(?P<y>{YEAR})\b(?![,.]\d)(?!\s*(?:cars|vehicles|units|robots))",
                flags,
            ),
            "year",
        ),
        (
            re.compile(
                r"\b(?:the\s+)?same\s+(?:period|time|months?)\s+(?:of\s+|in\s+)?(?:last|the\s+"
                r"previous|a|the\s+prior)\s+year\b|\ba\s+year\s+(?:earlier|ago|before)\b|"
                r"\bthe\s+previous\s+year\b|\bthe\s+year\s+before\b|\bprevious\s+year\b",
                flags,
            ),
            "same_period_last_year",
        ),
        (
            re.compile(
                r"\b(?P<r>last|this|next|that|the\s+current|the\s+same|current|past)\s+"
                r"(?P<u>year|month)\b",
                flags,
            ),
            "relative",
        ),
        (re.compile(r"\b(?:today|this\s+week|currently)\b", flags), "today"),
        (
            re.compile(
                rf"\b(?i:in|by|from|since|until|till|of|during|for|as\s+of|before|after|to|"
                rf"than|with|vs\.?)\s+(?P<m>{MONTH})\b(?!\s+\d)"
            ),
            "month_alone",
        ),
    ]


RULES = _rules()
SENTENCE_YEAR = re.compile(rf"\b{YEAR}\b")
# Every rule needs a digit, a month or one of these words: a sentence with none of them is
# not searched rule by rule.
TIME_HINT = re.compile(
    rf"\d|{MONTH}|\b(?:years?|months?|quarter|half|today|week|currently|early|mid|late|end|"
    rf"beginning|start|middle|close)\b",
    re.IGNORECASE,
)


def may_hold_time(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has anything a time rule could read."""
    return TIME_HINT.search(text, start, end) is not None


def _resolve(kind: str, m: re.Match[str], ctx: _Matcher) -> tuple[Period | None, bool]:
    g = m.groupdict()
    pub = ctx.context.published or ctx.context.reference
    if kind == "skip":
        return None, False
    if kind == "month_range":
        m1, m2 = month_number(g["m1"]), month_number(g["m2"])
        relative = g.get("r")
        if relative:  # "January-August this year", "January-May last year"
            base = pub.year if pub else ctx.context.anchor_year
            if base is None:
                return None, False
            previous = relative.lower().startswith(("last", "the previous"))
            year = base - 1 if previous else base
        else:
            year = int(g["y"]) if g.get("y") else ctx.year_for(m2)
        if year is None:
            return None, False
        first_year = year - 1 if m1 > m2 else year
        period = span_period(month_period(first_year, m1), month_period(year, m2))
        return period, bool(relative)
    if kind == "first_months":
        n = COUNT_WORDS.get(g["n"].lower()) or (int(g["n"]) if g["n"].isdigit() else None)
        relative = (g.get("r") or "").lower()
        if relative:  # "in 11 months of last year"
            base = pub.year if pub else ctx.context.anchor_year
            year = None if base is None else base - relative.startswith(("last", "the p", "past"))
        else:
            year = int(g["y"]) if g.get("y") else ctx.year_for()
        if not n or year is None or n > 12:
            return None, False
        return span_period(month_period(year, 1), month_period(year, n)), bool(relative)
    if kind == "nm_year":
        n = int(g["n"])
        if not 1 <= n <= 12:
            return None, False
        year = _year2(g["y"])
        return span_period(month_period(year, 1), month_period(year, n)), False
    if kind == "ordinal_part":
        n = ORDINALS[g["o"].lower()]
        year = int(g["y"]) if g.get("y") else ctx.year_for()
        if year is None:
            return None, False
        if g["u"].lower() == "half":
            return half_period(year, 2 if n >= 2 else 1), False
        return quarter_period(year, n), False
    if kind in ("qh_year", "year_qh"):
        year = _year2(g["y"]) if g.get("y") else ctx.year_for()
        if year is None:
            return None, False
        n = int(g["n"])
        if g["u"].upper() == "H":
            return (half_period(year, n), False) if n <= 2 else (None, False)
        return quarter_period(year, n), False
    if kind == "vague":
        word = re.sub(r"\s+", " ", g["w"].lower()).removeprefix("the ")
        raw_year = (g.get("y") or "").lower()
        relative = not raw_year[:1].isdigit()
        if raw_year[:1].isdigit():
            year = int(raw_year)
        elif "last" in raw_year:
            year = pub.year - 1 if pub else (ctx.context.anchor_year or 0) - 1
        elif "next" in raw_year:
            year = pub.year + 1 if pub else (ctx.context.anchor_year or 0) + 1
        elif "that" in raw_year or raw_year in ("the year",):
            year = ctx.sentence_year or ctx.context.anchor_year or (pub.year if pub else 0)
        elif raw_year:
            year = pub.year if pub else (ctx.context.anchor_year or 0)
        elif g.get("m"):
            year = ctx.year_for(month_number(g["m"]))
            if year is None:
                return None, False
        else:
            return None, False
        if not year or year < 1900:
            return None, False
        if g.get("m"):
            month = month_number(g["m"])
            return month_period(year, month), relative
        if word in ("early", "beginning of", "start of", "first months of"):
            return (quarter_period(year, 1) if word == "early" else month_period(year, 1)), relative
        if word in ("mid", "middle of"):
            return span_period(month_period(year, 5), month_period(year, 8)), relative
        if word == "late":
            return quarter_period(year, 4), relative
        return month_period(year, 12), relative
    if kind in ("month_day", "day_month"):
        month, day = month_number(g["m"]), int(g["d"])
        year = int(g["y"]) if g.get("y") else ctx.year_for(month)
        if year is None:
            return None, False
        return day_period(year, month, day), not g.get("y")
    if kind == "month_year":
        return month_period(int(g["y"]), month_number(g["m"])), False
    if kind == "month_relative":
        base = pub.year if pub else ctx.context.anchor_year
        if base is None:
            return None, False
        offset = 0 if "this" in g["r"].lower() else -1
        return month_period(base + offset, month_number(g["m"])), True
    if kind == "year_range":
        a, b = int(g["a"]), _year2(g["b"])
        if not a < b <= a + 30:
            return None, False
        return span_period(year_period(a), year_period(b)), False
    if kind == "year":
        return year_period(int(g["y"])), False
    if kind == "same_period_last_year":
        current = ctx.context.current
        if current is not None:
            return shift_years(current, -1), True
        if pub:
            return year_period(pub.year - 1), True
        return None, False
    if kind == "relative":
        which, unit = re.sub(r"\s+", " ", g["r"].lower()), g["u"].lower()
        if unit == "year":
            if which == "that" or which == "the same":
                year = ctx.context.anchor_year
            elif pub is None:
                year = None if which != "this" else ctx.context.anchor_year
            elif which in ("last", "past"):
                year = pub.year - 1
            elif which == "next":
                year = pub.year + 1
            else:
                year = pub.year
            return (year_period(year), True) if year else (None, False)
        if pub is None:
            return None, False
        if which == "last":
            previous = pub.replace(day=1) - dt.timedelta(days=1)
            return month_period(previous.year, previous.month), True
        if which in ("this", "the current", "current"):
            return month_period(pub.year, pub.month), True
        return None, False
    if kind == "today":
        if pub is None or m.group().lower() == "currently":
            return None, False
        return day_period(pub.year, pub.month, pub.day), True
    if kind == "month_alone":
        month = month_number(g["m"])
        if g["m"] == "May" and m.start("m") == 0:
            return None, False
        year = ctx.year_for(month)
        if year is None:
            return None, False
        return month_period(year, month), True
    return None, False


def find_times(text: str, start: int, end: int, context: TimeContext) -> list[TimeExpression]:
    """Every time expression in text[start:end], resolved against `context`."""
    segment = text[start:end]
    if not TIME_HINT.search(segment):
        return []
    # The year a sentence is about: one year named, not counting the years it compares with.
    years = [
        int(m.group())
        for m in SENTENCE_YEAR.finditer(segment)
        if not COMPARISON_BEFORE.search(segment[max(0, m.start() - 40) : m.start()])
    ]
    future = cuewords.has("modality", "future", segment)
    matcher = _Matcher(segment, context, years[0] if len(set(years)) == 1 else None, future)
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    for pattern, kind in RULES:
        for m in pattern.finditer(segment):
            a, b = m.span()
            if a == b or any(a < t_end and t_start < b for t_start, t_end in taken):
                continue
            period, relative = _resolve(kind, m, matcher)
            if kind == "skip":
                taken.append((a, b))
                continue
            if period is None:
                continue
            taken.append((a, b))
            # "compared to March": the preposition is part of the match, the cue is before it.
            head = m.start("m") if kind == "month_alone" else a
            comparison = (
                bool(COMPARISON_BEFORE.search(segment[max(0, head - 40) : head]))
                or (kind == "same_period_last_year")
                or bool(re.match(r"\s+(?:earlier|ago|before)\b", segment[b : b + 10]))
            )
            found.append(TimeExpression(start + a, start + b, period, comparison, relative))
    found.sort(key=lambda t: t.start)
    # "83,000 as of July 1, 2025, up from 41,000 a year earlier": a year before the time
    # this sentence named, not before the article's.
    same_span = cuewords.pattern("times", "same_span_before")
    for index, expression in enumerate(found):
        named = [t for t in found[:index] if not t.comparison and not t.relative]
        phrase = text[expression.start : expression.end].lower()
        if (
            named
            and expression.period.grain == "year"
            and named[-1].period.grain not in ("year", "day")
            and same_span.search(text, max(start, expression.start - 30), expression.start)
        ):
            # "in January-June 2024 ... in the same period of 2023": the same months of 2023.
            shift = expression.period.first.year - named[-1].period.last.year
            found[index] = TimeExpression(
                expression.start,
                expression.end,
                shift_years(named[-1].period, shift),
                expression.comparison,
                expression.relative,
            )
            continue
        if (
            named
            and expression.comparison
            and re.search(r"year\s+(?:earlier|ago|before)|same|previous|prior", phrase)
        ):
            found[index] = TimeExpression(
                expression.start, expression.end, shift_years(named[-1].period, -1), True, True
            )
    return _parallel_spans(found)


def _parallel_spans(found: list[TimeExpression]) -> list[TimeExpression]:
    """ "in 11 months of last year, and 3,015 units this year": a bare relative year set
    beside a span of months of another year covers the same months."""
    spans = [t for t in found if t.period.grain == "interval" and t.period.first.month == 1]
    if not spans:
        return found
    model = spans[0].period
    months = model.last.month
    result = []
    for expression in found:
        if expression.relative and expression.period.grain == "year" and months < 12:
            year = expression.period.first.year
            if year != model.last.year:
                period = span_period(month_period(year, 1), month_period(year, months))
                expression = TimeExpression(
                    expression.start, expression.end, period, expression.comparison, True
                )
        result.append(expression)
    return result


def parse_label(label: str | None) -> Period | None:
    """The period a contract label names (`2023-Q1`, `2024-01/2024-09`, ...), or None."""
    if not label:
        return None
    if "/" in label:
        first, _, last = label.partition("/")
        a, b = parse_label(first), parse_label(last)
        return Period(label, a.first, b.last) if a and b else None
    if m := re.fullmatch(r"(\d{4})", label):
        return year_period(int(m[1]))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", label):
        return quarter_period(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-H([12])", label):
        return half_period(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", label):
        return month_period(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", label):
        return day_period(int(m[1]), int(m[2]), int(m[3]))
    return None
