"""bench/room.py: repeated bursts are compared by the median of their p95s, errors kept."""

from bench.room import repeated


def test_repeated_bursts_give_the_median_p95_and_every_error():
    bursts = [
        {"runs": 50, "errors": 0, "median_s": 0.5, "p95_s": 0.9, "max_s": 1.0},
        {"runs": 49, "errors": 1, "median_s": 0.4, "p95_s": 2.5, "max_s": 3.0,
         "first_errors": ["TimeoutError: "]},
        {"runs": 50, "errors": 0, "median_s": 0.6, "p95_s": 0.8, "max_s": 0.9},
    ]  # fmt: skip
    summary = repeated(bursts)
    assert summary["p95_s"] == 0.9 and summary["median_s"] == 0.5
    assert summary["p95_each_s"] == [0.9, 2.5, 0.8]
    assert summary["runs"] == 149 and summary["errors"] == 1 and summary["max_s"] == 3.0
    assert summary["first_errors"] == ["TimeoutError: "]
