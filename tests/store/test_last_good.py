"""The last dataset that loaded is kept in the store: exactly as it was, newest revision only."""

import pandas as pd

from store import last_good
from store.db import data_revision, load_store


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
