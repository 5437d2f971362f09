"""Monthly status updates of action-plan tasks: appended (never overwritten) with an audit row."""

from __future__ import annotations

import math
import re

import pandas as pd
import sqlalchemy as sa

from metrics.vocab import TASK_STATUSES
from store import limits, schema
from store.audit import write_audit
from store.db import now, write
from store.edit import StoreError, check_limits, check_plain_text, require_editor

MONTH_RE = re.compile(r"^20\d\d-(0[1-9]|1[0-2])$")
UPDATE_COLUMNS = [c.name for c in schema.task_updates.columns]


def add_update(
    engine: sa.Engine,
    task_id: str,
    month: str,
    status: str,
    note: str,
    actor: str,
    figure_id: str = "",
    achieved_value: float | None = None,
    quote: str = "",
    source_id: str = "",
) -> int:
    """Record one month's status of a task (validated); returns the new update's id.

    An achieved value must name one of the task's target figures and a quote that is a verbatim
    substring of a stored source, like every other number on the dashboard."""
    require_editor(actor, "")
    with write(engine) as connection:
        return insert_update(
            connection, task_id, month, status, note, actor, figure_id, achieved_value, quote,
            source_id,
        )  # fmt: skip


def insert_update(
    connection: sa.Connection,
    task_id: str,
    month: str,
    status: str,
    note: str,
    actor: str,
    figure_id: str = "",
    achieved_value: float | None = None,
    quote: str = "",
    source_id: str = "",
) -> int:
    """`add_update` in the caller's transaction (so a batch is written whole or not at all)."""
    if not MONTH_RE.match(month or ""):
        raise StoreError(f"月份“{month}”格式不对，应为 2025-06 这样的年-月")
    if status not in TASK_STATUSES:
        raise StoreError(f"状态“{status}”不在 {'/'.join(TASK_STATUSES)} 之中")
    try:
        limits.check_month(month)
    except limits.LimitError as error:
        raise StoreError(str(error)) from error
    check_plain_text(note, "进展说明", "note")
    for label, value, column in (
        ("任务", task_id, "task_id"),
        ("目标", figure_id, "figure_id"),
        ("引文", quote, "quote"),
        ("来源", source_id, "source_id"),
    ):
        check_limits(value, label, column)
    task = (
        connection.execute(sa.select(schema.tasks).where(schema.tasks.c.task_id == task_id))
        .mappings()
        .first()
    )
    if task is None:
        raise StoreError(f"任务“{task_id}”不存在")
    if achieved_value is not None:
        _check_achieved(connection, task, figure_id, achieved_value, quote, source_id)
    else:
        figure_id = quote = source_id = ""
    row = {
        "task_id": task_id,
        "month": month,
        "status": status,
        "note": note.strip(),
        "figure_id": figure_id,
        "achieved_value": achieved_value,
        "quote": quote,
        "source_id": source_id,
        "author": actor,
        "created_at": now(),
    }
    update_id = connection.execute(
        schema.task_updates.insert().values(**row).returning(schema.task_updates.c.update_id)
    ).scalar_one()
    write_audit(connection, actor, "status", "task_updates", task_id, None, row, f"{month} 进展")
    return update_id


def _check_achieved(connection, task, figure_id, value, quote, source_id) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise StoreError("完成值必须是数字")
    if value < 0:
        raise StoreError("完成值不能是负数")
    targets = [t for t in task["targets"].split("、") if t]
    if figure_id not in targets:
        raise StoreError(
            f"完成值须对应本任务的一个目标（{'、'.join(targets) or '本任务没有量化目标'}）"
        )
    target = connection.execute(
        sa.select(schema.figures.c.value).where(schema.figures.c.figure_id == figure_id)
    ).scalar()
    try:
        limits.check_against_target(value, target or 0.0)
    except limits.LimitError as error:
        raise StoreError(str(error)) from error
    if not quote.strip():
        raise StoreError("填写完成值时须附上引文：来源原文中写有该数字的原句")
    text = connection.execute(
        sa.select(schema.sources.c.text).where(schema.sources.c.source_id == source_id)
    ).scalar()
    if text is None:
        raise StoreError("请选择完成值的来源（先在“导入报告”中登记该报告）")
    if quote not in text:
        raise StoreError("引文不是所选来源原文的原样片段，请从原文中复制")


def load_updates(engine: sa.Engine) -> pd.DataFrame:
    """All status updates, oldest first."""
    with engine.connect() as connection:
        return pd.read_sql(
            sa.select(schema.task_updates).order_by(schema.task_updates.c.update_id), connection
        )
