"""JMB_RUN_LOG: the server's own time for every script run, for the bench and for operators."""

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui import runlog


def test_every_script_run_is_logged_with_its_page_and_time(tmp_path, monkeypatch):
    log = tmp_path / "runs.tsv"
    monkeypatch.setenv(runlog.ENV, str(log))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("views/medical.py").run()
    rows = runlog.read(log)
    assert [page for _, page, _ in rows] == ["overview", "medical"]
    assert all(0 < ms < 60_000 for _, _, ms in rows)


def test_nothing_is_written_without_the_setting(tmp_path, monkeypatch):
    monkeypatch.delenv(runlog.ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert list(tmp_path.iterdir()) == []
