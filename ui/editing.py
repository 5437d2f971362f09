"""The 数据维护 page's parts: edit one record, import a report, backup and bulk import, audit log.
Only ever drawn for a logged-in editor; every write goes through store/ (validated, audited)."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from ingest.extract import PlaceMatcher
from ingest.publish import REVIEW_COLUMNS, publish_report, review_table
from ingest.read import IngestError, read_bytes
from metrics.markdown import escape_markdown
from metrics.quantity import QuantityError, parse_quantity
from metrics.vocab import DIRECTIONS, FIELDS, KINDS, LINK_STATUSES
from store import backup
from store.edit import ConflictError, StoreError, create_row, get_row, history, update_row
from ui import cache, loaders
from ui.labels import (
    AUDIT_ACTION_LABELS,
    AUDIT_COLUMN_LABELS,
    DIRECTION_LABELS,
    KIND_LABELS,
    LABELS,
    QUALIFIER_LABELS,
    STATUS_LABELS,
)
from ui.page import PageContext

TABLE_CHOICES = {"figures": "指标（数字）", "links": "合作关系", "tasks": "方案任务"}
NEW = "__new__"
MAX_CHOICES = 300  # records offered in the picker at once; the search narrows the rest


def _opened_version(table: str, key: str) -> int:
    """The version the editor opened the record at: kept in the session until they save, so a
    change by someone else in between is detected rather than overwritten."""
    slot = f"ed_opened_{table}_{key}"
    if slot not in st.session_state:
        st.session_state[slot] = get_row(loaders.engine(), table, key)["version"]
    return st.session_state[slot]


def _choice(label, options, current, key, labels=None):
    options = list(options)
    index = options.index(current) if current in options else 0
    names = labels or {}
    return st.selectbox(
        label, options, index=index, key=key, format_func=lambda v: names.get(v, v) or "（无）"
    )


def _figure_form(ctx: PageContext, row: dict, key: str) -> dict:
    places = ctx.data.places
    local = ["", *places.loc[places["side"] == "inner_mongolia", "name"]]
    partners = ["", *places.loc[places["side"] != "inner_mongolia", "name"]]
    sources = dict(zip(ctx.data.sources["source_id"], ctx.data.sources["title"], strict=True))
    changes = {
        "source_id": _choice("来源", sources, row.get("source_id"), f"{key}_src", sources),
        "quote": st.text_area(LABELS["edit_quote"], row.get("quote", ""), key=f"{key}_quote"),
        "amount": st.text_input(LABELS["edit_amount"], row.get("amount", ""), key=f"{key}_amt"),
        "indicator": st.text_input("指标", row.get("indicator", ""), key=f"{key}_ind"),
    }
    left, middle, right = st.columns(3)
    with left:
        changes["field"] = _choice("领域", FIELDS, row.get("field"), f"{key}_field")
        changes["kind"] = _choice("类型", KINDS, row.get("kind"), f"{key}_kind", KIND_LABELS)
    with middle:
        changes["place"] = _choice("地区（内蒙古）", local, row.get("place", ""), f"{key}_place")
        changes["partner"] = _choice("合作方", partners, row.get("partner", ""), f"{key}_partner")
    with right:
        changes["period"] = st.text_input("时期", row.get("period", ""), key=f"{key}_period")
        changes["note"] = st.text_input("口径说明", row.get("note", ""), key=f"{key}_note")
    if not changes["amount"].strip():
        st.caption(LABELS["edit_amount_missing"])
        return changes | {"problem": LABELS["edit_amount_missing"]}
    try:
        quantity = parse_quantity(changes["amount"])
    except QuantityError as error:
        problem = f"数量无法解析：{error}"
        st.caption(escape_markdown(problem))
        return changes | {"problem": problem}
    st.caption(
        LABELS["edit_parsed"].format(
            value=f"{quantity.value:g}",
            unit=quantity.unit,
            qualifier=QUALIFIER_LABELS[quantity.qualifier],
        )
    )
    return changes | {
        "value": quantity.value,
        "unit": quantity.unit,
        "qualifier": quantity.qualifier,
    }


def _link_form(ctx: PageContext, row: dict, key: str) -> dict:
    names = list(ctx.data.places["name"])
    sources = dict(zip(ctx.data.sources["source_id"], ctx.data.sources["title"], strict=True))
    changes = {
        "source_id": _choice("来源", sources, row.get("source_id"), f"{key}_src", sources),
        "quote": st.text_area(LABELS["edit_quote"], row.get("quote", ""), key=f"{key}_quote"),
    }
    left, right = st.columns(2)
    with left:
        changes["from_name"] = _choice("合作方", names, row.get("from_name"), f"{key}_from")
        changes["field"] = _choice("领域", FIELDS, row.get("field"), f"{key}_field")
        changes["status"] = _choice(
            "状态", LINK_STATUSES, row.get("status"), f"{key}_status", STATUS_LABELS
        )
    with right:
        changes["to_name"] = _choice("内蒙古一侧", names, row.get("to_name"), f"{key}_to")
        changes["link_type"] = st.text_input(
            "关系类型", row.get("link_type", ""), key=f"{key}_type"
        )
        changes["direction"] = _choice(
            "流向", DIRECTIONS, row.get("direction"), f"{key}_dir", DIRECTION_LABELS
        )
    changes["note"] = st.text_input("备注", row.get("note", ""), key=f"{key}_note")
    return changes


def _task_form(ctx: PageContext, row: dict, key: str) -> dict:
    targets = ctx.data.figures[ctx.data.figures["kind"] == "target"]
    labels = dict(zip(targets["figure_id"], targets["indicator"], strict=True))
    st.text_area(LABELS["edit_text_readonly"], row["text"], disabled=True, key=f"{key}_text")
    chosen = [t for t in row["targets"].split("、") if t in labels]
    return {
        "title": st.text_input("任务", row["title"], key=f"{key}_title"),
        "responsible": st.text_input("责任单位（用、分隔）", row["responsible"], key=f"{key}_resp"),
        "targets": "、".join(
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
    frame = getattr(ctx.data, table)
    labels = cache.record_labels(ctx.path, table)
    query = st.text_input(LABELS["edit_search"], key=f"ed_search_{table}").strip()
    matches = [k for k, label in labels.items() if query in label] if query else list(labels)
    if len(matches) > MAX_CHOICES:
        st.caption(LABELS["edit_search_more"].format(n=len(matches), shown=MAX_CHOICES))
    options = matches[:MAX_CHOICES] + ([NEW] if table == "figures" else [])
    picked = st.selectbox(
        LABELS["edit_pick"],
        options,
        format_func=lambda k: LABELS["edit_new"] if k == NEW else labels[k],
        key=f"ed_pick_{table}",
    )
    engine = loaders.engine()
    if picked == NEW:
        row, version = {}, None
    else:
        row = get_row(engine, table, picked)
        if row is None:
            st.error(f"记录“{escape_markdown(picked)}”已不存在")
            return
        version = _opened_version(table, picked)
    form_key = f"ed_{table}_{picked}"
    _show_conflict(form_key)
    with st.form(form_key):
        if table == "figures":
            changes = _figure_form(ctx, row, form_key)
        elif table == "links":
            changes = _link_form(ctx, row, form_key)
        else:
            changes = _task_form(ctx, row, form_key)
        reason = st.text_input(LABELS["edit_reason"], key=f"{form_key}_reason")
        submitted = st.form_submit_button(LABELS["edit_save"], type="primary")
    if not submitted:
        return
    if "problem" in changes:
        st.error(escape_markdown(changes["problem"]))
        return
    if not reason.strip():
        st.error(LABELS["edit_reason_missing"])
        return
    try:
        if picked == NEW:
            figure_id = _new_figure_id(frame, changes["source_id"])
            saved = create_row(engine, table, changes | {"figure_id": figure_id}, editor, reason)
        else:
            saved = update_row(engine, table, picked, version, changes, editor, reason)
    except ConflictError as error:
        _reload_after_conflict(table, picked, form_key, error, list(changes))
    except StoreError as error:
        st.error(escape_markdown(str(error)))
        return
    if picked != NEW:
        st.session_state[f"ed_opened_{table}_{picked}"] = saved["version"]
    if saved.get("version") == version:
        st.info(LABELS["edit_unchanged"])
    else:
        st.success(LABELS["edit_saved"].format(version=saved["version"]))


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


def import_report(ctx: PageContext, editor: str) -> None:
    """Upload or paste a report → review its candidate figures → publish them with provenance."""
    st.caption("上传 txt（UTF-8/GBK/GB18030/UTF-16）、docx 或有文字层的 pdf，或直接粘贴正文。")
    upload = st.file_uploader(
        "报告文件", type=["txt", "docx", "pdf", "xlsx", "csv"], key="ing_file"
    )
    pasted = st.text_area("或粘贴正文", key="ing_text", height=120)
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
    if not text:
        return
    places = ctx.data.places
    local = places["side"] == "inner_mongolia"
    candidates = cache.report_candidates(ctx.path, text)
    if candidates.empty:
        st.warning("没有在文中找到数字。")
        return
    left, middle, right = st.columns(3)
    meta = {
        "title": left.text_input("报告标题（必填）", key="ing_title"),
        "publisher": middle.text_input("发布单位", key="ing_publisher"),
        "published": right.text_input("发布日期（如 2025-06-30）", key="ing_date"),
        "kind": "report",
    }
    period = meta["published"][:4]
    partners = PlaceMatcher.from_places(places[~local])
    table = review_table(candidates, text, ctx.data.figures, period, partners)
    st.caption(
        f"找到 {len(table)} 个候选数字。取消勾选不是指标的数字，修正领域、指标、地区和类型。"
        "“重复”列非空表示已由其他报告收录，默认不勾选，发布后也不会重复计数。"
    )
    edited = st.data_editor(
        table[REVIEW_COLUMNS],
        hide_index=True,
        width="stretch",
        disabled=["quote", "duplicate", "sentence"],
        column_config={
            "keep": st.column_config.CheckboxColumn("采用"),
            "quote": st.column_config.TextColumn("数量"),
            "field": st.column_config.SelectboxColumn("领域", options=list(FIELDS), required=True),
            "indicator": st.column_config.TextColumn("指标", required=True),
            "place": st.column_config.SelectboxColumn(
                "地区", options=["", *ctx.data.places["name"]]
            ),
            "kind": st.column_config.SelectboxColumn("类型", options=list(KINDS), required=True),
            "duplicate": st.column_config.TextColumn("重复"),
            "sentence": st.column_config.TextColumn("原句", width="large"),
        },
        key="ing_review",
    )
    if st.button("发布", type="primary", key="ing_publish"):
        reviewed = table.assign(
            **{c: edited[c] for c in ["keep", "field", "indicator", "place", "kind"]}
        )
        try:
            published = publish_report(loaders.engine(), text, meta, reviewed, editor)
        except StoreError as error:
            st.error(escape_markdown(str(error)))
            return
        st.success(
            f"已发布：来源 {published.source_id}，{len(published.figure_ids)} 个数字"
            + (
                f"（其中 {len(published.duplicates)} 个与已有数字重复，不重复计数）"
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
        file_name="京蒙协作看板备份.zip",
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
    return "；".join(f"{k}={v}" for k, v in data.items()) if isinstance(data, dict) else str(data)


def audit_log(limit: int = 300) -> None:
    """The latest changes, newest first."""
    rows = history(loaders.engine(), limit=limit)
    st.caption(LABELS["audit_caption"].format(n=len(rows)))
    rows = rows.assign(
        action=rows["action"].map(AUDIT_ACTION_LABELS).fillna(rows["action"]),
        before=rows["before"].map(_compact),
        after=rows["after"].map(_compact),
    )
    st.dataframe(
        rows[list(AUDIT_COLUMN_LABELS)].rename(columns=AUDIT_COLUMN_LABELS),
        hide_index=True,
        width="stretch",
    )
