"""The rows of a bulk import checked all at once against the store as read once: the same
contract as a single edit (store.edit.validate_row), without a database round trip per row.

`row_problems` returns one message per bad row; `check_merged` then runs the loader's own checks
on the planned rows and across tables (the commit runs the full load once more, store.db.write).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from metrics.places import place_aliases
from metrics.validate import (
    COLUMN_LABELS,
    DataError,
    FigureRow,
    check_amount,
    check_places,
    check_quotes,
    validate_figures,
    validate_links,
    validate_tasks,
)
from metrics.vocab import DIRECTIONS, FIELDS, KINDS, LINK_STATUSES, QUALIFIERS, UNITS
from store import limits, schema
from store.edit import MARKUP
from store.frames import TABLE_NAMES

_MARKUP = MARKUP.pattern
_CONTROL = limits.CONTROL_CHARACTERS
_VERBATIM = {"quote", "text"}
_VOCABULARY = {
    "figures": {"unit": UNITS, "qualifier": QUALIFIERS, "kind": KINDS, "field": FIELDS},
    "links": {"field": FIELDS, "status": LINK_STATUSES, "direction": DIRECTIONS},
    "tasks": {},
}


@dataclass
class Snapshot:
    """The part of the store an import is checked against, read once: the stored rows the upload
    names, the id and duplicate mark of every figure a task or the upload names, every task's
    targets, all places, and the source texts the rows quote. `after` applies the planned rows, so later tables see earlier ones."""

    current: dict[str, pd.DataFrame]
    figure_index: pd.DataFrame
    tasks: pd.DataFrame
    places: pd.DataFrame
    texts: dict[str, str]

    @property
    def aliases(self) -> set[str]:
        return set(place_aliases(self.places))

    @property
    def figure_ids(self) -> set[str]:
        return set(self.figure_index["figure_id"].tolist())

    @property
    def counted_ids(self) -> set[str]:
        """Figures the loader keeps (not marked as another report's duplicate)."""
        index = self.figure_index
        return set(index.loc[index["duplicate_of"] == "", "figure_id"].tolist())

    def after(self, name: str, rows: pd.DataFrame) -> None:
        """Take the planned rows of one table into account."""
        if name == "figures":
            self.figure_index = merge_rows(
                self.figure_index, rows[["figure_id", "duplicate_of"]], "figure_id"
            )
        elif name == "tasks":
            self.tasks = merge_rows(self.tasks, rows, "task_id")


def merge_rows(current: pd.DataFrame, rows: pd.DataFrame, key: str) -> pd.DataFrame:
    """`current` with `rows` replacing the rows of the same key and the new ones appended."""
    kept = current[~current[key].isin(rows[key])]
    return pd.concat([kept, rows], ignore_index=True)


def select_in(connection, table: sa.Table, column: str, keys, columns=None) -> pd.DataFrame:
    """Rows whose `column` is one of `keys` (in chunks, so any number of keys works)."""
    keys = sorted(set(keys))
    selected = [table.c[c] for c in columns] if columns else [table]
    if len(keys) > 5000:  # most of the table: one scan beats many IN lists
        whole = pd.read_sql(sa.select(*selected), connection)
        wanted = set(keys)
        return whole[[key in wanted for key in whole[column].tolist()]].reset_index(drop=True)
    chunks = [keys[i : i + 500] for i in range(0, len(keys), 500)] or [[]]
    frames = [
        pd.read_sql(sa.select(*selected).where(table.c[column].in_(chunk)), connection)
        for chunk in chunks
    ]
    return pd.concat(frames, ignore_index=True)


def _targets(tasks: pd.DataFrame) -> set[str]:
    return {
        t for targets in tasks["targets"].astype(str).tolist() for t in targets.split("、") if t
    }


def read_snapshot(connection: sa.Connection, tables: dict[str, pd.DataFrame]) -> Snapshot:
    """What `tables` (an upload) is checked against, in a few small queries: only the figures
    that tasks or the upload name, only the sources the upload quotes."""
    current = {
        name: select_in(connection, schema.CURATED[name], key, frame[key].astype(str).str.strip())
        for name, frame in tables.items()
        for key in [schema.KEYS[name]]
        if key in frame
    }
    tasks = pd.read_sql(sa.select(schema.tasks.c.task_id, schema.tasks.c.targets), connection)
    named = _targets(tasks)
    quoted: set[str] = set()
    for name, frame in tables.items():
        named |= set(frame.get("duplicate_of", pd.Series(dtype=str)).astype(str).tolist())
        named |= set(frame["figure_id"].astype(str).tolist()) if name == "figures" else set()
        named |= _targets(frame) if name == "tasks" and "targets" in frame else set()
        quoted |= set(frame["source_id"].astype(str).tolist()) if "source_id" in frame else set()
    index = select_in(
        connection, schema.figures, "figure_id", named - {""}, ["figure_id", "duplicate_of"]
    )
    places = pd.read_sql(sa.select(schema.places), connection)
    sources = select_in(connection, schema.sources, "source_id", quoted)
    texts = dict(zip(sources["source_id"], sources["text"], strict=True))
    return Snapshot(current, index, tasks, places, texts)


def text_problems(frame: pd.DataFrame) -> pd.Series:
    """Control characters, over-long text and markup, per row ('' when fine)."""
    problems = pd.Series("", index=frame.index, dtype=object)
    for column in frame.columns:
        values = frame[column].astype(str)
        limit = limits.MAX_LENGTH.get(column, limits.DEFAULT_LENGTH)
        checks = [
            (values.str.contains(_CONTROL, regex=True), "中含有不可见的控制字符"),
            (values.str.len() > limit, f"过长，上限为 {limit} 字"),
        ]
        if column not in _VERBATIM:
            checks.append((values.str.contains(_MARKUP, regex=True), "中不能包含 HTML 标记"))
        for mask, message in checks:
            problems[mask & (problems == "")] = f"“{column}”{message}"
    return problems


def records(frame: pd.DataFrame) -> list[dict]:
    """frame.to_dict("records"), ten times faster on Arrow-backed text columns."""
    columns = list(frame.columns)
    return [
        dict(zip(columns, values, strict=True))
        for values in zip(*(frame[c].tolist() for c in columns), strict=True)
    ]


@dataclass(frozen=True)
class Context:
    """The snapshot's sets, computed once for a table's rows."""

    texts: dict[str, str]
    aliases: set[str]
    figure_ids: set[str]
    counted_ids: set[str]


def row_problems(name: str, frame: pd.DataFrame, snapshot: Snapshot) -> pd.Series:
    """The data contract per row of `frame` (text columns; figures' value as float)."""
    context = Context(snapshot.texts, snapshot.aliases, snapshot.figure_ids, snapshot.counted_ids)
    problems = pd.Series("", index=frame.index, dtype=object)
    key = {"figures": "figure_id", "links": "link_id", "tasks": "task_id"}[name]
    for column, allowed in _VOCABULARY[name].items():
        bad = ~frame[column].isin(allowed) & (problems == "")
        label = COLUMN_LABELS.get(column, column)
        problems[bad] = label + "“" + frame.loc[bad, column] + "”不在允许的取值中"
    check = {"figures": _figure_problem, "links": _link_problem, "tasks": _task_problem}[name]
    for index, row in zip(frame.index, records(frame), strict=True):
        if not problems[index]:
            problems[index] = check(row, context)
    return problems.where(problems == "", f"{TABLE_NAMES[name]}（" + frame[key] + "）：" + problems)


def _quote_problem(row: dict, context: Context) -> str:
    text = context.texts.get(row["source_id"])
    if text is None:
        return f"来源“{row['source_id']}”不存在"
    if not row["quote"] or row["quote"] not in text:
        return "引文不是来源原文的原样片段"
    return ""


def _places_problem(row: dict, columns: tuple[str, ...], context: Context) -> str:
    for column in columns:
        if row[column] and row[column] not in context.aliases:
            return f"{COLUMN_LABELS.get(column, column)}“{row[column]}”不是已登记的地点"
    return ""


def _figure_problem(row: dict, context: Context) -> str:
    value = row["value"]
    if not row["quote"].strip():
        return "新指标必须有引文：请从来源原文中复制包含该数字的原句"
    if pd.isna(value) or value < 0:
        return "数值必须是非负数"
    try:
        limits.check_value(value)
        check_amount(
            FigureRow(*(row[c] for c in FigureRow.__dataclass_fields__)), TABLE_NAMES["figures"]
        )
    except (limits.LimitError, DataError) as error:
        return str(error).split("：", 1)[-1]
    duplicate = row.get("duplicate_of", "")
    if duplicate and (duplicate == row["figure_id"] or duplicate not in context.figure_ids):
        return f"重复的原指标“{duplicate}”不存在"
    return _quote_problem(row, context) or _places_problem(row, ("place", "partner"), context)


def _link_problem(row: dict, context: Context) -> str:
    if row["from_name"] == row["to_name"]:
        return "两端是同一地点"
    return _quote_problem(row, context) or _places_problem(row, ("from_name", "to_name"), context)


def _task_problem(row: dict, context: Context) -> str:
    if not row["responsible"].strip():
        return "缺少责任单位"
    text = context.texts.get(row["source_id"])
    if text is None or row["text"] not in text:
        return "任务原文不是来源原文的原样片段"
    missing = set(filter(None, row["targets"].split("、"))) - context.counted_ids
    return f"目标 {'、'.join(sorted(missing))} 不存在" if missing else ""


def check_merged(planned: dict[str, pd.DataFrame], snapshot: Snapshot) -> None:
    """The loader's own checks (metrics.load) on the planned rows, and the check across tables
    that an import can break: every task's targets among the figures counted after it."""
    figures = planned.get("figures")
    links = planned.get("links")
    tasks = planned.get("tasks")
    texts, places = snapshot.texts, snapshot.places
    if figures is not None:
        counted = validate_figures(figures[figures["duplicate_of"] == ""], TABLE_NAMES["figures"])
        check_quotes(counted, "figure_id", texts, TABLE_NAMES["figures"])
        check_places(counted, "figure_id", ["place", "partner"], places, TABLE_NAMES["figures"])
    if links is not None:
        validate_links(links, TABLE_NAMES["links"])
        check_quotes(links, "link_id", texts, TABLE_NAMES["links"])
        check_places(links, "link_id", ["from_name", "to_name"], places, TABLE_NAMES["links"])
    if tasks is not None:
        validate_tasks(tasks, TABLE_NAMES["tasks"])
    counted_ids = snapshot.counted_ids
    for row in snapshot.tasks.itertuples(index=False):
        unknown = set(filter(None, row.targets.split("、"))) - counted_ids
        if unknown:
            raise DataError(
                f"{TABLE_NAMES['tasks']}（{row.task_id}）：目标 {', '.join(sorted(unknown))} 不存在"
                "（或已标为重复）"
            )
