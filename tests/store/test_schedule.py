"""Applying filled 调度表 files: all rows of a file or none, audit rows, values quoted verbatim
from the stored file, and the same file twice changes nothing the second time."""

import pytest
import sqlalchemy as sa

from metrics.schedule_read import parse_schedule
from store import schema
from store.edit import StoreError
from store.schedule import apply_schedule
from store.tracker import load_updates
from tests.schedule.helpers import DATASET, MONTH, blank, fill, row_of


def filled(extra: dict | None = None) -> bytes:
    data = blank()
    a, b = row_of(data, "5.1"), row_of(data, "3.2")
    cells = {f"G{a}": "推进中", f"H{a}": "对接俄方客商", f"I{a}": 12.5, f"J{a}": "李四",
             f"G{b}": "滞后", f"H{b}": "项目审批延迟"}  # fmt: skip
    return fill(data, cells | (extra or {}))


def apply(engine, data: bytes, name: str = "商务局.xlsx") -> int:
    parsed = parse_schedule(data, name, DATASET.tasks, "2025-11")
    return apply_schedule(engine, parsed, data, "张编辑")


def audit_count(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(schema.audit)).scalar()


def test_a_filled_file_is_written_with_audit_rows_and_quoted_values(engine):
    before = audit_count(engine)
    assert apply(engine, filled()) == 2
    updates = load_updates(engine).set_index("task_id")
    assert updates.loc["3.2", "status"] == "滞后" and updates.loc["5.1", "month"] == MONTH
    assert updates.loc["5.1", "achieved_value"] == 12.5
    assert updates.loc["5.1", "author"] == "张编辑（报送人：李四）"
    with engine.connect() as connection:
        text = connection.execute(
            sa.select(schema.sources.c.text).where(
                schema.sources.c.source_id == updates.loc["5.1", "source_id"]
            )
        ).scalar_one()
    assert updates.loc["5.1", "quote"] in text and "对接俄方客商 | 12.5 | 李四" in text
    assert audit_count(engine) == before + 3  # two updates and the stored file


def test_the_same_file_twice_changes_nothing_the_second_time(engine):
    data = filled()
    apply(engine, data)
    before, audits = len(load_updates(engine)), audit_count(engine)
    assert apply(engine, data) == 0
    assert apply(engine, data, "再次上传.xlsx") == 0
    assert (len(load_updates(engine)), audit_count(engine)) == (before, audits)


def test_a_file_with_one_bad_row_writes_nothing(engine):
    data = blank()
    bad = filled({f"H{row_of(data, '3.2')}": "<script>alert(1)</script>"})
    with pytest.raises(StoreError, match="整个文件未写入"):
        apply(engine, bad)
    assert load_updates(engine).empty
    with engine.connect() as connection:
        kept = connection.execute(
            sa.select(schema.sources.c.source_id).where(
                schema.sources.c.source_id.like("schedule-%")
            )
        ).all()
    assert kept == []


def test_a_file_with_errors_is_refused_whole(engine):
    data = filled({"B2": "2099-01"})
    with pytest.raises(StoreError, match="处错误，未写入"):
        apply(engine, data)
    assert load_updates(engine).empty


def test_a_changed_row_in_a_second_upload_is_the_only_write(engine):
    apply(engine, filled())
    data = blank()
    changed = filled({f"G{row_of(data, '3.2')}": "推进中"})
    assert apply(engine, changed) == 1
    latest = load_updates(engine).groupby("task_id").tail(1).set_index("task_id")
    assert latest.loc["3.2", "status"] == "推进中"
