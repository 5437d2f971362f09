"""Tables in report text: how a reader writes them (one line per row, cells joined by ' | '), and
how their number cells become candidate figures (indicator = row label + column header)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.guess import UNKNOWN, guess_partner, nearest_field
from metrics.quantity import Quantity, QuantityError, parse_quantity

if TYPE_CHECKING:
    from ingest.extract import PlaceMatcher

CELL_SEP = " | "
INDEX_HEADERS = ("序号", "编号", "序", "排名", "行次")
UNIT_HEADERS = ("单位", "计量单位")
_UNIT_IN_BRACKETS = re.compile(r"[（(]([^（）()]{1,5})[)）]\s*$")
_PERIOD = re.compile(r"(20\d\d)\s*年(?:\s*(\d{1,2})\s*月)?")
_TARGET_HEADERS = ("目标", "计划", "任务数")
_GROWTH_HEADERS = ("增长", "增幅", "同比", "增速")
_DONE_HEADERS = ("完成", "最新", "实际", "累计")


def render_table(rows: list[list[object]]) -> str:
    """A table as report text: one line per row, cells joined by ' | '. A row whose cells all
    hold the same text (a title merged across the table) becomes a line of its own."""
    clean = [[cell_text(cell) for cell in row] for row in rows]
    clean = [row for row in clean if any(row)]
    keep = [i for i in range(max((len(r) for r in clean), default=0)) if any(
        i < len(r) and r[i] for r in clean
    )]  # fmt: skip
    lines = []
    for row in clean:
        cells = [row[i] if i < len(row) else "" for i in keep]
        distinct = {cell for cell in cells if cell}
        if len(keep) < 2 or (len(distinct) == 1 and _number(next(iter(distinct))) is None):
            lines.append(next(iter(distinct)))
        else:
            lines.append(CELL_SEP.join(cells))
    return "\n".join(lines)


def cell_text(cell: object) -> str:
    """A table cell as one line of text: floats without noise, | made full-width."""
    if cell is None:
        return ""
    if isinstance(cell, float):
        return format(cell, ".12g")
    return " ".join(str(cell).split()).replace("|", "｜")


@dataclass(frozen=True)
class TableRow:
    """One line of a table in the text: its span and its cells with their offsets."""

    start: int
    end: int
    cells: tuple[tuple[str, int], ...]  # (cell text, offset in the text)


def table_blocks(text: str) -> list[tuple[str, list[TableRow]]]:
    """(caption, rows) of every table in `text`: runs of at least two ' | ' lines."""
    blocks, run, caption, offset = [], [], "", 0
    for line in [*text.split("\n"), ""]:
        if CELL_SEP in line:
            cells, at = [], offset
            for cell in line.split(CELL_SEP):
                cells.append((cell, at + len(cell) - len(cell.lstrip())))
                at += len(cell) + len(CELL_SEP)
            run.append(TableRow(offset, offset + len(line), tuple(cells)))
        else:
            if len(run) >= 2:
                blocks.append((caption, run))
            if not run and line.strip():
                caption = line.strip()
            run = []
        offset += len(line) + 1
    return blocks


def table_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the table lines (so prose extraction skips them)."""
    return [(row.start, row.end) for _, rows in table_blocks(text) for row in rows]


def _number(cell: str) -> Quantity | None:
    """The quantity a cell states on its own (12, 20.5%, 2.13亿元), or None for text."""
    compact = cell.replace(",", "").replace("，", "").strip()
    if not compact or not re.match(r"^[约近超]?\d", compact):
        return None
    try:
        return parse_quantity(compact)
    except QuantityError:
        return None


def _headers(rows: list[TableRow]) -> tuple[int, list[str]]:
    """(number of header rows, one header per column joining the header rows' distinct texts)."""
    width = max(len(row.cells) for row in rows)
    count = 0
    for row in rows:
        index = [i for i, (cell, _) in enumerate(row.cells) if cell.strip() in INDEX_HEADERS]
        if any(_number(cell) for i, (cell, _) in enumerate(row.cells) if i not in index):
            break
        count += 1
    headers = []
    for column in range(width):
        parts = []
        for row in rows[:count]:
            cell = row.cells[column][0].strip() if column < len(row.cells) else ""
            if cell and cell not in parts:
                parts.append(cell)
        headers.append(" ".join(parts))
    return count, headers


def _with_unit(cell: str, units: list[str]) -> Quantity | None:
    """The cell's quantity, taking its unit (and scale: 万元) from the first of `units` that
    parses when the cell has none."""
    own = _number(cell)
    if own is None or own.unit:
        return own
    for unit in units:
        if unit:
            try:
                return parse_quantity(cell.replace(",", "").strip() + unit)
            except QuantityError:
                continue
    return own


def _bracket_unit(text: str) -> str:
    found = _UNIT_IN_BRACKETS.search(text)
    return found.group(1) if found else ""


def _period(*texts: str) -> str:
    for text in texts:
        found = _PERIOD.search(text)
        if found:
            year, month = found.groups()
            return f"{year}-{int(month):02d}" if month else year
    return ""


def _kind(header: str) -> str:
    """target for a 目标/计划 column, unless it holds what was done (目标值的最新数, 完成值)."""
    if any(w in header for w in _TARGET_HEADERS) and not any(w in header for w in _DONE_HEADERS):
        return "target"
    return "achievement"


def _label(row: TableRow, skip: set[int]) -> str:
    """The row label: the first cell that is text, outside the index and unit columns."""
    return next(
        (c.strip() for i, (c, _) in enumerate(row.cells) if i not in skip and c.strip() and _number(c) is None),
        "",
    )  # fmt: skip


def table_candidates(text: str, places: PlaceMatcher | None, about_beijing: bool) -> list[dict]:
    """Every number cell of every table in `text` as a candidate figure."""
    rows_out = []
    for caption, rows in table_blocks(text):
        count, headers = _headers(rows)
        index = {i for i, h in enumerate(headers) if set(h.split()) & set(INDEX_HEADERS)}
        unit_col = next((i for i, h in enumerate(headers) if h in UNIT_HEADERS), None)
        skip = index | ({unit_col} if unit_col is not None else set())
        table_rows = []
        for row in rows[count:]:
            table_rows.append(_row_candidates(text, row, headers, skip, unit_col, caption, places))
        _fill_fields(table_rows, caption)
        for found in table_rows:
            for candidate in found:
                candidate["partner"], candidate["beijing"] = _partner(
                    text, candidate, caption, about_beijing
                )
                rows_out.append(candidate)
    return rows_out


def _row_candidates(text, row, headers, skip, unit_col, caption, places) -> list[dict]:
    label = _label(row, skip)
    unit_cell = row.cells[unit_col][0].strip() if unit_col is not None else ""
    line = text[row.start : row.end]
    found = []
    for column, (cell, offset) in enumerate(row.cells):
        header = headers[column] if column < len(headers) else ""
        if column in skip or not cell.strip():
            continue
        quantity = _with_unit(cell, [unit_cell, _bracket_unit(header), _bracket_unit(label)])
        if quantity is None:
            continue
        qualifier = quantity.qualifier
        if (
            quantity.unit == "%"
            and qualifier == "exact"
            and any(w in header for w in _GROWTH_HEADERS)
        ):
            qualifier = "growth"
        where = places.find(label) or places.find(header) or places.find(caption) if places else ""
        found.append(
            {
                "quote": cell.strip(),
                "value": quantity.value,
                "unit": quantity.unit,
                "qualifier": qualifier,
                "field": nearest_field(f"{label} {header}", len(label) + len(header) + 1),
                "place": where,
                "indicator": f"{label} {header}".strip(),
                "kind": _kind(header),
                "period": _period(header, label, caption),
                "sentence": line,
                "start": offset,
                "line_start": row.start,
            }
        )
    return found


def _fill_fields(table_rows: list[list[dict]], caption: str) -> None:
    """A cell whose row label and header name no field takes its row's field, else the table's,
    else the caption's, else 'unknown'."""
    table = Counter(c["field"] for row in table_rows for c in row if c["field"])
    for row in table_rows:
        known = Counter(c["field"] for c in row if c["field"])
        for candidate in row:
            if not candidate["field"]:
                candidate["field"] = (
                    (known or table).most_common(1)[0][0]
                    if known or table
                    else nearest_field(caption, len(caption)) or UNKNOWN
                )


def _partner(text: str, candidate: dict, caption: str, about_beijing: bool) -> tuple[str, str]:
    line = candidate["sentence"]
    start = candidate["start"]
    line_start = candidate.pop("line_start")
    partner = guess_partner(text, start, start + len(candidate["quote"]),
                            (line_start, line_start + len(line)), about_beijing)  # fmt: skip
    if partner[1] == "unknown" and caption:
        return guess_partner(caption, len(caption), len(caption), (0, len(caption)), about_beijing)
    return partner
