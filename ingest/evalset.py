"""The evaluation set: official-style texts and tables (ingest/eval_data/*.yaml) with gold figures,
and the report files (docx, pdf, xlsx, csv) that the table entries are read from."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import yaml

EVAL_DIR = Path(__file__).resolve().parent / "eval_data"
# Debian fonts the test set-up installs: DejaVu for digits and Latin, Droid for Chinese.
LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
CJK_FONT = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")


@dataclass(frozen=True)
class Gold:
    """One figure a reader of the report would list, with where to find it and what it means."""

    anchor: str  # text before the amount that locates it ('' = right after the previous one)
    amount: str
    value: float
    unit: str
    qualifier: str
    field: str
    beijing: str | None  # yes/no; None when not scored (curated sources)
    kind: str  # the wording class: plain, measure, partner, table, source


@dataclass(frozen=True)
class EvalDoc:
    """One evaluation document: its style, the file it comes as, its gold and its non-figures."""

    name: str
    style: str
    suffix: str
    data: bytes
    gold: tuple[Gold, ...]
    negatives: tuple[tuple[str, str], ...]  # (text that is not a figure, class)


def parse_gold(line: str) -> Gold:
    """'anchor >> amount | value | unit | qualifier | field | beijing | class' → Gold."""
    head, *rest = (part.strip() for part in line.split("|"))
    anchor, _, amount = head.rpartition(">>")
    value, unit, qualifier, field, beijing, kind = rest
    return Gold(anchor.strip(), amount.strip(), float(value), unit, qualifier, field, beijing, kind)


def load_eval_docs(directory: Path = EVAL_DIR) -> list[EvalDoc]:
    """Every evaluation document, its file built the way an office would send it."""
    docs = []
    for path in sorted(directory.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        suffix = "." + spec.get("format", "txt")
        docs.append(
            EvalDoc(
                name=path.stem,
                style=spec["style"],
                suffix=suffix,
                data=build_file(spec, path.with_suffix(suffix)),
                gold=tuple(parse_gold(line) for line in spec["gold"]),
                negatives=tuple(
                    tuple(part.strip() for part in line.split("|")) for line in spec.get("not", [])
                ),
            )
        )
    return docs


def build_file(spec: dict, committed: Path) -> bytes:
    """The report file of one evaluation entry (a committed pdf, the rest built here)."""
    kind = spec.get("format", "txt")
    if kind == "txt":
        return spec["text"].encode("utf-8")
    if kind == "pdf":
        return committed.read_bytes()
    builders = {"docx": docx_bytes, "xlsx": xlsx_bytes, "csv": csv_bytes}
    return builders[kind](spec)


def docx_bytes(spec: dict) -> bytes:
    """A Word file: the paragraphs, then the table with its merged cells."""
    import docx

    document = docx.Document()
    for paragraph in spec.get("paragraphs", []):
        document.add_paragraph(paragraph)
    rows = spec["rows"]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = str(value)
    for r1, c1, r2, c2 in spec.get("merges", []):
        keep = table.cell(r1, c1).text
        table.cell(r1, c1).merge(table.cell(r2, c2)).text = keep
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(spec: dict) -> bytes:
    """An Excel workbook with one sheet: the rows, numbers as numbers, merged ranges merged."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = spec.get("sheet", "Sheet1")
    for row in spec["rows"]:
        sheet.append([_cell_value(value) for value in row])
    for r1, c1, r2, c2 in spec.get("merges", []):
        sheet.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell_value(value: object) -> str | int | float | None:
    text = str(value)
    try:
        number = float(text)
    except ValueError:
        return text or None
    return int(number) if number.is_integer() and "." not in text else number


def csv_bytes(spec: dict) -> bytes:
    """A CSV file as Excel saves it for Chinese users (UTF-8 with BOM)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(spec["rows"])
    return buffer.getvalue().encode("utf-8-sig")


def pdf_bytes(spec: dict) -> bytes:
    """A PDF with a text layer: the paragraphs, then the table with ruled cells (needs fpdf2)."""
    from fpdf import FPDF, FontFace

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("latin", fname=str(LATIN_FONT))
    pdf.add_font("cjk", fname=str(CJK_FONT))
    pdf.set_font("latin", size=11)
    pdf.set_fallback_fonts(["cjk"])
    for paragraph in spec.get("paragraphs", []):
        pdf.multi_cell(0, 8, paragraph, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    with pdf.table(text_align="CENTER", headings_style=FontFace(emphasis=None)) as table:
        for row in spec["rows"]:
            cells = table.row()
            for value in row:
                cells.cell(str(value))
    return bytes(pdf.output())
