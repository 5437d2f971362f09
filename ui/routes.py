"""The dashboard's pages, grouped as the sidebar shows them (every page script lives in views/,
not pages/: see README, "Layout")."""

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui.labels import LABELS


def pages() -> dict[str, list[StreamlitPage]]:
    """The pages, grouped as the sidebar shows them (built once per process: ui/shell.py)."""
    return {
        "": [
            st.Page("views/overview.py", title=LABELS["nav_overview"], default=True),
            st.Page("views/map.py", title=LABELS["nav_map"], url_path="map"),
            st.Page("views/present.py", title=LABELS["nav_present"], url_path="present"),
        ],
        LABELS["nav_section_fields"]: [
            st.Page("views/education.py", title=LABELS["nav_education"], url_path="education"),
            st.Page("views/medical.py", title=LABELS["nav_medical"], url_path="medical"),
            st.Page("views/innovation.py", title=LABELS["nav_innovation"], url_path="innovation"),
            st.Page("views/culture.py", title=LABELS["nav_culture"], url_path="culture"),
            st.Page(
                "views/other_fields.py",
                title=LABELS["nav_other_fields"],
                url_path="other-fields",
            ),
        ],
        LABELS["nav_section_work"]: [
            st.Page("views/tracker.py", title=LABELS["nav_tracker"], url_path="tracker"),
            st.Page("views/maintain.py", title=LABELS["nav_maintain"], url_path="maintain"),
        ],
        LABELS["nav_section_data"]: [
            st.Page("views/data.py", title=LABELS["nav_data"], url_path="data"),
            st.Page("views/sources.py", title=LABELS["nav_sources"], url_path="sources"),
            st.Page("views/about.py", title=LABELS["nav_about"], url_path="about"),
        ],
    }
