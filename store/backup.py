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

from ingest.limits import ArchiveError, check_archive
from metrics.export import neutralise_frame, restore
from metrics.validate import DataError
from store import bulk_write, import_rows, schema
from store.db import data_revision, now, read_table, schema_revision, write
from store.edit import StoreError
from store.frames import TABLE_NAMES

IMPORTABLE = ("figures", "links", "tasks")  # in dependency order
EXPORTED = (*schema.CURATED, "task_updates", "audit")
MAX_IMPORT_BYTES = 50 * 1024 * 1024  # also Streamlit's server.maxUploadSize (a test checks)
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a backup zip, all members unpacked


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
            # Formula-like text gets a leading ' (OWASP); import and restore take it off again.
            csv = neutralise_frame(frame).to_csv(index=False)
            zf.writestr(f"{name}.csv", csv.encode("utf-8-sig"))
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
    return frame.map(restore)


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
            check_archive(raw, filename, MAX_UNPACKED_BYTES)
        except ArchiveError as error:
            raise StoreError(str(error)) from error
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


def plan_import(engine: sa.Engine, tables: dict[str, pd.DataFrame]) -> ImportPlan:
    """Check every row of the upload against the store as read once (a few queries, not one per
    row), then the planned rows with the loader's own checks and across tables. The plan holds
    the rows to write and the version each update was checked against."""
    plan = ImportPlan()
    with engine.connect() as connection:
        snapshot = import_rows.read_snapshot(connection, tables)
    planned = {}
    for name in IMPORTABLE:
        if name in tables:
            planned[name] = _plan_table(plan, name, tables[name], snapshot)
            snapshot.after(name, planned[name])
    if not plan.errors and plan.total_changes:
        try:
            import_rows.check_merged(planned, snapshot)
        except DataError as error:
            plan.errors.append(("全部数据", 1, f"导入后数据将无法加载：{error}"))
    return plan


# Columns an older export may lack (a missing one keeps the stored value; new rows get '').
OPTIONAL_COLUMNS = ("note", "headline", "duplicate_of", "part_of", "describes")


def _uploaded(frame: pd.DataFrame, current: pd.DataFrame, name: str) -> pd.DataFrame:
    """The upload's rows with every data column: a missing optional column keeps the stored value
    (new rows get ''); figure values as floats (NaN when not a number)."""
    key = schema.KEYS[name]
    columns = schema.data_columns(schema.CURATED[name])
    # Plain Python strings: hashing them (isin, comparisons) is far faster than Arrow's.
    rows = frame.astype(str).astype(object).assign(**{key: frame[key].astype(str).str.strip()})
    stored = current.set_index(key)
    for column in columns:
        if column not in rows:
            rows[column] = rows[key].map(stored[column]).fillna("") if len(stored) else ""
    rows = rows[columns]
    if name == "figures":
        rows["value"] = pd.to_numeric(rows["value"].str.strip(), errors="coerce")
    return rows


def _unchanged(rows: pd.DataFrame, stored: pd.DataFrame, exists: pd.Series) -> pd.Series:
    """Rows identical to the stored row of the same key."""
    same = pd.Series(False, index=rows.index)
    if exists.any():
        columns = rows.columns.drop(stored.index.name)
        before = stored.loc[rows.loc[exists, stored.index.name], columns]
        after = rows.loc[exists, columns]
        before.index = after.index
        same[exists] = ((before == after) | (before.isna() & after.isna())).all(axis=1)
    return same


def _plan_table(plan: ImportPlan, name: str, frame: pd.DataFrame, snapshot) -> pd.DataFrame:
    """Plan one table's rows (errors by line); returns the rows to write."""
    key = schema.KEYS[name]
    label = TABLE_NAMES[name]
    current = snapshot.current[name]
    missing = [c for c in schema.data_columns(schema.CURATED[name]) if c not in frame.columns]
    if [c for c in missing if c not in OPTIONAL_COLUMNS]:
        plan.errors.append((label, 1, f"缺少列：{'、'.join(missing)}"))
        return current.iloc[0:0]
    rows = _uploaded(frame, current, name)
    problems = import_rows.text_problems(rows.drop(columns="value", errors="ignore"))
    problems[(rows[key] == "") & (problems == "")] = f"{key} 为空"
    repeated = rows[key].duplicated() & (problems == "")
    problems[repeated] = rows.loc[repeated, key] + " 在文件中重复出现"
    if name == "figures":
        bad = rows["value"].isna() & (problems == "")
        problems[bad] = "数值“" + frame.loc[bad, "value"].astype(str) + "”不是数字"
    stored = current.set_index(key)
    exists = rows[key].isin(stored.index)
    same = _unchanged(rows, stored, exists)
    plan.unchanged += int((same & (problems == "")).sum())
    todo = ~same & (problems == "")
    if name == "figures":  # a figure may name another new one as its duplicate
        snapshot.after(name, rows[todo])
    problems[todo] = import_rows.row_problems(name, rows[todo], snapshot)
    for line, problem in zip(rows.index + 2, problems, strict=True):
        if problem:
            plan.errors.append((label, int(line), problem))
    good = todo & (problems == "")
    versions = rows.loc[good, key].map(stored["version"]) if len(stored) else rows.loc[good, key]
    versions = versions.where(rows.loc[good, key].isin(stored.index), None).tolist()
    for record, version in zip(import_rows.records(rows[good]), versions, strict=True):
        if pd.isna(version):
            plan.creates.setdefault(name, []).append(record)
        else:
            plan.updates.setdefault(name, []).append((record, int(version)))
    return rows[good]


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
            bulk_write.apply_table(
                connection,
                name,
                plan.creates.get(name, []),
                plan.updates.get(name, []),
                actor,
                note,
            )
    return plan.total_changes
