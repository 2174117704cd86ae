import datetime as dt
import shutil

import pytest

from ingest.read import read_articles
from ingest.read.discover import PathNotFoundError


def test_a_folder_reads_into_articles_and_rejections(tmp_path, fixtures):
    (tmp_path / "good.txt").write_text("Title\nThe plant has 68 robots.\n", encoding="utf-8")
    shutil.copy(fixtures / "quarantine" / "empty.txt", tmp_path / "empty.txt")
    shutil.copy(fixtures / "quarantine" / "png_renamed.txt", tmp_path / "picture.txt")
    (tmp_path / "sources.csv").write_text(
        "file,url,title,published\ngood.txt,https://example.org/a,A good story,2025-05-01\n",
        encoding="utf-8",
    )
    result = read_articles([tmp_path])
    article = result.articles.row(0, named=True)
    assert article["article_id"] == "good"
    assert article["title"] == "A good story"
    assert article["published_at"] == dt.date(2025, 5, 1)
    assert article["source_url"] == "https://example.org/a"
    assert len(article["content_sha256"]) == 64
    assert sorted(result.rejections["reason"].to_list()) == ["binary", "empty"]
    assert all(result.rejections["message"].str.len_chars() > 10)


def test_a_file_over_the_size_cap_is_rejected(tmp_path):
    (tmp_path / "big.txt").write_text("Cars. " * 100, encoding="utf-8")
    result = read_articles([tmp_path], limit=100)
    assert result.articles.height == 0
    assert result.rejections["reason"].to_list() == ["too_large"]


def test_a_wrong_path_is_a_clear_error(tmp_path):
    with pytest.raises(PathNotFoundError, match="no such file or folder"):
        read_articles([tmp_path / "missing"])


def test_a_link_out_of_the_folder_is_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret\nNot an article of ours.\n", encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    result = read_articles([folder])
    assert result.articles.height == 0
    assert result.rejections["reason"].to_list() == ["outside_folder"]
