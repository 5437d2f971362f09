"""The store: migrations, seeding, validated edits with audit rows, no lost updates (both backends)."""

import json

import pandas as pd
import pytest
import sqlalchemy as sa

from metrics.load import load_dataset
from metrics.paths import DATA_DIR
from store import schema
from store.audit import history
from store.db import data_revision, head_revision, load_store, open_store, schema_revision, upgrade
from store.edit import ConflictError, StoreError, create_row, get_row, update_row

NEWS = "wuhai-news-2025"


def audit_rows(engine, action=None) -> pd.DataFrame:
    with engine.connect() as connection:
        frame = pd.read_sql(sa.select(schema.audit), connection)
    return frame[frame["action"] == action] if action else frame


def test_migrations_build_the_schema_that_queries_use(empty_engine):
    upgrade(empty_engine)
    assert schema_revision(empty_engine) == head_revision() == "0005"
    inspector = sa.inspect(empty_engine)
    for table in schema.metadata.sorted_tables:
        migrated = {c["name"] for c in inspector.get_columns(table.name)}
        assert migrated == {c.name for c in table.columns}, table.name


def test_an_existing_database_upgrades_in_place_keeping_its_rows(empty_engine):
    upgrade(empty_engine, "0001")
    assert not sa.inspect(empty_engine).has_table("task_updates")
    with empty_engine.begin() as connection:
        connection.execute(
            sa.text("INSERT INTO sources (source_id, title, text) VALUES ('s1', '旧库', '原文')")
        )
        connection.execute(sa.text("INSERT INTO figures (figure_id, value) VALUES ('f1', 3)"))
    upgrade(empty_engine)
    assert schema_revision(empty_engine) == "0005"
    assert sa.inspect(empty_engine).has_table("task_updates")
    with empty_engine.connect() as connection:
        assert connection.execute(sa.text("SELECT title FROM sources")).scalar() == "旧库"
        figure = connection.execute(
            sa.text("SELECT value, duplicate_of, part_of, describes FROM figures")
        ).one()
    assert tuple(figure) == (3, "", "", "")


def test_first_start_seeds_the_bundled_data_with_an_audit_row_per_record(engine):
    stored = load_store(engine)
    curated = load_dataset(DATA_DIR)
    for name in ("figures", "links", "tasks", "places", "sources"):
        ours, theirs = getattr(stored, name), getattr(curated, name)
        columns = list(theirs.columns)
        pd.testing.assert_frame_equal(
            ours[columns].reset_index(drop=True).astype(str),
            theirs.reset_index(drop=True).astype(str),
            check_dtype=False,
        )
    assert stored.texts == curated.texts
    seeded = audit_rows(engine, "seed")
    assert len(seeded) == sum(len(getattr(curated, n)) for n in schema.CURATED)


def test_a_second_start_does_not_seed_again(engine, store_url):
    before = data_revision(engine)
    open_store(store_url).dispose()
    assert data_revision(engine) == before


def test_an_edit_bumps_the_version_and_writes_who_what_before_after_why(engine):
    row = get_row(engine, "figures", "wuhai-08")
    new = update_row(
        engine, "figures", "wuhai-08", row["version"], {"field": "教育"}, "王编辑", "核对"
    )
    assert new["field"] == "教育" and new["version"] == row["version"] + 1
    entry = audit_rows(engine, "update").iloc[-1]
    assert (entry["actor"], entry["table_name"], entry["row_id"], entry["reason"]) == (
        "王编辑",
        "figures",
        "wuhai-08",
        "核对",
    )
    assert json.loads(entry["before"]) == {"field": row["field"]}
    assert json.loads(entry["after"]) == {"field": "教育"}
    assert history(engine, "figures", "wuhai-08").iloc[0]["actor"] == "王编辑"


def test_the_second_of_two_editors_is_told_and_sees_the_new_value(engine):
    opened = get_row(engine, "figures", "wuhai-08")["version"]  # both editors open the row
    update_row(engine, "figures", "wuhai-08", opened, {"indicator": "甲的指标名"}, "甲")
    with pytest.raises(ConflictError, match="已被 甲 修改") as conflict:
        update_row(engine, "figures", "wuhai-08", opened, {"indicator": "乙的指标名"}, "乙")
    assert conflict.value.current["indicator"] == "甲的指标名"
    assert get_row(engine, "figures", "wuhai-08")["indicator"] == "甲的指标名"
    assert len(audit_rows(engine, "update")) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"field": "体育"}, "领域“体育”不在允许的取值中"),
        ({"value": -250.0}, "数值必须是非负数"),
        ({"quote": "北京医疗机构累计派出专家250余人次"}, "引文不是来源原文的原样片段"),
        ({"quote": ""}, "新指标必须有引文"),
        ({"indicator": "<script>alert(1)</script>"}, "不能包含 HTML 标记"),
        ({"place": "火星"}, "地区“火星”不是已登记的地点"),
        ({"value": 260.0}, "应为 250 人次 more_than"),
    ],
)
def test_a_bad_edit_gets_a_chinese_message_and_writes_nothing(engine, changes, message):
    revision = data_revision(engine)
    before = get_row(engine, "figures", "wuhai-08")
    with pytest.raises(StoreError, match=message):
        update_row(engine, "figures", "wuhai-08", before["version"], changes, "王编辑")
    assert get_row(engine, "figures", "wuhai-08") == before
    assert data_revision(engine) == revision


def test_an_edit_needs_an_editor(engine):
    with pytest.raises(StoreError, match="请先以编辑账号登录"):
        update_row(engine, "figures", "wuhai-08", 1, {"field": "教育"}, "")


def new_figure(**overrides) -> dict:
    row = {
        "figure_id": "wuhai-99",
        "source_id": NEWS,
        "quote": "开展手术630余例次",
        "amount": "630余例次",
        "value": 630.0,
        "unit": "例次",
        "qualifier": "more_than",
        "kind": "achievement",
        "field": "医疗",
        "indicator": "外科手术（复核）",
        "place": "乌海市",
        "period": "2025",
    }
    return row | overrides


def test_a_new_figure_with_a_verbatim_quote_is_stored_and_shown(engine):
    create_row(engine, "figures", new_figure(), "王编辑", "补录")
    assert "wuhai-99" in set(load_store(engine).figures["figure_id"])
    assert audit_rows(engine, "create").iloc[-1]["row_id"] == "wuhai-99"


def test_a_new_figure_never_overwrites_an_existing_one(engine):
    before = get_row(engine, "figures", "wuhai-08")
    with pytest.raises(StoreError, match="已存在，不能覆盖"):
        create_row(engine, "figures", new_figure(figure_id="wuhai-08"), "王编辑")
    assert get_row(engine, "figures", "wuhai-08") == before


def test_a_task_edit_keeps_its_text_verbatim_and_its_targets_real(engine):
    row = get_row(engine, "tasks", "1.3")
    with pytest.raises(StoreError, match="目标 nope 不存在"):
        update_row(engine, "tasks", "1.3", row["version"], {"targets": "nope"}, "王编辑")
    with pytest.raises(StoreError, match="任务原文不是来源原文的原样片段"):
        update_row(engine, "tasks", "1.3", row["version"], {"text": "改写的任务"}, "王编辑")
    update_row(engine, "tasks", "1.3", row["version"], {"responsible": "市投资促进中心"}, "王编辑")
    assert get_row(engine, "tasks", "1.3")["responsible"] == "市投资促进中心"


def test_a_link_edit_is_checked_like_the_csv(engine):
    row = get_row(engine, "links", "wuhai-l001")
    with pytest.raises(StoreError, match="状态“done”不在允许的取值中"):
        update_row(engine, "links", "wuhai-l001", row["version"], {"status": "done"}, "王编辑")


def test_a_part_can_be_edited_and_a_broken_part_of_is_refused(engine):
    """wuhai-12 (率先入驻 4家) is part of wuhai-16 (9家): editing its note keeps working, pointing it
    at a figure of another unit, or shrinking its whole below it, is refused and writes nothing."""
    part = get_row(engine, "figures", "wuhai-12")
    update_row(engine, "figures", "wuhai-12", part["version"], {"note": "首批"}, "王编辑")
    part = get_row(engine, "figures", "wuhai-12")
    with pytest.raises(StoreError, match="单位或类型不同"):
        update_row(
            engine, "figures", "wuhai-12", part["version"], {"part_of": "wuhai-13"}, "王编辑"
        )
    with pytest.raises(StoreError, match="不是另一个已有的数字"):
        update_row(engine, "figures", "wuhai-12", part["version"], {"part_of": "nope"}, "王编辑")
    whole = get_row(engine, "figures", "wuhai-16")
    with pytest.raises(StoreError, match="小于其部分"):
        # 3家 would hold a 4家 part (the amount is edited with it, so only the relation fails)
        update_row(
            engine, "figures", "wuhai-16", whole["version"],
            {"value": 3.0, "amount": "3家", "quote": "3家"}, "王编辑",
        )  # fmt: skip
    assert get_row(engine, "figures", "wuhai-16") == whole
    assert (
        load_store(engine).figures.set_index("figure_id").loc["wuhai-12", "part_of"] == "wuhai-16"
    )
