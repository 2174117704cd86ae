from html.parser import HTMLParser

from publish.brief import write_brief


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.tables = 0
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes["src"])
        elif tag == "table":
            self.tables += 1
        elif tag == "a":
            self.links.append(attributes["href"])


def test_the_brief_has_its_charts_tables_and_sources(built_warehouse, tmp_path):
    brief = write_brief(built_warehouse, tmp_path)
    page = Page()
    page.feed(brief.page.read_text(encoding="utf-8"))
    assert page.images == [
        "charts/ev_stock.png",
        "charts/vehicle_output.png",
        "charts/plant_capacity.png",
    ]
    for chart in brief.charts.values():
        assert chart.read_bytes().startswith(b"\x89PNG") and chart.stat().st_size > 5_000
    assert page.tables == 4  # plants, latest figures, articles by language, rejected files
    text = brief.page.read_text(encoding="utf-8")
    assert "Kia Qazaqstan LLP Plant" in text and "53.214" in text
    assert "As of May 2025, that figure has surged to 9,400." in text
    assert "empty.txt" in text


def test_each_latest_figure_shows_its_language(built_warehouse, tmp_path):
    page = write_brief(built_warehouse, tmp_path).page.read_text(encoding="utf-8")
    assert "<th>language</th>" in page and "<td>en</td>" in page
