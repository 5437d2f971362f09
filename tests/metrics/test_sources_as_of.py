"""来源截至 tells no more than the sources do: a year-only source makes it a year."""

import pandas as pd

from metrics.citation import sources_as_of


def frame(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["published", "period"])


def test_a_year_only_source_of_the_same_year_gives_only_the_year():
    # The bundled pair: the plan of 2025-03-21 and a news feature dated only 2025.
    assert sources_as_of(frame(("2025-03-21", "2025"), ("", "2025"))) == "2025年"


def test_dated_sources_give_their_latest_date():
    assert sources_as_of(frame(("2025-03-21", "2025"), ("2024-06-01", "2024"))) == "2025-03-21"
    assert sources_as_of(frame(("2025-03-21", "2025"), ("", "2024"))) == "2025-03-21"


def test_no_dates_at_all_gives_nothing():
    assert sources_as_of(frame(("", ""))) == ""
