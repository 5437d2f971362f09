"""Publish a reviewed report: its text verbatim as a new source, the kept candidates as figures
with clause quotes, audit rows; repeats of figures from other reports are flagged, not counted."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from ingest.extract import PlaceMatcher
from ingest.tables import CELL_SEP
from metrics.quantity import Quantity, parse_quantity
from metrics.vocab import FIELDS, KINDS
from store import schema
from store.audit import write_audit
from store.db import now, write
from store.edit import StoreError, check_limits, check_plain_text, validate_row

_CLAUSE_END = re.compile(r"[，,；;。！？!?\n]")
MAX_QUOTE = 120
REVIEW_COLUMNS = [
    "keep",
    "quote",
    "field",
    "indicator",
    "place",
    "partner",
    "kind",
    "duplicate",
    "sentence",
]


@dataclass(frozen=True)
class Published:
    source_id: str
    figure_ids: list[str]
    duplicates: dict[str, str]  # new figure id → the stored figure it repeats


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` holding [start, end): from the previous to the next ，；。 (capped);
    for a table cell, its whole row (the line of cells)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if CELL_SEP in line:
        return line.strip()
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    found = _CLAUSE_END.search(text, end)
    right = found.start() if found else len(text)
    left = max(left, start - MAX_QUOTE)
    right = min(right, end + MAX_QUOTE)
    return text[left:right].strip()


def review_table(
    candidates: pd.DataFrame,
    text: str,
    stored: pd.DataFrame,
    period: str,
    partners: PlaceMatcher | None = None,
) -> pd.DataFrame:
    """Candidates as the editor reviews them: tick to keep, clause quote, a guess for every column
    (`place` as the candidates have it, the partner found by `partners` in the sentence), and a
    note when the same indicator/place/period/value is already stored from another report.
    Repeats inside the document (a headline and its body) are merged into the first."""
    rows = []
    seen: dict[tuple, list[str]] = {}  # (value, unit) → indicators kept so far
    for c in candidates.itertuples(index=False):
        kept = seen.setdefault((c.value, c.unit), [])
        if any(_same_indicator(c.indicator, other) for other in kept):
            continue
        kept.append(c.indicator)
        duplicate = find_duplicate(stored, c.indicator, c.place, period, c.value)
        rows.append(
            {
                "keep": not duplicate,
                "quote": c.quote,
                "clause": clause_around(text, c.start, c.start + len(c.quote)),
                "value": c.value,
                "unit": c.unit,
                "qualifier": c.qualifier,
                "field": c.field if c.field in FIELDS else "综合",
                "indicator": c.indicator,
                "place": c.place,
                "partner": _partner(partners, c.sentence, c.quote) or getattr(c, "partner", ""),
                "beijing": getattr(c, "beijing", "unknown"),
                "period": getattr(c, "period", "") or period,
                "kind": c.kind if c.kind in KINDS else "achievement",
                "duplicate": duplicate,
                "sentence": c.sentence,
            }
        )
    extra = ["clause", "value", "unit", "qualifier", "beijing", "period"]
    return pd.DataFrame(rows, columns=[*REVIEW_COLUMNS, *extra])


def _partner(partners: PlaceMatcher | None, sentence: str, quote: str) -> str:
    """The partner named nearest before the number in its sentence (else anywhere in it)."""
    if partners is None:
        return ""
    before = sentence[: max(sentence.find(quote), 0)]
    return partners.find_last(before) or partners.find(sentence)


def _same_indicator(a: str, b: str) -> bool:
    """'服务群众' and '（正文）服务群众' name the same thing: one ends with the other."""
    return bool(a and b) and (a.endswith(b) or b.endswith(a))


def find_duplicate(
    stored: pd.DataFrame, indicator: str, place: str, period: str, value: float
) -> str:
    """The id of a stored figure with the same indicator, place, period and value, or ''."""
    if stored.empty or not indicator:
        return ""
    same = stored[
        (stored["indicator"] == indicator)
        & (stored["place"] == place)
        & (stored["period"] == period)
        & (stored["value"] == value)
    ]
    return str(same["figure_id"].iloc[0]) if len(same) else ""


def _quantity(row) -> Quantity:
    """The reviewed row's quantity: as extracted (a table cell takes its unit from its header),
    else parsed from its quote."""
    value, unit = getattr(row, "value", None), getattr(row, "unit", None)
    if value is not None and unit is not None and not pd.isna(value):
        return Quantity(float(value), str(unit), str(row.qualifier))
    return parse_quantity(row.quote.replace("％", "%"))


def _checked(
    text: str, meta: dict[str, str], reviewed: pd.DataFrame, actor: str
) -> tuple[str, str, pd.DataFrame]:
    """(title, published date, kept rows) of a report fit to publish; else a StoreError."""
    if not actor.strip():
        raise StoreError("请先以编辑账号登录")
    if not text.strip():
        raise StoreError("报告没有文字内容")
    title = meta.get("title", "").strip()
    if not title:
        raise StoreError("请填写报告标题")
    for name, value in meta.items():
        check_plain_text(value, f"报告的“{name}”", name)
    check_limits(text, "报告正文", "text")
    published = meta.get("published", "")
    if published and not re.fullmatch(r"20\d\d-\d\d-\d\d", published):
        raise StoreError(f"发布日期“{published}”应为 2025-06-30 这样的格式")
    kept = reviewed[reviewed["keep"]]
    if kept.empty:
        raise StoreError("没有勾选任何数字，未发布")
    return title, published, kept


def publish_report(
    engine: sa.Engine, text: str, meta: dict[str, str], reviewed: pd.DataFrame, actor: str
) -> Published:
    """Store the report and its kept figures in one transaction (all or nothing)."""
    title, published, kept = _checked(text, meta, reviewed, actor)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    source_id = f"report-{digest[:10]}"
    period = meta.get("period", "") or published[:4]
    with write(engine) as connection:
        existing = connection.execute(
            sa.select(schema.sources.c.source_id, schema.sources.c.title).where(
                schema.sources.c.sha256 == digest
            )
        ).first()
        if existing:
            raise StoreError(f"这份报告已导入过（来源“{existing.title}”），未重复发布")
        last = connection.execute(sa.select(sa.func.max(schema.sources.c.seq))).scalar() or 0
        source = {
            "source_id": source_id,
            "title": title,
            "publisher": meta.get("publisher", ""),
            "doc_number": meta.get("doc_number", ""),
            "published": published,
            "period": period,
            "kind": meta.get("kind", "report"),
            "sha256": digest,
            "retrieved": now()[:10],
            "note": f"由 {actor} 通过“导入报告”发布",
            "text": text,
        }
        connection.execute(schema.sources.insert().values(**source, seq=last + 1))
        write_audit(
            connection, actor, "publish", "sources", source_id, None, {"title": title}, "导入报告"
        )
        stored = pd.read_sql(
            sa.select(
                schema.figures.c.figure_id,
                schema.figures.c.indicator,
                schema.figures.c.place,
                schema.figures.c.period,
                schema.figures.c.value,
            ).where(schema.figures.c.source_id != source_id),
            connection,
        )
        last = connection.execute(sa.select(sa.func.max(schema.figures.c.seq))).scalar() or 0
        ids, duplicates = [], {}
        for number, row in enumerate(kept.itertuples(index=False), start=1):
            figure_id = f"{source_id}-{number:02d}"
            quantity = _quantity(row)
            duplicate = find_duplicate(stored, row.indicator, row.place, period, quantity.value)
            figure = {
                "figure_id": figure_id,
                "source_id": source_id,
                "quote": row.clause,
                "amount": row.quote,
                "value": quantity.value,
                "unit": quantity.unit,
                "qualifier": quantity.qualifier,
                "kind": row.kind,
                "field": row.field,
                "indicator": str(row.indicator).strip(),
                "place": row.place or "",
                "partner": getattr(row, "partner", "") or "",
                "period": getattr(row, "period", "") or period,
                "headline": "",
                "note": "",
                "duplicate_of": duplicate,
            }
            try:
                validate_row(connection, "figures", figure)
            except StoreError as error:
                raise StoreError(f"第 {number} 个勾选的数字：{error}") from error
            connection.execute(schema.figures.insert().values(**figure, seq=last + number))
            write_audit(connection, actor, "publish", "figures", figure_id, None, figure, title)
            ids.append(figure_id)
            if duplicate:
                duplicates[figure_id] = duplicate
    return Published(source_id, ids, duplicates)
