"""single_chunks: a revision read by pieces is taken from as one piece, with the same values."""

import pandas as pd

from metrics.tables import single_chunks


def test_columns_in_several_chunks_become_one_with_the_same_values_and_types() -> None:
    first = pd.DataFrame({"quote": ["甲", "乙"], "value": [1.0, 2.0]}, index=[4, 7])
    second = pd.DataFrame({"quote": ["丙", None], "value": [3.0, None]}, index=[9, 2])
    pieces = pd.concat([first, second])  # Arrow-backed text: two chunks
    assert pieces["quote"].array._pa_array.num_chunks == 2
    merged = single_chunks(pieces)
    assert merged["quote"].array._pa_array.num_chunks == 1
    pd.testing.assert_frame_equal(merged, pieces)
    assert list(merged.iloc[[3, 0]]["quote"].fillna("—")) == ["—", "甲"]


def test_a_frame_in_one_piece_is_returned_as_it_is() -> None:
    frame = pd.DataFrame({"quote": ["甲"], "value": [1.0]})
    assert single_chunks(frame) is frame
