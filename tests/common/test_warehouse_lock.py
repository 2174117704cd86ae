import subprocess
import sys
import textwrap
import time

import pytest

from common.warehouse_lock import WarehouseBusyError, connect_when_free

HOLDER = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
""")


def hold(path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_writer_waits_for_the_lock_instead_of_failing(tmp_path):
    database = tmp_path / "qazauto.duckdb"
    holder = hold(database, 1.5)
    started = time.monotonic()
    con = connect_when_free(database, wait_seconds=30)
    assert time.monotonic() - started >= 0.5
    con.close()
    holder.wait(timeout=30)
    holder.stdout.close()


def test_waiting_has_a_limit(tmp_path):
    database = tmp_path / "qazauto.duckdb"
    holder = hold(database, 10)
    with pytest.raises(WarehouseBusyError, match="stayed locked"):
        connect_when_free(database, wait_seconds=1)
    holder.kill()
    holder.wait(timeout=30)
    holder.stdout.close()
