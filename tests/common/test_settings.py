from common import settings


def test_paths_default_to_the_project_and_follow_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(settings.ARTICLES_DIR_ENV, raising=False)
    monkeypatch.delenv(settings.WAREHOUSE_ENV, raising=False)
    assert settings.articles_dir() == settings.PROJECT_ROOT / "seeds"
    assert settings.warehouse_path() == settings.PROJECT_ROOT / "warehouse" / "qazauto.duckdb"
    monkeypatch.setenv(settings.WAREHOUSE_ENV, str(tmp_path / "w.duckdb"))
    monkeypatch.setenv(settings.ARTICLES_DIR_ENV, "../shared/devset/articles")
    assert settings.warehouse_path() == tmp_path / "w.duckdb"
    assert settings.articles_dir() == settings.PROJECT_ROOT / "../shared/devset/articles"
