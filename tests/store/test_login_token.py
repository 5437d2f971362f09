"""Sign-ins that survive a reload: the token signs an account in until it expires, is revoked
by 退出登录, or the password changes; a tampered or foreign token signs no one in."""

import pytest
import sqlalchemy as sa
from itsdangerous import URLSafeTimedSerializer

from store import auth, login_token, schema
from store.db import data_revision

PASSWORD = "correct horse 1"


@pytest.fixture
def editor(engine, monkeypatch):
    monkeypatch.setattr(auth, "SLOWDOWN_SECONDS", 0.0)
    monkeypatch.delenv(login_token.SECRET_ENV, raising=False)
    monkeypatch.delenv(login_token.HOURS_ENV, raising=False)
    auth.add_editor(engine, "zhang", PASSWORD, "张编辑")
    return engine


def audited(engine, action: str) -> int:
    with engine.connect() as connection:
        return connection.execute(
            sa.select(sa.func.count())
            .select_from(schema.audit)
            .where(schema.audit.c.action == action, schema.audit.c.row_id == "zhang")
        ).scalar()


def test_a_token_signs_the_account_in_and_is_audited_without_a_new_revision(editor):
    token = login_token.issue(editor, "zhang")
    assert PASSWORD not in token
    revision = data_revision(editor)
    signed_in = login_token.resolve(editor, token)
    assert (signed_in.username, signed_in.display) == ("zhang", "张编辑")
    assert audited(editor, "login_token") == 1
    assert data_revision(editor) == revision


def test_the_secret_is_made_once_and_kept_in_the_store(editor):
    first = login_token.secret(editor)
    assert len(first) == 64 and login_token.secret(editor) == first


def test_an_expired_token_is_refused(editor, monkeypatch):
    token = login_token.issue(editor, "zhang")
    monkeypatch.setenv(login_token.HOURS_ENV, "1")
    later = login_token.time.time() + 3601
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    with pytest.raises(login_token.TokenError, match="过期"):
        login_token.resolve(editor, token)


@pytest.mark.parametrize("hours", ["abc", "-1", "0", "100000", ""])
def test_a_bad_login_hours_setting_falls_back_to_the_default(monkeypatch, hours):
    monkeypatch.setenv(login_token.HOURS_ENV, hours)
    assert login_token.login_seconds() == 8 * 3600


def test_tampered_and_foreign_tokens_are_refused(editor):
    token = login_token.issue(editor, "zhang")
    body = token.rsplit(".", 1)[0]
    forged = URLSafeTimedSerializer("another secret", salt="jmb-login").dumps(
        {"u": "zhang", "f": "0" * 16, "j": "1"}
    )
    for bad in [
        token[:-2] + ("AA" if token[-2:] != "AA" else "BB"),
        forged,
        "",
        "x" * 5000,
        "不是凭据",
        body,
    ]:
        with pytest.raises(login_token.TokenError, match="无效"):
            login_token.resolve(editor, bad)
    assert audited(editor, "login_token") == 0


def test_logout_revokes_the_token_only(editor):
    token = login_token.issue(editor, "zhang")
    other = login_token.issue(editor, "zhang")  # the same editor on another computer
    login_token.revoke(editor, token)
    with pytest.raises(login_token.TokenError, match="退出"):
        login_token.resolve(editor, token)
    assert login_token.resolve(editor, other).username == "zhang"
    assert audited(editor, "logout") == 1


def test_a_new_password_ends_earlier_tokens(editor):
    token = login_token.issue(editor, "zhang")
    with editor.begin() as connection:
        connection.execute(
            schema.users.update().values(password_hash=auth.hash_password("another horse 2"))
        )
    with pytest.raises(login_token.TokenError, match="更改"):
        login_token.resolve(editor, token)


def test_a_locked_account_is_not_signed_in_by_its_token(editor):
    token = login_token.issue(editor, "zhang")
    for _ in range(auth.LOCK_AFTER):
        auth.authenticate(editor, "zhang", "wrong password")
    with pytest.raises(login_token.TokenError, match="锁定"):
        login_token.resolve(editor, token)


def test_configured_accounts_get_tokens_too(editor):
    configured = {"li": auth.hash_password("li password 9")}
    token = login_token.issue(editor, "li", configured)
    assert login_token.resolve(editor, token, configured).display == "li"
    with pytest.raises(login_token.TokenError):
        login_token.resolve(editor, token, {})  # account removed from the configuration


def test_the_secret_can_come_from_the_environment(editor, monkeypatch):
    token = login_token.issue(editor, "zhang")
    monkeypatch.setenv(login_token.SECRET_ENV, "a secret shared by every server")
    with pytest.raises(login_token.TokenError, match="无效"):
        login_token.resolve(editor, token)
    assert login_token.resolve(editor, login_token.issue(editor, "zhang")).username == "zhang"


@pytest.mark.parametrize(
    "cookie",
    ["\x00", "a.b.c", "..", "eyJ1Ijoiemhhbmcif".ljust(600, "A"), "登录", "null", "[]", " ", "%00"],
)
def test_hostile_cookie_values_sign_no_one_in(editor, cookie):
    with pytest.raises(login_token.TokenError):
        login_token.resolve(editor, cookie)


def test_a_validly_signed_token_for_a_missing_account_is_refused(editor):
    key = login_token.secret(editor)
    forged = URLSafeTimedSerializer(key, salt="jmb-login").dumps({"u": "ghost", "f": "0", "j": "1"})
    with pytest.raises(login_token.TokenError, match="更改"):
        login_token.resolve(editor, forged)
    signed_list = URLSafeTimedSerializer(key, salt="jmb-login").dumps(["zhang"])
    with pytest.raises(login_token.TokenError, match="无效"):
        login_token.resolve(editor, signed_list)
