"""医疗: the medical field's figures, links and sources."""

from ui import field_view

field_view.render("医疗")
