"""A store that was good at revision N and broken at N+1 by hand-made SQL: a new server process
(fresh caches) shows revision N's data, not the bundled data, with a notice saying so."""

import os
import subprocess
import sys
import textwrap

import streamlit as st

from store import last_good
from store.db import data_revision
from store.edit import get_row, update_row
from tests.conftest import ROOT
from tests.views.test_robustness import break_the_store
from tests.views.test_work import new_app
from ui import loaders

MARK = "回退检验指标"

NEW_PROCESS = textwrap.dedent(
    """
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file("app.py", default_timeout=60).run()
    at = at.switch_page("views/data.py").run()
    print("WARNING:" + " ".join(w.value for w in at.warning))
    print("SHOWN:" + str(any(MARK in frame.value.to_string() for frame in at.dataframe)))
    print("EXCEPTION:" + str(bool(at.exception)))
    """
).replace("MARK", repr(MARK))


def test_a_new_process_shows_the_last_revision_that_loaded(store, fresh_store):
    st.cache_resource.clear()
    row = get_row(store, "figures", "wuhai-08")
    update_row(store, "figures", "wuhai-08", row["version"], {"indicator": MARK}, "张编辑", "检验")
    at = new_app().run()  # a server loads revision N and keeps it
    assert not at.exception and not at.warning
    loaders.wait_for_saves()
    good = last_good.stored_revision(store)
    assert good > 0
    break_the_store(store)  # revision N+1, made by hand
    result = subprocess.run(
        [sys.executable, "-c", NEW_PROCESS],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "DATABASE_URL": fresh_store},
    )
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
    assert lines.get("EXCEPTION") == "False", result.stderr[-2000:]
    assert lines["SHOWN"] == "True"  # revision N's edit, which the bundled data does not have
    warning = lines["WARNING"].replace("\u2060\\", "")  # markdown-escaped "21:42"
    assert "无法加载" in warning and "ordos-03" in warning
    assert f"（所示数据为 {last_good.revision_time(store, good)} 的版本）" in warning


def test_the_last_good_is_kept_after_the_views_and_only_the_newest(store, monkeypatch):
    """The save waits (it would slow the first view after an edit at region scale); two
    revisions loaded within the wait are kept once, as the newer one."""
    monkeypatch.setattr(loaders, "LAST_GOOD_DELAY_S", 600.0)
    saved = []
    save = last_good.save
    monkeypatch.setattr(last_good, "save", lambda e, r, d: saved.append(r) or save(e, r, d))
    st.cache_resource.clear()
    assert not new_app().run().exception  # revision N loads
    row = get_row(store, "figures", "wuhai-08")
    update_row(store, "figures", "wuhai-08", row["version"], {"indicator": MARK}, "张编辑", "检验")
    assert not new_app().run().exception  # revision N+1 loads
    assert saved == [] and last_good.stored_revision(store) == 0  # nothing saved yet
    loaders.wait_for_saves()
    assert saved == [data_revision(store)] == [last_good.stored_revision(store)]
