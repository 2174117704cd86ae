import dagster as dg

from orchestration.defs.sensors import new_articles


def evaluate(cursor: str | None):
    context = dg.build_sensor_context(cursor=cursor)
    return new_articles(context), context.cursor


def test_a_new_article_starts_a_build_and_nothing_new_skips(tmp_path, monkeypatch):
    monkeypatch.setenv("QAZAUTO_ARTICLES_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("Kia sold 9,224 vehicles in 2024.", encoding="utf-8")
    request, cursor = evaluate(None)
    assert isinstance(request, dg.RunRequest)

    skipped, same_cursor = evaluate(cursor)
    assert isinstance(skipped, dg.SkipReason)
    assert same_cursor == cursor

    (tmp_path / "b.txt").write_text("BYD sold 7,859 cars in 2025.", encoding="utf-8")
    again, new_cursor = evaluate(cursor)
    assert isinstance(again, dg.RunRequest)
    assert new_cursor != cursor
