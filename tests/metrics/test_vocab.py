"""The vocabulary is the one the data speaks: every place's side is a known side."""

from metrics.load import load_dataset
from metrics.paths import DATA_DIR
from metrics.vocab import LOCAL_SIDE, SIDES


def test_every_place_sits_on_a_known_side_and_the_local_side_has_places():
    places = load_dataset(DATA_DIR).places
    assert set(places["side"]) <= set(SIDES)
    assert (places["side"] == LOCAL_SIDE).sum() > 0
