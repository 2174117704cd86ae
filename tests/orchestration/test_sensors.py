import dagster as dg

from orchestration.defs.sensors import new_articles
from orchestration.partitions import ARTICLE_FILES, RANGE_END, RANGE_START


def evaluate(instance, cursor):
    context = dg.build_sensor_context(instance=instance, cursor=cursor)
    return new_articles(context), context.cursor


def apply(instance, result) -> None:
    for request in result.dynamic_partitions_requests or []:
        if isinstance(request, dg.AddDynamicPartitionsRequest):
            instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
        else:
            for key in request.partition_keys:
                instance.delete_dynamic_partition(request.partitions_def_name, key)


def test_new_files_get_partitions_and_a_run_over_just_them(tmp_path, monkeypatch):
    monkeypatch.setenv("QAZAUTO_ARTICLES_DIR", str(tmp_path))
    instance = dg.DagsterInstance.ephemeral()
    (tmp_path / "a.txt").write_text("Kia sold 9,224 vehicles in 2024.", encoding="utf-8")
    first, cursor = evaluate(instance, None)
    apply(instance, first)
    assert instance.get_dynamic_partitions(ARTICLE_FILES.name) == ["a.txt"]
    assert len(first.run_requests) == 1

    skipped, same = evaluate(instance, cursor)
    assert isinstance(skipped, dg.SkipReason) and same == cursor

    (tmp_path / "b.txt").write_text("BYD sold 7,859 cars in 2025.", encoding="utf-8")
    second, cursor = evaluate(instance, cursor)
    apply(instance, second)
    (run,) = second.run_requests
    assert (run.tags[RANGE_START], run.tags[RANGE_END]) == ("b.txt", "b.txt")

    (tmp_path / "a.txt").unlink()
    third, _ = evaluate(instance, cursor)
    apply(instance, third)
    assert instance.get_dynamic_partitions(ARTICLE_FILES.name) == ["b.txt"]
    (run,) = third.run_requests
    assert (run.tags[RANGE_START], run.tags[RANGE_END]) == ("b.txt", "b.txt")
