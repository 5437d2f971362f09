"""`python -m bench` compares each page's first open with the floor of the libraries it draws."""

import itertools
from pathlib import Path

import pytest

from bench import browser, pages, readme
from bench.__main__ import page_row
from ui.routes import PAGES

ROOT = Path(__file__).resolve().parents[2]


def navigation() -> dict[str, str]:
    """The navigation's pages (ui/routes.py): views file stem → url path ('' for the default page)."""
    return {spec.script: spec.url_path for spec in PAGES}


def test_the_benchmark_opens_every_page_of_the_app_at_its_own_url():
    benchmarked = {file: path for _name, path, _ready, file in browser.PAGES}
    assert benchmarked == navigation()
    assert set(benchmarked) == {p.stem for p in (ROOT / "views").glob("*.py")}


@pytest.mark.parametrize(
    ("page", "floor", "budget"),
    [
        ("education.py", browser.floor_name(("plotly", "table")), 1.3),
        ("other_fields.py", browser.floor_name(("plotly", "table")), 1.3),
        ("overview.py", browser.PLOTLY_FLOOR, 1.3),
        ("map.py", browser.DECK_FLOOR, 1.5),
        ("data.py", browser.TABLE_FLOOR, 1.5),  # Streamlit's data grid: a library of its own
        ("maintain.py", "bare page", 1.5),
    ],
)
def test_a_page_is_held_to_the_floor_of_what_its_first_open_draws(page, floor, budget):
    libraries = pages.libraries_drawn(pages.first_open(page))
    assert browser.floor_of(libraries) == (floor, budget)


def test_every_mix_of_libraries_has_a_floor_the_benchmark_measures():
    measured = {name for name, _path, _ready in browser.FLOORS} | {browser.BARE[0]}
    for size in range(len(browser.LIBRARY_FLOORS) + 1):
        for libraries in itertools.combinations(browser.LIBRARY_FLOORS, size):
            assert browser.floor_of(list(libraries))[0] in measured
    assert browser.floor_of(["pydeck", "plotly"]) == (browser.BOTH_FLOOR, 1.5)


FLOORS = {"bare page": 0.8, browser.PLOTLY_FLOOR: 2.0, browser.DECK_FLOOR: 1.6}


def test_a_chart_page_is_over_when_above_its_floor_budget_not_the_bare_page():
    server = {"education.py": {"libraries": ["plotly"]}, "maintain.py": {"libraries": []}}
    chart = page_row(2.8, "education", FLOORS, server)
    assert chart["floor"] == browser.PLOTLY_FLOOR and chart["ratio"] == 1.4
    assert not chart["met"] and chart["ratio_bare"] == 3.5
    assert page_row(2.6, "education", FLOORS, server)["met"]
    assert page_row(1.1, "maintain", FLOORS, server)["met"]  # 1.38× the bare page ≤ 1.5


def test_the_readme_shows_each_pages_floor_ratio_and_verdict():
    server = {"education.py": {"libraries": ["plotly"], "median_ms": 20.0, "p95_ms": 30.0}}
    results = {
        "date": "2026-11-23 20:00 UTC",
        "machine": "testhost",
        "load_average_before": [2.0, 1.0, 0.5],
        "load_average_after": [3.0, 1.5, 0.7],
        "bundled": {
            "server": server,
            "browser": {"教育": page_row(2.8, "education", FLOORS, server)},
        },
    }
    text = "\n".join(readme.pages_section(results))
    assert (
        "| 教育 | bare + one plotly chart (plotly) | 2.80 s | 1.4× of 2.0 s (≤ 1.3) **missed** |"
        in text
    )
    assert "2.0 / 1.0 / 0.5 → 3.0 / 1.5 / 0.7 after" in text
