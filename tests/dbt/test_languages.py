"""Articles in a language without a pack: landed with their language, a warning, no facts,
and counted by the quality model of languages."""

import duckdb

from ingest.land.warehouse import ingest_folder
from tests.conftest import run_dbt


def land(tmp_path, articles: dict[str, str], run_id: str):
    """Write `articles` (file name -> text) to a folder and land it; (landing, database)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    database = tmp_path / "qazauto.duckdb"
    return ingest_folder(folder, database, run_id=run_id), database


def query(database, sql):
    with duckdb.connect(str(database), read_only=True) as con:
        return con.sql(sql).fetchall()


LANGUAGES = {
    "english.txt": "Kia sales\n\nKia sold 9,224 vehicles in Kazakhstan in 2024.\n",
    "kazakh.txt": (
        "Көлік өндірісі\n\nҚостанай облысында 2025 жылы жүз мыңнан астам көлік шығарылды, "
        "деп хабарлады министрлік.\n"
    ),
    "uzbek.txt": (
        "Автомобиль ишлаб чиқариш\n\nЎзбекистонда 2024 йилда беш юз минг автомобиль ишлаб "
        "чиқарилди, деди вазирлик.\n"
    ),
}


def test_articles_in_a_language_without_a_pack_land_with_a_warning_and_no_facts(tmp_path):
    landing, database = land(tmp_path, LANGUAGES, "languages")

    assert len(landing.new) == 3
    assert any("'kk'" in w and "kazakh" in w for w in landing.warnings), landing.warnings
    assert any("'uz'" in w and "uzbek" in w for w in landing.warnings), landing.warnings
    articles = query(
        database,
        "select article_id, language, has_language_pack from raw.articles order by article_id",
    )
    assert articles == [("english", "en", True), ("kazakh", "kk", False), ("uzbek", "uz", False)]
    assert query(database, "select distinct article_id from raw.fact_mentions") == [("english",)]

    run_dbt("run", "--select", "+quality_article_languages", database=database)
    assert query(
        database,
        "select language, has_language_pack, article_count, articles_with_facts "
        "from quality.quality_article_languages order by language",
    ) == [("en", True, 1, 1), ("kk", False, 1, 0), ("uz", False, 1, 0)]


REPORTS = {
    "kia_en.txt": (
        "Kia in Kostanay\n\nKia has opened its plant in Kostanay. The plant cost $310 million.\n"
    ),
    "kia_ru.txt": (
        "Kia в Костанае\n\nКомпания Kia построила завод в Костанае. "
        "Стоимость завода составила 310 млн долларов.\n"
    ),
}


def test_an_english_and_a_russian_report_of_one_figure_share_its_key(tmp_path):
    landing, database = land(tmp_path, REPORTS, "two-languages")
    assert not landing.warnings

    run_dbt("seed", database=database)
    run_dbt("run", "--select", "+fct_plant_metric", "+dim_article", database=database)
    # Each report carries its language: the run's page shows it beside the figure.
    assert sorted(landing.facts["language"].unique().to_list()) == ["en", "ru"]
    rows = query(
        database,
        "select plant_key, value, n_reports, has_conflict, language "
        "from marts.fct_plant_metric where metric = 'investment' order by language",
    )
    assert rows == [
        ("kia|kostanay", 310_000_000, 2, False, "en"),
        ("kia|kostanay", 310_000_000, 2, False, "ru"),
    ]
