"""Two editors in two processes saving at the same moment, on SQLite and PostgreSQL: different
records both save (no 'database is locked'), the same record gives one the conflict, and no
update is lost (every success is in the audit log and the last one is what is stored)."""

import json
import subprocess
import sys
import time

import sqlalchemy as sa

from store import schema
from store.edit import get_row
from tests.conftest import ROOT

ROUNDS = 12
STEP = 0.6


def race(url: str, figure_ids: tuple[str, str], rounds: int, fixed: int = 0) -> list[list[dict]]:
    """Run two writer processes in lockstep; returns each one's rounds."""
    start = time.time() + 6  # both processes have imported everything by then
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.store.concurrent_writer",
                url,
                figure_id,
                str(start),
                str(rounds),
                str(STEP),
                str(fixed),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for figure_id in figure_ids
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        results.append([json.loads(line) for line in out.splitlines()])
    return results


def audited_notes(engine, figure_id: str) -> list[str]:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(schema.audit.c.after)
            .where(schema.audit.c.row_id == figure_id, schema.audit.c.actor == "并发")
            .order_by(schema.audit.c.id)
        ).scalars()
        return [json.loads(after)["note"] for after in rows]


def test_two_processes_saving_different_records_both_succeed(engine):
    url = engine.url.render_as_string(hide_password=False)
    first, second = race(url, ("wuhai-01", "wuhai-02"), ROUNDS)
    outcomes = [r["outcome"] for r in first + second]
    assert outcomes == ["ok"] * (2 * ROUNDS), outcomes
    for figure_id, rounds in (("wuhai-01", first), ("wuhai-02", second)):
        assert audited_notes(engine, figure_id) == [r["note"] for r in rounds]
        assert get_row(engine, "figures", figure_id)["note"] == rounds[-1]["note"]


def test_two_processes_saving_the_same_record_lose_nothing(engine):
    url = engine.url.render_as_string(hide_password=False)
    first, second = race(url, ("wuhai-03", "wuhai-03"), ROUNDS)
    rounds = first + second
    assert {r["outcome"] for r in rounds} <= {"ok", "conflict"}, rounds
    saved = [r["note"] for r in rounds if r["outcome"] == "ok"]
    print(f"{engine.dialect.name}: {len(saved)} saved, {len(rounds) - len(saved)} conflicts")
    assert sorted(audited_notes(engine, "wuhai-03")) == sorted(saved)  # 0 lost updates
    assert get_row(engine, "figures", "wuhai-03")["note"] == audited_notes(engine, "wuhai-03")[-1]
    assert get_row(engine, "figures", "wuhai-03")["version"] == 1 + len(saved)


def test_two_stale_forms_on_the_same_record_give_one_the_conflict(engine):
    url = engine.url.render_as_string(hide_password=False)
    version = get_row(engine, "figures", "wuhai-04")["version"]
    first, second = race(url, ("wuhai-04", "wuhai-04"), 1, fixed=version)
    outcomes = sorted(r["outcome"] for r in first + second)
    assert outcomes == ["conflict", "ok"], outcomes
