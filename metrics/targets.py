"""The action plan's targets: which figures each task names, what meeting one takes, and the
progress reported against it (已达成 / 未达成 / 未报送)."""

from __future__ import annotations

import pandas as pd

from metrics.display import described_label, figure_label, figure_labels, is_describing
from metrics.quantity import format_quantity
from metrics.tracker import NO_UPDATE

NOT_REPORTED, MET, NOT_MET = NO_UPDATE, "已达成", "未达成"


def is_met(qualifier: str, target: float, achieved: float) -> bool:
    """Whether `achieved` meets a target: 余/超 must exceed it, 近/约 reach 95%, the rest reach it."""
    if qualifier == "more_than":
        return achieved > target
    if qualifier == "about":
        return achieved >= 0.95 * target
    return achieved >= target


def threshold(qualifier: str, label: str) -> str:
    """What meeting a target takes, as a reader checks it: '≥ 2个', '> 10余家', '≥ 95% × 近百家'."""
    if qualifier == "more_than":
        return f"> {label}"
    if qualifier == "about":
        return f"≥ 95% × {label}"
    return f"≥ {label}"


def covering_quote(text: str, quotes: list[str]) -> str:
    """The shortest span of `text` holding every quote if they overlap or touch, else the first."""
    spans = sorted((text.find(q), text.find(q) + len(q)) for q in quotes if q in text)
    if not spans:
        return quotes[0]
    start, end = spans[0]
    for left, right in spans[1:]:
        if left > end:
            return quotes[0]
        end = max(end, right)
    return text[start:end]


def target_groups(figures: pd.DataFrame, tasks: pd.DataFrame) -> pd.DataFrame:
    """One row per plan target: its counted figure with the figures describing its items folded in."""
    owners = {
        figure_id: task_id
        for task_id, targets in zip(tasks["task_id"], tasks["targets"], strict=True)
        for figure_id in targets.split("、")
        if figure_id
    }
    named = figures[figures["figure_id"].isin(owners)]
    named = named.assign(label=figure_labels(named))
    describes = named["describes"] if "describes" in named else pd.Series("", index=named.index)
    heads = named[~is_describing(named)]
    rows = []
    for head in heads.itertuples(index=False):
        members = named[describes == head.figure_id]
        label = described_label(head.label, list(members["label"]))
        rows.append(
            {
                "figure_id": head.figure_id,
                "task_id": owners[head.figure_id],
                "members": [head.figure_id, *members["figure_id"]],
                "indicator": head.indicator,
                "target": label,
                "value": head.value,
                "unit": head.unit,
                "qualifier": head.qualifier,
                # what a reported value is compared with: the plan's own phrase when exact (千名)
                "floor": figure_label(head.value, head.unit, "exact", head.amount)
                if head.qualifier == "exact"
                else format_quantity(head.value, head.unit, "exact"),
                "source_id": head.source_id,
                "quotes": [*members["quote"], head.quote],
            }
        )
    return pd.DataFrame(rows)


def _latest_values(updates: pd.DataFrame) -> pd.DataFrame:
    """The latest reported achieved value per figure (figure_id index)."""
    if updates.empty:
        return pd.DataFrame(columns=["achieved_value", "month", "quote"])
    reported = updates.dropna(subset=["achieved_value"])
    reported = reported[reported["figure_id"] != ""]
    latest = reported.sort_values(["month", "update_id"]).groupby("figure_id").tail(1)
    return latest.set_index("figure_id")


def target_progress(
    figures: pd.DataFrame,
    tasks: pd.DataFrame,
    updates: pd.DataFrame,
    texts: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Per plan target: the rule, the plan phrase and, once reported, value, share and 已达成/未达成."""
    groups = target_groups(figures, tasks)
    if groups.empty:
        return pd.DataFrame()
    latest = _latest_values(updates)
    rows = []
    for group in groups.itertuples(index=False):
        text = (texts or {}).get(group.source_id, "")
        row = {
            "figure_id": group.figure_id,
            "task_id": group.task_id,
            "indicator": group.indicator,
            "target": group.target,
            "plan_quote": covering_quote(text, list(group.quotes)),
            "source_id": group.source_id,
            "rule": threshold(group.qualifier, group.floor),
            "achieved": "",
            "month": "",
            "quote": "",
            "share": None,
            "result": NOT_REPORTED,
        }
        if group.figure_id in latest.index:
            hit = latest.loc[group.figure_id]
            value = float(hit["achieved_value"])
            exact = "growth" if group.qualifier.startswith("growth") else "exact"
            met = is_met(group.qualifier, group.value, value)
            row |= {
                "achieved": format_quantity(value, group.unit, exact),
                "month": hit["month"],
                "quote": hit["quote"],
                "share": min(value / group.value, 1.0) if group.value else 1.0,
                "result": MET if met else NOT_MET,
            }
        rows.append(row)
    return pd.DataFrame(rows)


def target_ids(progress: pd.DataFrame, task_id: str) -> list[str]:
    """The figure ids of a task's targets, as the plan states them."""
    return list(progress[progress["task_id"] == task_id]["figure_id"]) if len(progress) else []


def progress_of(progress: pd.DataFrame, task_ids: pd.Series) -> pd.DataFrame:
    """Target progress rows of the given tasks only."""
    return progress if progress.empty else progress[progress["task_id"].isin(task_ids)]
