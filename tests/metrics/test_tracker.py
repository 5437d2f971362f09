"""Tracker logic: latest status per task, late and not-reported flags, unit load, reach, counts."""

import pandas as pd
import pytest

from metrics.filters import Filters
from metrics.load import load_dataset
from metrics.paths import DATA_DIR
from metrics.tracker import (
    by_section,
    filter_tasks,
    status_counts,
    task_history,
    task_status,
    tasks_of_unit,
    tasks_reached,
    unit_load,
    unit_table,
)
from store.tracker import UPDATE_COLUMNS

DATA = load_dataset(DATA_DIR)


def updates(*rows) -> pd.DataFrame:
    base = {"note": "", "figure_id": "", "achieved_value": None, "quote": "", "source_id": ""}
    frame = pd.DataFrame(
        [base | {"update_id": i, "author": "王", "created_at": ""} | r for i, r in enumerate(rows)]
    )
    return frame.reindex(columns=UPDATE_COLUMNS)


def test_the_latest_month_wins_and_unreported_tasks_are_flagged():
    status = task_status(
        DATA.tasks,
        updates(
            {"task_id": "1.3", "month": "2026-11", "status": "滞后"},
            {"task_id": "1.3", "month": "2026-10", "status": "推进中"},  # reported later, older
            {"task_id": "2.1", "month": "2026-10", "status": "已完成"},
        ),
        "2026-11",
    ).set_index("task_id")
    assert status.loc["1.3", "status"] == "滞后" and status.loc["1.3", "late"]
    assert not status.loc["1.3", "stale"]
    assert status.loc["2.1", "status"] == "已完成" and not status.loc["2.1", "stale"]
    assert status.loc["1.1", "status"] == "未报送" and status.loc["1.1", "stale"]


def test_units_carry_their_tasks_and_late_counts():
    status = task_status(
        DATA.tasks, updates({"task_id": "3.5", "month": "2026-11", "status": "滞后"}), "2026-11"
    )
    load = unit_load(status).set_index("unit")
    responsible = DATA.tasks.set_index("task_id").loc["3.5", "responsible"]
    first_unit = responsible.split("、")[0]
    assert load.loc[first_unit, "late"] == 1
    assert load.iloc[0]["late"] == 1  # late units first
    assert "3.5" in set(tasks_of_unit(status, first_unit)["task_id"])
    assert load["tasks"].sum() >= len(DATA.tasks)


@pytest.mark.parametrize(
    ("filters", "expected", "blind"),
    [
        (Filters(field=("医疗",)), {"1.3", "3.5"}, []),
        (Filters(partner=("北京市",)), {"3.1", "3.2", "3.3", "3.4", "3.5", "4.2"}, []),
        (Filters(place=("鄂尔多斯市",)), None, []),  # the plan is 鄂尔多斯市's: every task
        (Filters(kind=("achievement",)), None, ["kind"]),
        (Filters(field=("医疗",), place=("乌海市",)), set(), []),
    ],
)
def test_filters_reach_the_tasks_they_say_something_about(filters, expected, blind):
    reached, not_applied = tasks_reached(DATA, filters)
    assert set(reached["task_id"]) == (
        expected if expected is not None else set(DATA.tasks["task_id"])
    )
    assert not_applied == blind


def _status() -> pd.DataFrame:
    return task_status(
        DATA.tasks,
        updates(
            {"task_id": "1.3", "month": "2026-11", "status": "滞后"},
            {"task_id": "2.1", "month": "2026-11", "status": "已完成"},
            {"task_id": "3.5", "month": "2026-10", "status": "推进中"},
        ),
        "2026-11",
    )


def test_the_page_counts_add_up_to_what_the_status_says():
    counts = status_counts(_status())
    assert counts == {
        "total": len(DATA.tasks),
        "done": 1,
        "doing": 1,
        "late": 1,
        "stale": len(DATA.tasks) - 2,  # 1.3 reported this month, 2.1 is done
    }
    assert status_counts(_status().iloc[:0]) == dict.fromkeys(counts, 0)


def test_filters_narrow_by_section_unit_and_status_and_none_keeps_all():
    status = _status()
    assert filter_tasks(status, "", "", []) is status
    late = filter_tasks(status, "", "", ["滞后"])
    assert list(late["task_id"]) == ["1.3"]
    section = status.set_index("task_id").loc["3.5", "section"]
    in_section = filter_tasks(status, section, "", [])
    assert set(in_section["section"]) == {section} and "3.5" in set(in_section["task_id"])
    unit = DATA.tasks.set_index("task_id").loc["3.5", "responsible"].split("、")[0]
    both = filter_tasks(status, section, unit, ["推进中"])
    assert list(both["task_id"]) == ["3.5"]


def test_sections_come_in_plan_order_with_their_number():
    sections = by_section(_status())
    assert [n for n, _, _ in sections] == list(dict.fromkeys(DATA.tasks["section_no"].astype(str)))
    assert sum(len(rows) for _, _, rows in sections) == len(DATA.tasks)


def test_no_task_gives_an_empty_unit_table_with_a_unit_column():
    assert list(unit_table(_status().iloc[:0]).columns) == ["unit"]
    assert unit_table(_status()).equals(unit_load(_status()))


def test_history_is_newest_first_with_the_value_as_text():
    frame = updates(
        {"task_id": "1.3", "month": "2026-10", "status": "推进中"},
        {"task_id": "1.3", "month": "2026-11", "status": "滞后", "achieved_value": 2.0},
        {"task_id": "2.1", "month": "2026-11", "status": "已完成"},
    )
    history = task_history(frame, "1.3")
    assert list(history["month"]) == ["2026-11", "2026-10"]
    assert list(history["achieved"]) == ["2", ""]
    assert task_history(frame, "9.9").empty
