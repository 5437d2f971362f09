"""Backup → restore is a true round trip: every table identical (audit and task updates included,
row order and versions too), accounts never in the backup; and formula-like text is neutralised
in the backup yet restored exactly."""

import io
import subprocess
import sys
import zipfile

import pandas as pd
import pytest
import sqlalchemy as sa

from ingest.extract import PlaceMatcher, extract_candidates
from ingest.publish import publish_report, review_table
from metrics.load import load_places
from metrics.paths import DEFAULT_DATA_DIR
from store import auth, backup, schema
from store.db import load_store, make_engine
from store.edit import StoreError, get_row, update_row
from store.restore import restore_backup
from store.tracker import add_update
from tests.conftest import ROOT
from tests.store.conftest import new_postgres_database

REPORT = "乌海市2026年京蒙协作月报。3月，北京市东城区组织专家赴乌海市开展义诊，服务群众1200余人次。"


def busy_store(engine) -> None:
    """A store after some real work: edits with formula-like text, a published report, a
    monthly update and an editor account."""
    row = get_row(engine, "figures", "wuhai-08")
    update_row(engine, "figures", "wuhai-08", row["version"],
               {"note": '=HYPERLINK("http://evil.example","点我")'}, "张编辑", "+测试")  # fmt: skip
    row = get_row(engine, "figures", "wuhai-09")
    update_row(engine, "figures", "wuhai-09", row["version"], {"note": "'已引号"}, "张编辑", "@x")
    places = PlaceMatcher.from_places(load_places(DEFAULT_DATA_DIR / "places.csv"))
    candidates = extract_candidates(REPORT, places)
    data = load_store(engine)
    table = review_table(candidates, REPORT, data.figures, "2026")
    publish_report(engine, REPORT, {"title": "-月报", "published": "2026-03-31"}, table, "张编辑")
    add_update(engine, "1.3", "2025-06", "推进中", "=1+1 已签约", "张编辑")
    auth.add_editor(engine, "zhang", "correct horse 1", "张编辑")


def tables_of(engine) -> dict[str, pd.DataFrame]:
    with engine.connect() as connection:
        return {
            name: pd.read_sql(
                sa.select(table).order_by(*table.primary_key.columns), connection
            )
            for name, table in {**schema.CURATED, "task_updates": schema.task_updates,
                                "audit": schema.audit, "users": schema.users}.items()
        }  # fmt: skip


def test_export_then_restore_into_an_empty_database_gives_identical_tables(engine, tmp_path):
    busy_store(engine)
    raw = backup.export_zip(engine)
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        assert "users.csv" not in zf.namelist()
        notes = pd.read_csv(zf.open("figures.csv"), dtype=str, keep_default_na=False)["note"]
        assert '\'=HYPERLINK("http://evil.example","点我")' in set(notes)  # neutralised
    url = (
        f"sqlite:///{tmp_path / 'restored.sqlite'}"
        if engine.dialect.name == "sqlite"
        else new_postgres_database(
            engine.url.render_as_string(hide_password=False).rsplit("/", 1)[0]
        )
    )
    restored = make_engine(url)
    restore_backup(restored, raw)
    before, after = tables_of(engine), tables_of(restored)
    assert len(before["users"]) == 1 and after["users"].empty
    for name in [*schema.CURATED, "task_updates", "audit"]:
        pd.testing.assert_frame_equal(before[name], after[name], check_dtype=False, obj=name)
    assert len(before["audit"]) > 200 and len(after["sources"]) == 3
    load_store(restored)  # and it loads
    with pytest.raises(StoreError, match="空数据库"):
        restore_backup(restored, raw)
    restored.dispose()


def test_the_command_line_exports_and_restores(engine, tmp_path):
    if engine.dialect.name != "sqlite":
        pytest.skip("the command line is the same on both backends")
    env_url = engine.url.render_as_string(hide_password=False)
    out = tmp_path / "backup.zip"
    run = [sys.executable, "-m", "store"]
    done = subprocess.run([*run, "export", str(out)], cwd=ROOT, check=False, capture_output=True,
                          env={"DATABASE_URL": env_url, "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    target = f"sqlite:///{tmp_path / 'new.sqlite'}"
    done = subprocess.run([*run, "restore", str(out)], cwd=ROOT, check=False, capture_output=True,
                          env={"DATABASE_URL": target, "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    before, after = tables_of(engine), tables_of(make_engine(target))
    for name in [*schema.CURATED, "task_updates", "audit"]:
        pd.testing.assert_frame_equal(before[name], after[name], check_dtype=False, obj=name)
