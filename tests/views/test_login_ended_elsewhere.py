"""A signed-in editor loses edit rights at the next rerun once the sign-in ended in another server
process (退出登录 there, a new password, a locked account), with a Chinese notice; while nothing
happened to the account a rerun checks nothing."""

import os
import subprocess
import sys
import time

import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from store import account_marks, auth, login_token
from tests.conftest import ROOT
from tests.views.conftest import EDITOR_PASSWORD, open_login_box, open_page
from tests.views.test_login_kept import buttons, scripts, with_cookies


def signed_in(monkeypatch) -> AppTest:
    """数据维护 in a session signed in as 张编辑 by password."""
    monkeypatch.setattr(auth, "SLOWDOWN_SECONDS", 0.0)
    at = open_page(AppTest.from_file(ROOT / "app.py", default_timeout=30), "maintain.py")
    open_login_box(at)
    at.text_input(key="auth_sidebar_user").input("zhang")
    at.text_input(key="auth_sidebar_pw").input(EDITOR_PASSWORD)
    at = next(b for b in at.button if b.label == "登录").click().run()
    assert "退出登录" in buttons(at)
    return at


def in_another_process(url: str, code: str, stdin: str = "") -> None:
    """Run `code` in a new Python process on the store (another server process)."""
    environment = {**os.environ, "DATABASE_URL": url}
    command = [sys.executable, "-c", code]
    subprocess.run(command, cwd=ROOT, env=environment, input=stdin, text=True, check=True)


def rerun_after_ttl(at: AppTest) -> AppTest:
    time.sleep(account_marks.MARKS_TTL_S + 0.05)  # this process reads the marks again
    return at.run()


def refused(at: AppTest, notice: str) -> None:
    assert not at.exception
    assert "退出登录" not in buttons(at)
    assert [e.label for e in at.sidebar.expander] == ["编辑登录"]  # signing in again is offered
    assert not any("已登录" in c.value for c in at.sidebar.caption)
    assert [t.value for t in at.toast] == [notice]
    assert "Max-Age=0" in scripts(at)  # the ended sign-in's cookie is cleared too


def test_a_new_password_set_in_another_process_ends_the_sign_in(store, fresh_store, monkeypatch):
    at = signed_in(monkeypatch)
    command = "from store.__main__ import main; main(['set-password', 'zhang', '--password-stdin'])"
    in_another_process(fresh_store, command, "another horse 2\n")
    refused(rerun_after_ttl(at), "账号或密码已更改，请重新登录。")


def test_a_logout_in_another_process_ends_the_session_that_shares_its_cookie(
    store, fresh_store, monkeypatch
):
    token = login_token.issue(store, "zhang")
    with_cookies(monkeypatch, {"jmb_login": token})
    at = open_page(AppTest.from_file(ROOT / "app.py", default_timeout=30), "maintain.py")
    assert "退出登录" in buttons(at)
    revoke = (
        "from store import login_token; from store.db import open_store; "
        f"login_token.revoke(open_store(), {token!r})"
    )
    in_another_process(fresh_store, revoke)
    refused(rerun_after_ttl(at), "已退出登录，请重新登录。")


def test_a_locked_account_loses_edit_rights(store, monkeypatch):
    at = signed_in(monkeypatch)
    other = sa.create_engine(store.url)  # another process's connection pool on the same store
    for _ in range(auth.LOCK_AFTER):
        auth.authenticate(other, "zhang", "wrong password")
    other.dispose()
    refused(rerun_after_ttl(at), f"该账号已暂时锁定，请 {auth.LOCK_MINUTES} 分钟后再试。")


def test_reruns_check_nothing_while_nothing_happened_to_the_account(store, monkeypatch):
    at = signed_in(monkeypatch)
    checks = []
    original = login_token.check
    monkeypatch.setattr(login_token, "check", lambda *a: checks.append(a) or original(*a))
    auth.add_editor(store, "li", "li password 9", "李编辑")
    auth.authenticate(store, "li", "wrong password")  # another account's failed login
    for _ in range(3):
        at = rerun_after_ttl(at)
    assert checks == [] and "退出登录" in buttons(at)


def test_failed_logins_short_of_a_lock_keep_the_sign_in(store, monkeypatch):
    at = signed_in(monkeypatch)
    for _ in range(auth.LOCK_AFTER - 1):
        auth.authenticate(store, "zhang", "wrong password")
    at = rerun_after_ttl(at)
    assert "退出登录" in buttons(at) and not at.toast
