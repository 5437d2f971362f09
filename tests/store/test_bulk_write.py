"""A previewed bulk import is written in a few statements: every created and updated row, one
audit row each, versions bumped; a row created or changed since the preview stops it all."""

import json

import pandas as pd
import pytest
import sqlalchemy as sa

from store import backup, schema
from store.db import data_revision
from store.edit import StoreError, create_row, get_row
from tests.store.test_backup_auth_tracker import csv_bytes, exported


def _plan(engine):
    figures = exported(engine)["figures"]
    figures.loc[figures["figure_id"] == "wuhai-08", "indicator"] = "导入的名字"
    new = figures[figures["figure_id"] == "wuhai-09"].assign(figure_id="wuhai-new")
    upload = pd.concat([figures, new], ignore_index=True)
    return backup.plan_import(engine, backup.read_upload(csv_bytes(upload), "figures.csv"))


def _import_audit(engine) -> pd.DataFrame:
    with engine.connect() as connection:
        audit = pd.read_sql(sa.select(schema.audit), connection)
    return audit[audit["action"] == "import"]


def test_creates_and_updates_are_written_with_one_audit_row_each(engine):
    before = get_row(engine, "figures", "wuhai-08")
    plan = _plan(engine)
    assert backup.apply_import(engine, plan, "王编辑", "月度导入") == 2
    after = get_row(engine, "figures", "wuhai-08")
    assert after["indicator"] == "导入的名字" and after["version"] == before["version"] + 1
    assert after["quote"] == before["quote"] and after["value"] == before["value"]
    created = get_row(engine, "figures", "wuhai-new")
    assert (
        created["version"] == 1
        and created["quote"] == get_row(engine, "figures", "wuhai-09")["quote"]
    )
    audit = _import_audit(engine).set_index("row_id")
    assert set(audit.index) == {"wuhai-08", "wuhai-new"}
    assert json.loads(audit.loc["wuhai-08", "before"]) == {"indicator": before["indicator"]}
    assert json.loads(audit.loc["wuhai-08", "after"]) == {"indicator": "导入的名字"}
    assert pd.isna(audit.loc["wuhai-new", "before"]) and audit["reason"].eq("月度导入").all()


def test_a_row_created_since_the_preview_stops_the_whole_import(engine):
    plan = _plan(engine)
    row = get_row(engine, "figures", "wuhai-09")
    create_row(engine, "figures", {**row, "figure_id": "wuhai-new"}, "甲", "别人先建")
    revision = data_revision(engine)
    with pytest.raises(StoreError, match="预览后已被他人修改或新增"):
        backup.apply_import(engine, plan, "王编辑")
    assert data_revision(engine) == revision
    assert get_row(engine, "figures", "wuhai-08")["indicator"] != "导入的名字"  # nothing written
