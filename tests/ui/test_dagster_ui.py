"""The Dagster UI, driven the way a person uses it, in a real headless Chromium."""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LOCATION = "orchestration.definitions"
ARTIFACTS = ROOT / "test-artifacts" / "ui"
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PROGRESS_QUERY = (
    '{"query": "{ runsOrError { ... on Runs { results { status } } } '
    'partitionBackfillsOrError { ... on PartitionBackfills { results { status } } } }"}'
)
REGISTER_PARTITIONS = (
    "import dagster as dg, pathlib, sys\n"
    "from orchestration.partitions import sync_partitions\n"
    "with dg.DagsterInstance.get() as i: sync_partitions(i, pathlib.Path(sys.argv[1]))"
)

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run does)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def progress(url: str) -> tuple[list[str], list[str]]:
    """Statuses of the runs and of the backfills, as the UI's own API reports them."""
    request = urllib.request.Request(
        f"{url}/graphql", data=PROGRESS_QUERY.encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        data = json.load(response)["data"]
    runs = [r["status"] for r in data["runsOrError"]["results"]]
    backfills = [b["status"] for b in data["partitionBackfillsOrError"]["results"]]
    return runs, backfills


@pytest.fixture
def dagster_ui(manifest, tmp_path):
    """`dagster dev` on a free loopback port, on a copy of the seeds, sensor stopped."""
    home, articles = tmp_path / "home", tmp_path / "articles"
    home.mkdir()
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    shutil.copytree(ROOT / "seeds", articles)
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "QAZAUTO_ARTICLES_DIR": str(articles),
        "QAZAUTO_WAREHOUSE": str(tmp_path / "qazauto.duckdb"),
        "QAZAUTO_PUBLISHED_DIR": str(tmp_path / "published"),
        "QAZAUTO_SENSOR": "stopped",
    }
    subprocess.run(
        ["python", "-c", REGISTER_PARTITIONS, str(articles)], cwd=ROOT, env=env, check=True
    )
    port = free_port()
    server = subprocess.Popen(
        ["dagster", "dev", "-h", "127.0.0.1", "-p", str(port), "-m", LOCATION],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{url}/server_info", timeout=2)
                break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("dagster dev did not start")
        yield url, tmp_path
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=60)


def test_materialise_everything_from_the_ui(dagster_ui):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    url, workdir = dagster_ui
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{url}/asset-groups", wait_until="networkidle")
        with contextlib.suppress(PlaywrightTimeout):  # a first visit may show a newsletter form
            page.get_by_role("button", name="Skip").click(timeout=10_000)
        page.screenshot(path=ARTIFACTS / "asset_graph.png")

        page.get_by_role("button", name="Materialize all…").click()
        page.get_by_role("button", name="All", exact=True).click()
        page.screenshot(path=ARTIFACTS / "launch_dialog.png")
        page.get_by_role("button", name="Launch backfill").click()

        deadline = time.monotonic() + 600
        runs: list[str] = []
        while time.monotonic() < deadline:
            runs, backfills = progress(url)
            finished = runs and all(s in ("SUCCESS", "FAILURE", "CANCELED") for s in runs)
            if finished and backfills and "REQUESTED" not in backfills:
                break
            time.sleep(3)
        page.goto(f"{url}/runs", wait_until="networkidle")
        page.screenshot(path=ARTIFACTS / "runs.png")
        assert backfills and backfills[0] in ("COMPLETED", "COMPLETED_SUCCESS"), (backfills, runs)
        # Every run of the backfill succeeds: the ingest run, then one run of the whole dbt
        # project with the checks and the publication after it.
        assert runs and all(status == "SUCCESS" for status in runs), runs

        # The warehouse group, every model materialised: the picture in the README.
        page.goto(f"{url}/locations/{LOCATION}/asset-groups/warehouse", wait_until="networkidle")
        page.get_by_text("fct_ev_stock").first.wait_for(timeout=30_000)
        page.screenshot(path=ARTIFACTS / "warehouse_group.png")

        page.goto(f"{url}/assets/marts/fct_ev_stock?view=checks", wait_until="networkidle")
        page.get_by_text("expectations").first.wait_for(timeout=30_000)
        page.screenshot(path=ARTIFACTS / "asset_checks.png")

        page.goto((workdir / "published" / "brief.html").as_uri(), wait_until="load")
        assert page.locator("table").count() == 3  # plants, latest figures, languages
        assert page.get_by_text("Rejected files").count() == 1  # the seeds have none
        widths = page.locator("img").evaluate_all("images => images.map(i => i.naturalWidth)")
        assert len(widths) == 3 and all(width > 0 for width in widths), widths
        page.screenshot(path=ARTIFACTS / "brief.png", full_page=True)
        browser.close()

    with duckdb.connect(str(workdir / "qazauto.duckdb"), read_only=True) as con:
        assert con.sql("select count(*) from marts.fct_ev_stock").fetchall() == [(3,)]
