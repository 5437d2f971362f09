"""行动方案 → 月度调度表 in AppTest: download for a month and unit, upload several filled files,
see the dry run and the errors, apply, and a second upload changes nothing."""

from datetime import date

from streamlit.testing.v1 import AppTest

from store.tracker import load_updates
from tests.conftest import ROOT
from tests.schedule.helpers import blank, fill, row_of
from tests.views.conftest import EDITOR_PASSWORD, open_login_box, open_page

PASSWORD = EDITOR_PASSWORD
MONTH = date.today().strftime("%Y-%m")


def logged_in() -> AppTest:
    at = open_page(AppTest.from_file(ROOT / "app.py", default_timeout=30), "tracker.py")
    open_login_box(at)
    at.text_input(key="auth_sidebar_user").input("zhang")
    at.text_input(key="auth_sidebar_pw").input(PASSWORD)
    return next(b for b in at.button if b.label == "登录").click().run()


def downloads(at: AppTest) -> list[str]:
    return [e.proto.label for e in at.get("download_button")]


def test_a_viewer_can_download_but_not_upload(store):
    at = open_page(AppTest.from_file(ROOT / "app.py", default_timeout=30), "tracker.py")
    assert not at.exception
    assert "下载调度表（xlsx）" in downloads(at)
    at.selectbox(key="sc_unit").select("市商务局").run()
    assert not at.exception and "下载调度表（xlsx）" in downloads(at)
    assert "以编辑账号登录后可上传填好的调度表。" in [c.value for c in at.caption]


def test_upload_dry_run_errors_apply_and_repeat(store):
    at = logged_in()
    good = blank(unit="市商务局", month=MONTH)
    r = row_of(good, "3.2")
    good = fill(good, {f"G{r}": "推进中", f"H{r}": "已对接两家企业", f"J{r}": "李四"})
    bad = fill(blank(unit="市商务局", month=MONTH), {f"G{r}": "差不多"})
    at.file_uploader(key="sc_files").upload("商务局.xlsx", good).upload("错误.xlsx", bad)
    at.run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error) + " ".join(m.value for m in at.markdown)
    assert "“错误.xlsx”有 1 处错误" in errors and f"第{r}行“状态”列" in errors
    preview = at.dataframe[-1].value
    assert list(preview["编号"]) == ["3.2"] and list(preview["结果"]) == ["将写入"]
    at = next(b for b in at.button if b.label == "确认写入").click().run()
    assert "“商务局.xlsx”：已写入 1 条进展。" in [s.value for s in at.success]
    assert list(load_updates(store)["status"]) == ["推进中"]
    assert list(at.dataframe[-1].value["结果"]) == ["无变化（本月已按此报送）"]
    at = next(b for b in at.button if b.label == "确认写入").click().run()
    assert "没有需要写入的内容" in " ".join(s.value for s in at.success)
    assert len(load_updates(store)) == 1
