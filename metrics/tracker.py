"""The action-plan tracker: task status, unit load, reach of a filter, page counts and filters
(the targets and their progress are in metrics/targets.py)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from metrics.filters import Filters, descendants, filter_figures, filter_links
from metrics.load import Dataset
from metrics.places import place_aliases
from metrics.plan import split_responsible

NO_UPDATE = "未报送"


def task_status(tasks: pd.DataFrame, updates: pd.DataFrame, month: str) -> pd.DataFrame:
    """One row per task with its latest update; `late` if 滞后, `stale` if not reported in `month`."""
    latest = (
        updates.sort_values(["month", "update_id"]).groupby("task_id", sort=False).tail(1)
        if not updates.empty
        else updates
    )
    latest = latest.set_index("task_id")[["status", "month", "note", "author"]]
    result = tasks.join(latest, on="task_id")
    result["status"] = result["status"].fillna(NO_UPDATE)
    result[["month", "note", "author"]] = result[["month", "note", "author"]].fillna("")
    this_month = set(updates.loc[updates["month"] == month, "task_id"]) if len(updates) else set()
    result["late"] = result["status"] == "滞后"
    result["stale"] = ~result["task_id"].isin(this_month) & (result["status"] != "已完成")
    return result


def unit_load(status: pd.DataFrame) -> pd.DataFrame:
    """Per responsible unit: tasks carried, late, completed and not reported this month."""
    rows = [
        (unit, row.task_id, row.late, row.status == "已完成", row.stale)
        for row in status.itertuples(index=False)
        for unit in dict.fromkeys(split_responsible(row.responsible))
    ]
    frame = pd.DataFrame(rows, columns=["unit", "task_id", "late", "done", "stale"])
    table = frame.groupby("unit", sort=False).agg(
        tasks=("task_id", "nunique"),
        late=("late", "sum"),
        done=("done", "sum"),
        stale=("stale", "sum"),
    )
    return table.sort_values(["late", "tasks"], ascending=False).reset_index()


def tasks_of_unit(status: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The tasks whose responsible units include `unit`."""
    carried = status["responsible"].map(lambda units: unit in split_responsible(units))
    return status[carried]


# Filters that say nothing about a plan task: every task is a 2025 plan (目标), none a result.
TASK_BLIND_FILTERS = ("kind", "period")


def _mentions(text: str, names: set[str], aliases: dict[str, str]) -> bool:
    return any(alias in text for alias, name in aliases.items() if name in names)


def tasks_reached(data: Dataset, filters: Filters) -> tuple[pd.DataFrame, list[str]]:
    """The tasks a filter reaches, and the active filters that cannot apply to tasks."""
    # A task belongs to the fields of its target figures and of the relations quoted from its text;
    # to the places they name, those its text names and its plan's city; to its source.
    blind = [name for name in TASK_BLIND_FILTERS if getattr(filters, name)]
    applied = replace(filters, kind=(), period=())
    tasks = data.tasks
    if applied.is_empty():
        return tasks, blind
    figures = filter_figures(data.figures, applied, data.places)
    links = filter_links(data.links, applied, data.places)
    keep = pd.Series(True, index=tasks.index)
    if applied.source:
        keep &= tasks["source_id"].isin(applied.source)
    if applied.field or applied.place or applied.partner:
        keep &= _reached_by_rows(tasks, figures, links) | _reached_by_text(tasks, data, applied)
    return tasks[keep], blind


def _reached_by_rows(tasks: pd.DataFrame, figures: pd.DataFrame, links: pd.DataFrame) -> pd.Series:
    """Tasks that name a kept figure as a target, or whose text quotes a kept link."""
    figure_ids = set(figures["figure_id"])
    quotes = list(zip(links["source_id"], links["quote"], strict=True))
    return pd.Series(
        [
            any(t in figure_ids for t in targets.split("、"))
            or any(s == source and q in text for s, q in quotes)
            for source, text, targets in zip(
                tasks["source_id"], tasks["text"], tasks["targets"], strict=True
            )
        ],
        index=tasks.index,
    )


def _reached_by_text(tasks: pd.DataFrame, data: Dataset, filters: Filters) -> pd.Series:
    """Without a field filter, tasks whose text or plan's city is a filtered place (1.1 → 鄂尔多斯市)."""
    if filters.field:
        return pd.Series(False, index=tasks.index)
    aliases = place_aliases(data.places)
    home = data.figures.groupby("source_id")["place"].agg(lambda s: s.mode().iat[0])
    keep = pd.Series(True, index=tasks.index)
    for names in (filters.place, filters.partner):
        if not names:
            continue
        inside = descendants(data.places, names)
        keep &= pd.Series(
            [
                home.get(source, "") in inside or _mentions(text, inside, aliases)
                for source, text in zip(tasks["source_id"], tasks["text"], strict=True)
            ],
            index=tasks.index,
        )
    return keep


# What the 行动方案 page shows, computed here so the page only lays it out.


def status_counts(status: pd.DataFrame) -> dict[str, int]:
    """Tasks in total, completed, in progress, late and not reported this month."""
    return {
        "total": len(status),
        "done": int((status["status"] == "已完成").sum()),
        "doing": int((status["status"] == "推进中").sum()),
        "late": int(status["late"].sum()),
        "stale": int(status["stale"].sum()),
    }


def unit_table(status: pd.DataFrame) -> pd.DataFrame:
    """`unit_load` of the tasks, or an empty frame with only a `unit` column when none."""
    return unit_load(status) if len(status) else pd.DataFrame(columns=["unit"])


def filter_tasks(
    status: pd.DataFrame, section: str, unit: str, statuses: list[str]
) -> pd.DataFrame:
    """The tasks in `section`, carried by `unit` and in one of `statuses` (empty: any)."""
    shown = status
    if section:
        shown = shown[shown["section"] == section]
    if unit:
        shown = tasks_of_unit(shown, unit)
    if statuses:
        shown = shown[shown["status"].isin(statuses)]
    return shown


def by_section(status: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """(section number, section name, tasks) per section, in plan order."""
    return [
        (str(rows["section_no"].iloc[0]), str(name), rows)
        for name, rows in status.groupby("section", sort=False)
    ]


def task_history(updates: pd.DataFrame, task_id: str) -> pd.DataFrame:
    """A task's updates, newest first, with `achieved` as text ('' when no value)."""
    history = updates[updates["task_id"] == task_id].sort_values("update_id", ascending=False)
    if history.empty:
        return history
    return history.assign(
        achieved=history["achieved_value"].map(lambda v: "" if pd.isna(v) else f"{v:g}")
    )
