"""The industry brief: charts of the marts and one static HTML page people read.

Charts are rendered offline with matplotlib (no browser, no network): the EV stock over time
per geography, vehicle output by year (actual against projected), and plant capacity by plant.
The page adds the plants with their coordinates, the latest figures with the sentence and
article they came from, and the files that were rejected.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from common.warehouse_lock import connect_when_free

CHART_DIR = "charts"
BRIEF_NAME = "brief.html"
ACTUAL_COLOUR = "#1f6f8b"
PROJECTED_COLOUR = "#e3a62f"


@dataclass(frozen=True)
class Brief:
    page: Path
    charts: dict[str, Path]


def _rows(con, query: str) -> list[dict]:
    relation = con.sql(query)
    columns = relation.columns
    return [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]


def _figure():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 4.2), dpi=110)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", alpha=0.3)
    return plt, figure, axes


def _save(plt, figure, path: Path) -> Path:
    figure.tight_layout()
    figure.savefig(path, format="png")
    plt.close(figure)
    return path


def _empty(axes, message: str) -> None:
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes, color="grey")
    axes.set_xticks([])
    axes.set_yticks([])


def chart_ev_stock(con, path: Path) -> Path:
    rows = _rows(
        con,
        "select geography, period_end, value from marts.fct_ev_stock "
        "where not is_retired and period_end is not null order by period_end",
    )
    plt, figure, axes = _figure()
    if not rows:
        _empty(axes, "No EV stock figures yet")
    for geography in sorted({r["geography"] for r in rows}):
        points = [(r["period_end"], r["value"]) for r in rows if r["geography"] == geography]
        axes.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=geography)
    if rows:
        axes.legend(frameon=False)
        axes.set_ylabel("electric vehicles registered")
    axes.set_title("EV stock over time")
    return _save(plt, figure, path)


def chart_vehicle_output(con, path: Path) -> Path:
    rows = _rows(
        con,
        "select geography, period, value, status from marts.fct_vehicle_output "
        "where not is_retired and is_latest_report and period_grain = 'year' "
        "and geography = subject order by period",
    )
    plt, figure, axes = _figure()
    if not rows:
        _empty(axes, "No yearly output figures yet")
    labels = [f"{r['geography']} {r['period']}" for r in rows]
    colours = [PROJECTED_COLOUR if r["status"] != "actual" else ACTUAL_COLOUR for r in rows]
    axes.bar(labels, [r["value"] for r in rows], color=colours)
    if rows:
        from matplotlib.patches import Patch

        axes.legend(
            handles=[
                Patch(color=ACTUAL_COLOUR, label="actual"),
                Patch(color=PROJECTED_COLOUR, label="projected"),
            ],
            frameon=False,
            loc="upper left",
        )
        axes.set_ylabel("vehicles produced")
        axes.tick_params(axis="x", rotation=30)
    axes.set_title("Vehicle output by year")
    return _save(plt, figure, path)


def chart_plant_capacity(con, path: Path) -> Path:
    rows = _rows(
        con,
        """
        select p.plant_name, max(m.value) as capacity
        from marts.fct_plant_metric m join marts.dim_plant p using (plant_key)
        where m.metric = 'capacity_vehicles_per_year' and not m.is_retired
          and m.plant_scope = 'whole plant'
        group by p.plant_name order by capacity
    """,
    )
    plt, figure, axes = _figure()
    if not rows:
        _empty(axes, "No plant capacities yet")
    axes.barh(
        [r["plant_name"][:40] for r in rows], [r["capacity"] for r in rows], color=ACTUAL_COLOUR
    )
    axes.set_title("Plant capacity (vehicles per year)")
    axes.grid(axis="x", alpha=0.3)
    return _save(plt, figure, path)


def _table(rows: list[dict], columns: list[str]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4f}"
    text = str(value)
    if text.startswith(("http://", "https://")):
        return f'<a href="{html.escape(text)}">{html.escape(text)}</a>'
    return html.escape(text)


def _latest_figures(con) -> list[dict]:
    return _rows(
        con,
        """
        select f.fact, f.geography, f.period, f.value, f.qualifier, f.status, f.evidence,
               a.language, a.title, a.source_url
        from (
            select 'vehicle output' as fact, geography, period, period_end, value, qualifier,
                   status, evidence, article_id
            from marts.fct_vehicle_output where is_latest_report and not is_retired
            union all
            select 'vehicle sales', geography, period, period_end, value, qualifier, status,
                   evidence, article_id
            from marts.fct_vehicle_sales where is_latest_report and not is_retired
            union all
            select 'EV stock', geography, period, period_end, value, qualifier, status,
                   evidence, article_id
            from marts.fct_ev_stock where is_latest_report and not is_retired
        ) f
        join marts.dim_article a using (article_id)
        order by f.period_end desc nulls last, f.fact
        limit 25
    """,
    )


STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }
h1 { margin-bottom: 0; } .sub { color: #666; margin-top: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; }
th { background: #f3f5f7; } img { max-width: 100%; margin: .5rem 0 1.5rem; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
"""


def write_brief(database: Path, out_dir: Path) -> Brief:
    """Render the charts and `brief.html` from the marts of `database` into `out_dir`."""
    charts_dir = out_dir / CHART_DIR
    charts_dir.mkdir(parents=True, exist_ok=True)
    con = connect_when_free(database, read_only=True)
    try:
        charts = {
            "ev_stock": chart_ev_stock(con, charts_dir / "ev_stock.png"),
            "vehicle_output": chart_vehicle_output(con, charts_dir / "vehicle_output.png"),
            "plant_capacity": chart_plant_capacity(con, charts_dir / "plant_capacity.png"),
        }
        plants = _rows(
            con,
            "select plant_name, operator, city, country, latitude, longitude, "
            "status from marts.dim_plant order by country, plant_name",
        )
        latest = _latest_figures(con)
        rejected = _rows(
            con,
            "select file_path, reason, message from staging.stg_rejected_files order by file_path",
        )
        languages = _rows(con, "select * from quality.quality_article_languages order by language")
    finally:
        con.close()
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    images = "".join(
        f'<img src="{CHART_DIR}/{path.name}" alt="{html.escape(name)} chart">'
        for name, path in charts.items()
    )
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>qazauto industry brief</title>
<style>{STYLE}</style></head><body>
<h1>Automotive industry of Kazakhstan and Central Asia</h1>
<p class="sub">qazauto industry brief, generated {generated}</p>
<h2>Charts</h2><div class="charts">{images}</div>
<h2>Plants</h2>
{_table(plants, ["plant_name", "operator", "city", "country", "latitude", "longitude", "status"])}
<h2>Latest figures and where they come from</h2>
{
        _table(
            latest,
            [
                "fact",
                "geography",
                "period",
                "value",
                "qualifier",
                "status",
                "evidence",
                "language",
                "title",
                "source_url",
            ],
        )
    }
<h2>Articles by language</h2>
{
        _table(
            languages,
            ["language", "has_language_pack", "article_count", "articles_with_facts", "fact_count"],
        )
    }
<p>Articles in a language without a language pack land without facts.</p>
<h2>Rejected files</h2>
{_table(rejected, ["file_path", "reason", "message"]) if rejected else "<p>None.</p>"}
</body></html>
"""
    temporary = out_dir / f".{BRIEF_NAME}.tmp"
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(out_dir / BRIEF_NAME)
    return Brief(page=out_dir / BRIEF_NAME, charts=charts)
