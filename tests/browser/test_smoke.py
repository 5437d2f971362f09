"""Every page in a real browser: renders, shows no exception, and sends nothing off the machine."""

import pytest

# (url path, heading, a selector that is on screen once the page has fully rendered)
PAGES = [("", "京蒙协作成果看板", ".kpi")]  # the default page lives at the root URL


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
    assert cards.count() == 24
    first = cards.first.inner_text()
    assert "250余人次" in first and "北京医疗机构累计派专家250余人次" in first


def test_field_in_the_url_filters_the_cards(watched, server):
    watched.open(f"{server}/?field=医疗", ready=".kpi")
    assert watched.page.locator(".kpi").count() == 5
    watched.screenshot("overview-medical")
    watched.assert_clean()


def test_a_deep_link_to_a_fresh_server_gets_the_full_app(browser, fresh_server):
    """The first request after a restart is a shared permalink: it must still run app.py."""
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    page = context.new_page()
    page.goto(f"{fresh_server}/?field=医疗")
    page.wait_for_selector(".kpi", timeout=30000)
    assert page.locator(".kpi").count() == 5
    assert page.locator("[data-testid=stMainBlockContainer]").bounding_box()["width"] > 1000
    nav = " ".join(page.locator("[data-testid=stSidebarNav]").all_inner_texts())
    assert "overview" not in nav and "app" not in nav  # no legacy pages/ navigation
    context.close()
