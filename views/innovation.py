"""科创: the innovation field's figures, links and sources."""

from ui import field_view

field_view.render("科创")
