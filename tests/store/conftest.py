"""Store tests run against SQLite always and against a throwaway PostgreSQL server when one can
be started (Debian's `postgresql`; `make test` installs it and sets JMB_REQUIRE_POSTGRES=1)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from itertools import count

import pytest
import sqlalchemy as sa

from store.db import make_engine, open_store

_databases = count(1)


def _pg_bin() -> str | None:
    initdb = shutil.which("initdb") or next(
        iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)), None
    )
    return os.path.dirname(initdb) if initdb else None


def _as_postgres(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root: run them as the package's postgres user.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server on 127.0.0.1 in a temporary directory; yields its admin URL."""
    bindir = _pg_bin()
    if bindir is None:
        if os.environ.get("JMB_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL (initdb/pg_ctl) not found; `make test` installs postgresql")
        pytest.skip("PostgreSQL not installed (apt-get install postgresql)")
    root = tempfile.mkdtemp(prefix="jmb-pg-", dir="/tmp")
    os.chmod(root, 0o755)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data = os.path.join(root, "data")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    initdb = [f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8"]
    subprocess.run([*_as_postgres(initdb), "--no-locale"], check=True, capture_output=True)
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    log = os.path.join(root, "log")
    start = [f"{bindir}/pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "start"]
    subprocess.run(_as_postgres(start), check=True, capture_output=True, timeout=120)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        stop = [f"{bindir}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"]
        subprocess.run(_as_postgres(stop), check=False, capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


def new_postgres_database(server: str) -> str:
    name = f"jmb_{os.getpid()}_{next(_databases)}_{int(time.time())}"
    admin = sa.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return f"{server}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """An empty database URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return new_postgres_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def engine(store_url) -> Iterator[sa.Engine]:
    """A store on each backend, migrated and seeded from the bundled data."""
    engine = open_store(store_url)
    yield engine
    engine.dispose()


@pytest.fixture
def empty_engine(store_url) -> Iterator[sa.Engine]:
    """An engine on an empty database (no schema yet)."""
    engine = make_engine(store_url)
    yield engine
    engine.dispose()
