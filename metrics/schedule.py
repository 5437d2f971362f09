"""The monthly 调度表 of the action plan as an xlsx round trip: build the sheet a 责任单位 fills in
(last month read-only and grey, status as a drop-down) and read filled sheets back, with every
problem named by sheet, row and column in Chinese. No database here (store/schedule.py writes)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pandas as pd

from metrics.plan import split_responsible
from metrics.tracker import task_status
from metrics.vocab import TASK_STATUSES

SHEET = "调度表"
HELP_SHEET = "填写说明"
ALL_UNITS = "全部"
MONTH_RE = re.compile(r"^20\d\d-(0[1-9]|1[0-2])$")
# (column, width, filled by the unit, explanation on the help sheet)
COLUMNS: tuple[tuple[str, int, bool, str], ...] = (
    ("编号", 8, False, "任务编号，与行动方案一致（如 3.5 即第三部分第（五）项）。请勿修改。"),
    ("任务", 34, False, "任务名称。请勿修改。"),
    ("责任单位", 26, False, "行动方案规定的责任单位。请勿修改。"),
    ("上月状态", 10, False, "上月末看板记录的状态（灰色，只读）。"),
    ("上月进展", 34, False, "上月末看板记录的进展说明（灰色，只读）。"),
    ("目标", 30, False, "本任务的量化目标；有多个时用“；”分隔（灰色，只读）。"),
    ("状态", 10, True, f"本月状态，从下拉列表中选择：{'、'.join(TASK_STATUSES)}。"),
    ("进展", 40, True, "本月工作进展，用文字填写（不超过 2000 字）。"),
    (
        "目标值的最新数",
        16,
        True,
        (
            "目标对应的最新完成数，只填数字（单位同“目标”列）；有多个目标时按顺序用“；”分隔；"
            "没有量化目标的任务请留空。"
        ),
    ),
    ("报送人", 10, True, "填表人姓名或科室。"),
)
HEADER = tuple(name for name, *_ in COLUMNS)
GREY = "D9D9D9"


def previous_month(month: str) -> str:
    """'2025-01' → '2024-12'."""
    year, number = map(int, month.split("-"))
    return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"


def schedule_rows(
    tasks: pd.DataFrame, updates: pd.DataFrame, figures: pd.DataFrame, month: str, unit: str
) -> pd.DataFrame:
    """One row per task `unit` carries (all tasks for 全部) with its status and note as of the
    end of the month before `month`, and its targets as written."""
    before = previous_month(month)
    known = updates[updates["month"] <= before] if len(updates) else updates
    status = task_status(tasks, known, before)
    if unit and unit != ALL_UNITS:
        status = status[status["responsible"].map(lambda r: unit in split_responsible(r))]
    labels = {f.figure_id: f"{f.indicator} {f.amount}" for f in figures.itertuples(index=False)}
    return pd.DataFrame(
        {
            "编号": status["task_id"],
            "任务": status["title"],
            "责任单位": status["responsible"],
            "上月状态": status["status"],
            "上月进展": status["note"],
            "目标": status["targets"].map(
                lambda t: "；".join(labels.get(f, f) for f in t.split("、") if f)
            ),
        }
    ).reset_index(drop=True)


def build_schedule(rows: pd.DataFrame, month: str, unit: str) -> bytes:
    """The xlsx 调度表: a title, the month and unit, read-only grey columns, a status drop-down,
    the sheet protected except the columns to fill, and a second sheet explaining each column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([f"行动方案月度调度表（{month}）"])
    sheet.append(["月份", month, "责任单位", unit or ALL_UNITS])
    sheet.append(list(HEADER))
    for row in rows[list(HEADER[:6])].itertuples(index=False):
        sheet.append([*row, None, None, None, None])
    grey = PatternFill("solid", fgColor=GREY)
    last = sheet.max_row
    for index, (_, width, editable, _) in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=3, column=index).column_letter
        sheet.column_dimensions[letter].width = width
        sheet.cell(row=3, column=index).font = Font(bold=True)
        for r in range(4, last + 1):
            cell = sheet.cell(row=r, column=index)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if editable:
                cell.protection = Protection(locked=False)
            else:
                cell.fill = grey
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    status_col = sheet.cell(row=3, column=HEADER.index("状态") + 1).column_letter
    choice = DataValidation(
        type="list",
        formula1=f'"{",".join(TASK_STATUSES)}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="状态",
        error=f"请从下拉列表中选择：{'、'.join(TASK_STATUSES)}",
    )
    sheet.add_data_validation(choice)
    if last >= 4:
        choice.add(f"{status_col}4:{status_col}{last}")
    sheet.freeze_panes = "C4"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    helper = book.create_sheet(HELP_SHEET)
    helper.append(["列", "填写方", "说明"])
    for name, _, editable, text in COLUMNS:
        helper.append([name, "责任单位填写" if editable else "只读（看板生成）", text])
    helper.append(["", "", "填好后在看板“行动方案”页上传；同一文件重复上传不会重复记录。"])
    for letter, width in zip("ABC", (16, 18, 80), strict=True):
        helper.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass
class ScheduleRow:
    """One filled row: the task's new status, note, target values and who reported it."""

    sheet_row: int
    task_id: str
    status: str
    note: str
    values: list[tuple[str, float]]  # (target figure id, value)
    reporter: str
    row_text: str  # the row as the reader renders it (the quote of its values)


@dataclass
class ParsedSchedule:
    """A filled 调度表: its month and unit, the filled rows, and what is wrong with it."""

    name: str
    month: str = ""
    unit: str = ""
    rows: list[ScheduleRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
