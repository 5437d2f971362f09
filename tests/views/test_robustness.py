"""Issue 15 in the app: a broken store still shows pages (last good data, a notice) and 数据维护;
odd URL values and unexpected errors give Chinese messages; conflicts reload the form."""

import pytest
import sqlalchemy as sa
import streamlit as st
from streamlit.testing.v1 import AppTest

from store import schema
from store.audit import write_audit
from store.db import data_revision, open_store
from store.edit import get_row, update_row
from tests.views.conftest import html_text, open_page
from tests.views.test_work import (
    backup_figures,
    login,
    new_app,
    open_figure,
    save,
    upload,
)


def break_the_store(engine) -> None:
    """What a hand-made SQL change could do: a task's target marked as a duplicate."""
    with engine.begin() as connection:
        connection.execute(
            schema.figures.update()
            .where(schema.figures.c.figure_id == "ordos-03")
            .values(duplicate_of="ordos-04")
        )
        write_audit(connection, "dba", "update", "figures", "ordos-03", None, None, "手工 SQL")


def test_a_store_that_does_not_load_shows_the_last_good_data_and_maintenance(store):
    at = new_app().run()
    assert not at.exception and html_text(at)
    break_the_store(store)
    at = new_app().run()
    assert not at.exception and html_text(at)  # the last good revision
    assert "无法加载" in " ".join(w.value for w in at.warning)
    at = login(open_page(new_app(), "maintain.py"))
    assert not at.exception and at.tabs
    # The repair goes through: the store was broken before, the write makes it load again.
    row = get_row(store, "figures", "ordos-03")
    update_row(store, "figures", "ordos-03", row["version"], {"duplicate_of": ""}, "张编辑", "修复")
    at = new_app().run()
    assert not at.warning and html_text(at)


def test_a_fresh_server_on_a_broken_store_falls_back_to_the_bundled_data(fresh_store):
    st.cache_resource.clear()
    break_the_store(open_store(fresh_store))
    at = new_app().run()
    assert not at.exception and html_text(at)
    assert "无法加载" in " ".join(w.value for w in at.warning)


# A long run of digits is a number past the end: tests/views/test_present.py (last slide).
@pytest.mark.parametrize("slide", ["²", "-1", "1e3", "٣", "[x](https://e.example)"])
def test_odd_slide_numbers_open_the_first_slide_with_a_notice(app, slide):
    at = open_page(app, "present.py", slide=slide)
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "无效" in warning and "](" not in warning.replace("\\]\\(", "")


def test_an_unexpected_error_shows_a_chinese_message_with_an_id_and_no_traceback():
    def page():
        from ui import errors

        errors.guarded(lambda: 1 / 0, "test")

    at = AppTest.from_function(page).run()
    assert not at.exception
    assert "错误编号" in at.error[0].value and "ZeroDivision" not in at.error[0].value


def test_after_a_conflict_the_form_holds_the_current_values_and_version(store):
    second = open_figure(new_app())  # opens version 1
    row = get_row(store, "figures", "wuhai-08")
    update_row(store, "figures", "wuhai-08", row["version"], {"indicator": "甲改的名字"}, "甲")
    second.text_input(key="ed_figures_wuhai-08_ind").input("乙改的名字")
    second = save(second)
    assert "修改" in second.error[0].value
    assert second.text_input(key="ed_figures_wuhai-08_ind").value == "甲改的名字"
    # Saving again without a fresh decision keeps the first editor's change.
    second = save(second, "再存一次")
    assert get_row(store, "figures", "wuhai-08")["indicator"] == "甲改的名字"
    revision = data_revision(store)
    second.text_input(key="ed_figures_wuhai-08_ind").input("乙重新决定")
    second = save(second, "在最新版上修改")
    assert get_row(store, "figures", "wuhai-08")["indicator"] == "乙重新决定"
    assert data_revision(store) > revision


def test_the_engine_reads_do_not_take_the_write_lock(store):
    with store.connect() as reader:
        reader.execute(sa.select(schema.figures.c.figure_id)).first()
        row = get_row(store, "figures", "wuhai-08")  # another connection can still write
        update_row(store, "figures", "wuhai-08", row["version"], {"note": "读时写"}, "张", "x")


def test_bulk_import_writes_what_was_previewed_and_refuses_rows_changed_since(store):
    figures = backup_figures(store)
    figures.loc[figures["figure_id"] == "wuhai-08", "indicator"] = "导入的名字"
    at = login(open_page(new_app(), "maintain.py"))
    at = upload(at, "bk_upload", "figures.csv", figures.to_csv(index=False).encode("utf-8-sig"))
    assert "1 行修改" in at.success[0].value
    row = get_row(store, "figures", "wuhai-08")
    update_row(store, "figures", "wuhai-08", row["version"], {"indicator": "别人先改"}, "甲")
    at.text_input(key="bk_reason").input("批量更正")
    at = next(b for b in at.button if b.label == "写入").click().run()
    assert "预览后已被他人修改" in " ".join(e.value for e in at.error)
    assert get_row(store, "figures", "wuhai-08")["indicator"] == "别人先改"
