"""Shared paths for the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def seeds_dir() -> Path:
    return ROOT / "seeds"


CONFLICTING_ARTICLE = (
    "Kia plant in Qostanay\n"
    "The Kia plant in Qostanay cost $290 million to build and has 68 robots.\n"
)


def run_dbt(
    command: str, *args: str, database: Path | None = None, check: bool = True
) -> subprocess.CompletedProcess:
    """The dbt CLI on the project, in a process of its own (as dagster-dbt runs it)."""
    env = {**os.environ, "DO_NOT_TRACK": "1"}
    if database is not None:
        env["QAZAUTO_WAREHOUSE"] = str(database)
    run = [sys.executable, "-m", "dbt.cli.main", command, "--profiles-dir", ".", "--quiet"]
    return subprocess.run([*run, *args], cwd=ROOT / "dbt", env=env, check=check)


@pytest.fixture(scope="session")
def manifest() -> None:
    """Parse the dbt project when its manifest is missing or older than its sources."""
    target = ROOT / "dbt" / "target" / "manifest.json"
    sources = [
        p
        for folder in ("dbt/models", "dbt/macros", "dbt/tests", "reference")
        for p in (ROOT / folder).rglob("*")
        if p.is_file()
    ]
    sources.append(ROOT / "dbt" / "dbt_project.yml")
    if not target.exists() or max(p.stat().st_mtime for p in sources) > target.stat().st_mtime:
        run_dbt("parse")


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory) -> Path:
    """The seeds, an article that disagrees with one of them, and an empty file."""
    articles = tmp_path_factory.mktemp("articles")
    for seed in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(seed, articles / seed.name)
    (articles / "kia_second_report.txt").write_text(CONFLICTING_ARTICLE, encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    return articles


def run_build(
    articles: Path, database: Path, published: Path | None = None, raise_on_error: bool = True
):
    """Run the real `build_warehouse` job in this process against the given paths."""
    import dagster as dg

    with pytest.MonkeyPatch.context() as env:
        env.setenv("QAZAUTO_ARTICLES_DIR", str(articles))
        env.setenv("QAZAUTO_WAREHOUSE", str(database))
        env.setenv("QAZAUTO_PUBLISHED_DIR", str(published or database.parent / "published"))
        from orchestration.build import build

        return build(dg.DagsterInstance.ephemeral(), raise_on_error=raise_on_error)


@pytest.fixture(scope="session")
def built_warehouse(manifest, seed_corpus, tmp_path_factory) -> Path:
    """The warehouse built once from the seed corpus by the real job, all checks passing."""
    database = tmp_path_factory.mktemp("warehouse") / "qazauto.duckdb"
    result = run_build(seed_corpus, database)
    assert result.success
    checks = result.get_asset_check_evaluations()
    assert checks and all(c.passed for c in checks), [c.check_name for c in checks if not c.passed]
    return database


@pytest.fixture
def warehouse(built_warehouse):
    """A read-only connection to the built warehouse."""
    import duckdb

    con = duckdb.connect(str(built_warehouse), read_only=True)
    yield con
    con.close()
