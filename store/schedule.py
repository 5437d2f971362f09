"""Applying a filled 调度表: all its changed rows in one transaction through the tracker's write
path (with audit rows), or nothing. The file itself is kept as a source, so that every reported
value quotes its row verbatim; a file applied twice changes nothing the second time."""

from __future__ import annotations

import hashlib

import pandas as pd
import sqlalchemy as sa

from metrics.schedule import ParsedSchedule
from metrics.schedule_read import describe
from store import schema
from store.audit import write_audit
from store.db import now, write
from store.edit import StoreError, require_editor
from store.tracker import insert_update


def apply_schedule(engine: sa.Engine, parsed: ParsedSchedule, data: bytes, actor: str) -> int:
    """Write every changed row of one filled 调度表; returns how many updates were written."""
    require_editor(actor, "")
    if parsed.errors:
        raise StoreError(f"“{parsed.name}”有 {len(parsed.errors)} 处错误，未写入，请改正后重新上传")
    with write(engine) as connection:
        updates = pd.read_sql(sa.select(schema.task_updates), connection)
        changed = [row for row in parsed.rows if describe(row, updates, parsed.month)]
        if not changed:
            return 0
        source_id = ""
        if any(row.values for row in changed):
            source_id = _keep_source(connection, parsed, data, actor)
        written = 0
        for row in changed:
            reporter = f"{actor}（报送人：{row.reporter}）" if row.reporter else actor
            values = row.values or [("", None)]
            for figure_id, value in values:
                try:
                    insert_update(
                        connection, row.task_id, parsed.month, row.status, row.note, reporter,
                        figure_id=figure_id, achieved_value=value, quote=row.row_text,
                        source_id=source_id,
                    )  # fmt: skip
                except StoreError as error:
                    raise StoreError(
                        f"“{parsed.name}”第{row.sheet_row}行：{error}；整个文件未写入"
                    ) from error
                written += 1
    return written


def _keep_source(connection: sa.Connection, parsed: ParsedSchedule, data: bytes, actor: str) -> str:
    """The uploaded file as a source (its text as the reader renders it); reused if stored."""
    from ingest.read import read_bytes

    text = read_bytes(data, ".xlsx")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    found = connection.execute(
        sa.select(schema.sources.c.source_id).where(schema.sources.c.sha256 == digest)
    ).scalar()
    if found:
        return found
    source_id = f"schedule-{digest[:10]}"
    last = connection.execute(sa.select(sa.func.max(schema.sources.c.seq))).scalar() or 0
    source = {
        "source_id": source_id,
        "title": f"行动方案调度表（{parsed.month}，{parsed.unit}）",
        "publisher": parsed.unit,
        "doc_number": "",
        "published": "",
        "period": parsed.month,
        "kind": "report",
        "sha256": digest,
        "retrieved": now()[:10],
        "note": f"由 {actor} 上传的调度表“{parsed.name}”",
        "text": text,
    }
    connection.execute(schema.sources.insert().values(**source, seq=last + 1))
    write_audit(connection, actor, "import", "sources", source_id, None, {"title": source["title"]},
                "调度表")  # fmt: skip
    return source_id
