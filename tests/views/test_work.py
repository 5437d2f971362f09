"""行动方案 and 数据维护 in AppTest: viewers cannot write, editors log in, edits are validated,
two editors never overwrite each other silently, reports are published with provenance."""

import io
import zipfile
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from store.backup import export_zip
from store.db import data_revision, load_store
from store.edit import get_row
from store.tracker import load_updates
from tests.conftest import ROOT
from tests.views.conftest import EDITOR_PASSWORD, open_login_box, open_page

PASSWORD = EDITOR_PASSWORD
MONTH = date.today().strftime("%Y-%m")


def new_app() -> AppTest:
    return AppTest.from_file(ROOT / "app.py", default_timeout=30)


def login(at: AppTest, password: str = PASSWORD) -> AppTest:
    open_login_box(at)
    at.text_input(key="auth_sidebar_user").input("zhang")
    at.text_input(key="auth_sidebar_pw").input(password)
    return next(b for b in at.button if b.label == "登录").click().run()


def labels(at: AppTest) -> set[str]:
    return {b.label for b in at.button} | {t.label for t in at.text_input}


def test_a_viewer_sees_no_edit_controls_and_cannot_write(store):
    revision = data_revision(store)
    for page in ("tracker.py", "maintain.py"):
        at = open_page(new_app(), page)
        assert not at.exception
        assert "修改数据需要编辑账号" in " ".join(i.value for i in at.info)
        assert not {"提交进展", "保存修改", "发布", "写入"} & labels(at)
    assert data_revision(store) == revision


def test_a_wrong_password_is_refused(store):
    at = login(open_page(new_app(), "maintain.py"), "wrong password")
    assert "用户名或密码不正确" in at.error[0].value
    assert "保存修改" not in labels(at)


def test_viewing_can_require_a_login(store, monkeypatch):
    monkeypatch.setenv("JMB_REQUIRE_LOGIN", "1")
    at = new_app().run()
    assert "需要登录" in at.info[0].value
    assert not at.metric and not at.dataframe


def test_an_editor_reports_a_month_and_sees_it_in_the_history(store):
    at = login(open_page(new_app(), "tracker.py"))
    assert "已登录：张编辑" in at.sidebar.caption[0].value
    at.selectbox(key="tr_task").select("1.3")
    at.run()
    at.text_area(key="tr_note").input("已签约一个项目")
    at.radio(key="tr_status_in").set_value("滞后")
    at = next(b for b in at.button if b.label == "提交进展").click().run()
    assert not at.exception and "已记录 1.3" in at.success[0].value
    updates = load_updates(store)
    assert list(updates[["task_id", "month", "status", "author"]].iloc[0]) == [
        "1.3", MONTH, "滞后", "张编辑"
    ]  # fmt: skip
    at.run()
    late = {m.label: m.value for m in at.metric}["滞后"]
    assert late == "1"


def test_a_bad_month_is_refused_and_nothing_is_written(store):
    at = login(open_page(new_app(), "tracker.py"))
    at.text_input(key="tr_month").input("2025/13")
    at = next(b for b in at.button if b.label == "提交进展").click().run()
    assert "格式不对" in at.error[0].value
    assert load_updates(store).empty


def open_figure(at: AppTest, figure_id: str = "wuhai-08") -> AppTest:
    at = login(open_page(at, "maintain.py"))
    at.selectbox(key="ed_pick_figures").select(figure_id)
    return at.run()


def save(at: AppTest, reason: str = "核对原文") -> AppTest:
    form = "ed_figures_wuhai-08"
    at.text_input(key=f"{form}_reason").input(reason)
    return next(b for b in at.button if b.label == "保存修改").click().run()


def test_the_record_picker_narrows_to_what_the_editor_searches_for(store):
    at = login(open_page(new_app(), "maintain.py"))
    assert (
        "wuhai-08" in at.selectbox(key="ed_pick_figures").options[0]
        or len(at.selectbox(key="ed_pick_figures").options) == 25
    )  # 24 figures and 新增
    at.text_input(key="ed_search_figures").input("医疗机构派出专家")
    at.run()
    options = at.selectbox(key="ed_pick_figures").options
    assert len(options) == 2 and options[0].startswith("wuhai-08 · ")  # the match and 新增


def test_an_editor_changes_a_figure_and_the_audit_log_shows_it(store):
    at = open_figure(new_app())
    at.text_input(key="ed_figures_wuhai-08_ind").input("北京派驻医疗专家")
    at = save(at)
    assert not at.exception and "已保存" in at.success[0].value
    assert get_row(store, "figures", "wuhai-08")["indicator"] == "北京派驻医疗专家"
    audit = open_page(new_app(), "maintain.py")
    audit = login(audit)
    text = "".join(str(df.value.to_dict()) for df in audit.dataframe)
    assert "北京派驻医疗专家" in text and "张编辑" in text


@pytest.mark.parametrize(
    ("widget", "value", "message"),
    [
        ("ind", "<script>alert(1)</script>", "不能包含 HTML 标记"),
        ("quote", "北京医疗机构累计派出专家250余人次", "引文不是来源原文的原样片段"),
        ("amt", "负250人次", "数量无法解析"),
    ],
)
def test_a_bad_form_gets_a_chinese_message_and_writes_nothing(store, widget, value, message):
    before = get_row(store, "figures", "wuhai-08")
    at = open_figure(new_app())
    target = at.text_area if widget == "quote" else at.text_input
    target(key=f"ed_figures_wuhai-08_{widget}").input(value)
    at = save(at)
    assert message in " ".join(e.value for e in at.error)
    assert get_row(store, "figures", "wuhai-08") == before


def test_a_missing_reason_is_asked_for(store):
    at = open_figure(new_app())
    at.text_input(key="ed_figures_wuhai-08_ind").input("新名字")
    at = save(at, reason="")
    assert "请填写修改说明" in at.error[0].value
    assert get_row(store, "figures", "wuhai-08")["indicator"] != "新名字"


def test_the_second_editor_is_told_and_sees_the_first_editors_value(store):
    first, second = open_figure(new_app()), open_figure(new_app())  # both open version 1
    first.text_input(key="ed_figures_wuhai-08_ind").input("甲改的名字")
    assert "已保存" in save(first).success[0].value
    second.text_input(key="ed_figures_wuhai-08_ind").input("乙改的名字")
    second = save(second)
    assert "已被 张编辑 修改" in second.error[0].value
    assert "甲改的名字" in str(second.dataframe[0].value.to_dict())
    assert get_row(store, "figures", "wuhai-08")["indicator"] == "甲改的名字"


REPORT = (
    "乌海市2026年京蒙协作工作月报。"
    "3月，北京市东城区组织专家赴乌海市开展义诊，服务群众1200余人次。"
    "海勃湾区与东城区新签约合作项目3个，总投资2.5亿元。"
)


def test_a_pasted_report_is_reviewed_and_published_with_provenance(store):
    at = login(open_page(new_app(), "maintain.py"))
    at.text_area(key="ing_text").input(REPORT)
    at.run()
    at.text_input(key="ing_title").input("乌海市京蒙协作工作月报（3月）")
    at.text_input(key="ing_date").input("2026-03-31")
    at = at.run()
    at = next(b for b in at.button if b.label == "发布").click().run()
    assert not at.exception
    assert "已发布" in at.success[0].value
    data = load_store(store)
    new = data.figures[data.figures["source_id"].str.startswith("report-")]
    assert {"1200余人次", "3个", "2.5亿元"} <= set(new["amount"])
    text = data.texts[new["source_id"].iloc[0]]
    assert text == REPORT and all(q in text for q in new["quote"])


def test_a_pasted_report_with_an_absurd_number_names_it_and_keeps_the_rest(store):
    at = login(open_page(new_app(), "maintain.py"))
    at.text_area(key="ing_text").input("乌海市培训教师9999999999999999999999人次，开展活动3场。")
    at = at.run()
    assert not at.exception
    assert any(
        "数字过大" in w.value and "9999999999999999999999人次" in w.value for w in at.warning
    )


def test_the_review_table_hides_figures_of_other_partners_with_one_click(store):
    at = login(open_page(new_app(), "maintain.py"))
    at.text_area(key="ing_text").input(
        "乌海市京蒙协作工作月报。天津市河西区为乌海市培训教师500名。"
        "北京市东城区组织专家赴乌海市开展义诊，服务群众1200余人次。"
    )
    at = at.run()
    review = at.get("data_editor")[0] if at.get("data_editor") else at.dataframe[0]
    shown = review.value
    assert set(shown["quote"]) == {"500名", "1200余人次"}
    assert dict(zip(shown["quote"], shown["beijing"], strict=True))["500名"] == "否"
    at.toggle(key="ing_beijing_only").set_value(True)
    at.text_input(key="ing_title").input("乌海市京蒙协作工作月报（4月）")
    at = at.run()
    review = at.get("data_editor")[0] if at.get("data_editor") else at.dataframe[0]
    assert list(review.value["quote"]) == ["1200余人次"]
    at = next(b for b in at.button if b.label == "发布").click().run()
    assert not at.exception and "已发布" in at.success[0].value
    new = load_store(store).figures.query("source_id.str.startswith('report-')")
    assert list(new["amount"]) == ["1200余人次"]  # the hidden 天津 figure is not published


def backup_figures(engine) -> pd.DataFrame:
    with zipfile.ZipFile(io.BytesIO(export_zip(engine))) as zf:
        return pd.read_csv(zf.open("figures.csv"), dtype=str, keep_default_na=False)


def upload(at: AppTest, key: str, name: str, content: bytes) -> AppTest:
    at.file_uploader(key=key).upload(name, content)
    return at.run()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("figures.csv", b"", "空文件"),
        ("figures.csv", "figure_id,indicator\nwuhai-08,专家\n".encode("gbk"), "不是 UTF-8"),
        ("figures.csv", b'figure_id,quote\n"wuhai-08,x\n', "不是格式正确的 CSV"),
    ],
)
def test_a_broken_bulk_upload_gets_a_message_and_writes_nothing(store, name, content, message):
    revision = data_revision(store)
    at = upload(login(open_page(new_app(), "maintain.py")), "bk_upload", name, content)
    assert message in " ".join(e.value for e in at.error)
    assert data_revision(store) == revision


def test_bulk_import_lists_bad_rows_then_writes_only_a_clean_file(store):
    figures = backup_figures(store)
    figures.loc[figures["figure_id"] == "wuhai-08", "value"] = "-250"
    at = upload(login(open_page(new_app(), "maintain.py")), "bk_upload", "figures.csv",
                figures.to_csv(index=False).encode("utf-8-sig"))  # fmt: skip
    assert "有 1 行未通过检查" in at.error[0].value
    assert "非负数" in "".join(str(df.value.to_dict()) for df in at.dataframe)
    assert "写入" not in labels(at)
    figures.loc[figures["figure_id"] == "wuhai-08", "value"] = "250"
    figures.loc[figures["figure_id"] == "wuhai-08", "indicator"] = "批量改名"
    at = upload(at, "bk_upload", "figures.csv", figures.to_csv(index=False).encode("utf-8-sig"))
    assert "1 行修改" in at.success[0].value
    at.text_input(key="bk_reason").input("月度核对")
    at = next(b for b in at.button if b.label == "写入").click().run()
    assert "已写入 1 行" in at.success[-1].value
    assert get_row(store, "figures", "wuhai-08")["indicator"] == "批量改名"


def test_a_gbk_report_is_read_and_an_empty_one_refused(store):
    at = login(open_page(new_app(), "maintain.py"))
    at = upload(at, "ing_file", "月报.txt", b"")
    assert "文件为空" in at.error[0].value
    at = upload(at, "ing_file", "月报.txt", REPORT.encode("gbk"))
    assert not at.error
    assert any("找到 3 个候选数字" in c.value for c in at.caption)
