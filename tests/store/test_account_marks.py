"""A sign-in ended in one process (退出登录, a new password, a locked account) changes its account's
mark, which every other process reads at most once a second; `check` then refuses the token."""

import os
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from store import account_marks, auth, login_token, schema
from store.errors import StoreError
from tests.conftest import ROOT

PASSWORD = "correct horse 1"


@pytest.fixture
def editor(engine, monkeypatch):
    monkeypatch.setattr(auth, "SLOWDOWN_SECONDS", 0.0)
    monkeypatch.delenv(login_token.SECRET_ENV, raising=False)
    auth.add_editor(engine, "zhang", PASSWORD, "张编辑")
    return engine


def in_another_process(url: str, code: str, stdin: str = "") -> None:
    """Run `code` in a new Python process on the store at `url` (another server process)."""
    subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        input=stdin,
        text=True,
        check=True,
        timeout=120,
    )


def mark(engine: sa.Engine) -> str:
    """zhang's mark as this process holds it (read at most once every MARKS_TTL_S)."""
    return account_marks.mark_of(str(engine.url), lambda: engine, "zhang")


def mark_after_ttl(engine: sa.Engine) -> str:
    """zhang's mark once this process has read the marks again (after MARKS_TTL_S)."""
    time.sleep(account_marks.MARKS_TTL_S + 0.05)
    return mark(engine)


def test_a_logout_in_another_process_reaches_this_one_within_a_second(editor, store_url):
    token = login_token.issue(editor, "zhang")
    before = mark(editor)
    login_token.check(editor, token)
    revoke = (
        "from store import login_token; from store.db import open_store; "
        f"login_token.revoke(open_store(), {token!r})"
    )
    in_another_process(store_url, revoke)
    assert mark_after_ttl(editor) != before
    with pytest.raises(login_token.RevokedError):
        login_token.check(editor, token)


def test_a_new_password_from_the_command_line_ends_the_sign_in(editor, store_url):
    token = login_token.issue(editor, "zhang")
    before = mark(editor)
    command = "from store.__main__ import main; main(['set-password', 'zhang', '--password-stdin'])"
    in_another_process(store_url, command, stdin="another horse 2\n")
    assert mark_after_ttl(editor) != before
    with pytest.raises(login_token.TokenError, match="更改"):
        login_token.check(editor, token)
    assert auth.authenticate(editor, "zhang", "another horse 2") == "张编辑"


def test_failed_logins_that_lock_the_account_end_its_sign_in(editor):
    token = login_token.issue(editor, "zhang")
    other = sa.create_engine(editor.url)  # another connection pool on the same store
    marks = set()
    for _ in range(auth.LOCK_AFTER):
        auth.authenticate(other, "zhang", "wrong password")
        marks.add(account_marks.read(editor)["zhang"])
    other.dispose()
    assert len(marks) == auth.LOCK_AFTER  # each failure changes the mark
    with pytest.raises(login_token.TokenError, match="锁定"):
        login_token.check(editor, token)


def test_sign_ins_and_other_accounts_leave_the_mark_alone(editor):
    auth.add_editor(editor, "li", "li password 9", "李编辑")
    token = login_token.issue(editor, "zhang")
    before = account_marks.read(editor).get("zhang", "")
    assert auth.authenticate(editor, "zhang", PASSWORD) == "张编辑"
    login_token.resolve(editor, token)
    auth.authenticate(editor, "li", "wrong password")
    login_token.revoke(editor, login_token.issue(editor, "li"))
    marks = account_marks.read(editor)
    assert marks.get("zhang", "") == before and marks["li"]
    assert login_token.check(editor, token).display == "张编辑"


def test_check_writes_nothing(editor):
    token = login_token.issue(editor, "zhang")
    count = sa.select(sa.func.count()).select_from(schema.audit)
    with editor.connect() as connection:
        rows = connection.execute(count).scalar()
    assert login_token.check(editor, token).username == "zhang"
    with editor.connect() as connection:
        assert connection.execute(count).scalar() == rows


def test_the_marks_are_read_at_most_once_a_second_however_many_sessions_ask(editor):
    mark(editor)
    queries = []
    sa.event.listen(editor, "before_cursor_execute", lambda *args: queries.append(args[2]))
    start = time.monotonic()
    for _ in range(500):  # 500 reruns of signed-in sessions
        mark(editor)
    elapsed = time.monotonic() - start
    assert len(queries) <= 1 + int(elapsed / account_marks.MARKS_TTL_S)


def test_a_new_password_for_a_missing_account_is_refused(editor):
    with pytest.raises(StoreError, match="不存在"):
        auth.set_password(editor, "nobody", "a password 12")
    with pytest.raises(StoreError, match="至少"):
        auth.set_password(editor, "zhang", "short")
    assert auth.authenticate(editor, "zhang", PASSWORD) == "张编辑"
