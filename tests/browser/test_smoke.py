"""Every page in a real browser: renders, shows no exception, and sends nothing off the machine."""

import io
from pathlib import Path

import openpyxl
import pytest

from tests.browser.conftest import SCREENSHOTS, PageWatch

# (url path, heading, a selector that is on screen once the page has fully rendered)
PAGES = [
    ("", "京蒙协作成果看板", ".kpi"),  # the default page lives at the root URL
    ("map", "合作地图", "[data-testid=stDeckGlJsonChart] canvas"),
    ("education", "教育", ".js-plotly-plot"),
    ("medical", "医疗", ".js-plotly-plot"),
    ("innovation", "科创", ".js-plotly-plot"),
    ("culture", "文旅", "[data-testid=stDataFrame]"),
    ("other-fields", "产业", ".kpi"),
    ("data", "数据表", "[data-testid=stDataFrame]"),
    ("sources", "来源", ".doc mark"),
    ("about", "关于", ".src-footer"),
    ("tracker", "行动方案", "[data-testid=stDataFrame]"),
    ("maintain", "数据维护", "[data-testid=stAlert]"),
]


@pytest.mark.parametrize(("path", "heading", "ready"), PAGES)
def test_page_renders_offline_without_errors(watched, server, path, heading, ready):
    watched.open(f"{server}/{path}", ready=ready)
    page = watched.page
    assert page.locator("h1").first.inner_text() == heading
    assert page.locator("[data-testid=stException]").count() == 0
    watched.screenshot(path or "overview")
    watched.assert_clean()


def test_kpi_cards_show_numbers_with_their_quotes(watched, server):
    watched.open(f"{server}/", ready=".kpi")
    cards = watched.page.locator(".kpi")
    assert cards.count() == 12
    first = cards.first.inner_text()
    assert "250余人次" in first and "北京医疗机构累计派专家250余人次" in first


def test_field_in_the_url_filters_the_cards(watched, server):
    watched.open(f"{server}/?field=医疗", ready=".kpi")
    assert watched.page.locator(".kpi").count() == 5
    watched.screenshot("overview-medical")
    watched.assert_clean()


def test_projector_mode_enlarges_the_numbers(watched, server):
    watched.open(f"{server}/?projector=1", ready=".kpi")
    size = watched.page.locator(".kpi-value").first.evaluate("e => getComputedStyle(e).fontSize")
    assert size == "54px"
    watched.screenshot("overview-projector")


def test_selecting_a_bar_filters_the_cards(watched, server):
    watched.open(f"{server}/", ready=".kpi")
    page = watched.page
    # 总览's relations-per-field chart: the first trace (已实现) lists 其他, 文旅, 科创, 医疗, 教育
    # bottom-up; a click on the 医疗 bar makes 医疗 the field filter.
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.scroll_into_view_if_needed()
    bar = chart.locator(".trace.bars").first.locator(".point").nth(3).bounding_box()
    x, y = bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2
    page.mouse.move(x - 3, y)
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_function("document.querySelectorAll('.kpi').length === 5", timeout=15000)
    assert "630余例次" in page.locator(".kpi-grid").inner_text()
    watched.assert_clean()


def test_a_deep_link_to_a_fresh_server_gets_the_full_app(browser, fresh_server):
    """The first request after a restart is a shared permalink: it must still run app.py."""
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    page = context.new_page()
    page.goto(f"{fresh_server}/medical?partner=北京市")
    page.wait_for_selector(".kpi", timeout=30000)
    assert page.locator("h1").first.inner_text() == "医疗"
    assert page.locator(".kpi").count() == 5
    assert page.locator("[data-testid=stMainBlockContainer]").bounding_box()["width"] > 1000
    nav = " ".join(page.locator("[data-testid=stSidebarNav]").all_inner_texts())
    assert "数据表" in nav and "app" not in nav  # our navigation, not a legacy pages/ one
    context.close()


def test_downloads_open_in_chinese_excel(watched, server):
    """The CSV carries a BOM; the workbook has the figures, their sources and the filters."""
    watched.open(f"{server}/data?field=医疗", ready="[data-testid=stDataFrame]")
    page = watched.page
    with page.expect_download() as csv_download:
        page.get_by_text("下载 CSV").click()
    data = Path(csv_download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "630余例次".encode() in data
    with page.expect_download() as xlsx_download:
        page.get_by_text("下载 Excel").click()
    workbook = openpyxl.load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes()))
    assert workbook.sheetnames == ["数字", "来源", "筛选条件"]
    headers = [c.value for c in workbook["来源"][1]]
    assert headers[0] == "标题" and not {"source_id", "sha256", "seq", "path", "note"} & set(
        headers
    )
    assert workbook["数字"].max_row == 6  # header + 5 medical figures
    assert [c.value for c in workbook["筛选条件"][2]] == ["领域", "医疗"]
    watched.assert_clean()


@pytest.mark.parametrize("view", ["jingmeng", "inner_mongolia", "ordos", "wuhai"])
def test_map_views_draw_offline(watched, server, view):
    """deck.gl draws our boundaries and flying lines; no tile, style or font leaves the machine."""
    watched.open(f"{server}/map?view={view}", ready="[data-testid=stDeckGlJsonChart] canvas")
    watched.page.wait_for_timeout(1500)  # let deck.gl finish its first frames (and any fetch)
    chart = watched.page.locator("[data-testid=stDeckGlJsonChart]")
    chart.scroll_into_view_if_needed()
    assert chart.bounding_box()["height"] >= 520
    watched.page.screenshot(path=str(SCREENSHOTS / f"map-{view}.png"))
    watched.assert_clean()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_present_mode_fills_a_projector_without_chrome(browser, server, size):
    """Slides are 16:9, the sidebar is hidden, every slide has its footer, nothing leaves."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    watched = PageWatch(context.new_page())
    watched.open(f"{server}/present?slide=2", ready=".slide-kpi")
    page = watched.page
    assert not page.locator("[data-testid=stSidebar]").is_visible()
    box = page.locator(".st-key-slide, .slide-frame").bounding_box()
    assert box["width"] / box["height"] == pytest.approx(16 / 9, rel=0.02)
    assert "来源截至" in page.locator(".slide-footer").inner_text()
    page.screenshot(path=str(SCREENSHOTS / f"present-{size[0]}x{size[1]}.png"))
    page.get_by_text("下一页").click()
    page.wait_for_function("document.body.innerText.includes('第 3/')", timeout=15000)
    watched.assert_clean()
    context.close()


def test_a_card_takes_the_user_to_its_sentence(watched, server):
    watched.open(f"{server}/", ready=".kpi")
    watched.page.locator(".kpi").first.locator(".kpi-link").click()
    watched.page.wait_for_selector(".ctx mark", timeout=30000)
    assert watched.page.locator(".ctx mark").inner_text() == "北京医疗机构累计派专家250余人次"
    assert "/sources" in watched.page.url
    watched.assert_clean()


def test_an_editor_logs_in_and_the_edit_tools_render_offline(watched, server):
    from store.auth import add_editor
    from store.db import open_store

    engine = open_store()  # the server's store ($DATABASE_URL of the test session)
    add_editor(engine, "browser-editor", "browser pass 1", "浏览器编辑")
    engine.dispose()
    watched.open(f"{server}/maintain", ready="[data-testid=stAlert]")
    page = watched.page
    assert page.get_by_role("button", name="保存修改").count() == 0  # a viewer has no controls
    page.get_by_test_id("stExpander").get_by_text("编辑登录").click()
    page.get_by_label("用户名").fill("browser-editor")
    page.get_by_label("密码").fill("browser pass 1")
    page.get_by_role("button", name="登录").click()
    page.get_by_role("button", name="保存修改").wait_for(timeout=30000)
    assert "已登录：浏览器编辑" in page.locator("[data-testid=stSidebar]").inner_text()
    watched.screenshot("maintain-editor")
    for tab in ("导入报告", "备份与批量导入", "修改记录"):
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(500)
    assert page.locator("[data-testid=stException]").count() == 0
    watched.assert_clean()


@pytest.mark.parametrize(("path", "ready"), [("about", ".src-footer"), ("sources", ".doc mark")])
def test_pages_the_filters_do_not_narrow_show_no_filter_boxes(watched, server, path, ready):
    watched.open(f"{server}/{path}?field=医疗", ready=ready)
    page = watched.page
    assert page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").count() == 0
    assert page.locator("[data-testid=stSidebar] [data-testid=stPopover]").count() == 0  # 筛选
    assert page.locator("[data-testid=stSidebar] [data-testid=stCheckbox]").count() == 1  # 投影模式
    assert page.get_by_text("本页不按“领域”筛选").count() == 1
    if path == "about":  # the qualifier table, drawn as a plain table
        rows = page.locator("[data-testid=stMarkdown] table tr").all_inner_texts()
        assert len(rows) == 7 and "250余人次" in rows[2]
    watched.assert_clean()
