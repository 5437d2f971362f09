"""The 调度表 as a unit receives it, and every mistake in a filled one named in Chinese."""

import io

import pytest
from openpyxl import load_workbook

from metrics.schedule import HEADER, HELP_SHEET, schedule_rows
from metrics.schedule_read import NO_CHANGE, WILL_WRITE, parse_schedule, plan_changes
from metrics.tracker import task_status, tasks_of_unit
from metrics.vocab import TASK_STATUSES
from tests.schedule.helpers import DATASET, MONTH, NO_UPDATES, UNIT, blank, fill, row_of

NOW = "2025-11"


def parse(data: bytes):
    return parse_schedule(data, "商务局.xlsx", DATASET.tasks, NOW)


def test_one_row_per_task_the_unit_carries_with_last_month_read_only():
    status = task_status(DATASET.tasks, NO_UPDATES, MONTH)
    sheet = load_workbook(io.BytesIO(blank()))["调度表"]
    ids = [sheet[f"A{r}"].value for r in range(4, sheet.max_row + 1)]
    assert ids == list(tasks_of_unit(status, UNIT)["task_id"])
    assert tuple(c.value for c in sheet[3]) == HEADER
    assert (sheet["B2"].value, sheet["D2"].value) == (MONTH, UNIT)
    assert sheet.protection.sheet
    grey, fill_in = sheet["D4"], sheet["G4"]
    assert grey.protection.locked and grey.fill.fgColor.rgb.endswith("D9D9D9")
    assert not fill_in.protection.locked and fill_in.fill.fill_type is None
    (choice,) = sheet.data_validations.dataValidation
    assert choice.formula1 == f'"{",".join(TASK_STATUSES)}"' and "G4" in str(choice.sqref)


def test_last_months_status_and_note_are_shown():
    updates = NO_UPDATES.copy()
    updates.loc[0] = [1, "3.2", "2025-05", "滞后", "项目审批延迟", "", None, "", "", "x", ""]
    rows = schedule_rows(DATASET.tasks, updates, DATASET.figures, MONTH, UNIT)
    row = rows[rows["编号"] == "3.2"].iloc[0]
    assert (row["上月状态"], row["上月进展"]) == ("滞后", "项目审批延迟")
    later = schedule_rows(DATASET.tasks, updates, DATASET.figures, "2025-05", UNIT)
    assert later[later["编号"] == "3.2"].iloc[0]["上月状态"] == "未报送"


def test_the_second_sheet_explains_every_column():
    helper = load_workbook(io.BytesIO(blank()))[HELP_SHEET]
    explained = [helper[f"A{r}"].value for r in range(2, len(HEADER) + 2)]
    assert explained == list(HEADER)
    assert all(helper[f"C{r}"].value for r in range(2, len(HEADER) + 2))


def test_a_well_filled_sheet_parses_and_an_empty_row_is_skipped():
    data = blank()
    r = row_of(data, "5.1")
    parsed = parse(fill(data, {f"G{r}": "推进中", f"H{r}": "对接俄方客商", f"I{r}": 12.5,
                               f"J{r}": "李四"}))  # fmt: skip
    assert not parsed.errors and (parsed.month, parsed.unit) == (MONTH, UNIT)
    (row,) = parsed.rows
    assert (row.task_id, row.status, row.note, row.reporter) == (
        "5.1",
        "推进中",
        "对接俄方客商",
        "李四",
    )
    assert row.values == [("ordos-07", 12.5)]
    preview = plan_changes(parsed, NO_UPDATES, {"5.1": "融入中蒙俄经济走廊"})
    assert list(preview["结果"]) == [WILL_WRITE] and "未报送 → 推进中" in preview["变化"][0]


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"A{r}": "9.9", "G{r}": "推进中"}, "第{r}行“编号”列：任务“9.9”在行动方案中不存在"),
        ({"G{r}": "差不多"}, "第{r}行“状态”列：“差不多”不在 未启动/推进中/已完成/滞后 之中"),
        ({"H{r}": "进展顺利"}, "第{r}行“状态”列：请从下拉列表中选择状态"),
        ({"G{r}": "推进中", "H{r}": 35}, "第{r}行“进展”列：应填写文字说明，不是一个数字"),
        ({"G{r}": "推进中", "I{r}": "十二"}, "第{r}行“目标值的最新数”列：“十二”不是数字"),
        ({"G{r}": "推进中", "J{r}": 2025}, "第{r}行“报送人”列：应填写姓名或科室"),
        ({"B2": "2099-01", "G{r}": "推进中"}, "第2行“月份”：2099-01 是将来的月份"),
        ({"B2": "6月", "G{r}": "推进中"}, "第2行“月份”：“6月”应为 2025-06 这样的年-月"),
        ({"A{r}": "1.1", "G{r}": "推进中"}, "第{r}行“编号”列：任务 1.1 不由“市商务局”负责"),
    ],
)
def test_mistakes_are_named_by_sheet_row_and_column(cells, message):
    data = blank()
    r = row_of(data, "5.1")
    parsed = parse(fill(data, {k.format(r=r): v for k, v in cells.items()}))
    text = "\n".join(parsed.errors)
    assert f"“商务局.xlsx” 工作表“调度表” {message.format(r=r)}" in text, text
    assert not parsed.rows or parsed.errors


def test_a_task_without_targets_takes_no_number_and_counts_must_match():
    data = blank()
    r = row_of(data, "3.2")
    parsed = parse(fill(data, {f"G{r}": "推进中", f"I{r}": 3}))
    assert "本任务没有量化目标，请留空" in parsed.errors[0]
    r = row_of(data, "5.1")
    parsed = parse(fill(data, {f"G{r}": "推进中", f"I{r}": "3；4"}))
    assert "本任务有 1 个目标，填了 2 个数" in parsed.errors[0]


def test_a_file_that_is_not_a_schedule_is_refused():
    assert "不是有效的 xlsx 文件" in parse(b"PK\x03\x04 junk").errors[0]
    other = load_workbook(io.BytesIO(blank()))
    other["调度表"].title = "Sheet1"
    buffer = io.BytesIO()
    other.save(buffer)
    assert "没有名为“调度表”的工作表" in parse(buffer.getvalue()).errors[0]


def test_a_row_already_reported_the_same_way_changes_nothing():
    data = blank()
    r = row_of(data, "3.2")
    parsed = parse(fill(data, {f"G{r}": "推进中", f"H{r}": "已对接"}))
    updates = NO_UPDATES.copy()
    updates.loc[0] = [1, "3.2", MONTH, "推进中", "已对接", "", None, "", "", "x", ""]
    assert list(plan_changes(parsed, updates, {})["结果"]) == [NO_CHANGE]
