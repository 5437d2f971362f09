"""Shared filters: kept in session keys we own and mirrored to the URL so a link reproduces a view."""

import streamlit as st

from metrics.views import parse_field_selection
from metrics.vocab import FIELDS
from ui.labels import LABELS

KEY_FIELD = "field"  # query parameter name
STATE_FIELD = "flt_field"  # session key we own: survives page switches
WIDGET_FIELD = "w_field"  # widget key: Streamlit drops it when the page changes
URL_SEPARATOR = ","


def _read_url_fields() -> list[str]:
    """Fields requested in the URL (?field=教育,医疗); unknown ones are reported and dropped."""
    raw = st.query_params.get(KEY_FIELD, "")
    requested = [value.strip() for value in raw.split(URL_SEPARATOR) if value.strip()]
    known, unknown = parse_field_selection(requested)
    if unknown:
        st.warning(LABELS["unknown_field_in_url"].format(values="、".join(unknown)))
    return known


def _write_url_fields(fields: list[str]) -> None:
    if fields:
        st.query_params[KEY_FIELD] = URL_SEPARATOR.join(fields)
    elif KEY_FIELD in st.query_params:
        del st.query_params[KEY_FIELD]


def _on_field_change() -> None:
    st.session_state[STATE_FIELD] = list(st.session_state[WIDGET_FIELD])
    _write_url_fields(st.session_state[STATE_FIELD])


def field_filter() -> list[str]:
    """The sidebar field multiselect; returns the selected fields (empty = all)."""
    if STATE_FIELD not in st.session_state:
        st.session_state[STATE_FIELD] = _read_url_fields()
    if WIDGET_FIELD not in st.session_state:
        st.session_state[WIDGET_FIELD] = list(st.session_state[STATE_FIELD])
    _write_url_fields(st.session_state[STATE_FIELD])
    st.sidebar.header(LABELS["filter_header"])
    st.sidebar.multiselect(
        LABELS["filter_field"],
        options=list(FIELDS),
        key=WIDGET_FIELD,
        on_change=_on_field_change,
        help=LABELS["filter_field_help"],
        placeholder=LABELS["filter_field_placeholder"],
    )
    return list(st.session_state[STATE_FIELD])
