import os
import shutil

import duckdb

from ingest.land.warehouse import ingest_folder

HOSTILE = (
    "Robert'); DROP TABLE raw.articles; --\n"
    'Kia sold 9,224 vehicles in 2024; the "plant" said \'; DELETE FROM raw.fact_mentions; --.\n'
)
KIA = "Kia in Kostanay\nThe Kia plant in Kostanay has 68 robots.\n"


def query(database, sql: str) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.sql(sql).fetchall()


def test_a_second_run_on_the_same_files_reads_nothing(tmp_path, seeds_dir):
    database = tmp_path / "qazauto.duckdb"
    first = ingest_folder(seeds_dir, database, run_id="run-1")
    # 12 numeric or dated facts and the undated inauguration of the Kia plant
    assert len(first.new) == 2 and first.row_counts["fact_mentions"] == 13
    second = ingest_folder(seeds_dir, database, run_id="run-2")
    assert (second.new, second.changed, len(second.unchanged)) == ([], [], 2)
    assert second.row_counts["fact_mentions"] == 0
    assert query(database, "select distinct run_id from raw.fact_mentions") == [("run-1",)]
    assert query(database, "select count(*) from raw.fact_mentions") == [(13,)]


def test_changed_removed_and_duplicated_files(tmp_path, seeds_dir):
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    (folder / "kia.txt").write_text(KIA, encoding="utf-8")
    database = tmp_path / "qazauto.duckdb"
    ingest_folder(folder, database, run_id="run-1")

    (folder / "kia.txt").write_text(KIA.replace("68", "70"), encoding="utf-8")
    shutil.copy(folder / "kia.txt", folder / "kia copy.txt")
    (folder / "000_34977693e316af9f.txt").unlink()
    landing = ingest_folder(folder, database, run_id="run-2")

    assert [p.rsplit("/", 1)[-1] for p in landing.changed] == ["kia.txt"]
    assert [p.rsplit("/", 1)[-1] for p in landing.duplicates] == ["kia copy.txt"]
    assert [p.rsplit("/", 1)[-1] for p in landing.retired] == ["000_34977693e316af9f.txt"]
    assert query(database, "select value from raw.fact_mentions where article_id = 'kia'") == [
        (70.0,)
    ]
    retired = query(
        database,
        "select count(*) from raw.fact_mentions f join raw.articles a "
        "using (article_id) where a.retired_at is not null",
    )
    assert retired == [(6,)]
    assert query(
        database, "select reason, message like '%same text as article kia%' from raw.rejected_files"
    ) == [("duplicate_content", True)]
    statuses = dict(query(database, "select article_id, status from raw.article_ledger"))
    assert statuses == {
        "000_34977693e316af9f": "retired",
        "002_2cea42d2b06cd488": "active",
        "kia": "active",
        "kia copy": "duplicate",
    }


def test_a_touched_file_with_the_same_text_is_not_extracted_again(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "kia.txt"
    article.write_text(KIA, encoding="utf-8")
    database = tmp_path / "qazauto.duckdb"
    ingest_folder(folder, database, run_id="run-1")
    os.utime(article, ns=(1, 2))
    landing = ingest_folder(folder, database, run_id="run-2")
    assert landing.unchanged == [str(article)] and landing.row_counts["fact_mentions"] == 0


def test_text_reaches_the_database_as_data_not_sql(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "quotes'; DROP TABLE x.txt").write_text(HOSTILE, encoding="utf-8")
    database = tmp_path / "qazauto.duckdb"
    ingest_folder(articles, database, run_id="hostile")
    assert query(database, "select text from raw.articles") == [(HOSTILE,)]
    assert query(database, "select count(*) from raw.fact_mentions") == [(1,)]
