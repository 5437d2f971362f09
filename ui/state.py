"""Shared filters: kept in session keys we own and mirrored to the URL so a link reproduces a view.

Widget keys are dropped by Streamlit when the page changes; our own `flt_*` keys are not. Each
page run copies our keys into the widgets, and widget changes are copied back (and to the URL).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from metrics.citation import source_titles
from metrics.filters import (
    URL_SEPARATOR,
    FilterOptions,
    Filters,
    filters_from_query,
    filters_to_query,
)
from metrics.load import Dataset
from metrics.markdown import escape_markdown
from ui.labels import FILTER_LABELS, KIND_LABELS, LABELS

STATE_PREFIX = "flt_"
WIDGET_PREFIX = "w_"
KEY_PROJECTOR = "projector"  # URL parameter and session key of the large-type mode
STATE_PROJECTOR = "flt_projector"
WIDGET_PROJECTOR = "w_projector"
STATE_READ_URL = "flt_read_url"


def state_key(name: str) -> str:
    """The session-state key that holds a filter's value."""
    return STATE_PREFIX + name


def widget_key(name: str) -> str:
    """The session-state key of a filter's widget."""
    return WIDGET_PREFIX + name


def current_filters() -> Filters:
    """The filters held in our own session keys."""
    return Filters(**{n: tuple(st.session_state.get(state_key(n), ())) for n in Filters.names()})


def write_url(filters: Filters | None = None) -> None:
    """Mirror the filters (default: the session's) and projector mode to the URL, replacing what
    was there. The URL is read once (each st.query_params call is one more Streamlit command in
    every run of every session)."""
    wanted = filters_to_query(filters if filters is not None else current_filters())
    if st.session_state.get(STATE_PROJECTOR):
        wanted[KEY_PROJECTOR] = "1"
    present = st.query_params.to_dict()
    for name in [*Filters.names(), KEY_PROJECTOR]:
        if name in wanted:
            if present.get(name) != wanted[name]:
                st.query_params[name] = wanted[name]
        elif name in present:
            del st.query_params[name]


ECHO_LIMIT = 30  # characters of an unknown URL value echoed back; the rest becomes "…"


def shorten(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text` cut to `limit` characters, with "…" when something was cut."""
    return text if len(text) <= limit else text[:limit] + "…"


def warn_unknown(what: str, values: str) -> None:
    """The one warning for a URL value we do not know: short, escaped, naming the filter."""
    st.warning(
        LABELS["unknown_in_url"].format(filter=what, values=escape_markdown(shorten(values)))
    )


def _read_url_once(options: FilterOptions) -> None:
    """On a session's first run, take the filters from the URL; report values we do not know."""
    if st.session_state.get(STATE_READ_URL):
        return
    st.session_state[STATE_READ_URL] = True
    present = st.query_params.to_dict()
    params = {name: present.get(name, "") for name in Filters.names()}
    filters, unknown = filters_from_query(params, options)
    for name, values in filters.active().items():
        st.session_state[state_key(name)] = list(values)
    st.session_state[STATE_PROJECTOR] = present.get(KEY_PROJECTOR) == "1"
    for name, values in unknown.items():
        warn_unknown(FILTER_LABELS[name], "、".join(values))


def _copy_back(name: str) -> Callable[[], None]:
    def on_change() -> None:
        st.session_state[state_key(name)] = list(st.session_state[widget_key(name)])
        write_url()

    return on_change


def _reset() -> None:
    for name in Filters.names():
        st.session_state[state_key(name)] = []
        st.session_state[widget_key(name)] = []
    write_url()


def _on_projector_change() -> None:
    st.session_state[STATE_PROJECTOR] = bool(st.session_state[WIDGET_PROJECTOR])
    write_url()


# The titles of the last dataset's sources: a Dataset is one revision's, shared by every session
# (ui/loaders), so a new revision is a new object and the titles are built again for it.
_titles: tuple[object, dict[str, str]] = (None, {})


def _source_titles(data: Dataset) -> dict[str, str]:
    """source_titles of `data`'s sources, once per dataset (not per session and rerun)."""
    global _titles
    sources, titles = _titles
    if sources is not data.sources:
        titles = source_titles(data.sources)
        _titles = (data.sources, titles)
    return titles


def _formatter(name: str, data: Dataset) -> Callable[[str], str]:
    if name == "kind":
        return lambda value: KIND_LABELS.get(value, value)
    if name == "source":
        titles = _source_titles(data)
        return lambda value: titles.get(value, value)
    return str


def sidebar_filters(
    data: Dataset, options: FilterOptions, show: bool = True, toggle: bool = True
) -> Filters:
    """Draw the shared filters in the sidebar and return what they select. With `show` False
    (pages the filters do not apply to) they are kept, in the URL too, but not drawn; with
    `toggle` False neither is the projector toggle (a page that hides the sidebar)."""
    _read_url_once(options)
    if show:
        _draw_filters(data, options)
    if toggle:
        st.session_state[WIDGET_PROJECTOR] = bool(st.session_state.get(STATE_PROJECTOR))
        st.sidebar.toggle(
            LABELS["projector_mode"],
            key=WIDGET_PROJECTOR,
            on_change=_on_projector_change,
            help=LABELS["projector_help"],
        )
    filters = current_filters()
    write_url(filters)
    return filters


def _draw_filters(data: Dataset, options: FilterOptions) -> None:
    """The six filters in a sidebar popover: its button says how many are set, and the
    multiselects (and their script) are built in the browser only once it is opened."""
    active = current_filters().active()
    label = LABELS["filter_button_set"].format(n=len(active)) if active else LABELS["filter_button"]
    with st.sidebar.popover(label, width="stretch", key="w_filters"):
        for name in Filters.names():
            key = widget_key(name)
            # Always re-seed the widget: after a page switch Streamlit keeps a stale, empty value.
            st.session_state[key] = list(st.session_state.get(state_key(name), []))
            st.multiselect(
                FILTER_LABELS[name],
                options=list(options.of(name)),
                key=key,
                on_change=_copy_back(name),
                format_func=_formatter(name, data),
                placeholder=LABELS["filter_all"],
            )
        st.button(
            LABELS["filter_reset"],
            key="w_reset",
            on_click=_reset,
            disabled=not active,
        )


def projector_mode() -> bool:
    """Whether the large-type, high-contrast projector mode is on."""
    return bool(st.session_state.get(STATE_PROJECTOR))


def url_choice(
    param: str,
    options: list[str],
    label: str,
    what: str,
    key: str,
    format_func: Callable[[str], str] = str,
    label_visibility: str = "visible",
) -> str:
    """A one-of-several choice (segmented control) read from and written to ?param=.

    An unknown value in the URL is reported (naming `what`) and the first option is used.
    """
    requested = st.query_params.get(param, options[0])
    if requested not in options:
        warn_unknown(what, requested)
        requested = options[0]
    chosen = (
        st.segmented_control(
            label,
            options,
            default=requested,
            format_func=format_func,
            key=key,
            label_visibility=label_visibility,
        )
        or requested
    )
    st.query_params[param] = chosen
    return chosen


# URL parameters that one page alone reads → that page (url path): dropped when the user moves
# on to another page, so a link copied there does not carry, e.g., a 来源 sentence (?figure=).
PAGE_PARAMS = {"figure": "sources", "doc": "sources", "slide": "present"}
STATE_PAGE = "url_page"  # the page of this session's last run


def drop_other_pages_params(url_path: str) -> None:
    """On a switch to page `url_path`, remove the URL parameters of the other pages
    (PAGE_PARAMS). A session's first run keeps its URL as it came."""
    previous = st.session_state.get(STATE_PAGE)
    st.session_state[STATE_PAGE] = url_path
    if previous is None or previous == url_path:
        return
    for param, owner in PAGE_PARAMS.items():
        if owner != url_path and param in st.query_params:
            del st.query_params[param]


def set_filter(name: str, values: list[str]) -> None:
    """Set one shared filter from outside the sidebar (a quick switch, a chart click)."""
    st.session_state[state_key(name)] = list(values)
    st.session_state[widget_key(name)] = list(values)
    write_url()


def quick_field_switch(options: FilterOptions, key: str = "w_quick_field") -> None:
    """全部/教育/医疗/科创/文旅/其他 at the top of a page, in sync with the sidebar and the URL."""
    from metrics.headline import QUICK_CHOICES, quick_choice, quick_fields

    available = options.of("field")
    st.session_state[key] = quick_choice(current_filters().field, available)

    def on_change() -> None:
        choice = st.session_state.get(key) or QUICK_CHOICES[0]
        set_filter("field", quick_fields(choice, available))

    st.segmented_control(
        LABELS["board_field_switch"],
        QUICK_CHOICES,
        key=key,
        on_change=on_change,
        label_visibility="collapsed",
    )


def pick_to_filter(name: str, chart_key: str, position: int = 0) -> Callable[[], None]:
    """An on_select callback: the clicked or boxed bars become the `name` filter (and the URL).
    An emptied selection leaves the filter as it is (clear it in the sidebar)."""
    from metrics.selection import selected_ids

    def on_select() -> None:
        picked = selected_ids(st.session_state.get(chart_key), position)
        picked = list(dict.fromkeys(v for p in picked for v in p.split(URL_SEPARATOR) if v))
        if picked:
            set_filter(name, picked)

    return on_select


KEY_PICK = "pick"  # URL parameter: the figures picked in a page's charts (?pick=wuhai-08,wuhai-09)


def mirror_pick(picked: list[str], known: set[str], page_key: str) -> list[str]:
    """Keep the bars picked in a page's charts in the URL; on a page's first run in a session,
    a copied URL's ?pick= stands in for the (empty) chart selection. Unknown ids are dropped."""
    first = f"pick_read_{page_key}"
    if not picked and not st.session_state.get(first):
        requested = st.query_params.get(KEY_PICK, "").split(URL_SEPARATOR)
        picked = [i for i in requested if i in known]
    st.session_state[first] = True
    if picked:
        st.query_params[KEY_PICK] = URL_SEPARATOR.join(picked)
    elif KEY_PICK in st.query_params:
        del st.query_params[KEY_PICK]
    return picked
