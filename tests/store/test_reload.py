"""After an edit the dataset is reloaded row by row (store/reload.py): the result is exactly what
a full load returns, bad rows fail the same way, and anything but a row write reloads it all."""

from __future__ import annotations

import random

import pandas as pd
import pytest
import sqlalchemy as sa

from metrics.validate import DataError
from store import reload, schema
from store.audit import write_audit
from store.db import load_store, read_table
from store.edit import StoreError, create_row, get_row, update_row


def assert_same(left, right) -> None:
    """Two datasets hold the same frames (values, dtypes, index, order) and texts."""
    for name in ("sources", "figures", "links", "tasks", "places"):
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name), check_exact=True)
        assert type(getattr(left, name).index) is type(getattr(right, name).index), name
    assert left.texts == right.texts


@pytest.fixture
def no_full_load(monkeypatch):
    """Make a full reload fail, to prove a refresh went row by row."""

    def refuse(_engine):
        raise AssertionError("full reload")

    return lambda: monkeypatch.setattr(reload, "snapshot", refuse)


def _update(engine, table: str, key: str, changes: dict) -> None:
    update_row(engine, table, key, get_row(engine, table, key)["version"], changes, "甲", "核对")


def test_edits_to_figures_links_and_tasks_reload_only_those_rows(engine, no_full_load):
    before = reload.snapshot(engine)
    figure = get_row(engine, "figures", "wuhai-08")
    _update(engine, "figures", "wuhai-08", {"indicator": "改过的指标名"})
    targets = set("、".join(before.data.tasks["targets"]).split("、"))
    spare = next(f for f in before.data.figures["figure_id"] if f not in targets | {"wuhai-08"})
    _update(engine, "figures", spare, {"duplicate_of": "wuhai-08"})  # no longer counted
    link = before.data.links.iloc[3]
    status = "planned" if link["status"] == "achieved" else "achieved"
    _update(engine, "links", link["link_id"], {"status": status})
    task_id = before.data.tasks["task_id"].iloc[0]
    _update(engine, "tasks", task_id, {"responsible": "某某局"})
    new = {k: v for k, v in figure.items() if k not in ("version", "seq")}
    create_row(engine, "figures", {**new, "figure_id": "wuhai-new"}, "甲", "新增")
    no_full_load()
    after = reload.refresh(engine, before)
    assert_same(after.data, load_store(engine))
    figures = after.data.figures.set_index("figure_id")
    assert figures.loc["wuhai-08", "indicator"] == "改过的指标名"
    assert spare not in figures.index and "wuhai-new" in figures.index
    assert after.revision > before.revision


def test_nothing_changed_and_task_updates_reuse_the_dataset(engine, no_full_load):
    before = reload.snapshot(engine)
    no_full_load()
    same = reload.refresh(engine, before)
    assert same.data.figures is not None
    assert_same(same.data, before.data)


def test_a_bad_row_written_behind_the_stores_back_fails_like_a_full_load(engine):
    before = reload.snapshot(engine)
    with engine.begin() as connection:
        table = schema.figures
        connection.execute(
            table.update().where(table.c.figure_id == "wuhai-08").values(value=123456.0)
        )
        write_audit(connection, "甲", "update", "figures", "wuhai-08", None, None, "直接改库")
    with pytest.raises(DataError) as full:
        load_store(engine)
    with pytest.raises(DataError) as incremental:
        reload.refresh(engine, before)
    assert str(incremental.value) == str(full.value)
    assert "wuhai-08" in str(full.value)


def test_a_change_to_sources_reloads_everything(engine, monkeypatch):
    before = reload.snapshot(engine)
    source_id = before.data.sources["source_id"].iloc[0]
    with engine.begin() as connection:  # sources change by import or migration, not the editor
        table = schema.sources
        connection.execute(
            table.update().where(table.c.source_id == source_id).values(title="改过的标题")
        )
        write_audit(connection, "甲", "import", "sources", source_id, None, None, "导入")
    loads = []
    full = reload.snapshot
    monkeypatch.setattr(reload, "snapshot", lambda e: loads.append(1) or full(e))
    after = reload.refresh(engine, before)
    assert loads == [1]
    assert after.data.sources.set_index("source_id").loc[source_id, "title"] == "改过的标题"
    assert_same(after.data, load_store(engine))


def test_read_in_chunks_of_at_most_500_ids(engine):
    with engine.connect() as connection:
        ids = set(pd.read_sql(sa.select(schema.links.c.link_id), connection)["link_id"])
        rows = reload._read_rows(connection, "links", ids)
    assert set(rows["link_id"]) == ids


def _write_behind(engine, figure_id: str, **values) -> None:
    """Change a figure row directly in the database, with its audit row (as a bad import would)."""
    with engine.begin() as connection:
        table = schema.figures
        connection.execute(table.update().where(table.c.figure_id == figure_id).values(**values))
        write_audit(connection, "甲", "update", "figures", figure_id, None, None, "直接改库")


def _fails_like_a_full_load(engine, before) -> str:
    with pytest.raises(DataError) as full:
        load_store(engine)
    with pytest.raises(DataError) as incremental:
        reload.refresh(engine, before)
    assert str(incremental.value) == str(full.value)
    return str(full.value)


def test_a_repeat_of_a_figure_that_does_not_exist_fails_like_a_full_load(engine):
    before = reload.snapshot(engine)
    _write_behind(engine, "wuhai-08", duplicate_of="wuhai-nope")
    assert "wuhai-nope" in _fails_like_a_full_load(engine, before)


def test_a_task_target_marked_as_a_repeat_fails_like_a_full_load(engine):
    before = reload.snapshot(engine)
    tasks = before.data.tasks
    target = next(t for t in "、".join(tasks["targets"]).split("、") if t)
    other = next(f for f in before.data.figures["figure_id"] if f != target)
    _write_behind(engine, target, duplicate_of=other)  # no longer counted: the task names nothing
    assert target in _fails_like_a_full_load(engine, before)


def test_a_whole_of_another_kind_than_its_part_fails_like_a_full_load(engine):
    before = reload.snapshot(engine)
    part = before.data.figures.set_index("figure_id").loc["wuhai-12"]
    kind = "target" if part["kind"] == "achievement" else "achievement"
    _write_behind(engine, part["part_of"], kind=kind)  # wuhai-12 is part of it: same kind no more
    assert "wuhai-12" in _fails_like_a_full_load(engine, before)


def test_a_repeat_marked_on_a_described_figure_fails_like_a_full_load(engine):
    before = reload.snapshot(engine)
    described = before.data.figures.set_index("figure_id").loc["ordos-01", "describes"]
    other = next(f for f in before.data.figures["figure_id"] if f not in {described, "ordos-01"})
    _write_behind(engine, described, duplicate_of=other)  # no longer counted: ordos-01 names it
    assert "ordos-01" in _fails_like_a_full_load(engine, before)


def _fixed_figures(figures: pd.DataFrame, tasks: pd.DataFrame) -> list[str]:
    """Figures no task targets and no relation names or starts from: free to mark as repeats."""
    named = set("、".join(tasks["targets"]).split("、")) | set(figures["part_of"])
    named |= set(figures["describes"])
    relating = figures.loc[(figures["part_of"] != "") | (figures["describes"] != ""), "figure_id"]
    return [f for f in figures["figure_id"] if f not in named | set(relating)]


def test_a_run_of_edits_reloads_after_each_to_what_a_full_load_returns(engine, no_full_load):
    snap = reload.snapshot(engine)
    free = _fixed_figures(snap.data.figures, snap.data.tasks)
    links = list(snap.data.links["link_id"])
    rng = random.Random(16)
    marked: list[str] = []
    no_full_load()
    for step in range(14):  # ends with one figure marked as a repeat
        figure_id = rng.choice([f for f in free if f not in marked])
        if step % 4 == 0:
            _update(engine, "figures", figure_id, {"note": f"核对{step}"})
        elif step % 4 == 1:  # a repeat: stored, no longer counted
            other = rng.choice([f for f in free if f != figure_id])
            _update(engine, "figures", figure_id, {"duplicate_of": other})
            marked.append(figure_id)
        elif step % 4 == 2:  # counted again
            _update(engine, "figures", marked.pop(0), {"duplicate_of": ""})
        else:
            row = get_row(engine, "figures", figure_id)
            new = {k: v for k, v in row.items() if k not in ("version", "seq")}
            create_row(engine, "figures", {**new, "figure_id": f"new-{step}"}, "甲", "新增")
            _update(engine, "links", rng.choice(links), {"note": f"核对{step}"})
        snap = reload.refresh(engine, snap)
        assert_same(snap.data, load_store(engine))
        with engine.connect() as connection:  # the rows as read, kept for the next refresh
            for name in reload.ROW_TABLES:
                stored = read_table(connection, schema.CURATED[name])
                pd.testing.assert_frame_equal(snap.frames[name], stored, check_exact=True)
    assert marked and len(snap.data.figures) == len(snap.frames["figures"]) - len(marked)


def test_an_edit_saved_in_this_process_leaves_the_dataset_it_checked(engine, monkeypatch):
    """The next viewer reads no rows again: the save validated them (under the write lock, so
    the checked dataset is the committed one)."""
    before = reload.snapshot(engine)
    _update(engine, "figures", "wuhai-08", {"indicator": "改过的指标名"})
    kept = reload.latest(engine)
    assert kept.revision > before.revision
    monkeypatch.setattr(reload, "_read_rows", lambda *_: pytest.fail("rows read again"))
    monkeypatch.setattr(reload, "snapshot", lambda _: pytest.fail("full reload"))
    after = reload.refresh(engine, reload.latest(engine))
    assert_same(after.data, load_store(engine))
    assert after.data.figures.set_index("figure_id").loc["wuhai-08", "indicator"] == "改过的指标名"


def test_a_refused_edit_leaves_the_newest_snapshot_as_it_was(engine):
    before = reload.snapshot(engine)
    row = get_row(engine, "figures", "ordos-03")  # a task's target: not a repeat
    with pytest.raises(StoreError):
        update_row(
            engine, "figures", "ordos-03", row["version"], {"duplicate_of": "ordos-04"}, "甲"
        )
    assert reload.latest(engine) is before
    assert_same(reload.refresh(engine, before).data, load_store(engine))
