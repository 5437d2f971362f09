"""Backup and import with a dry run, editor accounts, and monthly task updates."""

import io
import zipfile

import pandas as pd
import pytest

from store import auth, backup
from store.db import data_revision
from store.edit import StoreError, get_row
from store.tracker import add_update, load_updates


def exported(engine) -> dict[str, pd.DataFrame]:
    with zipfile.ZipFile(io.BytesIO(backup.export_zip(engine))) as zf:
        return {
            name[:-4]: pd.read_csv(zf.open(name), dtype=str, keep_default_na=False)
            for name in zf.namelist()
            if name.endswith(".csv")
        }


def csv_bytes(frame: pd.DataFrame, encoding: str = "utf-8-sig") -> bytes:
    return frame.to_csv(index=False).encode(encoding)


def test_the_backup_holds_every_table_and_every_source_text(engine):
    with zipfile.ZipFile(io.BytesIO(backup.export_zip(engine))) as zf:
        names = set(zf.namelist())
        assert zf.read("raw/wuhai-news-2025.txt").decode("utf-8").count("630余例次") == 1
    assert {f"{t}.csv" for t in backup.EXPORTED} <= names
    assert "manifest.json" in names
    tables = exported(engine)
    assert len(tables["figures"]) == 24 and len(tables["links"]) == 121


def test_reimporting_a_backup_changes_nothing(engine):
    tables = backup.read_upload(backup.export_zip(engine), "备份.zip")
    plan = backup.plan_import(engine, tables)
    assert plan.ok and plan.total_changes == 0 and plan.unchanged == 24 + 121 + 26


def test_an_import_previews_then_applies_with_audit_rows(engine):
    figures = exported(engine)["figures"]
    figures.loc[figures["figure_id"] == "wuhai-08", "indicator"] = "新的指标名"
    revision = data_revision(engine)
    plan = backup.plan_import(engine, backup.read_upload(csv_bytes(figures), "figures.csv"))
    assert plan.ok and plan.total_changes == 1
    assert data_revision(engine) == revision  # the preview wrote nothing
    assert backup.apply_import(engine, plan, "王编辑") == 1
    assert get_row(engine, "figures", "wuhai-08")["indicator"] == "新的指标名"
    assert data_revision(engine) == revision + 1


def test_bad_rows_are_listed_by_line_and_nothing_is_written(engine):
    figures = exported(engine)["figures"]
    figures.loc[figures["figure_id"] == "wuhai-08", "indicator"] = "改了但不会写入"
    figures.loc[figures["figure_id"] == "wuhai-09", "field"] = "体育"
    figures.loc[figures["figure_id"] == "wuhai-10", "value"] = "-5"
    figures.loc[figures["figure_id"] == "wuhai-11", "note"] = "<script>alert(1)</script>"
    revision = data_revision(engine)
    plan = backup.plan_import(engine, backup.read_upload(csv_bytes(figures), "figures.csv"))
    line = {fid: i + 2 for i, fid in enumerate(figures["figure_id"])}
    errors = {row: reason for _, row, reason in plan.errors}
    assert set(errors) == {line["wuhai-09"], line["wuhai-10"], line["wuhai-11"]}
    assert "体育" in errors[line["wuhai-09"]] and "非负数" in errors[line["wuhai-10"]]
    assert "HTML" in errors[line["wuhai-11"]]
    with pytest.raises(StoreError, match="未写入任何数据"):
        backup.apply_import(engine, plan, "王编辑")
    assert data_revision(engine) == revision


def test_an_import_changed_under_its_preview_is_refused(engine):
    figures = exported(engine)["figures"]
    figures.loc[figures["figure_id"] == "wuhai-08", "indicator"] = "导入的名字"
    plan = backup.plan_import(engine, backup.read_upload(csv_bytes(figures), "figures.csv"))
    from store.edit import update_row

    update_row(engine, "figures", "wuhai-08", 1, {"indicator": "别人先改"}, "甲")
    with pytest.raises(StoreError, match="预览后已被他人修改"):
        backup.apply_import(engine, plan, "王编辑")
    assert get_row(engine, "figures", "wuhai-08")["indicator"] == "别人先改"


@pytest.mark.parametrize(
    ("raw", "name", "message"),
    [
        (b"", "figures.csv", "空文件"),
        ("figure_id,indicator\nwuhai-08,医疗专家\n".encode("gbk"), "figures.csv", "不是 UTF-8"),
        (b'figure_id,quote\n"wuhai-08,unclosed\n', "figures.csv", "不是格式正确的 CSV"),
        (b"name,value\na,1\n", "x.csv", "无法识别"),
        (b"PK\x03\x04junk", "backup.zip", "不是有效的 zip"),
        (b"x", "figures.xlsx", "不支持的文件类型"),
    ],
)
def test_unreadable_uploads_get_a_chinese_message(raw, name, message):
    with pytest.raises(StoreError, match=message):
        backup.read_upload(raw, name)


def test_passwords_are_stored_only_as_argon2_hashes(engine):
    auth.add_editor(engine, "zhang", "correct horse", "张编辑")
    with engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT password_hash FROM users").scalar()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    assert auth.authenticate(engine, "zhang", "correct horse") == "张编辑"
    assert auth.authenticate(engine, "zhang", "wrong") is None
    assert auth.authenticate(engine, "nobody", "correct horse") is None
    with pytest.raises(StoreError, match="已存在"):
        auth.add_editor(engine, "zhang", "another one")
    with pytest.raises(StoreError, match="至少 8 位"):
        auth.add_editor(engine, "li", "short")


def test_configured_accounts_are_checked_against_their_hash(engine):
    configured = {"wang": auth.hash_password("s3cret-pass")}
    assert auth.authenticate(engine, "wang", "s3cret-pass", configured) == "wang"
    assert auth.authenticate(engine, "wang", "nope", configured) is None


def test_a_monthly_update_is_appended_with_its_audit_row(engine):
    revision = data_revision(engine)
    add_update(engine, "1.3", "2026-10", "推进中", "已对接两个项目", "王编辑")
    add_update(
        engine, "1.3", "2026-11", "推进中", "签约", "王编辑",
        figure_id="ordos-02", achieved_value=1, quote="重点项目2个", source_id="ordos-plan-2025",
    )  # fmt: skip
    updates = load_updates(engine)
    assert list(updates["month"]) == ["2026-10", "2026-11"]
    assert updates.iloc[-1]["achieved_value"] == 1
    assert data_revision(engine) == revision + 2


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"month": "2026-13"}, "月份“2026-13”格式不对"),
        ({"status": "差不多"}, "状态“差不多”不在"),
        ({"task_id": "9.9"}, "任务“9.9”不存在"),
        ({"note": "<script>alert(1)</script>"}, "HTML 标记"),
        ({"achieved_value": -1.0}, "不能是负数"),
        ({"achieved_value": 1.0, "quote": ""}, "须附上引文"),
        ({"achieved_value": 1.0, "quote": "编造的引文"}, "不是所选来源原文的原样片段"),
        ({"achieved_value": 1.0, "figure_id": "wuhai-01"}, "须对应本任务的一个目标"),
        ({"actor": ""}, "请先以编辑账号登录"),
    ],
)
def test_a_bad_update_is_refused_and_writes_nothing(engine, overrides, message):
    arguments = {
        "task_id": "1.3",
        "month": "2026-11",
        "status": "推进中",
        "note": "",
        "actor": "王编辑",
        "figure_id": "ordos-02",
        "achieved_value": None,
        "quote": "重点项目2个",
        "source_id": "ordos-plan-2025",
    } | overrides
    revision = data_revision(engine)
    with pytest.raises(StoreError, match=message):
        add_update(engine, **arguments)
    assert data_revision(engine) == revision and load_updates(engine).empty
