"""Every bad file ends as an article or a rejection with a reason; the run goes on."""

import csv
import os
import subprocess
import sys
import textwrap
import time

import pytest

from ingest.land.warehouse import ingest_folder
from ingest.read import read_articles
from tests.conftest import FIXTURES

QUARANTINE = FIXTURES / "quarantine"
EXPECTED = {
    row["file"]: row["outcome"]
    for row in csv.DictReader(
        (QUARANTINE / "expected.csv").read_text(encoding="utf-8").splitlines()
    )
}


def outcomes(result) -> dict[str, str]:
    found = {
        name: "article"
        for name in result.articles["file_path"].map_elements(
            lambda p: p.rsplit("/", 1)[-1], return_dtype=str
        )
    }
    for row in result.rejections.iter_rows(named=True):
        found[row["file_path"].rsplit("/", 1)[-1]] = row["reason"]
    return found


def test_the_committed_corpus_gets_the_outcome_each_file_must_get():
    result = read_articles([QUARANTINE])
    assert outcomes(result) == EXPECTED
    texts = dict(zip(result.articles["article_id"], result.articles["text"], strict=True))
    assert "Костанай" in texts["cp1251_russian"]
    assert texts["latin1_mojibake"].startswith("Café de la République")
    assert "\r" not in texts["crlf_mixed_endings"]
    assert texts["name with spaces and ünïcödé"].startswith("Allur output")


def test_huge_files_one_line_files_and_links_out_of_the_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    with (folder / "fifty_megabytes.txt").open("wb") as big:
        big.truncate(50 * 1024 * 1024)
    sentence = "Kazakhstan produced 11,700 vehicles in July 2025. "
    (folder / "one_long_line.txt").write_text(sentence * (5 * 1024 * 1024 // len(sentence)))
    outside = tmp_path / "secret.txt"
    outside.write_text("Not an article of ours.\n")
    (folder / "link_out.txt").symlink_to(outside)

    result = read_articles([folder])
    found = outcomes(result)
    assert found == {
        "fifty_megabytes.txt": "too_large",
        "one_long_line.txt": "article",
        "link_out.txt": "outside_folder",
    }
    assert "Not an article" not in "".join(result.articles["text"])


def test_the_size_cap_is_configurable(tmp_path, monkeypatch):
    (tmp_path / "small.txt").write_text("Kia sold 9,224 vehicles in 2024.\n")
    monkeypatch.setenv("QAZAUTO_MAX_FILE_BYTES", "10")
    assert outcomes(read_articles([tmp_path])) == {"small.txt": "too_large"}


WRITER = textwrap.dedent("""
    import sys, time
    with open(sys.argv[1], "w") as out:
        out.write("Title\\n")
        for i in range(60):
            out.write(f"Kia sold {1000 + i:,} vehicles in 2024. ")
            out.flush()
            time.sleep(0.05)
""")


def test_a_file_still_being_written_waits_for_the_next_run(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    growing = folder / "growing.txt"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(growing)])
    time.sleep(0.5)
    database = tmp_path / "qazauto.duckdb"
    first = ingest_folder(folder, database, run_id="while-writing")
    assert first.pending == [str(growing)] and not first.new
    writer.wait(timeout=30)
    os.utime(growing, ns=(1, 1))  # settled long ago, as far as the next run can tell
    second = ingest_folder(folder, database, run_id="after-writing")
    assert second.new == [str(growing)]
    assert second.row_counts["fact_mentions"] >= 1


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_file_of_the_corpus_stops_a_landing(tmp_path, name):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / name).write_bytes((QUARANTINE / name).read_bytes())
    landing = ingest_folder(folder, tmp_path / "qazauto.duckdb", run_id="one-file")
    assert len(landing.new) + len(landing.rejected) == 1


def test_an_html_page_is_read_as_its_visible_text():
    result = read_articles([QUARANTINE / "html_page_saved_as_text.txt"])
    text = result.articles["text"][0]
    assert text.startswith("Kostanay plant adds a line\n\n")
    assert "produced 12,400 cars in 2023" in text
    assert "<" not in text and "dataLayer" not in text and "Home" not in text


def test_a_file_over_the_extraction_budget_is_quarantined_and_the_run_goes_on(
    tmp_path, monkeypatch
):
    from ingest.extract.article import extract_article

    extract_article("warm", "Warm.\n\nKia sold 9,224 cars in 2024.\n", None)  # lexicons loaded
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "normal.txt").write_text("Kia sales\n\nKia sold 9,224 vehicles in 2024.\n")
    rows = "".join(f"Plant {i} made {1000 + i:,} cars in 2024.\n\n" for i in range(40_000))
    (folder / "endless_table.txt").write_text("A table\n\n" + rows)
    monkeypatch.setenv("QAZAUTO_EXTRACT_SECONDS_PER_FILE", "1")

    landing = ingest_folder(folder, tmp_path / "qazauto.duckdb", run_id="budget")

    assert landing.new == [str(folder / "normal.txt")]
    assert landing.rejected == [str(folder / "endless_table.txt")]
    rejection = landing.rejections.row(0, named=True)
    assert rejection["reason"] == "extraction_timeout"
    assert "QAZAUTO_EXTRACT_SECONDS_PER_FILE" in rejection["message"]
    assert landing.facts["article_id"].to_list() == ["normal"]
    import duckdb

    with duckdb.connect(str(tmp_path / "qazauto.duckdb"), read_only=True) as con:
        statuses = dict(con.sql("select article_id, status from raw.article_ledger").fetchall())
        landed = con.sql("select article_id from raw.articles").fetchall()
    assert statuses == {"normal": "active", "endless_table": "rejected"}
    assert landed == [("normal",)]
