"""Names vulture (`make lint`) reports as unused that are used by a library, not by our code."""
# ruff: noqa: B018  (a whitelist is bare attribute reads, which vulture counts as uses)

from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# Settings written onto library objects, read by the library (protobuf, python-pptx, openpyxl,
# sqlite3): vulture sees an attribute set and never read.
_.query_string  # bench/load.py: BackMsg.rerun_script
_.page_name  # bench/load.py: BackMsg.rerun_script
_.has_title  # briefing/charts.py: pptx chart
_.include_in_layout  # briefing/charts.py: pptx legend
_.gap_width  # briefing/charts.py: pptx bar plot
_.overlap  # briefing/charts.py: pptx bar plot
_.reverse_order  # briefing/charts.py: pptx axis
_.has_major_gridlines  # briefing/charts.py: pptx axis
_.maximum_scale  # briefing/charts.py: pptx axis
_.minimum_scale  # briefing/charts.py: pptx axis
_.tick_label_position  # briefing/charts.py: pptx axis
_.major_tick_mark  # briefing/charts.py: pptx axis
_.word_wrap  # briefing/: pptx text frame
_.subject  # briefing/deck.py: pptx core properties
_.freeze_panes  # metrics/: openpyxl sheet
_.alignment  # metrics/schedule.py: openpyxl cell
_.formatColumns  # metrics/schedule.py: openpyxl sheet protection
_.formatRows  # metrics/schedule.py: openpyxl sheet protection
_.isolation_level  # store/db.py: sqlite3 connection

# Called by a framework through registration or by name.
_._on_connect  # store/db.py: SQLAlchemy event listener
_._on_begin  # store/db.py: SQLAlchemy event listener
_.pytest_collection_modifyitems  # tests/browser/conftest.py: pytest hook
_.postgres_server  # tests/store/conftest.py: pytest fixture requested by name
_.bundled_data  # tests/views/test_data_table_review.py: autouse pytest fixture
