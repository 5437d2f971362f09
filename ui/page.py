"""What every page does first: load the data, draw the shared filters, apply projector mode."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from metrics import filters as metrics_filters
from metrics.citation import source_titles
from metrics.filters import FilterOptions, Filters, filter_options
from metrics.load import Dataset
from metrics.markdown import escape_markdown
from ui import cache, frontend_text, loaders, state
from ui.labels import FILTER_LABELS, LABELS

PROJECTOR_CSS = """
<style>
html, body, [data-testid=stApp] {font-size: 20px;}
[data-testid=stApp] {background: #ffffff; color: #000000;}
[data-testid=stMainBlockContainer] h1 {font-size: 3.1rem;}
[data-testid=stMainBlockContainer] h2, [data-testid=stMainBlockContainer] h3 {font-size: 2.1rem;}
[data-testid=stMetricValue] {font-size: 3.2rem; font-weight: 800;}
[data-testid=stMetricLabel] p {font-size: 1.3rem; color: #000;}
[data-testid=stCaptionContainer], [data-testid=stCaptionContainer] p {color: #1d2939; font-size: 1.05rem;}
.kpi {border-width: 2px; border-color: #101828;}
.kpi-value {font-size: 54px;}
.kpi-label {font-size: 24px;}
.kpi-where, .kpi-quote {font-size: 19px; color: #000;}
.kpi-source {font-size: 16px; color: #101828;}
</style>
"""


# Every page: less empty space above the title (the first screen is for results), no table or
# chart toolbar (its buttons and tooltips are English: Download as CSV, Search, Fullscreen), the
# multiselect's English "Select all" entry written in Chinese, no horizontal overflow on a phone.
BASE_CSS = """
<style>
[data-testid=stMainBlockContainer] {padding-top: 2.2rem; padding-bottom: 2rem;}
[data-testid=stElementToolbar] {display: none !important;}
[data-testid=stMain] {overflow-x: hidden;}
[data-testid=stButtonGroup] > div {flex-wrap: wrap;}
[role=option][data-key^="__select_"] [data-item-hl] {visibility: hidden; white-space: nowrap;}
[role=option][data-key^="__select_"] [data-item-hl]::before {visibility: visible; margin-right: -100%;}
[role=option][data-key="__select_all__"] [data-item-hl]::before {content: "SELECT_ALL";}
[role=option][data-key="__select_matches__"] [data-item-hl]::before {content: "SELECT_MATCHES";}
@media (max-width: 640px) {
  [data-testid=stMainBlockContainer] {padding-left: 0.8rem; padding-right: 0.8rem;}
  [data-testid=stMainBlockContainer] h1 {font-size: 1.9rem;}
  /* 全部 … 其他 on one line of a phone (six two-character chips share the width) */
  .st-key-w_quick_field, .st-key-w_quick_field [data-testid=stButtonGroup] {width: 100% !important;}
  .st-key-w_quick_field [data-testid=stButtonGroup] > div {flex-wrap: nowrap; max-width: none;}
  .st-key-w_quick_field [data-testid=stButtonGroup] button {flex: 1 1 0; min-width: 0;
    padding-left: 0.25rem; padding-right: 0.25rem;}
}
</style>
""".replace("SELECT_ALL", LABELS["select_all"]).replace("SELECT_MATCHES", LABELS["select_matches"])


@dataclass(frozen=True)
class PageContext:
    """The data and the user's filters, as every page needs them."""

    path: str
    data: Dataset
    options: FilterOptions
    filters: Filters
    projector: bool

    def figures(self, filters: Filters | None = None) -> pd.DataFrame:
        """The figures under `filters` (default: the sidebar's), cached across reruns."""
        return cache.figures(self.path, filters or self.filters)

    def links(self, filters: Filters | None = None) -> pd.DataFrame:
        """The links under `filters` (default: the sidebar's), cached across reruns."""
        return cache.links(self.path, filters or self.filters)


@cache.view(max_entries=4)
def _options_at(data_key: str) -> FilterOptions:
    data = loaders.dataset_at(data_key)
    return filter_options(data.figures, data.links, data.sources, data.places)


_seen = {"key": ""}


def current_key() -> str:
    """The data key of this rerun; when the data changed since the last rerun (an editor saved),
    the per-view caches of the old revision are dropped."""
    key = loaders.data_key()
    if key != _seen["key"]:
        if _seen["key"]:
            cache.clear_views()
        _seen["key"] = key
    return key


def start(
    filters: bool = True, sidebar: bool = True, css: str = "", script: str = ""
) -> PageContext:
    """Load data, draw the sidebar filters (unless `filters` is False: pages they do not apply
    to) and the projector toggle (neither when `sidebar` is False: a page that hides the
    sidebar, 汇报模式; the filters still come from the URL and session). The page's own `css`
    and `script` go in the same element as the shared style (each element is one more message
    to every new session). Returns the page's context."""
    path = current_key()
    data = loaders.dataset_at(path)
    if loaders.problem(path):
        problem = escape_markdown(loaders.problem(path))
        st.warning(LABELS["data_fallback"].format(problem=problem))
    options = _options_at(path)
    filters = state.sidebar_filters(data, options, show=filters and sidebar, toggle=sidebar)
    projector = state.projector_mode()
    style = BASE_CSS + (PROJECTOR_CSS if projector else "") + css
    if script:  # one element: the style, the page's script and the translator
        st.html(style + script + frontend_text.for_page_style(), unsafe_allow_javascript=True)
    else:
        # Style only: Streamlit puts it after the page (its event container), so it wins over
        # equally specific rules of later elements (e.g. projector mode's larger cards).
        st.html(style)
        frontend_text.install_if_missing()
    return PageContext(path, data, options, filters, projector)


def describe_filters(filters: Filters, data: Dataset) -> str:
    """'领域：教育、医疗；类型：成果' for the active filters, '' when nothing is filtered."""
    return metrics_filters.describe_filters(filters, source_titles(data.sources))


def filters_text(ctx: PageContext) -> str:
    """'当前筛选：领域：医疗' (or that nothing is filtered)."""
    described = escape_markdown(describe_filters(ctx.filters, ctx.data))
    return LABELS["active_filters"].format(filters=described) if described else LABELS["no_filters"]


def filters_caption(
    ctx: PageContext, not_applied: dict[str, str] | None = None, show: bool = True
) -> None:
    """One line under the title that says what the view is narrowed to (unless `show` is False);
    `not_applied` (filter name → why) adds one line naming active filters the page cannot apply."""
    if show:
        st.caption(filters_text(ctx))
    ignored = [n for n in (not_applied or {}) if n in ctx.filters.active()]
    if ignored:
        why = "；".join(dict.fromkeys(not_applied[n] for n in ignored))
        names = "、".join(FILTER_LABELS[n] for n in ignored)
        st.caption(LABELS["filter_not_applied"].format(names=names, why=why))


def empty_state(ctx: PageContext, filters: Filters | None = None) -> None:
    """Say which filters to relax instead of showing a blank chart."""
    active = (filters or ctx.filters).active()
    names = "、".join(f"“{FILTER_LABELS[n]}”" for n in active) or f"“{FILTER_LABELS['field']}”"
    st.info(
        LABELS["empty_filters"].format(
            filters=escape_markdown(describe_filters(filters or ctx.filters, ctx.data))
            or LABELS["filter_all"],
            names=names,
        )
    )
