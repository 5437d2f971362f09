"""文旅: the culture field's figures, links and sources."""

from ui import field_view

field_view.render("文旅")
