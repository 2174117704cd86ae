"""Write a corpus of generated news articles with the facts they plant, reproducible from a seed.

    uv run python benchmarks/generate_corpus.py OUT_DIR --articles 1000 [--seed 7]

OUT_DIR receives one `.txt` per article, `sources.csv` (title, url, publication date; some
dates left blank) and `gold.jsonl`: the planted facts in the fact contract's format, ready for
`score_facts.py`. Phrasing varies on purpose: word order, numbers in digits and in words,
scales, currencies, absolute and relative dates, and sentences that carry numbers which are
not facts (jobs, percentages, prices, model-level counts, other industries).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import tomllib
from dataclasses import dataclass
from pathlib import Path

VOCABULARY = Path(__file__).parent / "corpus" / "vocabulary.toml"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ORDINALS = ["first", "second", "third", "fourth"]
UNITS_WORDS = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@dataclass
class Planted:
    """One sentence of an article and, when it states a fact, the fact."""

    text: str
    fact: dict | None = None


def capital(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def words_under_100(n: int) -> str:
    if n < 20:
        return UNITS_WORDS[n]
    tens, units = divmod(n, 10)
    return TENS_WORDS[tens] + (f"-{UNITS_WORDS[units]}" if units else "")


def number_text(rng: random.Random, value: float) -> str:
    """A count as a newspaper writes it: digits, a scale word, or words."""
    n = int(value)
    for scale, word in ((1_000_000, "million"), (1_000, "thousand")):
        if n >= scale and n % scale == 0 and n // scale < 100 and rng.random() < 0.35:
            return f"{words_under_100(n // scale)} {word}"
    if n >= 1_000_000 and n % 100_000 == 0 and rng.random() < 0.6:
        return f"{n / 1_000_000:g} million"
    if n >= 10_000 and n % 1_000 == 0 and rng.random() < 0.3:
        return f"{n // 1000} thousand"
    if n < 100 and rng.random() < 0.5:
        return words_under_100(n)
    return f"{n:,}"


def money_text(rng: random.Random, usd_millions: int) -> tuple[str, float, str]:
    """An investment in one of several currencies and spellings: text, value, ISO code."""
    style = rng.randrange(6)
    if style == 0:
        return f"${usd_millions} million", usd_millions * 1e6, "USD"
    if style == 1:
        return f"{usd_millions} million US dollars", usd_millions * 1e6, "USD"
    if style == 2:
        return f"USD {usd_millions} million", usd_millions * 1e6, "USD"
    if style == 3:
        euros = max(5, round(usd_millions * 0.9))
        return f"€{euros} million", euros * 1e6, "EUR"
    tenge_billions = max(2, round(usd_millions * 0.48))
    if style == 4:
        return f"{tenge_billions} billion tenge", tenge_billions * 1e9, "KZT"
    return f"KZT {tenge_billions} billion", tenge_billions * 1e9, "KZT"


def qualifier_text(rng: random.Random, allow_up_to: bool = False) -> tuple[str, str]:
    choices = [
        ("", "exact"),
        ("", "exact"),
        ("about ", "about"),
        ("nearly ", "about"),
        ("approximately ", "about"),
        ("more than ", "more_than"),
        ("over ", "more_than"),
        ("less than ", "less_than"),
    ]
    if allow_up_to:
        choices += [("up to ", "up_to")] * 3
    return rng.choice(choices)


class Periods:
    """Past and future periods in words, with the label the contract gives them."""

    def __init__(self, rng: random.Random, published: dt.date | None):
        self.rng, self.published = rng, published
        self.year = published.year if published else rng.randrange(2019, 2026)

    def past(self) -> tuple[str, str]:
        rng, year = self.rng, self.year
        last = year - 1
        q, h, m = rng.randrange(1, 5), rng.randrange(1, 3), rng.randrange(2, 12)
        options = [
            (f"in {last}", str(last)),
            (f"in the {ORDINALS[q - 1]} quarter of {last}", f"{last}-Q{q}"),
            (f"in Q{q} {last}", f"{last}-Q{q}"),
            (f"in the {ORDINALS[h - 1]} half of {last}", f"{last}-H{h}"),
            (f"in {MONTHS[m]} {last}", f"{last}-{m + 1:02d}"),
            (f"in January-{MONTHS[m]} {last}", f"{last}-01/{last}-{m + 1:02d}"),
            (f"from January to {MONTHS[m]} {last}", f"{last}-01/{last}-{m + 1:02d}"),
        ]
        if self.published:
            options += [("last year", str(last)), ("in the previous year", str(last))]
            if self.published.month > 3:
                done = self.published.month - 1
                options.append(
                    (f"in January-{MONTHS[done - 1]} this year", f"{year}-01/{year}-{done:02d}")
                )
        return rng.choice(options)

    def future(self) -> tuple[str, str]:
        rng, year = self.rng, self.year
        ahead = year + rng.randrange(1, 4)
        options = [
            (f"in {ahead}", str(ahead)),
            (f"by {ahead}", str(ahead)),
            (f"in the {ORDINALS[1]} half of {ahead}", f"{ahead}-H2"),
        ]
        if self.published:
            options += [("next year", str(year + 1))]
        return rng.choice(options)

    def stock_date(self) -> tuple[str, str]:
        rng, year = self.rng, self.year
        m = rng.randrange(1, 13)
        options = [
            (f"as of 1 January {year}", f"{year}-01-01"),
            (f"at the end of {year - 1}", f"{year - 1}-12"),
            (f"by {MONTHS[m - 1]} {year - 1}", f"{year - 1}-{m:02d}"),
            (f"as of {MONTHS[m - 1]} 1, {year - 1}", f"{year - 1}-{m:02d}-01"),
        ]
        return rng.choice(options)


class ArticleWriter:
    """Writes one article: a headline, then sentences about one country and one plant."""

    def __init__(self, rng: random.Random, vocab: dict, published: dt.date | None):
        self.rng, self.vocab = rng, vocab
        self.periods = Periods(rng, published)
        self.plant = rng.choice(vocab["plants"])
        self.country = (
            self.plant["country"] if rng.random() < 0.8 else rng.choice(vocab["countries"])
        )

    def fact(self, fact_type: str, subject: str, value, unit, qualifier, status, **extra) -> dict:
        location = extra.pop("location", self.country)
        return {
            "fact_type": fact_type,
            "subject": subject,
            "location": location,
            "period": extra.pop("period", None),
            "value": value,
            "unit": unit,
            "qualifier": qualifier,
            "status": status,
            **extra,
        }

    def country_count(
        self, fact_type: str, text: str, value: int, qualifier: str, status: str, period: str
    ) -> Planted:
        """A sentence stating a count of vehicles in the article's country."""
        return Planted(
            text,
            self.fact(fact_type, self.country, value, "vehicles", qualifier, status, period=period),
        )

    def output(self) -> Planted:
        rng, country, agency = self.rng, self.country, self.rng.choice(self.vocab["agencies"])
        value = rng.randrange(8, 160) * 1000 + rng.choice([0, 0, rng.randrange(1, 999)])
        q, qualifier = qualifier_text(rng)
        n = number_text(rng, value)
        if rng.random() < 0.2:
            when, period = self.periods.future()
            text = rng.choice(
                [
                    f"{country} expects to produce {q}{n} vehicles {when}.",
                    f"Carmakers in {country} plan to assemble {q}{n} cars {when}, {agency} said.",
                    f"Output is forecast to reach {q}{n} units {when}.",
                ]
            )
            return self.country_count("vehicle_output", text, value, qualifier, "projected", period)
        when, period = self.periods.past()
        text = rng.choice(
            [
                f"{country} produced {q}{n} vehicles {when}.",
                f"{capital(when)}, {q}{n} cars rolled off assembly lines in {country}.",
                f"According to {agency}, {q}{n} passenger cars were manufactured in "
                f"{country} {when}.",
                f"Automakers in {country} assembled {q}{n} vehicles {when}, {agency} reported.",
                f"Vehicle production in {country} reached {q}{n} units {when}.",
            ]
        )
        return self.country_count("vehicle_output", text, value, qualifier, "actual", period)

    def sales(self) -> Planted:
        rng, country = self.rng, self.country
        value = rng.randrange(5, 200) * 1000 + rng.choice([0, rng.randrange(1, 999)])
        q, qualifier = qualifier_text(rng)
        n = number_text(rng, value)
        when, period = self.periods.past()
        text = rng.choice(
            [
                f"{q[0].upper() + q[1:] if q else ''}{n} new cars were sold in {country} {when}.",
                f"Sales of new vehicles in {country} totalled {q}{n} units {when}.",
                f"{capital(when)}, dealers in {country} sold {q}{n} new passenger cars.",
                f"The new car market of {country} grew to {q}{n} units {when}.",
            ]
        )
        return self.country_count("vehicle_sales", text, value, qualifier, "actual", period)

    def ev_stock(self) -> Planted:
        rng, country = self.rng, self.country
        value = rng.randrange(3, 400) * 100 + rng.choice([0, rng.randrange(1, 99)])
        q, qualifier = qualifier_text(rng)
        n = number_text(rng, value)
        when, period = self.periods.stock_date()
        text = rng.choice(
            [
                f"The number of electric vehicles registered in {country} reached {q}{n} {when}.",
                f"{country}'s fleet of electric cars stood at {q}{n} {when}.",
                f"There were {q}{n} electric cars on the roads of {country} {when}.",
                f"{capital(when)}, {q}{n} electric vehicles were registered in {country}.",
            ]
        )
        return self.country_count("ev_stock", text, value, qualifier, "actual", period)

    def plant_name(self) -> str:
        return f"{self.plant['operator']} plant ({self.plant['city']})"

    def capacity(self) -> Planted:
        rng, operator, city = self.rng, self.plant["operator"], self.plant["city"]
        value = rng.randrange(2, 40) * 5000
        q, qualifier = qualifier_text(rng, allow_up_to=True)
        n = number_text(rng, value)
        text = rng.choice(
            [
                f"The {operator} plant in {city} will be able to produce {q}{n} vehicles a year.",
                f"{operator}'s plant in {city} has an annual capacity of {q}{n} cars.",
                f"With a design capacity of {q}{n} vehicles per year, the {city} plant is the "
                f"largest {operator} site in the region.",
            ]
        )
        status = "planned" if "will" in text else "actual"
        return Planted(
            text,
            self.fact(
                "plant_capacity",
                self.plant_name(),
                value,
                "vehicles_per_year",
                qualifier,
                status,
                location=city,
            ),
        )

    def investment(self) -> Planted:
        rng, operator, city = self.rng, self.plant["operator"], self.plant["city"]
        money, value, currency = money_text(rng, rng.randrange(20, 600))
        text = rng.choice(
            [
                f"{operator} invested {money} in the plant in {city}.",
                f"Investment in the {operator} plant in {city} totalled {money}.",
                f"The {city} plant, built by {operator}, cost {money}.",
            ]
        )
        return Planted(
            text,
            self.fact(
                "plant_investment",
                self.plant_name(),
                value,
                currency,
                "exact",
                "actual",
                location=city,
            ),
        )

    def area(self) -> Planted:
        rng, operator, city = self.rng, self.plant["operator"], self.plant["city"]
        if rng.random() < 0.4:
            hectares = rng.randrange(5, 120)
            phrase, value = f"{hectares} hectares", hectares * 10_000
        else:
            value = rng.randrange(10, 300) * 1000
            phrase = rng.choice(
                [
                    f"{value:,} square metres",
                    f"{value:,} square meters",
                    f"{value // 1000} thousand square metres",
                ]
            )
        text = rng.choice(
            [
                f"The {operator} plant in {city} occupies {phrase}.",
                f"The {operator} site in {city} covers {phrase}.",
            ]
        )
        return Planted(
            text,
            self.fact(
                "plant_area", self.plant_name(), value, "m2", "exact", "actual", location=city
            ),
        )

    def production_start(self) -> Planted:
        rng, operator, city = self.rng, self.plant["operator"], self.plant["city"]
        model = rng.choice(self.plant["models"])
        if rng.random() < 0.5:
            when, period = self.periods.past()
            text = rng.choice(
                [
                    f"{operator} started production of the {model} at its {city} plant {when}.",
                    f"{capital(when)}, the {operator} plant in {city} began assembling "
                    f"the {operator} {model}.",
                ]
            )
            status = "actual"
        else:
            when, period = self.periods.future()
            text = rng.choice(
                [
                    f"Serial production of the {operator} {model} in {city} is scheduled to begin "
                    f"{when}.",
                    f"{operator} plans to start producing the {model} at its {city} plant {when}.",
                ]
            )
            status = "planned"
        return Planted(
            text,
            self.fact(
                "production_start",
                self.plant_name(),
                None,
                None,
                "exact",
                status,
                location=city,
                period=period,
                model=model,
            ),
        )

    def distractor(self) -> Planted:
        rng, operator, city = self.rng, self.plant["operator"], self.plant["city"]
        company = rng.choice(self.vocab["unrelated_companies"])
        model = rng.choice(self.plant["models"])
        options = [
            f"The plant employs {rng.randrange(2, 40) * 50:,} people.",
            f"The project will create {number_text(rng, rng.randrange(3, 30) * 100)} jobs.",
            f"Sales rose {rng.randrange(2, 60)}.{rng.randrange(10)}% year on year.",
            f"The {model} remained the best-selling model with {rng.randrange(1, 30):,}"
            f",{rng.randrange(100, 999)} units.",
            f"{company} reported a net profit of {rng.randrange(2, 900)} billion tenge.",
            f"Prices for the {operator} {model} start at {rng.randrange(9, 40)} million tenge.",
            f"The {model} engine develops {rng.randrange(90, 300)} horsepower.",
            f"Around {rng.randrange(2, 30) * 100} guests attended the opening in {city}.",
            f"The localisation level is expected to reach {rng.randrange(20, 60)} percent.",
            f"The government allocated {rng.randrange(10, 300)} billion tenge for preferential "
            "car loans.",
        ]
        return Planted(rng.choice(options))

    def write(self) -> tuple[str, list[Planted]]:
        rng = self.rng
        makers = [
            self.output,
            self.sales,
            self.ev_stock,
            self.capacity,
            self.investment,
            self.area,
            self.production_start,
        ]
        facts = [maker() for maker in rng.sample(makers, rng.randrange(2, 5))]
        others = [self.distractor() for _ in range(rng.randrange(2, 5))]
        others += [Planted(s) for s in rng.sample(self.vocab["fillers"], rng.randrange(2, 5))]
        sentences = facts + others
        rng.shuffle(sentences)
        topic = rng.choice(["car market", "automotive industry", "car production", "EV market"])
        title = f"{self.country} {topic}: {self.plant['operator']} in focus"
        return title, sentences


def render(title: str, sentences: list[Planted], rng: random.Random) -> tuple[str, list[dict]]:
    """The article text (headline, blank line, paragraphs) and its facts with offsets."""
    text, facts = f"{title}\n\n", []
    for index, sentence in enumerate(sentences):
        if index and rng.random() < 0.35:
            text = text.rstrip(" ") + "\n\n"
        start = len(text)
        text += sentence.text + " "
        if sentence.fact is not None:
            facts.append(
                {
                    **sentence.fact,
                    "evidence": sentence.text,
                    "char_start": start,
                    "char_end": start + len(sentence.text),
                }
            )
    return text.rstrip() + "\n", facts


def generate(out_dir: Path, articles: int, seed: int = 7, prefix: str = "gen") -> dict:
    """Write `articles` articles, `sources.csv` and `gold.jsonl` into `out_dir`; the article
    ids are `prefix` and a number."""
    rng = random.Random(seed)
    vocab = tomllib.loads(VOCABULARY.read_text(encoding="utf-8"))
    out_dir.mkdir(parents=True, exist_ok=True)
    width = max(6, len(str(articles)))
    n_facts = 0
    with (
        (out_dir / "sources.csv").open("w", newline="", encoding="utf-8") as sources_file,
        (out_dir / "gold.jsonl").open("w", encoding="utf-8") as gold_file,
    ):
        sources = csv.writer(sources_file)
        sources.writerow(["file", "url", "title", "published"])
        for number in range(articles):
            published = None
            if rng.random() < 0.9:
                published = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(0, 6 * 365))
            writer = ArticleWriter(rng, vocab, published)
            title, sentences = writer.write()
            text, facts = render(title, sentences, rng)
            article_id = f"{prefix}_{number:0{width}d}"
            (out_dir / f"{article_id}.txt").write_text(text, encoding="utf-8")
            sources.writerow(
                [
                    f"{article_id}.txt",
                    f"https://news.example.org/{article_id}",
                    title,
                    published.isoformat() if published else "",
                ]
            )
            for fact in facts:
                gold_file.write(json.dumps({"article_id": article_id, **fact}) + "\n")
            n_facts += len(facts)
    return {"articles": articles, "facts": n_facts, "seed": seed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--prefix", default="gen", help="article ids are PREFIX_000001, ...")
    args = parser.parse_args()
    summary = generate(args.out_dir, args.articles, args.seed, args.prefix)
    print(f"wrote {summary['articles']} articles with {summary['facts']} facts to {args.out_dir}")


if __name__ == "__main__":
    main()
