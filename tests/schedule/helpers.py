"""Building and filling 调度表 files as a 责任单位 would."""

import io

import pandas as pd
from openpyxl import load_workbook

from metrics.load import load_dataset
from metrics.schedule import build_schedule, schedule_rows
from store import schema
from tests.conftest import DATA

DATASET = load_dataset(DATA)
NO_UPDATES = pd.DataFrame(columns=[c.name for c in schema.task_updates.columns])
UNIT = "市商务局"
MONTH = "2025-06"


def blank(updates: pd.DataFrame = NO_UPDATES, unit: str = UNIT, month: str = MONTH) -> bytes:
    rows = schedule_rows(DATASET.tasks, updates, DATASET.figures, month, unit)
    return build_schedule(rows, month, unit)


def fill(data: bytes, cells: dict[str, object]) -> bytes:
    """Set cells of the 调度表 sheet ('G4': '推进中'), as Excel would save them."""
    book = load_workbook(io.BytesIO(data))
    sheet = book["调度表"]
    for ref, value in cells.items():
        sheet[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row_of(data: bytes, task_id: str) -> int:
    sheet = load_workbook(io.BytesIO(data))["调度表"]
    return next(r for r in range(4, sheet.max_row + 1) if sheet[f"A{r}"].value == task_id)
