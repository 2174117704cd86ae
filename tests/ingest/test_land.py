import duckdb

from ingest.land import RAW_TABLES, land
from ingest.pipeline import extract_paths

HOSTILE = (
    "Robert'); DROP TABLE raw.articles; --\n"
    'Kia sold 9,224 vehicles in 2024; the "plant" said \'; DELETE FROM raw.fact_mentions; --.\n'
)


def test_landing_replaces_the_raw_tables_in_one_go(tmp_path, seeds_dir):
    database = tmp_path / "qazauto.duckdb"
    first = land(extract_paths([seeds_dir]), database, run_id="run-1")
    second = land(extract_paths([seeds_dir]), database, run_id="run-2")
    assert first.row_counts == second.row_counts
    con = duckdb.connect(str(database), read_only=True)
    for table in RAW_TABLES:
        runs = con.sql(f"select distinct run_id from raw.{table}").fetchall()
        assert runs in ([("run-2",)], []), table
    assert con.sql("select count(*) from raw.fact_mentions").fetchall() == [(12,)]
    con.close()


def test_text_reaches_the_database_as_data_not_sql(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "quotes'; DROP TABLE x.txt").write_text(HOSTILE, encoding="utf-8")
    database = tmp_path / "qazauto.duckdb"
    land(extract_paths([articles]), database, run_id="hostile")
    con = duckdb.connect(str(database), read_only=True)
    (text,) = con.sql("select text from raw.articles").fetchall()[0]
    assert text == HOSTILE
    assert con.sql("select count(*) from raw.fact_mentions").fetchall() == [(1,)]
    con.close()
