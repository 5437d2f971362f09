"""The last dataset that loaded is kept in the store: exactly as it was, newest revision only."""

import json
import subprocess
import sys

import pandas as pd

from store import last_good, schema
from store.db import data_revision, load_store
from store.edit import get_row, update_row
from tests.conftest import ROOT


def test_the_kept_dataset_comes_back_exactly(engine):
    data = load_store(engine)
    revision = data_revision(engine)
    assert last_good.load(engine) is None
    assert last_good.save(engine, revision, data)
    kept_revision, kept = last_good.load(engine)
    assert kept_revision == revision == last_good.stored_revision(engine)
    assert kept.texts == data.texts
    for name in ("sources", "figures", "links", "tasks", "places"):
        pd.testing.assert_frame_equal(getattr(kept, name), getattr(data, name))


def test_an_older_revision_never_replaces_a_newer_one(engine):
    data = load_store(engine)
    assert last_good.save(engine, 10, data)
    assert not last_good.save(engine, 9, data.__class__(**{**data.__dict__, "texts": {}}))
    assert last_good.load(engine)[0] == 10 and last_good.load(engine)[1].texts == data.texts


def test_the_revision_time_is_beijing_time(engine):
    revision = data_revision(engine)
    shown = last_good.revision_time(engine, revision)
    assert len(shown) == 16 and shown[4] == "-" and shown[13] == ":"
    assert last_good.revision_time(engine, 10**9) == ""


# Another server process: loads the store as it is now and keeps it as the last good dataset.
KEEP_IN_ANOTHER_PROCESS = """
import sys
from store import last_good, schema
from store.db import data_revision, load_store, make_engine
engine = make_engine(sys.argv[1])
revision = data_revision(engine) - int(sys.argv[2])
print(revision, last_good.save(engine, revision, load_store(engine)))
"""


def _keep_elsewhere(url: str, older_by: int = 0) -> str:
    """Run KEEP_IN_ANOTHER_PROCESS; its output: '<revision> <saved>'."""
    result = subprocess.run(
        [sys.executable, "-c", KEEP_IN_ANOTHER_PROCESS, url, str(older_by)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_a_revision_kept_by_one_process_is_what_another_reads(engine, store_url):
    row = get_row(engine, "figures", "wuhai-08")
    update_row(engine, "figures", "wuhai-08", row["version"], {"note": "另一进程"}, "甲", "核对")
    revision = data_revision(engine)
    assert _keep_elsewhere(store_url) == f"{revision} True"
    kept_revision, kept = last_good.load(engine)  # this process, its own connection
    assert kept_revision == revision
    data = load_store(engine)
    assert kept.figures.set_index("figure_id").loc["wuhai-08", "note"] == "另一进程"
    for name in ("sources", "figures", "links", "tasks", "places"):
        pd.testing.assert_frame_equal(getattr(kept, name), getattr(data, name))
    # a process still on an older revision does not replace it
    assert _keep_elsewhere(store_url, older_by=1) == f"{revision - 1} False"
    assert last_good.load(engine)[0] == revision


def test_a_dataset_with_a_repeat_comes_back_with_its_index(engine):
    row = get_row(engine, "figures", "wuhai-09")
    update_row(engine, "figures", "wuhai-09", row["version"], {"duplicate_of": "wuhai-08"}, "甲")
    data = load_store(engine)
    assert not isinstance(data.figures.index, pd.RangeIndex)  # a gap where the repeat was
    assert last_good.save(engine, data_revision(engine), data)
    kept = last_good.load(engine)[1]
    pd.testing.assert_frame_equal(kept.figures, data.figures, check_exact=True)
    assert type(kept.figures.index) is type(data.figures.index)


def test_a_dataset_kept_as_parquet_before_still_loads(engine):
    data = load_store(engine)
    parts = {name: getattr(data, name).to_parquet() for name in last_good._FRAMES}
    parts["texts"] = json.dumps(data.texts, ensure_ascii=False).encode("utf-8")
    with engine.begin() as connection:
        rows = [{"part": n, "revision": 7, "data": blob} for n, blob in parts.items()]
        connection.execute(schema.last_good.insert(), rows)
    revision, kept = last_good.load(engine)
    assert revision == 7 and kept.texts == data.texts
    for name in ("sources", "figures", "links", "tasks", "places"):
        pd.testing.assert_frame_equal(getattr(kept, name), getattr(data, name))
