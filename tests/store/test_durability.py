"""A writer killed half-way leaves the store consistent: no half-applied change, no orphan audit
row, no stale lock (a real subprocess, SIGKILLed)."""

import json
import subprocess
import sys
import textwrap

import pandas as pd
import sqlalchemy as sa

from store import schema
from store.db import load_store
from store.edit import get_row, update_row
from tests.conftest import ROOT

WRITER = textwrap.dedent(
    """
    import sys, time
    from store.db import make_engine
    from store.edit import get_row, update_row

    engine = make_engine(sys.argv[1])
    n = 0
    while True:  # many small committed edits, each with its audit row
        n += 1
        row = get_row(engine, "figures", "wuhai-08")
        update_row(engine, "figures", "wuhai-08", row["version"], {"indicator": f"改{n}"}, "写者")
        if n == 20:
            print("committed", flush=True)
            # then one big transaction that never commits: the kill lands inside it
            with engine.begin() as connection:
                connection.exec_driver_sql("UPDATE figures SET indicator = 'half', version = version + 1")
                connection.exec_driver_sql(
                    "INSERT INTO audit (at, actor, action, table_name, row_id, reason) "
                    "VALUES ('', '写者', 'update', 'figures', '*', 'half')"
                )
                print("inside", flush=True)
                time.sleep(60)
    """
)


def test_a_writer_killed_mid_transaction_leaves_a_consistent_store(engine, store_url):
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, store_url], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "committed"
        assert process.stdout.readline().strip() == "inside"
    finally:
        process.kill()
        process.wait(timeout=30)
    engine.dispose()
    if store_url.startswith("sqlite"):
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    data = load_store(engine)  # still passes every provenance and vocabulary check
    assert "half" not in set(data.figures["indicator"])
    row = get_row(engine, "figures", "wuhai-08")
    with engine.connect() as connection:
        audit = pd.read_sql(sa.select(schema.audit), connection)
    updates = audit[(audit["action"] == "update") & (audit["row_id"] == "wuhai-08")]
    assert "half" not in set(audit["reason"])
    # every committed change has its audit row, and the last one describes the row as it is
    assert row["version"] == 1 + len(updates) == 21
    assert json.loads(updates.iloc[-1]["after"]) == {"indicator": row["indicator"]}
    # and the store takes writes again at once (no lock left behind)
    update_row(engine, "figures", "wuhai-08", row["version"], {"indicator": "恢复"}, "王编辑")
