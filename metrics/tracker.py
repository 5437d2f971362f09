"""The action-plan tracker: each task's latest status, the units that carry them, and target
progress against achieved values (qualifiers respected). Pure pandas, no database."""

from __future__ import annotations

import pandas as pd

from metrics.plan import split_responsible
from metrics.quantity import format_quantity

NO_UPDATE = "未报送"


def task_status(tasks: pd.DataFrame, updates: pd.DataFrame, month: str) -> pd.DataFrame:
    """One row per task with its latest update (status, month, note, author) and flags:
    `late` (latest status 滞后) and `stale` (no update for `month`)."""
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


def is_met(qualifier: str, target: float, achieved: float) -> bool:
    """Whether an achieved value meets a target, by the target's qualifier: 以上/exact/growth are
    floors (reaching the value meets them), 余/超 must be exceeded, 近/约 within 5%."""
    if qualifier == "more_than":
        return achieved > target
    if qualifier == "about":
        return achieved >= 0.95 * target
    return achieved >= target


def target_progress(figures: pd.DataFrame, tasks: pd.DataFrame, updates: pd.DataFrame):
    """One row per target figure named by a task: target as written, latest achieved value with
    its month and quote, share reached (capped at 100%) and whether it is met."""
    owners = {
        figure_id: task_id
        for task_id, targets in zip(tasks["task_id"], tasks["targets"], strict=True)
        for figure_id in targets.split("、")
        if figure_id
    }
    targets = figures[figures["figure_id"].isin(owners)]
    achieved = updates.dropna(subset=["achieved_value"]) if len(updates) else updates
    if len(achieved):
        achieved = achieved[achieved["figure_id"] != ""]
        achieved = achieved.sort_values(["month", "update_id"]).groupby("figure_id").tail(1)
    latest = achieved.set_index("figure_id") if len(achieved) else pd.DataFrame()
    rows = []
    for figure in targets.itertuples(index=False):
        row = {
            "figure_id": figure.figure_id,
            "task_id": owners[figure.figure_id],
            "indicator": figure.indicator,
            "target": figure.amount or format_quantity(figure.value, figure.unit, figure.qualifier),
            "target_value": figure.value,
            "unit": figure.unit,
            "qualifier": figure.qualifier,
            "achieved_value": None,
            "achieved": "",
            "month": "",
            "quote": "",
            "share": 0.0,
            "met": False,
        }
        if figure.figure_id in latest.index:
            hit = latest.loc[figure.figure_id]
            value = float(hit["achieved_value"])
            exact = "growth" if figure.qualifier.startswith("growth") else "exact"
            row |= {
                "achieved_value": value,
                "achieved": format_quantity(value, figure.unit, exact),
                "month": hit["month"],
                "quote": hit["quote"],
                "share": min(value / figure.value, 1.0) if figure.value else 1.0,
                "met": is_met(figure.qualifier, figure.value, value),
            }
        rows.append(row)
    return pd.DataFrame(rows)
