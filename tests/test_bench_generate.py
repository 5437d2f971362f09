"""The region-scale generator stays valid: a small run passes the full data validation."""

from bench.generate import generate
from metrics.load import load_dataset


def test_a_small_synthetic_dataset_loads_and_validates(tmp_path):
    out = generate(tmp_path / "region", figures=250, links=20, tasks=5)
    data = load_dataset(out)
    assert (len(data.figures), len(data.links), len(data.tasks)) == (250, 20, 5)
    assert data.figures["quote"].map(lambda q: any(q in t for t in data.texts.values())).all()
    assert set(data.figures["qualifier"]) <= {"exact", "more_than", "about", "at_least"}


def test_a_small_synthetic_dataset_seeds_a_store_with_its_status_updates(tmp_path):
    from metrics.tracker import task_status
    from store.db import load_store, open_store
    from store.tracker import load_updates

    out = generate(tmp_path / "region", figures=150, links=10, tasks=4, months=3)
    engine = open_store(f"sqlite:///{tmp_path / 'region.sqlite'}", out)
    updates = load_updates(engine)
    assert len(updates) == 12 and set(updates["month"]) == {"2025-10", "2025-11", "2025-12"}
    status = task_status(load_store(engine).tasks, updates, "2025-12")
    assert not status["stale"].any()  # every task reported in the last month
