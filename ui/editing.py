"""The 数据维护 page's record editor: pick a record, edit it in a form, save with a reason (a
conflict reloads the form). Reports, backups and the audit log live in ui/bulk.py.
Only ever drawn for a logged-in editor; every write goes through store/ (validated, audited)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics.citation import source_titles
from metrics.markdown import escape_markdown
from metrics.quantity import format_number
from metrics.texts import LIST_SEPARATOR
from metrics.vocab import DIRECTIONS, FIELDS, KINDS, LINK_STATUSES, LOCAL_SIDE
from store.edit import ConflictError, StoreError, create_row, get_row, update_row
from ui import cache, loaders
from ui.labels import (
    DIRECTION_LABELS,
    EDIT_TABLE_LABELS,
    KIND_LABELS,
    LABELS,
    QUALIFIER_LABELS,
    STATUS_LABELS,
)
from ui.labels import FIGURE_COLUMN_LABELS as FIGURE
from ui.labels import LINK_COLUMN_LABELS as LINK
from ui.labels import TASK_COLUMN_LABELS as TASK
from ui.page import PageContext

TABLE_CHOICES = EDIT_TABLE_LABELS
NEW = "__new__"
MAX_CHOICES = 300  # records offered in the picker at once; the search narrows the rest


def _opened_version(table: str, key: str) -> int:
    """The version the editor opened the record at: kept in the session until they save, so a
    change by someone else in between is detected rather than overwritten."""
    slot = f"ed_opened_{table}_{key}"
    if slot not in st.session_state:
        st.session_state[slot] = get_row(loaders.engine(), table, key)["version"]
    return st.session_state[slot]


def _choice(label, options, current, key, labels=None) -> object:
    options = list(options)
    index = options.index(current) if current in options else 0
    names = labels or {}
    return st.selectbox(
        label,
        options,
        index=index,
        key=key,
        format_func=lambda v: names.get(v, v) or LABELS["edit_none"],
    )


def _figure_form(ctx: PageContext, row: dict, key: str) -> dict:
    places = ctx.data.places
    local = ["", *places.loc[places["side"] == LOCAL_SIDE, "name"]]
    partners = ["", *places.loc[places["side"] != LOCAL_SIDE, "name"]]
    sources = source_titles(ctx.data.sources)
    changes = {
        "source_id": _choice(
            FIGURE["source_title"], sources, row.get("source_id"), f"{key}_src", sources
        ),
        "quote": st.text_area(LABELS["edit_quote"], row.get("quote", ""), key=f"{key}_quote"),
        "amount": st.text_input(LABELS["edit_amount"], row.get("amount", ""), key=f"{key}_amt"),
        "indicator": st.text_input(FIGURE["indicator"], row.get("indicator", ""), key=f"{key}_ind"),
    }
    left, middle, right = st.columns(3)
    with left:
        changes["field"] = _choice(FIGURE["field"], FIELDS, row.get("field"), f"{key}_field")
        changes["kind"] = _choice(
            FIGURE["kind_label"], KINDS, row.get("kind"), f"{key}_kind", KIND_LABELS
        )
    with middle:
        changes["place"] = _choice(
            LABELS["edit_place"], local, row.get("place", ""), f"{key}_place"
        )
        changes["partner"] = _choice(
            FIGURE["partner"], partners, row.get("partner", ""), f"{key}_partner"
        )
    with right:
        changes["period"] = st.text_input(
            FIGURE["period"], row.get("period", ""), key=f"{key}_period"
        )
        changes["note"] = st.text_input(FIGURE["note"], row.get("note", ""), key=f"{key}_note")
    return changes  # the store parses the amount (store.edit.with_quantity)


def _link_form(ctx: PageContext, row: dict, key: str) -> dict:
    names = list(ctx.data.places["name"])
    sources = source_titles(ctx.data.sources)
    changes = {
        "source_id": _choice(
            FIGURE["source_title"], sources, row.get("source_id"), f"{key}_src", sources
        ),
        "quote": st.text_area(LABELS["edit_quote"], row.get("quote", ""), key=f"{key}_quote"),
    }
    left, right = st.columns(2)
    with left:
        changes["from_name"] = _choice(
            LINK["from_name"], names, row.get("from_name"), f"{key}_from"
        )
        changes["field"] = _choice(LINK["field"], FIELDS, row.get("field"), f"{key}_field")
        changes["status"] = _choice(
            LINK["status_label"], LINK_STATUSES, row.get("status"), f"{key}_status", STATUS_LABELS
        )
    with right:
        changes["to_name"] = _choice(LINK["to_name"], names, row.get("to_name"), f"{key}_to")
        changes["link_type"] = st.text_input(
            LINK["link_type"], row.get("link_type", ""), key=f"{key}_type"
        )
        changes["direction"] = _choice(
            LINK["direction_label"],
            DIRECTIONS,
            row.get("direction"),
            f"{key}_dir",
            DIRECTION_LABELS,
        )
    changes["note"] = st.text_input(LINK["note"], row.get("note", ""), key=f"{key}_note")
    return changes


def _task_form(ctx: PageContext, row: dict, key: str) -> dict:
    targets = ctx.data.figures[ctx.data.figures["kind"] == "target"]
    labels = dict(zip(targets["figure_id"], targets["indicator"], strict=True))
    st.text_area(LABELS["edit_text_readonly"], row["text"], disabled=True, key=f"{key}_text")
    chosen = [t for t in row["targets"].split(LIST_SEPARATOR) if t in labels]
    return {
        "title": st.text_input(TASK["title"], row["title"], key=f"{key}_title"),
        "responsible": st.text_input(
            LABELS["edit_responsible"], row["responsible"], key=f"{key}_resp"
        ),
        "targets": LIST_SEPARATOR.join(
            st.multiselect(
                LABELS["edit_targets"],
                list(labels),
                default=chosen,
                format_func=lambda f: f"{f} {labels[f]}",
                key=f"{key}_targets",
            )
        ),
    }


def edit_records(ctx: PageContext, editor: str) -> None:
    """Pick a record (or 新增 a figure), edit it in a form, save with a reason."""
    table = st.radio(
        LABELS["edit_table"],
        list(TABLE_CHOICES),
        format_func=TABLE_CHOICES.get,
        horizontal=True,
        key="ed_table",
    )
    picked = _pick_record(ctx, table)
    engine = loaders.engine()
    if picked == NEW:
        row, version = {}, None
    else:
        row = get_row(engine, table, picked)
        if row is None:
            st.error(LABELS["edit_gone"].format(key=escape_markdown(picked)))
            return
        version = _opened_version(table, picked)
    form_key = f"ed_{table}_{picked}"
    _show_conflict(form_key)
    with st.form(form_key):
        changes = _FORMS[table](ctx, row, form_key)
        reason = st.text_input(LABELS["edit_reason"], key=f"{form_key}_reason")
        submitted = st.form_submit_button(LABELS["edit_save"], type="primary")
    if not submitted:
        return
    if not reason.strip():
        st.error(LABELS["edit_reason_missing"])
    else:
        _save(ctx, table, picked, version, changes, (editor, reason), form_key)


def _pick_record(ctx: PageContext, table: str) -> str:
    """The record to edit, found by a search over its labels (NEW for a new figure)."""
    labels = cache.record_labels(ctx.path, table)
    query = st.text_input(LABELS["edit_search"], key=f"ed_search_{table}").strip()
    matches = [k for k, label in labels.items() if query in label] if query else list(labels)
    if len(matches) > MAX_CHOICES:
        st.caption(LABELS["edit_search_more"].format(n=len(matches), shown=MAX_CHOICES))
    options = matches[:MAX_CHOICES] + ([NEW] if table == "figures" else [])
    return st.selectbox(
        LABELS["edit_pick"],
        options,
        format_func=lambda k: LABELS["edit_new"] if k == NEW else labels[k],
        key=f"ed_pick_{table}",
    )


def _save(ctx, table, picked, version, changes, who: tuple[str, str], form_key: str) -> None:
    """Create or update the record with the version the editor saw; report what happened."""
    editor, reason = who
    engine = loaders.engine()
    try:
        if picked == NEW:
            figure_id = _new_figure_id(getattr(ctx.data, table), changes["source_id"])
            saved = create_row(engine, table, changes | {"figure_id": figure_id}, editor, reason)
        else:
            saved = update_row(engine, table, picked, version, changes, editor, reason)
    except ConflictError as error:
        _reload_after_conflict(table, picked, form_key, error, list(changes))
        return  # (reruns unless the row is gone, which the message says)
    except StoreError as error:
        st.error(escape_markdown(str(error)))
        return
    if picked != NEW:
        st.session_state[f"ed_opened_{table}_{picked}"] = saved["version"]
    if saved.get("version") == version:
        st.info(LABELS["edit_unchanged"])
    else:
        st.success(LABELS["edit_saved"].format(version=saved["version"]))
    if table == "figures":
        st.caption(
            LABELS["edit_parsed"].format(
                value="".join(format_number(saved["value"])),  # 50亿, not 5e+09
                unit=saved["unit"],
                qualifier=QUALIFIER_LABELS[saved["qualifier"]],
            )
        )


def _reload_after_conflict(table, picked, form_key, error: ConflictError, columns) -> None:
    """Drop the form's stale values and version, so it is drawn again from the row as it is now
    and the editor decides afresh; the message and the current values survive the rerun."""
    if error.current is None:
        st.error(escape_markdown(str(error)))
        return
    for key in [k for k in st.session_state if str(k).startswith(f"{form_key}_")]:
        del st.session_state[key]
    st.session_state[f"ed_opened_{table}_{picked}"] = error.current["version"]
    shown = {k: v for k, v in error.current.items() if k in columns}
    st.session_state[f"{form_key}:conflict"] = (str(error), shown, error.current["version"])
    st.rerun()


def _show_conflict(form_key: str) -> None:
    conflict = st.session_state.pop(f"{form_key}:conflict", None)
    if conflict:
        message, shown, version = conflict
        st.error(escape_markdown(message))
        st.markdown(f"**{LABELS['edit_conflict_now']}**")
        st.dataframe(pd.DataFrame([shown]), hide_index=True)
        st.info(LABELS["edit_conflict_reloaded"].format(version=version))


def _new_figure_id(figures: pd.DataFrame, source_id: str) -> str:
    taken = set(figures["figure_id"])
    number = 1 + sum(figures["source_id"] == source_id)
    while f"{source_id}-{number:02d}" in taken:
        number += 1
    return f"{source_id}-{number:02d}"


# The form of each editable table (each returns the changed columns; the store checks them).
_FORMS = {"figures": _figure_form, "links": _link_form, "tasks": _task_form}
