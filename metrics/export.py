"""Downloads of a filtered view: xlsx with figures, sources and the active filters; CSV with BOM."""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd

CSV_ENCODING = "utf-8-sig"  # the BOM makes Chinese Excel open the file as UTF-8, not GBK


def labelled(table: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """Keep the columns named in `labels`, in that order, renamed to their display labels."""
    return table[[c for c in labels if c in table.columns]].rename(columns=dict(labels))


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a BOM."""
    return table.to_csv(index=False).encode(CSV_ENCODING)


def to_xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An .xlsx workbook with one sheet per entry, columns sized to their content."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, table in sheets.items():
            table.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            for index, column in enumerate(table.columns, start=1):
                longest = max([len(str(column)), *(len(str(v)) for v in table[column])])
                letter = sheet.cell(row=1, column=index).column_letter
                sheet.column_dimensions[letter].width = min(60, 4 + 2 * longest)
            sheet.freeze_panes = "A2"
    return buffer.getvalue()


def filters_sheet(active: Mapping[str, tuple[str, ...]], labels: Mapping[str, str]) -> pd.DataFrame:
    """The active filters as a two-column table (筛选项, 取值); '全部' when nothing is filtered."""
    rows = [(labels.get(name, name), "、".join(values)) for name, values in active.items()]
    return pd.DataFrame(rows or [("（无）", "全部数据")], columns=["筛选项", "取值"])
