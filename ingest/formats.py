"""Reading office files with their tables kept as tables: docx (python-docx, body order), pdf
(pdfplumber's table finder), xlsx (openpyxl, merged cells filled), csv (pandas)."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

from ingest.tables import render_table

if TYPE_CHECKING:
    from docx.document import Document
    from openpyxl.cell.cell import Cell


def docx_text(document: Document) -> str:
    """Paragraphs and tables in the order they appear; merged cells repeat their text."""
    from docx.table import Table

    parts = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            parts.append(render_table([[cell.text for cell in row.cells] for row in block.rows]))
        else:
            parts.append(block.text)
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    """The text of each page with its ruled tables rendered as tables, top to bottom."""
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            pages.append(_pdf_page(page))
    return "\n".join(pages)


def _pdf_page(page) -> str:
    parts, top = [], 0.0
    for table in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
        _, y0, _, y1 = table.bbox
        if y0 > top:
            parts.append(page.crop((0, top, page.width, y0)).extract_text() or "")
        parts.append(render_table(_fill_down(table.extract())))
        top = max(top, y1)
    if top < page.height:
        parts.append(page.crop((0, top, page.width, page.height)).extract_text() or "")
    return "\n".join(part for part in parts if part.strip())


def _fill_down(rows: list[list]) -> list[list]:
    """pdfplumber gives None for the covered part of a merged cell: repeat the cell it joins
    (from the left in header rows, from above elsewhere)."""
    filled = []
    for r, row in enumerate(rows):
        out = []
        for c, cell in enumerate(row):
            if cell is None:
                cell = (
                    out[c - 1]
                    if c and (r == 0 or not filled)
                    else (filled[-1][c] if filled else "")
                )
            out.append(cell)
        filled.append(out)
    return filled


def xlsx_text(data: bytes) -> str:
    """Every sheet: its name on a line, then its rows (merged ranges filled with their value)."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        grid = [[xlsx_cell(cell) for cell in row] for row in sheet.iter_rows()]
        for merged in sheet.merged_cells.ranges:
            value = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, merged.max_row):
                for c in range(merged.min_col - 1, merged.max_col):
                    grid[r][c] = value
        parts.append(f"工作表：{sheet.title}")
        parts.append(render_table(grid))
    return "\n".join(parts)


def xlsx_cell(cell: Cell) -> object:
    """A cell's value as a reader sees it: percentages with %, whole floats as int, dates as text."""
    value = cell.value
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, (int, float)) and "%" in (cell.number_format or ""):
        return format(value * 100, ".10g") + "%"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return value


def csv_text(text: str) -> str:
    """A CSV file (already decoded) as a table."""
    import csv

    return render_table(list(csv.reader(io.StringIO(text))))
