"""行动方案's cached views (task status, sections, 调度表 rows, history, target progress), per
data revision like the rest of ui/cache: each is an `@cache.view`, so clear_views drops it too."""

from __future__ import annotations

import pandas as pd

from metrics.citation import sources_behind
from metrics.filters import Filters
from metrics.tables import task_table
from metrics.targets import target_progress as compute_target_progress
from metrics.tracker import by_section, filter_tasks, task_history, unit_table
from metrics.tracker import task_status as compute_task_status
from metrics.tracker import tasks_reached as compute_tasks_reached
from metrics.tracker import unit_load as compute_unit_load
from ui import loaders
from ui.cache import view


@view(max_entries=4)
def task_status(data_key: str, month: str) -> pd.DataFrame:
    """Every task with its latest status and the late / not-reported flags for `month`."""
    tasks = loaders.dataset_at(data_key).tasks
    return compute_task_status(tasks, loaders.updates_at(data_key), month)


@view(max_entries=32)
def tracker_status(
    data_key: str, month: str, filters: Filters
) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    """行动方案 under the filters: the tasks they reach with their status for `month`, the active
    filters that cannot apply to tasks, and the units carrying those tasks (unit_table)."""
    reached, blind = tasks_reached(data_key, filters)
    status = task_status(data_key, month)
    status = status[status["task_id"].isin(reached["task_id"])]
    return status, blind, unit_table(status)


@view(max_entries=64)
def tracker_sections(
    data_key: str, month: str, filters: Filters, section: str, unit: str, statuses: tuple
) -> tuple[pd.DataFrame, list[tuple[str, str, pd.DataFrame]]]:
    """The tasks 行动方案 shows under its own section / unit / status pickers, and the same
    tasks per section (by_section)."""
    status = tracker_status(data_key, month, filters)[0]
    shown = filter_tasks(status, section, unit, list(statuses))
    return shown, by_section(shown)


@view(max_entries=32)
def schedule_rows(data_key: str, month: str, unit: str) -> pd.DataFrame:
    """The monthly 调度表's rows for `unit` (metrics.schedule.schedule_rows)."""
    from metrics.schedule import schedule_rows as compute  # the xlsx writer's module

    data = loaders.dataset_at(data_key)
    return compute(data.tasks, loaders.updates_at(data_key), data.figures, month, unit)


@view(max_entries=32)
def tracker_sources(data_key: str, month: str, filters: Filters) -> pd.DataFrame:
    """The sources behind 行动方案 under the filters: its tasks' plan and the status updates."""
    status = tracker_status(data_key, month, filters)[0]
    behind = pd.concat([status[["source_id"]], loaders.updates_at(data_key)[["source_id"]]])
    return sources_behind(behind, loaders.dataset_at(data_key).sources)


@view(max_entries=64)
def history_of(data_key: str, task_id: str) -> pd.DataFrame:
    """A task's status updates, newest first (metrics.tracker.task_history)."""
    return task_history(loaders.updates_at(data_key), task_id)


@view(max_entries=4)
def target_progress(data_key: str) -> pd.DataFrame:
    """Every plan target with its progress against the reported values."""
    data = loaders.dataset_at(data_key)
    updates = loaders.updates_at(data_key)
    return compute_target_progress(data.figures, data.tasks, updates, data.texts)


@view(max_entries=32)
def tasks_reached(data_key: str, filters: Filters) -> tuple[pd.DataFrame, list[str]]:
    """The tasks the filters reach, and the active filters that cannot apply to tasks."""
    return compute_tasks_reached(loaders.dataset_at(data_key), filters)


@view(max_entries=4)
def task_rows(data_key: str) -> pd.DataFrame:
    """task_table of every task (targets written out)."""
    data = loaders.dataset_at(data_key)
    return task_table(data.tasks, data.figures)


@view(max_entries=4)
def unit_load(data_key: str, month: str) -> pd.DataFrame:
    """Tasks per responsible unit with their status counts for `month`."""
    return compute_unit_load(task_status(data_key, month))
