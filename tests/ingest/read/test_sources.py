"""`sources.csv` beside the articles: titles and publication dates, and a word about rows that
match no file."""

import datetime as dt

from ingest.cli import main
from ingest.read import read_articles

ARTICLE = "Kia sales\n\nKia sold 9,224 vehicles last year.\n"


def test_a_file_column_without_the_extension_names_the_same_file(tmp_path):
    (tmp_path / "01_kia.txt").write_text(ARTICLE)
    (tmp_path / "sources.csv").write_text(
        "file,url,title,published\n01_kia,https://example.org/kia,Kia sales record,2025-02-03\n"
    )
    result = read_articles([tmp_path])
    row = result.articles.row(0, named=True)
    assert row["title"] == "Kia sales record"
    assert row["published_at"] == dt.date(2025, 2, 3)
    assert result.warnings == []


def test_rows_that_match_no_file_are_reported(tmp_path, capsys):
    (tmp_path / "01_kia.txt").write_text(ARTICLE)
    (tmp_path / "sources.csv").write_text(
        "file,url,title,published\n"
        "01_kia.txt,,Kia,2025-02-03\n"
        "02_gone.txt,,Gone,2025-02-04\n"
        "03_typo,,Typo,2025-02-05\n"
    )
    result = read_articles([tmp_path])
    assert len(result.warnings) == 1
    assert "2 of 3 rows name no article file" in result.warnings[0]
    assert "02_gone.txt, 03_typo" in result.warnings[0]

    assert main(["extract", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "warning:" in captured.err and "02_gone.txt" in captured.err
    assert '"period": "2024"' in captured.out  # "last year" resolved from the row that matched
