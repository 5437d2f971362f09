"""Sign-ins that survive a page reload: a signed, expiring token in a cookie, never the password.

The token names the account, a fingerprint of its password hash (a new password ends every
token issued before) and a random id (退出登录 revokes that id server-side). It is signed with a
secret that is made once and kept in the store (`app_state`, never backed up; the SQLite file is
0600), or taken from $JMB_LOGIN_SECRET. A locked account's tokens are refused while it is locked.
A signed-in session checks its token again at its next rerun once its account's mark changes
(store/account_marks.py), so a sign-in ended in one server process ends in all of them.
How long a sign-in lasts: $JMB_LOGIN_HOURS (default 8).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from store import auth, schema
from store.db import write

HOURS_ENV = "JMB_LOGIN_HOURS"
SECRET_ENV = "JMB_LOGIN_SECRET"
DEFAULT_HOURS = 8.0
MAX_HOURS = 24 * 30
MAX_TOKEN = 512  # longer cookie values are not looked at
_SECRET_NAME = "login_secret"
_SALT = "jmb-login"


class TokenError(ValueError):
    """A token that signs no one in; the message is Chinese and may be shown to the user."""


class RevokedError(TokenError):
    """The token was ended by 退出登录 (nothing to tell the user)."""


@dataclass(frozen=True)
class SignedIn:
    """Who a valid token signs in: the account, its display name and the token's id."""

    username: str
    display: str
    token_id: str


def login_seconds() -> int:
    """How long a sign-in lasts ($JMB_LOGIN_HOURS, default 8 hours, at most 30 days)."""
    try:
        hours = float(os.environ.get(HOURS_ENV, "") or DEFAULT_HOURS)
    except ValueError:
        hours = DEFAULT_HOURS
    if not 0 < hours <= MAX_HOURS:
        hours = DEFAULT_HOURS
    return int(hours * 3600)


def secret(engine: sa.Engine) -> str:
    """The signing secret: $JMB_LOGIN_SECRET, else the store's (made on first use)."""
    configured = os.environ.get(SECRET_ENV, "").strip()
    if configured:
        return configured
    state = schema.app_state
    query = sa.select(state.c.value).where(state.c.name == _SECRET_NAME)
    with engine.connect() as connection:
        found = connection.execute(query).scalar()
    if found:
        return found
    with write(engine, check=False) as connection:
        found = connection.execute(query).scalar()  # another process may have made it meanwhile
        if not found:
            found = secrets.token_hex(32)
            connection.execute(state.insert().values(name=_SECRET_NAME, value=found))
    return found


def _serializer(engine: sa.Engine) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret(engine), salt=_SALT)


def _fingerprint(key: str, password_hash: str) -> str:
    """A short keyed digest of the account's password hash (changes with the password)."""
    return hmac.new(key.encode(), password_hash.encode(), hashlib.sha256).hexdigest()[:16]


def issue(engine: sa.Engine, username: str, configured: Mapping[str, str] | None = None) -> str:
    """A token for `username` (an account that exists; called right after a password login)."""
    hashed, _display = auth._stored_hash(engine, username, configured or {})
    if hashed is None:
        raise TokenError("账号不存在")
    payload = {"u": username, "f": _fingerprint(secret(engine), hashed), "j": secrets.token_hex(8)}
    return _serializer(engine).dumps(payload)


def _payload(engine: sa.Engine, token: str) -> dict:
    """The signed content of `token`, or TokenError (expired, tampered, not a token)."""
    if not token or len(token) > MAX_TOKEN:
        raise TokenError("登录凭据无效，请重新登录。")
    try:
        payload = _serializer(engine).loads(token, max_age=login_seconds())
    except SignatureExpired as error:
        raise TokenError("登录已过期，请重新登录。") from error
    except BadSignature as error:
        raise TokenError("登录凭据无效，请重新登录。") from error
    if not isinstance(payload, dict) or not all(isinstance(payload.get(k), str) for k in "ufj"):
        raise TokenError("登录凭据无效，请重新登录。")
    return payload


def _revoked(connection: sa.Connection, token_id: str) -> bool:
    revoked = schema.revoked_logins
    query = sa.select(revoked.c.token_id).where(revoked.c.token_id == token_id)
    return connection.execute(query).first() is not None


def resolve(engine: sa.Engine, token: str, configured: Mapping[str, str] | None = None) -> SignedIn:
    """Who `token` signs in (audited as a sign-in by token), or TokenError saying why not."""
    signed_in = check(engine, token, configured)
    auth.record_event(engine, signed_in.username, "login_token", "凭登录凭据保持登录")
    return signed_in


def check(engine: sa.Engine, token: str, configured: Mapping[str, str] | None = None) -> SignedIn:
    """Who `token` signs in now, or TokenError saying why not (revoked, expired, a new password,
    a locked account); writes nothing."""
    payload = _payload(engine, token)
    username = payload["u"]
    hashed, display = auth._stored_hash(engine, username, configured or {})
    if hashed is None or not hmac.compare_digest(
        payload["f"], _fingerprint(secret(engine), hashed)
    ):
        raise TokenError("账号或密码已更改，请重新登录。")
    with engine.connect() as connection:
        if _revoked(connection, payload["j"]):
            raise RevokedError("已退出登录，请重新登录。")
        if len(auth._recent_failures(connection, username)) >= auth.LOCK_AFTER:
            raise TokenError(f"该账号已暂时锁定，请 {auth.LOCK_MINUTES} 分钟后再试。")
    return SignedIn(username, display, payload["j"])


def revoke(engine: sa.Engine, token: str) -> None:
    """退出登录: the token signs no one in any more (expired revocations are dropped)."""
    try:
        payload = _payload(engine, token)
    except TokenError:
        return  # expired or invalid already
    revoked = schema.revoked_logins
    with write(engine, check=False) as connection:
        connection.execute(revoked.delete().where(revoked.c.expires_at < time.time()))
        if not _revoked(connection, payload["j"]):
            connection.execute(
                revoked.insert().values(
                    token_id=payload["j"],
                    username=payload["u"],
                    expires_at=time.time() + login_seconds(),
                )
            )
    auth.record_event(engine, payload["u"], "logout", "退出登录")
