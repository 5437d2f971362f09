"""Downloads of a filtered view: xlsx with figures, sources and the active filters; CSV with BOM.

Both are safe to open in Excel (OWASP CSV injection): xlsx cells holding text are typed as text,
never formulas; in CSV a text cell starting with = + - @ tab or CR gets a leading apostrophe.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from metrics.texts import FILTERS_SHEET_COLUMNS, FILTERS_SHEET_NONE, LIST_SEPARATOR

CSV_ENCODING = "utf-8-sig"  # the BOM makes Chinese Excel open the file as UTF-8, not GBK
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"^'(?=[=+\-@\t\r'])")


def labelled(table: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """Keep the columns named in `labels`, in that order, renamed to their display labels."""
    return table[[c for c in labels if c in table.columns]].rename(columns=dict(labels))


def neutralise(value: object) -> object:
    """A text value Excel would run as a formula, prefixed with ' (and a leading ' doubled, so
    `restore` can undo it exactly); numbers and other values as they are."""
    if isinstance(value, str) and value.startswith((*FORMULA_START, "'")):
        return "'" + value
    return value


def restore(value: object) -> object:
    """The inverse of `neutralise` (for re-importing a backup)."""
    return _ESCAPED.sub("", value) if isinstance(value, str) else value


def neutralise_frame(table: pd.DataFrame) -> pd.DataFrame:
    """`neutralise` on every text column."""
    text = [c for c in table.columns if not pd.api.types.is_numeric_dtype(table[c])]
    return table.assign(**{c: table[c].map(neutralise) for c in text}) if text else table


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a BOM, formula-like text neutralised."""
    return neutralise_frame(table).to_csv(index=False).encode(CSV_ENCODING)


def _cell_value(value: object) -> object:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def to_xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An .xlsx workbook with one sheet per entry, columns sized to their content; text cells are
    text (a leading = is not a formula), characters XML cannot hold shown as �."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, table in sheets.items():
        sheet = workbook.create_sheet(name[:31])
        sheet.append([str(c) for c in table.columns])
        for row in table.itertuples(index=False):
            sheet.append([_cell_value(v) for v in row])
        for column in sheet.iter_cols(min_row=2):
            for cell in column:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        for index, column in enumerate(table.columns, start=1):
            longest = max([len(str(column)), *(len(str(v)) for v in table[column])])
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = min(60, 4 + 2 * longest)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def filters_sheet(active: Mapping[str, tuple[str, ...]], labels: Mapping[str, str]) -> pd.DataFrame:
    """The active filters as a two-column table (筛选项, 取值); '全部' when nothing is filtered."""
    rows = [(labels.get(name, name), LIST_SEPARATOR.join(v)) for name, v in active.items()]
    return pd.DataFrame(rows or [FILTERS_SHEET_NONE], columns=list(FILTERS_SHEET_COLUMNS))
