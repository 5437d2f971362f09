"""Every UI string in one place (Chinese first), so an English or Mongolian set stays one folder away.

`from ui.labels import X` and `from ui import labels as L` work as before: this package re-exports
every name of its modules, and `LABELS` merges the pages' and the work section's strings.
"""

# The vocabulary's own display names live with the vocabulary (the deck and the map use them too).
from metrics.vocab import DIRECTION_LABELS, FILTER_LABELS, KIND_LABELS, STATUS_LABELS
from ui.labels import map_page, pages, work
from ui.labels.columns import (
    AUDIT_ACTION_LABELS,
    AUDIT_COLUMN_LABELS,
    AUDIT_TABLE_LABELS,
    BEIJING_LABELS,
    COLUMN_LABELS,
    DOWNLOAD_STEM,
    FIGURE_COLUMN_LABELS,
    IMPORT_REVIEW_COLUMNS,
    LINK_COLUMN_LABELS,
    QUALIFIER_EXAMPLES,
    QUALIFIER_LABELS,
    SEARCH_LABEL,
    SHEET_FIGURES,
    SHEET_FILTERS,
    SHEET_SOURCES,
    SOURCE_COLUMN_LABELS,
    SOURCE_KIND_LABELS,
    TASK_COLUMN_LABELS,
    TRACKER_TARGET_COLUMNS,
    TRACKER_TASK_COLUMNS,
    TRACKER_UNIT_COLUMNS,
    UPDATE_COLUMN_LABELS,
)
from ui.labels.work import EDIT_TABLE_LABELS

LABELS: dict[str, str] = {**pages.LABELS, **work.LABELS, **map_page.LABELS}

__all__ = [
    "AUDIT_ACTION_LABELS",
    "AUDIT_COLUMN_LABELS",
    "AUDIT_TABLE_LABELS",
    "BEIJING_LABELS",
    "COLUMN_LABELS",
    "DIRECTION_LABELS",
    "DOWNLOAD_STEM",
    "EDIT_TABLE_LABELS",
    "FIGURE_COLUMN_LABELS",
    "FILTER_LABELS",
    "IMPORT_REVIEW_COLUMNS",
    "KIND_LABELS",
    "LABELS",
    "LINK_COLUMN_LABELS",
    "QUALIFIER_EXAMPLES",
    "QUALIFIER_LABELS",
    "SEARCH_LABEL",
    "SHEET_FIGURES",
    "SHEET_FILTERS",
    "SHEET_SOURCES",
    "SOURCE_COLUMN_LABELS",
    "SOURCE_KIND_LABELS",
    "STATUS_LABELS",
    "TASK_COLUMN_LABELS",
    "TRACKER_TARGET_COLUMNS",
    "TRACKER_TASK_COLUMNS",
    "TRACKER_UNIT_COLUMNS",
    "UPDATE_COLUMN_LABELS",
]
