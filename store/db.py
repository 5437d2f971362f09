"""Engines, migrations, first-start seeding and loading the dataset back out of the database."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from metrics.load import Dataset, load_dataset
from metrics.paths import DEFAULT_DATA_DIR, ROOT, data_dir
from metrics.validate import DataError
from store import schema
from store.frames import validate_frames

DATABASE_URL_ENV = "DATABASE_URL"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_seed_lock = threading.Lock()
# Writers on PostgreSQL take this transaction-level advisory lock, so two writes never validate
# the dataset against each other's uncommitted state (SQLite gets the same from BEGIN IMMEDIATE).
WRITE_LOCK = 7_152_015


def database_url() -> str:
    """$DATABASE_URL, else an SQLite file under var/ (one per data folder, git-ignored)."""
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        return url
    folder = data_dir().resolve()
    name = "jmb.sqlite" if folder == DEFAULT_DATA_DIR.resolve() else f"jmb-{folder.name}.sqlite"
    return f"sqlite:///{ROOT / 'var' / name}"


def now() -> str:
    """UTC time of a write, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _private_file(path: str) -> None:
    """Create the SQLite file 0600 in a 0700 folder (it holds password hashes)."""
    file = Path(path)
    if not file.parent.exists():
        file.parent.mkdir(parents=True, mode=0o700)
        file.parent.chmod(0o700)  # mkdir's mode is reduced by the umask
    if not file.exists():
        os.close(os.open(file, os.O_CREAT | os.O_WRONLY, 0o600))
    elif file.stat().st_mode & 0o077 and os.access(file, os.W_OK):
        file.chmod(0o600)  # a file made world-readable by an earlier version


def make_engine(url: str) -> sa.Engine:
    """An engine for `url`. SQLite gets WAL, full fsync, foreign keys and a real BEGIN (IMMEDIATE
    for writes, so the busy timeout applies), so a transaction is all-or-nothing even when the
    process is killed half-way."""
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    path = url.split("///", 1)[-1]
    if path and path != ":memory:":
        _private_file(path)
    engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        writing = connection.get_execution_options().get("jmb_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


@contextmanager
def write(engine: sa.Engine, check: bool = True) -> Iterator[sa.Connection]:
    """A write transaction: takes the write lock first (waiting for another writer rather than
    failing), and before committing checks that the dataset still loads (`check`), so no write can
    leave the dashboard unusable. A store that was already broken accepts writes (repairs)."""
    from store import reload

    checked = None
    with engine.connect() as connection:
        connection.execution_options(jmb_write=True)
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            yield connection
            if check:
                checked = _check_after_write(engine, connection)
    if checked is not None:  # committed: the dataset checked is the store's now (write lock)
        reload.keep(engine, checked)


def _check_after_write(engine: sa.Engine, connection: sa.Connection) -> Dataset | None:
    """The dataset after the write, when it was checked from the rows it changed (an edit in a
    process that has read the store), else None; StoreError when the write breaks loading."""
    from store import reload
    from store.edit import StoreError

    try:
        checked = reload.check_written(engine, connection)
        if checked is None:
            load_from(connection)
        return checked
    except DataError as error:
        try:
            load_store(engine)  # the committed state, as it was before this write
        except DataError:
            return None
        raise StoreError(f"这次修改会使数据无法加载，未保存：{error}") from error


def _alembic_config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Apply the schema migrations up to `revision` (an existing database upgrades in place)."""
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)


def schema_revision(engine: sa.Engine) -> str | None:
    """The migration the database is at (None before the first)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest migration's revision id."""
    with sa.create_engine("sqlite://").connect() as connection:
        return ScriptDirectory.from_config(_alembic_config(connection)).get_current_head()


def is_empty(engine: sa.Engine) -> bool:
    """Whether the store holds no sources yet (a first start)."""
    with engine.connect() as connection:
        return (
            connection.execute(sa.select(sa.func.count()).select_from(schema.sources)).scalar() == 0
        )


def _records(frame: pd.DataFrame, table: sa.Table) -> list[dict]:
    """Frame rows as dicts holding exactly the table's data columns ('' for a missing one)."""
    columns = schema.data_columns(table)
    records = frame.reindex(columns=columns, fill_value="").to_dict("records")
    if "seq" in table.c:
        for position, record in enumerate(records, start=1):
            record["seq"] = position
    return records


def seed(engine: sa.Engine, folder: Path, actor: str = "系统") -> int:
    """Fill an empty database from the CSVs in `folder` (validated first), with one audit row per
    record; returns the number of records. Does nothing when the database already holds data."""
    data = load_dataset(folder)
    sources = data.sources.assign(text=data.sources["source_id"].map(data.texts))
    frames = {
        "sources": sources,
        "places": data.places,
        "figures": data.figures,
        "links": data.links,
        "tasks": data.tasks,
    }
    updates_csv = folder / "task_updates.csv"
    with _seed_lock, engine.begin() as connection:
        if connection.execute(sa.select(sa.func.count()).select_from(schema.sources)).scalar():
            return 0
        at = now()
        count = 0
        for name, frame in frames.items():
            table = schema.CURATED[name]
            records = _records(frame, table)
            connection.execute(table.insert(), records)
            key = schema.KEYS[name]
            connection.execute(
                schema.audit.insert(),
                [
                    {
                        "at": at,
                        "actor": actor,
                        "action": "seed",
                        "table_name": name,
                        "row_id": str(r[key]),
                        "before": None,
                        "after": None,
                        "reason": f"首次启动：从 {folder.name}/{name}.csv 导入",
                    }
                    for r in records
                ],
            )
            count += len(records)
        if updates_csv.exists():
            updates = pd.read_csv(updates_csv, dtype=str, keep_default_na=False)
            updates["achieved_value"] = pd.to_numeric(updates["achieved_value"], errors="coerce")
            rows = _records(updates, schema.task_updates)
            for row in rows:
                row.pop("update_id", None)
                if pd.isna(row["achieved_value"]) or row["achieved_value"] == "":
                    row["achieved_value"] = None
            connection.execute(schema.task_updates.insert(), rows)
            connection.execute(
                schema.audit.insert(),
                {
                    "at": at,
                    "actor": actor,
                    "action": "seed",
                    "table_name": "task_updates",
                    "row_id": "*",
                    "reason": f"首次启动：从 {folder.name}/task_updates.csv 导入 {len(rows)} 条进展",
                },
            )
            count += len(rows)
    return count


def open_store(url: str | None = None, folder: Path | None = None) -> sa.Engine:
    """Engine for the store in use: migrated to head and, when empty, seeded from `folder`."""
    engine = make_engine(url or database_url())
    upgrade(engine)
    if is_empty(engine):
        seed(engine, folder or data_dir())
    return engine


# Audit actions that change no data (login attempts): they do not make a new data revision.
NO_DATA_ACTIONS = ("login", "login_failed", "login_token", "login_oidc", "logout")


def data_revision(engine: sa.Engine) -> int:
    """A number that grows with every committed change of data (the last such audit row's id;
    found by walking the id index back from the end, so it stays fast on a long log)."""
    audit = schema.audit
    with engine.connect() as connection:
        return (
            connection.execute(
                sa.select(audit.c.id)
                .where(audit.c.action.not_in(NO_DATA_ACTIONS))
                .order_by(audit.c.id.desc())
                .limit(1)
            ).scalar()
            or 0
        )


def read_table(connection: sa.Connection, table: sa.Table) -> pd.DataFrame:
    """A whole table as a frame, text columns as str."""
    key = next(iter(table.primary_key.columns)).name
    order = [table.c.seq, table.c[key]] if "seq" in table.c else [table.c[key]]
    return pd.read_sql(sa.select(table).order_by(*order), connection)


def load_store(engine: sa.Engine) -> Dataset:
    """The dataset held in the database, validated exactly like the CSVs (provenance included)."""
    with engine.connect() as connection:
        return load_from(connection)


def load_from(connection: sa.Connection) -> Dataset:
    """The dataset as the connection sees it (inside a write: as it would be after it)."""
    return validate_frames(
        {name: read_table(connection, table) for name, table in schema.CURATED.items()}
    )
