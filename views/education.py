"""教育: the education field's figures, links and sources."""

from ui import field_view

field_view.render("教育")
