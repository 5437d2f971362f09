"""数据维护 (editors only): edit records, import a report, backup and bulk import, audit log."""

import streamlit as st

from ui import auth, bulk, editing, page
from ui.labels import LABELS

ctx = page.start(filters=False)
editor = auth.sidebar_login()
st.title(LABELS["nav_maintain"])
st.caption(LABELS["maintain_caption"])
if not editor:
    st.info(LABELS["login_for_edit"])
    st.stop()

tab_edit, tab_ingest, tab_backup, tab_audit = st.tabs(
    [
        LABELS["maintain_tab_edit"],
        LABELS["maintain_tab_ingest"],
        LABELS["maintain_tab_backup"],
        LABELS["maintain_tab_audit"],
    ]
)
with tab_edit:
    editing.edit_records(ctx, editor)
with tab_ingest:
    bulk.import_report(ctx, editor)
with tab_backup:
    bulk.backup_and_import(editor)
with tab_audit:
    bulk.audit_log()
