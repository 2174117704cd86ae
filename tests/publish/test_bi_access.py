"""BI tools read the published snapshot the way Superset does: SQLAlchemy, duckdb-engine,
read-only, from a process of their own."""

import json
import subprocess
import sys
import textwrap

from publish.snapshot import publish

SUPERSET_LIKE_CLIENT = textwrap.dedent("""
    import json, sys
    import sqlalchemy as sa
    engine = sa.create_engine(f"duckdb:///{sys.argv[1]}", connect_args={"read_only": True})
    report = {}
    with engine.connect() as connection:
        marts = sorted(sa.inspect(connection).get_table_names(schema="marts"))
        report["rows"] = {
            mart: len(connection.execute(sa.text(f"select * from marts.{mart} limit 5")).all())
            for mart in marts
        }
        try:
            connection.execute(sa.text("create table marts.scratch (x integer)"))
            report["writable"] = True
        except sa.exc.DBAPIError:
            report["writable"] = False
    engine.dispose()
    print(json.dumps(report))
""")


def test_superset_style_read_only_connection_lists_and_reads_every_mart(built_warehouse, tmp_path):
    snapshot = publish(built_warehouse, tmp_path / "published").snapshot
    client = subprocess.run(
        [sys.executable, "-c", SUPERSET_LIKE_CLIENT, str(snapshot)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert client.returncode == 0, client.stderr[-2000:]
    report = json.loads(client.stdout.splitlines()[0])
    assert set(report["rows"]) == {
        "dim_article",
        "dim_company",
        "dim_date",
        "dim_location",
        "dim_plant",
        "fct_ev_stock",
        "fct_manufacturer_presence",
        "fct_plant_metric",
        "fct_production_start",
        "fct_vehicle_output",
        "fct_vehicle_sales",
    }
    empty = {mart for mart, rows in report["rows"].items() if rows == 0}
    assert empty == {"fct_vehicle_sales"}  # the seeds state no sales figure
    assert report["writable"] is False
