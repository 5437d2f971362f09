"""The dashboard's pages, grouped as the sidebar shows them (every page script lives in views/,
not pages/: see README, "Layout"). One list (PAGES) gives the navigation and the addresses the
server answers with the app's page (deploy/page.py)."""

from typing import NamedTuple

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui.labels import LABELS


class PageSpec(NamedTuple):
    """One page: its sidebar section and title (label keys), views/ script and address ('' for /)."""

    section: str
    title: str
    script: str
    url_path: str


PAGES = (
    PageSpec("", "nav_overview", "overview", ""),
    PageSpec("", "nav_map", "map", "map"),
    PageSpec("", "nav_present", "present", "present"),
    PageSpec("nav_section_fields", "nav_education", "education", "education"),
    PageSpec("nav_section_fields", "nav_medical", "medical", "medical"),
    PageSpec("nav_section_fields", "nav_innovation", "innovation", "innovation"),
    PageSpec("nav_section_fields", "nav_culture", "culture", "culture"),
    PageSpec("nav_section_fields", "nav_other_fields", "other_fields", "other-fields"),
    PageSpec("nav_section_work", "nav_tracker", "tracker", "tracker"),
    PageSpec("nav_section_work", "nav_maintain", "maintain", "maintain"),
    PageSpec("nav_section_data", "nav_data", "data", "data"),
    PageSpec("nav_section_data", "nav_sources", "sources", "sources"),
    PageSpec("nav_section_data", "nav_about", "about", "about"),
)


def url_paths() -> list[str]:
    """Every page's own address, without the default page's ('' is /)."""
    return [spec.url_path for spec in PAGES if spec.url_path]


def pages() -> dict[str, list[StreamlitPage]]:
    """The pages, grouped as the sidebar shows them (built once per process: ui/shell.py)."""
    grouped: dict[str, list[StreamlitPage]] = {}
    for spec in PAGES:
        page = st.Page(
            f"views/{spec.script}.py",
            title=LABELS[spec.title],
            url_path=spec.url_path or None,
            default=not spec.url_path,
        )
        grouped.setdefault(LABELS[spec.section] if spec.section else "", []).append(page)
    return grouped
