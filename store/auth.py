"""Editor accounts: Argon2 password hashes (argon2-cffi), from configuration or the database.

Configuration (`.streamlit/secrets.toml`):
    [editors]
    zhangsan = "$argon2id$v=19$..."   # python -m store hash-password
Database: `python -m store add-editor NAME`. Plain passwords are never stored anywhere.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from store import account_marks, schema
from store.db import now, write
from store.edit import StoreError
from store.limits import MAX_PASSWORD_INPUT, MAX_USERNAME_INPUT, LimitError, check_text

_hasher = PasswordHasher()
USERNAME_RE = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")
MIN_PASSWORD = 8
SLOW_AFTER = 3  # failed logins before each further attempt waits (1 s, 2 s, …)
LOCK_AFTER = 8  # failed logins within LOCK_MINUTES that lock the name
LOCK_MINUTES = 15
SLOWDOWN_SECONDS = 1.0


def hash_password(password: str) -> str:
    """The Argon2 hash stored for a password."""
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


def set_password(engine: sa.Engine, username: str, password: str) -> None:
    """A database account's new password: every sign-in made with the old one ends (at the next
    rerun of its session, in any server process)."""
    hashed = hash_password(password)
    with write(engine, check=False) as connection:
        changed = connection.execute(
            schema.users.update()
            .where(schema.users.c.username == username)
            .values(password_hash=hashed)
        ).rowcount
    if changed != 1:
        raise StoreError(f"账号“{username}”不存在")
    record_event(engine, username, "password", "修改密码")


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


class LockedError(StoreError):
    """Too many failed logins for this name: refused without checking the password."""

    def __init__(self, minutes: int):
        super().__init__(f"账号已暂时锁定，请 {minutes} 分钟后再试")
        self.minutes = minutes


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash no password matches, verified for unknown names so that timing tells nothing."""
    return _hasher.hash(secrets.token_hex(16))


def _recent_failures(connection: sa.Connection, username: str) -> list[str]:
    """Times of this name's failed logins since its last success, within the lock window."""
    audit = schema.audit
    rows = connection.execute(
        sa.select(audit.c.action, audit.c.at)
        .where(audit.c.table_name == "users", audit.c.row_id == username)
        .where(audit.c.action.in_(("login", "login_failed")))
        .order_by(audit.c.id.desc())
        .limit(LOCK_AFTER)
    ).all()
    since = (datetime.now(UTC) - timedelta(minutes=LOCK_MINUTES)).replace(microsecond=0)
    failures = []
    for action, at in rows:
        if action == "login" or at < since.isoformat():
            break
        failures.append(at)
    return failures


def record_event(engine: sa.Engine, username: str, action: str, reason: str) -> None:
    """One audit row about an account's sign-in (login, login_failed, login_token, …)."""
    with write(engine, check=False) as connection:
        inserted = connection.execute(
            schema.audit.insert().values(
                at=now(),
                actor=username if action != "login_failed" else "",
                action=action,
                table_name="users",
                row_id=username,
                reason=reason,
            )
        )
        if (
            action in account_marks.ENDING_ACTIONS
        ):  # every process re-checks this account's sign-ins
            account_marks.bump(connection, username, inserted.inserted_primary_key[0])


def _record(engine: sa.Engine, username: str, ok: bool) -> None:
    if ok:
        record_event(engine, username, "login", "登录成功")
    else:
        record_event(engine, username, "login_failed", "登录失败：用户名或密码不正确")


def oidc_editor(email: str | None, name: str | None, allowed: Mapping[str, str]) -> str | None:
    """The editor a unified-identity (OIDC) user signs in as: `allowed` (`[oidc_editors]` in
    secrets: e-mail address or user name → display name) must list the user's e-mail address
    (any case) or exact name; None otherwise."""
    by_email = {str(k).strip().lower(): str(v) for k, v in allowed.items() if "@" in str(k)}
    by_name = {str(k).strip(): str(v) for k, v in allowed.items() if "@" not in str(k)}
    if email and email.strip().lower() in by_email:
        return by_email[email.strip().lower()] or email.strip()
    if name and name.strip() in by_name:
        return by_name[name.strip()] or name.strip()
    return None


def _stored_hash(engine: sa.Engine, username: str, configured: Mapping[str, str]) -> tuple:
    """(hash, display name) of the account, or (None, None)."""
    if username in configured:
        return str(configured[username]), username
    with engine.connect() as connection:
        row = (
            connection.execute(sa.select(schema.users).where(schema.users.c.username == username))
            .mappings()
            .first()
        )
    return (row["password_hash"], row["display_name"] or username) if row else (None, None)


def authenticate(
    engine: sa.Engine, username: str, password: str, configured: Mapping[str, str] | None = None
) -> str | None:
    """The editor's display name when the password matches (configured accounts first). Unknown
    names cost the same as known ones; failures are audited, slowed down after SLOW_AFTER and
    refused (LockedError) after LOCK_AFTER within LOCK_MINUTES."""
    configured = configured or {}
    name = username if _acceptable(username, password) else ""
    if not name:
        _verify(_dummy_hash(), "x")
        return None
    with engine.connect() as connection:
        failures = _recent_failures(connection, name)
    if len(failures) >= LOCK_AFTER:
        raise LockedError(LOCK_MINUTES)
    if len(failures) >= SLOW_AFTER:
        time.sleep(SLOWDOWN_SECONDS * (len(failures) - SLOW_AFTER + 1))
    hashed, display = _stored_hash(engine, name, configured)
    ok = _verify(hashed or _dummy_hash(), password) and hashed is not None
    _record(engine, name, ok)
    return display if ok else None


def _acceptable(username: str, password: str) -> bool:
    """A name and password worth checking at all (no control characters, sane lengths)."""
    try:
        check_text(username, "用户名")
    except LimitError:
        return False
    return 0 < len(username) <= MAX_USERNAME_INPUT and len(password) <= MAX_PASSWORD_INPUT
