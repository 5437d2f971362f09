"""The protocol-level load harness (bench/load.py) against real servers: a tiny two-page app
(one page raises) and the dashboard itself. A smoke run: it checks the harness counts runs and
errors, not how fast anything is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import load
from bench.browser import free_port
from deploy.serve import (
    ROOT,
    SERVER_ENV,
    running_process,
    streamlit_command,
    wait_healthy,
)

TWO_PAGES = """
import streamlit as st

def fine():
    st.write("ok")

def broken():
    raise ValueError("boom")

st.navigation([
    st.Page(fine, title="fine", url_path="fine", default=True),
    st.Page(broken, title="broken", url_path="broken"),
]).run()
"""


def _serve(script: Path, env: dict[str, str], log: Path):
    port = free_port()
    process = running_process(
        streamlit_command(script, port), log, {**os.environ, **SERVER_ENV, **env}
    )
    return port, process


@pytest.fixture(scope="module")
def two_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two_pages")
    (folder / "two.py").write_text(TWO_PAGES, encoding="utf-8")
    port, context = _serve(folder / "two.py", {}, folder / "log")
    with context as process:
        wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", process)
        yield f"http://127.0.0.1:{port}"


def test_a_burst_times_every_session_and_counts_exceptions(two_pages):
    fine = load.run_isolated(load.burst(two_pages, 3, "fine"))
    assert len(fine.times) == 3 and not fine.errors
    broken = load.run_isolated(load.burst(two_pages, 3, "broken"))
    assert len(broken.errors) == 3
    summary = load.summary(broken)
    assert summary["errors"] == 3 and summary["first_errors"]  # details hidden by config


def test_steady_sessions_rerun_after_think_time(two_pages):
    tally = load.run_isolated(load.steady(two_pages, 3, seconds=1.5, think=0.2, pages=("fine",)))
    assert len(tally.opens) == 3 and not tally.errors
    assert len(tally.times) >= 3  # every session reran at least once in 1.5 s
    assert load.summary(tally)["p95_s"] > 0


async def _present_page(url: str) -> bytes:
    session = await load.Session.connect(url)
    await session.run("present", keep=True)
    await session.close()
    return b"".join(session.payloads)


def test_three_sessions_open_the_dashboards_qr_page(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'store.sqlite'}"}
    port, context = _serve(ROOT / "app.py", env, tmp_path / "log")
    with context as process:
        wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", process)
        tally = load.run_isolated(load.burst(f"http://127.0.0.1:{port}", 3, "present"))
        page = load.run_isolated(_present_page(f"http://127.0.0.1:{port}"))
    assert not tally.errors and len(tally.times) == 3
    assert b"slide-footer" in page  # page_name reached 汇报模式, not the default page
