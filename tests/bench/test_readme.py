"""The README's bench section comes from artifacts/bench.json (bench/readme.py)."""

from bench import readme

ROOM = {
    "machine": "testhost · 2 cores",
    "date": "2026-11-23 11:00 UTC",
    "load_average_before": [3.0, 2.0, 1.0],
    "settings": {"burst": 50, "steady": 32, "seconds": 60, "think": 3.0, "workers": 2,
                 "page": "present"},
    "bare": {"first_run_median_s": 0.1, "burst": {"median_s": 4.0, "p95_s": 5.0, "errors": 0},
             "steady": {"runs": 600, "median_s": 0.01, "p95_s": 0.05, "errors": 0}},
    "app": {"first_run_median_s": 0.3, "burst": {"median_s": 3.0, "p95_s": 4.0, "errors": 0},
            "steady": {"runs": 580, "median_s": 0.05, "p95_s": 0.4, "errors": 0},
            "rerun_ms": {"overview.py": {"median_ms": 20.0, "p95_ms": 30.0},
                         "tracker.py": {"median_ms": 90.0, "p95_ms": 120.0}}},
    "ratios": {"first_run": 3.0, "burst_p95": 0.8, "steady_p95": 8.0},
}  # fmt: skip


def test_the_section_replaces_the_old_one_and_says_which_budgets_are_missed():
    old = "# Title\n\nIntro.\n\n## Measured (`make bench`)\n\nHand-typed 1.23 s.\n"
    new = readme.render(old, {"room": ROOM})
    assert new.startswith("# Title\n\nIntro.\n\n## Measured (`make bench`)\n")
    assert "Hand-typed" not in new
    assert "testhost · 2 cores" in new and "3.0 / 2.0 / 1.0" in new
    assert "**missed**: new session's first run 3.0× the bare app's (≤ 2.0×)" in new
    assert (
        "**missed**: rerun median server time ≤ 60 ms on every page; over: {'tracker.py': 90.0}"
        in new
    )
    assert "met: 50-session burst on /present p95 4.0 s = 0.8× the bare app's (≤ 1.0×)" in new
    assert "| tracker | 90.0 | 120.0 |" in new


TAB = {
    "machine": "testhost · 2 cores",
    "date": "2026-11-23 14:00 UTC",
    "load_average_before": [1.5, 1.0, 0.5],
    "budget_s": 0.3,
    "floor": {"median_s": 0.1, "p95_s": 0.2, "changes": 20},
    "app": {"median_s": 0.45, "p95_s": 0.9, "changes": 20},
    "ratio": 4.5,
}


def test_a_part_not_run_this_time_keeps_its_subsection_and_its_date():
    earlier = readme.render("# Title\n", {"room": ROOM})
    earlier += (
        "\n### First view after a saved edit, region scale (`bench/edit.py`)\n\nMedian 1.5 s.\n"
    )
    new = readme.render(earlier, {"filter_change_tab": TAB})
    assert "2026-11-23 11:00 UTC" in new  # the room part, kept as it was measured
    assert "Median 1.5 s." in new
    assert new.index("### A room at once") < new.index("### A filter change in one real tab")
    assert new.index("### A filter change in one real tab") < new.index("### First view after")
    assert "median 0.45 s, p95 0.9 s over 20 changes; budget median ≤ 0.3 s: **missed**" in new
    assert "1.5 / 1.0 / 0.5" in new and "(4.5× that floor)" in new
    assert "\n\n\n" not in new
    assert readme.render(new, {}) == new  # nothing measured: the section stays as it is
