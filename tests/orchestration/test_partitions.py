"""A new article file is a new partition: a run over it reads that file alone."""

import shutil

import dagster as dg
import duckdb
import pytest

from orchestration.partitions import ARTICLE_FILES, article_keys, range_tags

NEW_ARTICLE = "Hyundai in Almaty\nThe Hyundai plant in Almaty has 160 robots.\n"


def test_a_run_over_one_new_partition_reads_only_that_file(built_warehouse, seed_corpus, tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(seed_corpus, articles)
    (articles / "hyundai_almaty.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    database = tmp_path / "qazauto.duckdb"
    shutil.copy(built_warehouse, database)

    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(ARTICLE_FILES.name, article_keys(articles))
    with pytest.MonkeyPatch.context() as env:
        env.setenv("QAZAUTO_ARTICLES_DIR", str(articles))
        env.setenv("QAZAUTO_WAREHOUSE", str(database))
        env.setenv("QAZAUTO_PUBLISHED_DIR", str(tmp_path / "published"))
        from orchestration.definitions import defs

        result = defs.resolve_job_def("build_warehouse").execute_in_process(
            instance=instance, tags=range_tags(["hyundai_almaty.txt"])
        )
    assert result.success
    (landed,) = [
        m.materialization.metadata
        for m in result.get_asset_materialization_events()
        if m.asset_key.path == ["raw", "articles"]
    ]
    assert landed["files"].data == {
        "new": 1,
        "changed": 0,
        "unchanged": 0,
        "retired": 0,
        "duplicates": 0,
        "rejected": 0,
        "pending": 0,
    }
    with duckdb.connect(str(database), read_only=True) as con:
        robots = con.sql(
            "select plant_key, value from marts.fct_plant_metric "
            "where metric = 'robots' order by plant_key"
        ).fetchall()
    assert robots == [("hyundai|almaty", 160), ("kia|kostanay", 68), ("kia|kostanay", 68)]
