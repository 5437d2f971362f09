"""The last dataset that loaded cleanly, kept in the store (`last_good`), so that a process that
starts while the stored data does not load shows exactly that revision, not the bundled data.

Saved by whichever server process first loads a new revision (ui/loaders.py, in the
background, after the views of that revision); each table in Arrow's IPC format (zstd), the
source texts as JSON. Never backed up. At region scale (100k figures): 12 MB, ~0.07 s of CPU in
the saving thread (Parquet, as kept before, took 0.15 s: its encoding holds the GIL).
"""

from __future__ import annotations

import io
import json
from dataclasses import fields
from datetime import datetime, timedelta, timezone

import pandas as pd
import pyarrow as pa
import sqlalchemy as sa

from metrics.load import Dataset
from store import schema
from store.db import write

BEIJING = timezone(timedelta(hours=8))
_FRAMES = tuple(f.name for f in fields(Dataset) if f.name != "texts")


def stored_revision(engine: sa.Engine) -> int:
    """The revision of the kept dataset (0 when none is kept)."""
    table = schema.last_good
    with engine.connect() as connection:
        found = connection.execute(
            sa.select(sa.func.min(table.c.revision)).where(table.c.part == "texts")
        ).scalar()
    return found or 0


def stored_size(engine: sa.Engine) -> int:
    """Bytes of the kept dataset (its parts' blobs)."""
    table = schema.last_good
    with engine.connect() as connection:
        found = connection.execute(sa.select(sa.func.sum(sa.func.length(table.c.data)))).scalar()
    return int(found or 0)


_PARQUET = b"PAR1"  # a part kept before the IPC format


def _frame_bytes(frame: pd.DataFrame) -> bytes:
    """A frame (dtypes and index included) as an Arrow IPC file, zstd-compressed."""
    table = pa.Table.from_pandas(frame)
    sink = pa.BufferOutputStream()
    options = pa.ipc.IpcWriteOptions(compression="zstd")
    with pa.ipc.new_file(sink, table.schema, options=options) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _frame(blob: bytes) -> pd.DataFrame:
    """The frame a part holds (IPC, or Parquet as kept before)."""
    if blob.startswith(_PARQUET):
        return pd.read_parquet(io.BytesIO(blob))
    return pa.ipc.open_file(pa.py_buffer(blob)).read_all().to_pandas()


def _parts(data: Dataset) -> dict[str, bytes]:
    parts = {name: _frame_bytes(getattr(data, name)) for name in _FRAMES}
    parts["texts"] = json.dumps(data.texts, ensure_ascii=False).encode("utf-8")
    return parts


def save(engine: sa.Engine, revision: int, data: Dataset) -> bool:
    """Keep `data` as the revision `revision` unless a newer one is kept; True when saved."""
    if stored_revision(engine) >= revision:
        return False
    parts = _parts(data)
    table = schema.last_good
    with write(engine, check=False) as connection:
        kept = connection.execute(
            sa.select(table.c.revision).where(table.c.part == "texts")
        ).scalar()
        if kept is not None and kept >= revision:
            return False  # another process saved a newer one meanwhile
        connection.execute(table.delete())
        connection.execute(
            table.insert(),
            [{"part": name, "revision": revision, "data": blob} for name, blob in parts.items()],
        )
    return True


def load(engine: sa.Engine) -> tuple[int, Dataset] | None:
    """(revision, dataset) as kept, or None when nothing is kept."""
    table = schema.last_good
    with engine.connect() as connection:
        rows = connection.execute(sa.select(table.c.part, table.c.revision, table.c.data)).all()
    parts = {part: (revision, bytes(blob)) for part, revision, blob in rows}
    if set(parts) != {*_FRAMES, "texts"} or len({r for r, _ in parts.values()}) != 1:
        return None
    frames = {name: _frame(parts[name][1]) for name in _FRAMES}
    texts = json.loads(parts["texts"][1].decode("utf-8"))
    return parts["texts"][0], Dataset(texts=texts, **frames)


def revision_time(engine: sa.Engine, revision: int) -> str:
    """When revision `revision` was committed, Beijing time ('YYYY-MM-DD HH:MM'), or ''."""
    audit = schema.audit
    with engine.connect() as connection:
        at = connection.execute(sa.select(audit.c.at).where(audit.c.id == revision)).scalar()
    try:
        committed = datetime.fromisoformat(str(at))
    except ValueError:
        return ""
    return committed.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
