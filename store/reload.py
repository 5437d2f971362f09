"""The dataset after a committed change: re-read and re-validate only the rows that changed.

A full load (`load_store`) reads and validates every row: 3.8 s for the 100k-figure region set.
After an edit, the audit log names the rows written since the last revision; `refresh` reads just
those, validates them with the same functions as a full load (amount ↔ value, vocabularies,
quotes verbatim in their source, places known, a repeat names a stored figure), re-runs the
checks that span a whole table (unique ids; task targets when a task changed or the counted
figures gained or lost one) and reuses every other validated row as it was.

Validation stays the same as a full load because every row check depends only on the row, the
source texts and the places, and a change to sources or places (or anything but a row created
or updated in figures, links or tasks) falls back to a full load.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import sqlalchemy as sa

from metrics.load import Dataset
from metrics.validate import (
    check_places,
    check_quotes,
    check_tasks,
    check_unique,
    validate_figures,
    validate_links,
    validate_tasks,
)
from store import schema
from store.db import read_table
from store.frames import TABLE_NAMES, check_duplicates, validate_frames

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
    return Snapshot(revision, {n: frames[n] for n in ROW_TABLES}, validate_frames(frames))


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


def _positions(keys: pd.Series, wanted: pd.Series) -> np.ndarray:
    """The position of each `wanted` key among the unique `keys`, -1 when absent (without
    hashing every key into an index: 100k figures)."""
    hits = np.flatnonzero(keys.isin(wanted).to_numpy())
    where = dict(zip(keys.to_numpy()[hits].tolist(), hits.tolist(), strict=True))
    return np.array([where.get(k, -1) for k in wanted.tolist()], dtype=np.int64)


def splice(frame: pd.DataFrame, rows: pd.DataFrame, key: str) -> pd.DataFrame | None:
    """`frame` (store order, index 0..n-1) with `rows` in place of the rows of the same key and
    new rows after them in store order (seq, key): what a full read returns. None when a new
    row would not come last (only a full read knows its place)."""
    rows = rows.astype(frame.dtypes.to_dict())[list(frame.columns)]
    positions = _positions(frame[key], rows[key])
    updated, created = rows[positions >= 0], rows[positions < 0]
    if len(created) and created["seq"].min() <= frame["seq"].max():
        return None
    updated = updated.set_axis(positions[positions >= 0])
    created = created.sort_values(["seq", key]).set_axis(
        range(len(frame), len(frame) + len(created))
    )
    keep = np.ones(len(frame), dtype=bool)
    keep[updated.index] = False
    kept = frame[keep]  # a mask, not drop(): drop hashes all 100k labels
    return pd.concat([kept, updated, created]).sort_index().reset_index(drop=True)


def _revalidated(
    previous: pd.DataFrame, kept: pd.DataFrame, ids: set[str], key: str, validate
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The validated table: `previous` with the rows of `ids` replaced by `kept`'s, validated
    by `validate`; and the changed rows alone."""
    name = TABLE_NAMES[_TABLE_OF_KEY[key]]
    # Every other key was unique at the last revision: a repeat now involves a changed key.
    mine = kept[kept[key].isin(ids)]
    check_unique(mine, key, name)
    changed = validate(mine, name)
    unchanged = previous[~previous[key].isin(ids)]
    # labels are store positions: `kept`'s index is the order (and index) a full load returns
    return pd.concat([unchanged, changed]).reindex(kept.index), changed


_TABLE_OF_KEY = {schema.KEYS[name]: name for name in ROW_TABLES}


def _check_duplicates_of(figures: pd.DataFrame, ids: set[str]) -> None:
    """check_duplicates for the rows of `ids`: every other row passed it at the last revision
    and no row went away since (that takes a full load), so only these can name a missing
    figure. Reads the ids they name, not the whole table (100k figures: 2 s)."""
    rows = figures[figures["figure_id"].isin(ids)]
    named = set(rows["duplicate_of"]) - {""}
    targets = figures[figures["figure_id"].isin(named)].assign(duplicate_of="")
    check_duplicates(pd.concat([rows, targets]))


def _counted_ids_changed(before: pd.DataFrame, after: pd.DataFrame, ids: set[str] | None) -> bool:
    """Whether the counted figures (the dataset's) gained or lost one of `ids` (a new figure,
    or one marked or unmarked as a repeat): only then can a task's target appear or vanish."""
    if not ids:
        return False
    was = set(before.loc[before["figure_id"].isin(ids), "figure_id"])
    return was != set(after.loc[after["figure_id"].isin(ids), "figure_id"])


def _apply(previous: Snapshot, frames: dict[str, pd.DataFrame], changed: dict[str, set[str]]):
    """The dataset of `previous` with the changed rows of `frames` validated and swapped in."""
    data, texts, places = previous.data, previous.data.texts, previous.data.places
    figures, links, tasks = data.figures, data.links, data.tasks
    if "figures" in changed:
        # A figure repeating one from another report is kept in the store, never counted.
        _check_duplicates_of(frames["figures"], changed["figures"])
        kept = frames["figures"][frames["figures"]["duplicate_of"] == ""]
        figures, rows = _revalidated(
            data.figures, kept, changed["figures"], "figure_id", validate_figures
        )
        check_quotes(rows, "figure_id", texts, TABLE_NAMES["figures"])
        check_places(rows, "figure_id", ["place", "partner"], places, TABLE_NAMES["figures"])
    if "links" in changed:
        links, rows = _revalidated(
            data.links, frames["links"], changed["links"], "link_id", validate_links
        )
        check_quotes(rows, "link_id", texts, TABLE_NAMES["links"])
        check_places(rows, "link_id", ["from_name", "to_name"], places, TABLE_NAMES["links"])
    if "tasks" in changed:
        tasks, _rows = _revalidated(
            data.tasks, frames["tasks"], changed["tasks"], "task_id", validate_tasks
        )
    if "tasks" in changed or _counted_ids_changed(data.figures, figures, changed.get("figures")):
        check_tasks(tasks, texts, set(figures["figure_id"].tolist()), TABLE_NAMES["tasks"])
    return replace(data, figures=figures, links=links, tasks=tasks)


def refresh(engine: sa.Engine, previous: Snapshot | None) -> Snapshot:
    """The dataset as it is now: from `previous` and the rows changed since, or a full load."""
    if previous is None:
        return snapshot(engine)
    with engine.connect() as connection:
        revision = _revision(connection)
        changed = changed_rows(connection, previous.revision, revision)
        if changed is None:
            return snapshot(engine)
        rows = {name: _read_rows(connection, name, ids) for name, ids in changed.items()}
    frames = dict(previous.frames)
    for name, table_rows in rows.items():
        if len(table_rows) != len(changed[name]):  # a row went away: only a full read is right
            return snapshot(engine)
        spliced = splice(frames[name], table_rows, schema.KEYS[name])
        if spliced is None:
            return snapshot(engine)
        frames[name] = spliced
    return Snapshot(revision, frames, _apply(previous, frames, changed))


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
