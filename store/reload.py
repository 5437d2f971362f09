"""The dataset after a committed change: re-read and re-validate only the rows that changed.

A full load (`load_store`) reads and validates every row: 2.5-4 s for the 100k-figure region set.
After an edit, the audit log names the rows written since the last revision; `refresh` reads just
those, validates them with the same functions as a full load (amount ↔ value, vocabularies,
quotes verbatim in their source, places known, a repeat names a stored figure), re-checks what
the change can affect across rows (part_of/describes of the changed figures and of those naming
them; the targets of changed tasks and of tasks naming a figure that is no longer counted), and
pieces the new tables together from slices of the last ones: the unchanged rows are neither
validated nor copied again (an edit: ~45 ms of CPU at region scale).

Validation stays the same as a full load because every row check depends only on the row, the
source texts and the places (and the cross-row checks above), and a change to sources or places
(or anything but a row created or updated in figures, links or tasks) falls back to a full load.
tests/store/test_reload.py compares every refresh with a full load.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import sqlalchemy as sa

from metrics.load import Dataset
from metrics.validate import (
    check_places,
    check_quotes,
    check_relations,
    check_tasks,
    validate_figures,
    validate_links,
    validate_tasks,
)
from store import schema
from store.db import read_table
from store.frames import TABLE_NAMES, check_duplicates, validate_frames
from store.splice import Change, compacted, splice, splice_sorted

ROW_TABLES = ("figures", "links", "tasks")  # tables whose single-row changes are reloaded alone
ROW_ACTIONS = {"create", "update", "import"}  # audit actions that write one named row
OUTSIDE_DATASET = {"task_updates", "users"}  # tables the dataset does not hold


@dataclass(frozen=True)
class Snapshot:
    """The dataset at one audit revision, with the row tables as read (every row, store order)."""

    revision: int
    frames: dict[str, pd.DataFrame]
    data: Dataset


def _revision(connection: sa.Connection) -> int:
    return connection.execute(sa.select(sa.func.max(schema.audit.c.id))).scalar() or 0


def snapshot(engine: sa.Engine) -> Snapshot:
    """Read and validate everything (one read transaction: the revision matches the rows)."""
    with engine.connect() as connection:
        revision = _revision(connection)
        frames = {name: read_table(connection, table) for name, table in schema.CURATED.items()}
    read = Snapshot(revision, {n: frames[n] for n in ROW_TABLES}, validate_frames(frames))
    keep(engine, read)
    return read


def changed_rows(connection: sa.Connection, since: int, until: int) -> dict[str, set[str]] | None:
    """Row ids per table written after revision `since` up to `until`; None when a change is
    not a single-row write to figures, links or tasks (then only a full load is safe)."""
    audit = schema.audit
    query = sa.select(audit.c.table_name, audit.c.row_id, audit.c.action).where(
        audit.c.id > since, audit.c.id <= until
    )
    changed: dict[str, set[str]] = {}
    for table, row_id, action in connection.execute(query):
        if table in OUTSIDE_DATASET:
            continue
        if table not in ROW_TABLES or action not in ROW_ACTIONS or row_id in ("", "*"):
            return None
        changed.setdefault(table, set()).add(row_id)
    return changed


def _read_rows(connection: sa.Connection, name: str, ids: set[str]) -> pd.DataFrame:
    table = schema.CURATED[name]
    key = table.c[schema.KEYS[name]]
    rows = []
    for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        chunk = sorted(ids)[start : start + 500]
        rows.append(pd.read_sql(sa.select(table).where(key.in_(chunk)), connection))
    return pd.concat(rows, ignore_index=True)


def _swap(
    previous: pd.DataFrame, drop_labels: np.ndarray, rows: pd.DataFrame, index: pd.Index
) -> pd.DataFrame:
    """The validated table `previous` with the rows labelled `drop_labels` out and the validated
    `rows` in, indexed like a full load (`index`: the store positions it keeps)."""
    drop = np.searchsorted(previous.index.to_numpy(), drop_labels)
    return compacted(splice_sorted(previous, drop, rows).set_axis(index))


def _check_duplicates_of(figures: pd.DataFrame, rows: pd.DataFrame) -> None:
    """check_duplicates for the changed `rows`: every other row passed it at the last revision
    and no row went away since (that takes a full load), so only these can name a missing
    figure. Looks up the ids they name, not the whole table (100k figures: 2 s)."""
    named = set(rows["duplicate_of"]) - {""}
    stored = figures["figure_id"].iloc[np.flatnonzero(figures["figure_id"].isin(named))]
    targets = pd.DataFrame({"figure_id": stored.tolist(), "duplicate_of": ""}, dtype=str)
    check_duplicates(pd.concat([rows.sort_index()[["figure_id", "duplicate_of"]], targets]))


@dataclass(frozen=True)
class _Figures:
    """The counted figures after a change, and which changed ones left or joined them."""

    table: pd.DataFrame
    changed: pd.DataFrame  # the changed figures that are counted now, validated
    left: set[str]  # counted before, not now (marked as a repeat)


def _figures(previous: Snapshot, raw: pd.DataFrame, change: Change) -> _Figures:
    """The counted figures (a repeat of another report's figure is stored, never counted)."""
    name = TABLE_NAMES["figures"]
    _check_duplicates_of(raw, change.rows)
    before = previous.frames["figures"][["figure_id", "duplicate_of"]].iloc[change.updated]
    was = before.loc[before["duplicate_of"] == ""]
    counted = change.rows[change.rows["duplicate_of"] == ""]
    rows = validate_figures(counted, name)
    counts = (raw["duplicate_of"] == "").to_numpy()
    index = raw.index if counts.all() else raw.index[counts]  # as a full load's mask gives it
    table = _swap(previous.data.figures, was.index.to_numpy(), rows, index)
    return _Figures(table, rows, set(was["figure_id"]) - set(counted["figure_id"]))


def _relations_of(figures: pd.DataFrame, ids: set[str]) -> set[str]:
    """The figures whose part_of/describes can have changed meaning: `ids`, and those naming them."""
    naming = figures["part_of"].isin(ids) | figures["describes"].isin(ids)
    return ids | set(figures.loc[naming.to_numpy(), "figure_id"])


def _check_tasks_of(data: Dataset, tasks: pd.DataFrame, ids: set[str], left: set[str]) -> None:
    """check_tasks for the tasks that changed (`ids`) and those naming a figure that is no
    longer counted (`left`): every other task passed it and a new figure cannot break one."""
    affected = tasks["task_id"].isin(ids).to_numpy().copy()
    if left:
        names = tasks["targets"].str.split("、").map(lambda named: not left.isdisjoint(named))
        affected |= names.to_numpy(dtype=bool)
    if not affected.any():
        return
    checked = tasks[affected]
    named = set("、".join(checked["targets"]).split("、")) - {""}
    figure_ids = data.figures["figure_id"]
    known = set(figure_ids[figure_ids.isin(named).to_numpy()])
    check_tasks(checked, data.texts, known, TABLE_NAMES["tasks"])


def _apply(
    previous: Snapshot, frames: dict[str, pd.DataFrame], changes: dict[str, Change]
) -> Dataset:
    """The dataset of `previous` with the changed rows validated and swapped in: each table's
    own checks first, then those across tables, in the order of a full load."""
    data = previous.data
    figures = _Figures(data.figures, data.figures.iloc[:0], set())
    if "figures" in changes:
        figures = _figures(previous, frames["figures"], changes["figures"])
    tables = {"figures": figures.table, "links": data.links, "tasks": data.tasks}
    changed = {}
    for name, validate in (("links", validate_links), ("tasks", validate_tasks)):
        if name in changes:
            rows = validate(changes[name].rows, TABLE_NAMES[name])
            tables[name] = _swap(tables[name], changes[name].updated, rows, frames[name].index)
            changed[name] = rows
    new = replace(data, **tables)
    _cross_check(new, figures, changed.get("links"))
    task_ids = set(changed["tasks"]["task_id"]) if "tasks" in changed else set()
    _check_tasks_of(new, new.tasks, task_ids, figures.left)
    return new


def _cross_check(data: Dataset, figures: _Figures, links: pd.DataFrame | None) -> None:
    """Quotes, relations and places of the changed rows (cross_check's order)."""
    name = TABLE_NAMES["figures"]
    check_quotes(figures.changed, "figure_id", data.texts, name)
    touched = set(figures.changed["figure_id"]) | figures.left
    if touched:
        check_relations(data.figures, name, only=_relations_of(data.figures, touched))
    if links is not None:
        check_quotes(links, "link_id", data.texts, TABLE_NAMES["links"])
    check_places(figures.changed, "figure_id", ["place", "partner"], data.places, name)
    if links is not None:
        check_places(links, "link_id", ["from_name", "to_name"], data.places, TABLE_NAMES["links"])


# The newest snapshot of each engine's store in this process: the next refresh and the check
# before a write start from it; a write that passed its check leaves the dataset it checked.
_LATEST: weakref.WeakKeyDictionary[sa.Engine, Snapshot] = weakref.WeakKeyDictionary()


def latest(engine: sa.Engine) -> Snapshot | None:
    """The newest snapshot of `engine`'s store read (or written) in this process, or None."""
    return _LATEST.get(engine)


def keep(engine: sa.Engine, read: Snapshot) -> None:
    """Remember `read` as the newest snapshot of `engine`'s store unless a newer one is."""
    held = _LATEST.get(engine)
    if held is None or held.revision < read.revision:
        _LATEST[engine] = read


def refresh(engine: sa.Engine, previous: Snapshot | None) -> Snapshot:
    """The dataset as it is now: from `previous` and the rows changed since, or a full load."""
    fresh = None
    if previous is not None:
        with engine.connect() as connection:
            fresh = refreshed_on(connection, previous)
    fresh = fresh or snapshot(engine)
    keep(engine, fresh)
    return fresh


def refreshed_on(connection: sa.Connection, previous: Snapshot) -> Snapshot | None:
    """The dataset as `connection` sees it, from `previous` and the rows changed since; None
    when only a full load can tell (raises DataError when it does not load)."""
    revision = _revision(connection)
    changed = changed_rows(connection, previous.revision, revision)
    if changed is None:
        return None
    rows = {name: _read_rows(connection, name, ids) for name, ids in changed.items()}
    frames, changes = dict(previous.frames), {}
    for name, table_rows in rows.items():
        if len(table_rows) != len(changed[name]):  # a row went away: only a full read is right
            return None
        spliced = splice(frames[name], table_rows, schema.KEYS[name])
        if spliced is None:
            return None
        frames[name], changes[name] = spliced
    return Snapshot(revision, frames, _apply(previous, frames, changes))


def check_written(engine: sa.Engine, connection: sa.Connection) -> Snapshot | None:
    """The dataset as a write's `connection` sees it, checked from the newest snapshot of
    `engine`'s store (raises DataError like a full load); None when there is none or only a
    full load can tell. A region-scale edit: ~0.05 s, not a 2.5 s full load."""
    previous = _LATEST.get(engine)
    return refreshed_on(connection, previous) if previous is not None else None


def updates_written(engine: sa.Engine, since: int) -> tuple[int, bool]:
    """The revision now, and whether task status updates were added after revision `since`."""
    audit = schema.audit
    with engine.connect() as connection:
        revision = _revision(connection)
        written = connection.execute(
            sa.select(sa.func.count())
            .select_from(audit)
            .where(audit.c.id > since, audit.c.table_name == "task_updates")
        ).scalar()
    return revision, bool(written)
