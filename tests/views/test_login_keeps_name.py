"""编辑登录 after a wrong password: the user name stays in its box, the password box is empty,
the Chinese error shows; the next try needs the password alone."""

from streamlit.testing.v1 import AppTest

from tests.views.conftest import EDITOR_PASSWORD, open_login_box, open_page


def _submit(at: AppTest) -> AppTest:
    return next(b for b in at.button if b.label == "登录").click().run()


def test_a_wrong_password_keeps_the_user_name_and_clears_the_password(app, store):
    at = open_login_box(open_page(app, "maintain.py"))
    at.text_input(key="auth_sidebar_user").input("zhang")
    at.text_input(key="auth_sidebar_pw").input("wrong password")
    at = _submit(at)
    assert not at.exception
    assert "用户名或密码不正确" in at.error[0].value
    assert at.text_input(key="auth_sidebar_user").value == "zhang"
    assert at.text_input(key="auth_sidebar_pw").value == ""
    assert "auth_sidebar_sent" not in at.session_state  # the password is kept nowhere
    at.text_input(key="auth_sidebar_pw").input(EDITOR_PASSWORD)  # the name is not retyped
    at = _submit(at)
    assert not at.exception
    assert "已登录：张编辑" in at.sidebar.caption[0].value
