"""The 数据维护 page's bulk parts: import a report, backup and bulk import, the audit log.
Only ever drawn for a logged-in editor; every write goes through store/ (validated, audited)."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from ingest.extract import PlaceMatcher
from ingest.publish import REVIEW_COLUMNS, publish_report, review_table
from ingest.read import IngestError, read_bytes
from metrics.markdown import escape_markdown
from metrics.texts import CLAUSE_SEPARATOR, LIST_SEPARATOR
from metrics.vocab import FIELDS, KINDS, LOCAL_SIDE
from store import backup
from store.audit import history
from store.edit import StoreError
from store.limits import clean_report_text
from ui import cache, loaders
from ui.labels import (
    AUDIT_ACTION_LABELS,
    AUDIT_COLUMN_LABELS,
    AUDIT_TABLE_LABELS,
    BEIJING_LABELS,
    KIND_LABELS,
    LABELS,
)
from ui.labels import IMPORT_REVIEW_COLUMNS as REVIEW
from ui.page import PageContext

# What 导入报告 reads (ingest.read.read_bytes); the caption above the uploader names each one.
REPORT_TYPES = ("txt", "docx", "pdf", "xlsx", "csv")


def import_report(ctx: PageContext, editor: str) -> None:
    """Upload or paste a report → review its candidate figures → publish them with provenance."""
    st.caption(LABELS["import_caption"])
    upload = st.file_uploader(LABELS["import_file"], type=list(REPORT_TYPES), key="ing_file")
    pasted = st.text_area(LABELS["import_paste"], key="ing_text", height=120)
    text = ""
    try:
        if upload is not None:
            suffix = "." + upload.name.rsplit(".", 1)[-1].lower()
            text = read_bytes(upload.getvalue(), suffix)
        elif pasted.strip():
            text = pasted
    except IngestError as error:
        st.error(escape_markdown(str(error)))
        return
    text = clean_report_text(text)  # PDF page breaks and stray control characters
    if not text.strip():
        return
    places = ctx.data.places
    local = places["side"] == LOCAL_SIDE
    candidates = cache.report_candidates(ctx.path, text)
    if too_large := candidates.attrs.get("too_large"):
        shown = LIST_SEPARATOR.join(quote[:30] for quote in too_large[:3])
        st.warning(
            LABELS["import_too_large"].format(n=len(too_large), shown=escape_markdown(shown))
        )
    if candidates.empty:
        st.warning(LABELS["import_no_numbers"])
        return
    left, middle, right = st.columns(3)
    meta = {
        "title": left.text_input(LABELS["import_title"], key="ing_title"),
        "publisher": middle.text_input(LABELS["import_publisher"], key="ing_publisher"),
        "published": right.text_input(LABELS["import_date"], key="ing_date"),
        "kind": "report",
    }
    period = meta["published"][:4]
    partners = PlaceMatcher.from_places(places[~local])
    table = review_table(candidates, text, ctx.data.figures, period, partners)
    st.caption(LABELS["import_found"].format(n=len(table)))
    if st.toggle(LABELS["import_beijing_only"], key="ing_beijing_only"):
        table = table[table["beijing"] != "no"]  # hidden rows are not published
    shown = table[REVIEW_COLUMNS].assign(beijing=table["beijing"].map(BEIJING_LABELS))
    edited = st.data_editor(
        shown,
        hide_index=True,
        width="stretch",
        disabled=["quote", "duplicate", "sentence", "beijing"],
        column_config={
            "keep": st.column_config.CheckboxColumn(REVIEW["keep"]),
            "quote": st.column_config.TextColumn(REVIEW["quote"]),
            "field": st.column_config.SelectboxColumn(
                REVIEW["field"], options=list(FIELDS), required=True
            ),
            "indicator": st.column_config.TextColumn(REVIEW["indicator"], required=True),
            "place": st.column_config.SelectboxColumn(
                REVIEW["place"], options=["", *ctx.data.places["name"]]
            ),
            "partner": st.column_config.TextColumn(LABELS["import_partner"]),
            "beijing": st.column_config.TextColumn(LABELS["import_beijing"]),
            "kind": st.column_config.SelectboxColumn(
                REVIEW["kind"], options=list(KINDS), required=True, format_func=KIND_LABELS.get
            ),
            "duplicate": st.column_config.TextColumn(REVIEW["duplicate"]),
            "sentence": st.column_config.TextColumn(REVIEW["sentence"], width="large"),
        },
        key="ing_review",
    )
    if st.button(LABELS["import_publish"], type="primary", key="ing_publish"):
        reviewed = table.assign(
            **{c: edited[c] for c in ["keep", "field", "indicator", "place", "kind"]}
        )
        try:
            published = publish_report(loaders.engine(), text, meta, reviewed, editor)
        except StoreError as error:
            st.error(escape_markdown(str(error)))
            return
        st.success(
            LABELS["import_published"].format(
                source=published.source_id, n=len(published.figure_ids)
            )
            + (
                LABELS["import_duplicates"].format(n=len(published.duplicates))
                if published.duplicates
                else ""
            )
        )


def backup_and_import(editor: str) -> None:
    """Download a full backup; upload CSV/zip → preview (errors by line) → write."""
    engine = loaders.engine()
    st.download_button(
        LABELS["backup_export"],
        data=lambda: backup.export_zip(engine),
        file_name=LABELS["backup_file"],
        mime="application/zip",
        key="bk_export",
        on_click="ignore",
    )
    upload = st.file_uploader(LABELS["backup_import"], type=["csv", "zip"], key="bk_upload")
    if upload is None:
        st.session_state.pop("bk_plan", None)
        return
    plan = _previewed_plan(engine, upload)
    if plan is None:
        return
    if plan.errors:
        st.error(LABELS["backup_preview_bad"].format(n=len(plan.errors)))
        st.dataframe(plan.errors_frame(), hide_index=True, width="stretch")
        return
    if plan.total_changes == 0:
        st.info(LABELS["backup_nothing"])
        return
    creates = sum(map(len, plan.creates.values()))
    updates = sum(map(len, plan.updates.values()))
    st.success(
        LABELS["backup_preview_ok"].format(
            creates=creates, updates=updates, unchanged=plan.unchanged
        )
    )
    st.dataframe(plan.summary(), hide_index=True)
    reason = st.text_input(LABELS["edit_reason"], key="bk_reason")
    if st.button(LABELS["backup_apply"], type="primary", key="bk_apply"):
        if not reason.strip():
            st.error(LABELS["edit_reason_missing"])
            return
        try:
            written = backup.apply_import(engine, plan, editor, reason)
        except StoreError as error:
            st.error(escape_markdown(str(error)))
            return
        st.session_state["bk_plan"] = (upload.file_id, backup.ImportPlan())  # applied once only
        st.success(LABELS["backup_applied"].format(n=written))


def _previewed_plan(engine, upload) -> backup.ImportPlan | None:
    """The plan previewed for this uploaded file: built once per file (not on every rerun), and
    what 写入 applies, with the versions read at preview time."""
    held = st.session_state.get("bk_plan")
    if held and held[0] == upload.file_id:
        return held[1]
    try:
        tables = backup.read_upload(upload.getvalue(), upload.name)
    except StoreError as error:
        st.error(escape_markdown(str(error)))
        return None
    plan = backup.plan_import(engine, tables)
    st.session_state["bk_plan"] = (upload.file_id, plan)
    return plan


def _compact(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return str(value)
    return (
        CLAUSE_SEPARATOR.join(f"{k}={v}" for k, v in data.items())
        if isinstance(data, dict)
        else str(data)
    )


def audit_log(limit: int = 300) -> None:
    """The latest changes, newest first."""
    rows = history(loaders.engine(), limit=limit)
    st.caption(LABELS["audit_caption"].format(n=len(rows)))
    rows = rows.assign(
        action=rows["action"].map(AUDIT_ACTION_LABELS).fillna(rows["action"]),
        table_name=rows["table_name"].map(AUDIT_TABLE_LABELS).fillna(rows["table_name"]),
        before=rows["before"].map(_compact),
        after=rows["after"].map(_compact),
    )
    st.dataframe(
        rows[list(AUDIT_COLUMN_LABELS)].rename(columns=AUDIT_COLUMN_LABELS),
        hide_index=True,
        width="stretch",
    )
