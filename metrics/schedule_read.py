"""Reading filled 调度表 files back: every problem named by file, sheet, row and column in
Chinese; and the dry run of what each row would change in the tracker."""

from __future__ import annotations

import datetime as dt
import io
import math
import re

import pandas as pd

from metrics.plan import split_responsible
from metrics.schedule import (
    ALL_UNITS,
    HEADER,
    MONTH_RE,
    SHEET,
    ParsedSchedule,
    ScheduleRow,
)
from metrics.vocab import TASK_STATUSES

_COL = {name: index for index, name in enumerate(HEADER)}
NO_CHANGE = "无变化（本月已按此报送）"
WILL_WRITE = "将写入"


def _month_of(value: object) -> str:
    """The month cell as '2025-06' (Excel may have turned '2025-06' into a date)."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m")
    return str(value or "").strip()


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return bool(re.fullmatch(r"-?\d+(\.\d+)?", _text(value)))


def _task_id(value: object) -> str:
    if isinstance(value, float):
        return format(value, "g")
    return _text(value)


def parse_schedule(data: bytes, name: str, tasks: pd.DataFrame, this_month: str) -> ParsedSchedule:
    """A filled 调度表 read back; `errors` lists every problem (the file is then not applied)."""
    from openpyxl import load_workbook

    parsed = ParsedSchedule(name)
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # noqa: BLE001 (openpyxl raises many types for a file that is not xlsx)
        parsed.errors.append(f"“{name}”：不是有效的 xlsx 文件，请上传看板下载的调度表")
        return parsed
    if SHEET not in book.sheetnames:
        parsed.errors.append(f"“{name}”：没有名为“{SHEET}”的工作表，请使用看板下载的调度表")
        return parsed
    sheet = book[SHEET]
    where = f"“{name}” 工作表“{SHEET}”"
    parsed.month = _month_of(sheet.cell(row=2, column=2).value)
    parsed.unit = _text(sheet.cell(row=2, column=4).value) or ALL_UNITS
    if not MONTH_RE.match(parsed.month):
        parsed.errors.append(f"{where} 第2行“月份”：“{parsed.month}”应为 2025-06 这样的年-月")
    elif parsed.month > this_month:
        parsed.errors.append(f"{where} 第2行“月份”：{parsed.month} 是将来的月份，不能报送")
    header = tuple(_text(sheet.cell(row=3, column=i + 1).value) for i in range(len(HEADER)))
    if header != HEADER:
        parsed.errors.append(f"{where} 第3行：表头与模板不一致，请使用看板下载的调度表")
        return parsed
    known = {t.task_id: t for t in tasks.itertuples(index=False)}
    for r, cells in enumerate(sheet.iter_rows(min_row=4, max_col=len(HEADER)), start=4):
        values = [cell.value for cell in cells]
        if all(_text(values[_COL[c]]) == "" for c in ("状态", "进展", "目标值的最新数")):
            continue
        row, errors = _row(values, r, parsed.unit, known)
        parsed.errors += [f"{where} 第{r}行“{column}”列：{message}" for column, message in errors]
        if row is not None and not errors:
            from ingest.formats import xlsx_cell
            from ingest.tables import CELL_SEP, cell_text

            row.row_text = CELL_SEP.join(cell_text(xlsx_cell(cell)) for cell in cells)
            parsed.rows.append(row)
    return parsed


def _row(values: list, r: int, unit: str, known: dict) -> tuple[ScheduleRow | None, list]:
    """One filled row and its (column, problem) list."""
    errors: list[tuple[str, str]] = []
    task_id = _task_id(values[_COL["编号"]])
    task = known.get(task_id)
    if task is None:
        return None, [("编号", f"任务“{task_id}”在行动方案中不存在")]
    if unit != ALL_UNITS and unit not in split_responsible(task.responsible):
        errors.append(("编号", f"任务 {task_id} 不由“{unit}”负责，请删去这一行"))
    status = _text(values[_COL["状态"]])
    if not status:
        errors.append(("状态", "请从下拉列表中选择状态"))
    elif status not in TASK_STATUSES:
        errors.append(("状态", f"“{status}”不在 {'/'.join(TASK_STATUSES)} 之中"))
    note = values[_COL["进展"]]
    if _is_number(note):
        errors.append(("进展", "应填写文字说明，不是一个数字（数字请填在“目标值的最新数”列）"))
    reporter = values[_COL["报送人"]]
    if _is_number(reporter):
        errors.append(("报送人", "应填写姓名或科室，不是数字"))
    targets = [t for t in task.targets.split("、") if t]
    numbers, problem = _numbers(values[_COL["目标值的最新数"]], len(targets))
    if problem:
        errors.append(("目标值的最新数", problem))
    row = ScheduleRow(
        r, task_id, status, _text(note), list(zip(targets, numbers, strict=False)),
        _text(reporter), "",
    )  # fmt: skip
    return row, errors


def _numbers(value: object, targets: int) -> tuple[list[float], str]:
    """The target values of a cell ('12', 12.5, '3；1.2'), or a problem in Chinese."""
    if value is None or _text(value) == "":
        return [], ""
    if targets == 0:
        return [], "本任务没有量化目标，请留空"
    parts = [value] if _is_number(value) else re.split(r"[；;]", _text(value))
    numbers = []
    for part in parts:
        try:
            number = float(str(part).replace(",", "").strip())
        except ValueError:
            return [], f"“{_text(part)}”不是数字，只填数字（单位同“目标”列）"
        if not math.isfinite(number) or number < 0:
            return [], f"“{_text(part)}”不是有效的完成数"
        numbers.append(number)
    if len(numbers) != targets:
        return [], f"本任务有 {targets} 个目标，填了 {len(numbers)} 个数（用“；”分隔）"
    return numbers, ""


def plan_changes(parsed: ParsedSchedule, updates: pd.DataFrame, titles: dict) -> pd.DataFrame:
    """The dry run of one file: per filled row, what it will change or that it changes nothing."""
    rows = []
    for row in parsed.rows:
        changes = describe(row, updates, parsed.month)
        rows.append(
            {
                "文件": parsed.name,
                "行": row.sheet_row,
                "编号": row.task_id,
                "任务": titles.get(row.task_id, ""),
                "变化": changes or "—",
                "结果": WILL_WRITE if changes else NO_CHANGE,
            }
        )
    return pd.DataFrame(rows, columns=["文件", "行", "编号", "任务", "变化", "结果"])


def describe(row: ScheduleRow, updates: pd.DataFrame, month: str) -> str:
    """What writing `row` for `month` changes ('' when the tracker already holds exactly it)."""
    mine = updates[(updates["task_id"] == row.task_id) & (updates["month"] == month)]
    latest = mine.sort_values("update_id").iloc[-1] if len(mine) else None
    parts = []
    old_status = latest["status"] if latest is not None else "未报送"
    if latest is None or latest["status"] != row.status:
        parts.append(f"状态：{old_status} → {row.status}")
    if latest is None or (latest["note"] or "") != row.note:
        parts.append(f"进展：{row.note[:40] or '（空）'}")
    for number, (figure_id, value) in enumerate(row.values, start=1):
        held = mine[mine["figure_id"] == figure_id]["achieved_value"].dropna()
        if held.empty or float(held.iloc[-1]) != value:
            which = f"（第{number}个目标）" if len(row.values) > 1 else ""
            parts.append(f"完成值{which}：{value:g}")
    return "；".join(parts)
