"""Editor accounts: Argon2 password hashes (argon2-cffi), from configuration or the database.

Configuration (`.streamlit/secrets.toml`):
    [editors]
    zhangsan = "$argon2id$v=19$..."   # python -m store hash-password
Database: `python -m store add-editor NAME`. Plain passwords are never stored anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from store import schema
from store.db import now
from store.edit import StoreError

_hasher = PasswordHasher()
USERNAME_RE = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")
MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise StoreError(f"密码至少 {MIN_PASSWORD} 位")
    return _hasher.hash(password)


def add_editor(engine: sa.Engine, username: str, password: str, display_name: str = "") -> None:
    """Create an editor account in the database (refuses an existing name)."""
    if not USERNAME_RE.match(username):
        raise StoreError("用户名须为 2–32 位字母、数字、汉字、点、横线或下划线")
    hashed = hash_password(password)
    with write(engine, check=False) as connection:
        exists = connection.execute(
            sa.select(schema.users.c.username).where(schema.users.c.username == username)
        ).first()
        if exists:
            raise StoreError(f"账号“{username}”已存在")
        connection.execute(
            schema.users.insert().values(
                username=username,
                password_hash=hashed,
                display_name=display_name or username,
                role="editor",
                created_at=now(),
            )
        )


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(
    engine: sa.Engine, username: str, password: str, configured: Mapping[str, str] | None = None
) -> str | None:
    """The editor's display name when the password matches (configured accounts first)."""
    configured = configured or {}
    if username in configured:
        return username if _verify(str(configured[username]), password) else None
    with engine.connect() as connection:
        row = (
            connection.execute(sa.select(schema.users).where(schema.users.c.username == username))
            .mappings()
            .first()
        )
    if row is None or not _verify(row["password_hash"], password):
        return None
    return row["display_name"] or username
