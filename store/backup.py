"""Backup of everything as a zip of CSVs, and import with a dry-run preview.

An import lists every bad row with its table, line number and reason, and writes nothing unless
every row is valid; rows absent from the upload are left as they are (nothing is deleted).
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa

from store import schema
from store.db import TABLE_NAMES, data_revision, now, read_table, schema_revision, write
from store.edit import StoreError, check_plain_text, fetch_row, validate_row, write_audit

IMPORTABLE = ("figures", "links", "tasks")  # in dependency order
EXPORTED = (*schema.CURATED, "task_updates", "audit")
MAX_IMPORT_BYTES = 50 * 1024 * 1024


def export_zip(engine: sa.Engine) -> bytes:
    """Every table as a UTF-8 (BOM) CSV, source texts as raw/<id>.txt, and a manifest."""
    buffer = io.BytesIO()
    tables = {**schema.CURATED, "task_updates": schema.task_updates, "audit": schema.audit}
    counts = {}
    with engine.connect() as connection, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, table in tables.items():
            frame = read_table(connection, table)
            if name == "sources":
                for source_id, text in zip(frame["source_id"], frame["text"], strict=True):
                    zf.writestr(f"raw/{source_id}.txt", text.encode("utf-8"))
                frame = frame.drop(columns="text")
            frame = frame.drop(columns=[c for c in ("seq",) if c in frame])
            zf.writestr(f"{name}.csv", frame.to_csv(index=False).encode("utf-8-sig"))
            counts[name] = len(frame)
        manifest = {
            "exported_at": now(),
            "schema_revision": schema_revision(engine),
            "data_revision": data_revision(engine),
            "rows": counts,
        }
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return buffer.getvalue()


@dataclass
class ImportPlan:
    """What an import would do: rows to create and update (with the versions they were checked
    against) and every problem found. `ok` only when there are rows and no problems."""

    creates: dict[str, list[dict]] = field(default_factory=dict)
    updates: dict[str, list[tuple[dict, int]]] = field(default_factory=dict)
    unchanged: int = 0
    errors: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and (self.total_changes > 0 or self.unchanged > 0)

    @property
    def total_changes(self) -> int:
        return sum(map(len, self.creates.values())) + sum(map(len, self.updates.values()))

    def errors_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.errors, columns=["表", "行号", "原因"])

    def summary(self) -> pd.DataFrame:
        return pd.DataFrame(
            [
                (TABLE_NAMES[n], len(self.creates.get(n, [])), len(self.updates.get(n, [])))
                for n in IMPORTABLE
            ],
            columns=["表", "新增", "修改"],
        )


def _decode(raw: bytes, filename: str) -> str:
    if not raw.strip():
        raise StoreError(f"{filename} 是空文件")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StoreError(
            f"{filename} 不是 UTF-8 编码（可能是 GBK/GB18030）。请在 Excel 中“另存为 CSV UTF-8”后再导入"
        ) from error


def _read_csv(text: str, filename: str) -> pd.DataFrame:
    try:
        frame = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, on_bad_lines="error"
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
        raise StoreError(f"{filename} 不是格式正确的 CSV：{str(error).splitlines()[0]}") from error
    return frame


def _table_of(frame: pd.DataFrame, filename: str) -> str:
    for name in IMPORTABLE:
        if schema.KEYS[name] in frame.columns:
            return name
    raise StoreError(
        f"{filename} 无法识别：需要 figure_id、link_id 或 task_id 列（请用“备份”导出的表格作模板）"
    )


def read_upload(raw: bytes, filename: str) -> dict[str, pd.DataFrame]:
    """The importable tables in an upload: a backup zip, or one CSV of figures/links/tasks."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise StoreError(f"{filename} 超过 {MAX_IMPORT_BYTES // 1024 // 1024} MB")
    if filename.lower().endswith(".zip"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as zf:
                names = set(zf.namelist())
                tables = {
                    name: _read_csv(_decode(zf.read(f"{name}.csv"), f"{name}.csv"), f"{name}.csv")
                    for name in IMPORTABLE
                    if f"{name}.csv" in names
                }
        except zipfile.BadZipFile as error:
            raise StoreError(f"{filename} 不是有效的 zip 文件") from error
        if not tables:
            raise StoreError(f"{filename} 中没有 figures.csv、links.csv 或 tasks.csv")
        return tables
    if not filename.lower().endswith(".csv"):
        raise StoreError(f"不支持的文件类型：{filename}（请上传 .csv 或备份 .zip）")
    frame = _read_csv(_decode(raw, filename), filename)
    return {_table_of(frame, filename): frame}


def _coerce(name: str, record: dict) -> dict:
    if name == "figures":
        try:
            record["value"] = float(record["value"])
        except (TypeError, ValueError) as error:
            raise StoreError(f"数值“{record['value']}”不是数字") from error
    return record


def plan_import(engine: sa.Engine, tables: dict[str, pd.DataFrame]) -> ImportPlan:
    """Check every row of the upload inside a transaction that is always rolled back."""
    plan = ImportPlan()
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            for name in IMPORTABLE:
                if name in tables:
                    _plan_table(connection, plan, name, tables[name])
        finally:
            transaction.rollback()
    return plan


# Columns an older export may lack (an empty value is their default).
OPTIONAL_COLUMNS = ("note", "headline", "part_of", "describes")


def _plan_table(connection, plan: ImportPlan, name: str, frame: pd.DataFrame) -> None:
    table = schema.CURATED[name]
    key = schema.KEYS[name]
    columns = schema.data_columns(table)
    label = TABLE_NAMES[name]
    missing = [c for c in columns if c not in frame.columns and c not in OPTIONAL_COLUMNS]
    if missing:
        plan.errors.append((label, 1, f"缺少列：{'、'.join(missing)}"))
        return
    seen: set[str] = set()
    for line, raw in enumerate(frame.to_dict("records"), start=2):
        try:
            record = _coerce(name, {c: raw.get(c, "") for c in columns})
            row_id = str(record[key]).strip()
            if not row_id:
                raise StoreError(f"{key} 为空")
            if row_id in seen:
                raise StoreError(f"{row_id} 在文件中重复出现")
            seen.add(row_id)
            for column, value in record.items():
                check_plain_text(value, f"“{column}”", column)
            current = fetch_row(connection, table, row_id)
            if current is not None:
                changed = {c: v for c, v in record.items() if current[c] != v}
                if not changed:
                    plan.unchanged += 1
                    continue
            validate_row(connection, name, record)
            # Apply inside the rolled-back transaction so later rows see earlier ones.
            if current is None:
                connection.execute(table.insert().values(**record))
                plan.creates.setdefault(name, []).append(record)
            else:
                connection.execute(table.update().where(table.c[key] == row_id).values(**changed))
                plan.updates.setdefault(name, []).append((record, current["version"]))
        except StoreError as error:
            plan.errors.append((label, line, str(error)))


def apply_import(engine: sa.Engine, plan: ImportPlan, actor: str, reason: str = "") -> int:
    """Write a previewed plan in one transaction; refuses a plan with errors, or one whose rows
    changed since the preview. Returns the number of rows written."""
    if not actor.strip():
        raise StoreError("请先以编辑账号登录")
    if plan.errors:
        raise StoreError(f"有 {len(plan.errors)} 行未通过检查，未写入任何数据")
    note = reason or "批量导入"
    with write(engine) as connection:
        for name in IMPORTABLE:
            table = schema.CURATED[name]
            key = schema.KEYS[name]
            last = connection.execute(sa.select(sa.func.max(table.c.seq))).scalar() or 0
            for offset, record in enumerate(plan.creates.get(name, []), start=1):
                if fetch_row(connection, table, record[key]) is not None:
                    raise StoreError(f"{record[key]} 在预览后已被他人新增，请重新预览")
                connection.execute(table.insert().values(**record, seq=last + offset))
                write_audit(connection, actor, "import", name, record[key], None, record, note)
            for record, version in plan.updates.get(name, []):
                current = fetch_row(connection, table, record[key])
                changed = {c: v for c, v in record.items() if current[c] != v}
                result = connection.execute(
                    table.update()
                    .where(table.c[key] == record[key], table.c.version == version)
                    .values(**changed, version=version + 1)
                )
                if result.rowcount != 1:
                    raise StoreError(f"{record[key]} 在预览后已被他人修改，请重新预览")
                before = {c: current[c] for c in changed}
                write_audit(connection, actor, "import", name, record[key], before, changed, note)
    return plan.total_changes
