"""No write can leave the dashboard unusable: each write is checked against the loader's own
checks as the dataset would be after it; text that breaks a backend or a download is refused."""

import io
import stat
import subprocess
import sys

import pandas as pd
import pytest
import sqlalchemy as sa

import store.db
from metrics.export import to_xlsx_bytes
from metrics.quantity import QuantityError, parse_quantity
from store import backup, reload, schema
from store.db import data_revision, load_from, load_store, make_engine
from store.edit import StoreError, create_row, get_row, update_row
from store.tracker import add_update
from tests.conftest import ROOT


def figures_csv(engine) -> pd.DataFrame:
    with engine.connect() as connection:
        frame = pd.read_sql(sa.select(schema.figures), connection)
    return frame.drop(columns=["seq", "version"])


def test_marking_a_task_target_as_duplicate_is_refused_by_import(engine):
    figures = figures_csv(engine)
    figures.loc[figures["figure_id"] == "ordos-03", "duplicate_of"] = "ordos-04"
    raw = figures.to_csv(index=False).encode("utf-8-sig")
    plan = backup.plan_import(engine, backup.read_upload(raw, "figures.csv"))
    assert "无法加载" in plan.errors[0][2] and "ordos-03" in plan.errors[0][2]
    revision = data_revision(engine)
    with pytest.raises(StoreError, match="未写入"):
        backup.apply_import(engine, plan, "张编辑")
    assert data_revision(engine) == revision
    load_store(engine)  # still loads


def test_marking_a_task_target_as_duplicate_is_refused_by_the_form(engine):
    row = get_row(engine, "figures", "ordos-03")
    with pytest.raises(StoreError, match="无法加载"):
        update_row(
            engine, "figures", "ordos-03", row["version"], {"duplicate_of": "ordos-04"}, "张"
        )
    assert get_row(engine, "figures", "ordos-03")["duplicate_of"] == ""


def test_duplicate_of_must_name_an_existing_figure(engine):
    row = get_row(engine, "figures", "wuhai-01")
    with pytest.raises(StoreError, match="不存在"):
        update_row(engine, "figures", "wuhai-01", row["version"], {"duplicate_of": "nope"}, "张")


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("indicator", "教师\x00培训", "控制字符"),
        ("indicator", "教师\x01培训", "控制字符"),
        ("note", "说明\x1b[31m", "控制字符"),
        ("indicator", "长" * 100_000, "过长"),
        ("quote", "引文\x00", "控制字符"),
    ],
)
def test_control_characters_and_long_text_are_refused_on_every_backend(
    engine, column, value, message
):
    row = get_row(engine, "figures", "wuhai-01")
    revision = data_revision(engine)
    with pytest.raises(StoreError, match=message):
        update_row(engine, "figures", "wuhai-01", row["version"], {column: value}, "张编辑")
    with pytest.raises(StoreError, match=message):
        create_row(engine, "figures", {**row, "figure_id": "new-01", column: value}, "张编辑")
    assert data_revision(engine) == revision


def test_a_nul_in_a_reason_or_key_is_refused_not_a_database_error(engine):
    row = get_row(engine, "figures", "wuhai-01")
    with pytest.raises(StoreError):
        update_row(engine, "figures", "wuhai-01", row["version"], {"note": "x"}, "张", "因\x00为")
    with pytest.raises(StoreError):
        update_row(engine, "figures", "wu\x00hai", 1, {"note": "x"}, "张", "更正")
    with pytest.raises(StoreError):
        add_update(engine, "1.\x003", "2025-01", "推进中", "说明", "张")


def test_tracker_refuses_a_future_month_and_an_absurd_value(engine):
    revision = data_revision(engine)
    with pytest.raises(StoreError, match="未来"):
        add_update(engine, "1.3", "2099-12", "推进中", "说明", "张编辑")
    text = engine.connect().execute(sa.select(schema.sources.c.text)).scalars().first()
    with pytest.raises(StoreError, match="倍"):
        add_update(engine, "1.3", "2025-06", "推进中", "说明", "张编辑", "ordos-01", 9e15, text[:5])
    assert data_revision(engine) == revision


@pytest.mark.parametrize("amount", ["9999999999999999999999人次", "1" * 5000 + "人", "一" * 3000])
def test_huge_amounts_are_a_quantity_error(amount):
    with pytest.raises(QuantityError):
        parse_quantity(amount)


def test_ingest_refuses_a_huge_amount_with_exit_2_and_names_it(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("乌海市培训教师9999999999999999999999人次，开展活动3场。", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ingest", str(report)], check=False, capture_output=True, cwd=ROOT
    )
    message = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "Traceback" not in message
    assert "数字过大" in message and "9999999999999999999999人次" in message
    assert done.stdout == b""  # a refusal writes nothing


def test_an_excel_download_survives_control_characters_and_keeps_formulas_as_text():
    frame = pd.DataFrame(
        {"指标": ["a\x01b", '=HYPERLINK("http://x.example","点我")'], "值": [1, 2]}
    )
    raw = to_xlsx_bytes({"数字": frame})
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(raw))["数字"]
    assert sheet["A2"].value == "a\ufffdb"
    assert sheet["A3"].data_type == "s" and sheet["A3"].value.startswith("=HYPERLINK")
    assert sheet["B2"].value == 1


def test_streamlit_config_hides_errors_and_caps_uploads_at_the_app_limit():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] in ("none", False)
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == backup.MAX_IMPORT_BYTES


def test_the_sqlite_file_is_private(tmp_path):
    path = tmp_path / "var" / "jmb.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")
    engine.dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.fixture
def no_full_check(monkeypatch):
    """A viewer has read the store (the write check starts from that snapshot); a full load
    of the store fails the test."""

    def refuse(_connection):
        raise AssertionError("full load")

    def read(engine):
        reload.snapshot(engine)
        monkeypatch.setattr(store.db, "load_from", refuse)

    return read


def test_after_a_read_a_form_edit_is_checked_from_the_rows_it_changed(engine, no_full_check):
    no_full_check(engine)
    row = get_row(engine, "figures", "wuhai-08")
    update_row(engine, "figures", "wuhai-08", row["version"], {"note": "核对"}, "张")
    assert get_row(engine, "figures", "wuhai-08")["note"] == "核对"


def test_after_a_read_a_form_edit_that_breaks_the_store_is_still_refused(engine, monkeypatch):
    reload.snapshot(engine)
    full = []
    monkeypatch.setattr(store.db, "load_from", lambda c: full.append(1) or load_from(c))
    row = get_row(engine, "figures", "ordos-03")
    with pytest.raises(StoreError, match="无法加载.*ordos-03"):
        update_row(
            engine, "figures", "ordos-03", row["version"], {"duplicate_of": "ordos-04"}, "张"
        )
    assert get_row(engine, "figures", "ordos-03")["duplicate_of"] == ""
    assert full == [1]  # only to tell whether the store loaded before this write: it did
