"""The region-scale generator stays valid: a small run passes the full data validation."""

from bench.generate import generate
from metrics.load import load_dataset


def test_a_small_synthetic_dataset_loads_and_validates(tmp_path):
    out = generate(tmp_path / "region", figures=250, links=20, tasks=5)
    data = load_dataset(out)
    assert (len(data.figures), len(data.links), len(data.tasks)) == (250, 20, 5)
    assert data.figures["quote"].map(lambda q: any(q in t for t in data.texts.values())).all()
    assert set(data.figures["qualifier"]) <= {"exact", "more_than", "about", "at_least"}
