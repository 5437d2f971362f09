"""Logins: unknown names cost as much as known ones, repeated failures slow down and then lock
the name, every attempt is in the audit log (without making a new data revision)."""

import time

import pytest
import sqlalchemy as sa

from store import auth, schema
from store.db import data_revision

PASSWORD = "correct horse 1"


@pytest.fixture
def editor(engine, monkeypatch):
    monkeypatch.setattr(auth, "SLOWDOWN_SECONDS", 0.0)
    auth.add_editor(engine, "zhang", PASSWORD, "张编辑")
    return engine


def test_an_unknown_name_takes_as_long_as_a_wrong_password(editor):
    def timed(name: str) -> float:
        started = time.perf_counter()
        assert auth.authenticate(editor, name, "wrong password") is None
        return time.perf_counter() - started

    timed("zhang")  # warm up
    known = min(timed("zhang") for _ in range(2))
    unknown = min(timed(f"nobody{i}") for i in range(2))
    assert unknown > known / 3  # was 0.1 ms against ~100 ms


def test_repeated_failures_lock_the_name_and_are_audited(editor):
    revision = data_revision(editor)
    for _ in range(auth.LOCK_AFTER):
        assert auth.authenticate(editor, "zhang", "wrong password") is None
    with pytest.raises(auth.LockedError):
        auth.authenticate(editor, "zhang", PASSWORD)  # even the right password
    with editor.connect() as connection:
        failed = connection.execute(
            sa.select(sa.func.count())
            .select_from(schema.audit)
            .where(schema.audit.c.action == "login_failed", schema.audit.c.row_id == "zhang")
        ).scalar()
    assert failed == auth.LOCK_AFTER
    assert data_revision(editor) == revision  # login attempts are not data changes


def test_a_success_resets_the_count(editor):
    for _ in range(auth.LOCK_AFTER - 1):
        auth.authenticate(editor, "zhang", "wrong password")
    assert auth.authenticate(editor, "zhang", PASSWORD) == "张编辑"
    assert auth.authenticate(editor, "zhang", "wrong password") is None
    assert auth.authenticate(editor, "zhang", PASSWORD) == "张编辑"


def test_slow_down_after_a_few_failures(editor, monkeypatch):
    monkeypatch.setattr(auth, "SLOWDOWN_SECONDS", 0.3)
    for _ in range(auth.SLOW_AFTER):
        auth.authenticate(editor, "zhang", "wrong password")
    started = time.perf_counter()
    auth.authenticate(editor, "zhang", "wrong password")
    assert time.perf_counter() - started >= 0.3


@pytest.mark.parametrize("name", ["zh\x00ang", "z" * 10_000, "", "\x1b[2J"])
def test_hostile_names_are_simply_refused(editor, name):
    assert auth.authenticate(editor, name, PASSWORD) is None
    assert auth.authenticate(editor, "zhang", "x" * 100_000) is None
