"""行动方案's task tables: 责任单位 as wide as its units (up to UNITS_CHARS characters), 最近进展
as wide as its text; a reviewer saw the units cut while an empty 最近进展 took the room."""

import json

import pandas as pd

from tests.views.conftest import open_page
from ui import tables
from ui.labels import TRACKER_TASK_COLUMNS
from ui.tracker_tables import UNITS_CHARS


def test_the_units_column_fits_its_units(app):
    at = open_page(app, "tracker.py")
    units, note = TRACKER_TASK_COLUMNS["responsible"], TRACKER_TASK_COLUMNS["note"]
    configs = [json.loads(d.proto.columns) for d in at.dataframe]
    task_tables = [c for c in configs if units in c and note in c]
    assert task_tables
    widest = tables.fit_width(pd.Series(["单位" * 100]), units, UNITS_CHARS)
    unit_widths = [c[units]["width"] for c in task_tables]
    assert max(unit_widths) == widest  # a long list of units gets the whole cap
    assert all(isinstance(w, int) and w <= widest for w in unit_widths)
    no_progress_yet = tables.fit_width(pd.Series([], dtype=object), note, 30)
    assert all(c[note]["width"] == no_progress_yet for c in task_tables)  # nothing reported
